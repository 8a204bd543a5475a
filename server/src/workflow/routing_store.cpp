#include "atrium/workflow/routing_store.hpp"

#include <fmt/format.h>

#include "atrium/core/json_body.hpp"

namespace atrium::workflow {

namespace {

constexpr const char* kCalendarColumns = "id, name, time_zone, hours, holidays, created_at, updated_at, version";
constexpr const char* kPathColumns =
    "id, name, entity, field, value, calendar_id, steps, overall_sla_minutes, active, created_at, updated_at, version";

Result<storage::Row> one_row(storage::Connection& connection, const std::string& sql, std::string_view id,
                             std::string_view what) {
  auto rows = connection.query(sql, {std::string(id)});
  if (!rows) return rows.take_error();
  if (rows->empty()) return make_error(ErrorCode::not_found, fmt::format("no {} with id {}", what, id));
  return std::move(rows->rows[0]);
}

Result<BusinessCalendar> calendar_from_row(const storage::Row& row) {
  boost::json::object body{{"time_zone", row[2].text()}};
  auto hours = parse_json(row[3].text());
  auto holidays = parse_json(row[4].text());
  body["hours"] = hours ? std::move(*hours) : boost::json::value(boost::json::object{});
  body["holidays"] = holidays ? std::move(*holidays) : boost::json::value(boost::json::array{});
  return read_business_calendar(body);
}

RoutingPath path_from_row(const storage::Row& row) {
  RoutingPath path;
  path.id = row[0].text();
  path.name = row[1].text();
  path.entity = row[2].text();
  path.field = row[3].text();
  path.value = row[4].text();
  path.calendar_id = row[5].text();
  path.steps = steps_from_text(row[6].text());
  if (!row[7].is_null()) path.overall_sla_minutes = row[7].integer();
  path.active = row[8].integer() != 0;
  return path;
}

}  // namespace

Result<BusinessCalendar> load_business_calendar(storage::Connection& connection, std::string_view id) {
  auto row = one_row(connection, fmt::format("SELECT {} FROM business_calendars WHERE id = ?", kCalendarColumns), id,
                     "business calendar");
  if (!row) return row.take_error();
  return calendar_from_row(*row);
}

Result<boost::json::object> business_calendar_json(storage::Connection& connection, std::string_view id) {
  auto row = one_row(connection, fmt::format("SELECT {} FROM business_calendars WHERE id = ?", kCalendarColumns), id,
                     "business calendar");
  if (!row) return row.take_error();
  auto calendar = calendar_from_row(*row);
  if (!calendar) return calendar.take_error();
  return boost::json::object{{"id", (*row)[0].text()},
                             {"name", (*row)[1].text()},
                             {"time_zone", (*row)[2].text()},
                             {"hours", hours_json(*calendar)},
                             {"holidays", holidays_json(*calendar)},
                             {"created_at", (*row)[5].text()},
                             {"updated_at", (*row)[6].text()},
                             {"version", (*row)[7].integer()}};
}

Result<RoutingPath> load_routing_path(storage::Connection& connection, std::string_view id) {
  auto row =
      one_row(connection, fmt::format("SELECT {} FROM routing_paths WHERE id = ?", kPathColumns), id, "routing path");
  if (!row) return row.take_error();
  return path_from_row(*row);
}

Result<boost::json::object> routing_path_json(storage::Connection& connection, std::string_view id) {
  auto row =
      one_row(connection, fmt::format("SELECT {} FROM routing_paths WHERE id = ?", kPathColumns), id, "routing path");
  if (!row) return row.take_error();
  const RoutingPath path = path_from_row(*row);
  return boost::json::object{
      {"id", path.id},
      {"name", path.name},
      {"entity", path.entity},
      {"field", path.field},
      {"value", path.value},
      {"calendar_id", path.calendar_id},
      {"steps", steps_json(path.steps)},
      {"overall_sla_hours", path.overall_sla_minutes ? boost::json::value(minutes_to_hours(*path.overall_sla_minutes))
                                                     : boost::json::value(nullptr)},
      {"active", path.active},
      {"created_at", (*row)[9].text()},
      {"updated_at", (*row)[10].text()},
      {"version", (*row)[11].integer()}};
}

Result<std::optional<RoutingPath>> matching_routing_path(storage::Connection& connection, std::string_view entity,
                                                         const boost::json::object& record) {
  std::optional<RoutingPath> found;
  ATRIUM_TRY(connection.each(
      fmt::format("SELECT {} FROM routing_paths WHERE entity = ? AND active = 1 ORDER BY name", kPathColumns),
      {std::string(entity)}, [&](const storage::Row& row) {
        RoutingPath path = path_from_row(row);
        const auto* value = record.if_contains(path.field);
        if (value && value->is_string() && value->as_string() == path.value) {
          found = std::move(path);
          return false;
        }
        return true;
      }));
  return found;
}

}  // namespace atrium::workflow
