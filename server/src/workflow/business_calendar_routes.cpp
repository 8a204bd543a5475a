#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include "atrium/core/id.hpp"
#include "atrium/workflow/routing_admin_routes.hpp"
#include "atrium/workflow/routing_store.hpp"
#include "routing_admin_support.hpp"

namespace atrium::workflow {

namespace {

using http::Request;
using http::Response;
using namespace routing_admin;

constexpr std::size_t kMaxCalendars = 1000;

struct CalendarInput {
  std::string name;
  BusinessCalendar calendar;
};

Result<CalendarInput> read_input(const boost::json::object& body) {
  Error invalid{ErrorCode::validation_failed, "the calendar is not valid", {}};
  for (const auto& [key, ignored] : body) {
    const std::string_view name(key);
    if (name != "name" && name != "time_zone" && name != "hours" && name != "holidays" && name != "version") {
      invalid.fields.push_back({std::string(name.substr(0, 64)), "UNKNOWN_FIELD", "not a field of a calendar"});
    }
  }
  std::string name;
  const auto* name_value = body.if_contains("name");
  if (!name_value || !name_value->is_string() || name_value->as_string().empty()) {
    invalid.fields.push_back({"name", "FIELD_REQUIRED", "required"});
  } else if (name_value->as_string().size() > 200) {
    invalid.fields.push_back({"name", "FIELD_TOO_LONG", "at most 200 characters"});
  } else {
    name = std::string(name_value->as_string());
  }
  auto calendar = read_business_calendar(body);
  if (!calendar) {
    for (const auto& field : calendar.error().fields) invalid.fields.push_back(field);
  }
  if (!invalid.fields.empty()) return invalid;
  return CalendarInput{std::move(name), std::move(*calendar)};
}

Result<void> ensure_name_free(storage::Connection& connection, const std::string& name, const std::string& id) {
  auto taken = connection.query("SELECT id FROM business_calendars WHERE name = ? AND id <> ?", {name, id});
  if (!taken) return taken.take_error();
  if (!taken->empty()) {
    return Error{ErrorCode::validation_failed, "the calendar is not valid",
                 {{"name", "UNIQUE_VIOLATION", "another calendar has this name"}}};
  }
  return {};
}

}  // namespace

void add_business_calendar_routes(http::Router& router, storage::Database& database,
                                  const access::Authenticator& authenticator, const Clock& clock) {
  router.add(http::Method::get, "/api/v1/business-calendars", [&database, &authenticator](Request& request) {
    return administrator(authenticator, request, [&] {
      boost::json::array calendars;
      auto read = database.read([&](storage::Connection& connection) -> Result<void> {
        std::vector<std::string> ids;
        ATRIUM_TRY(connection.each(fmt::format("SELECT id FROM business_calendars ORDER BY name LIMIT {}", kMaxCalendars),
                                   {}, [&](const storage::Row& row) {
                                     ids.push_back(row[0].text());
                                     return true;
                                   }));
        for (const auto& id : ids) {
          auto calendar = business_calendar_json(connection, id);
          if (!calendar) return calendar.take_error();
          calendars.push_back(std::move(*calendar));
        }
        return {};
      });
      if (!read) return Response::error(read.error(), request.request_id);
      return json_answer(200, boost::json::object{{"data", std::move(calendars)}});
    });
  });

  router.add(http::Method::post, "/api/v1/business-calendars", [&database, &authenticator, &clock](Request& request) {
    return administrator(authenticator, request, [&] {
      auto body = object_body(request);
      if (!body) return Response::error(body.error(), request.request_id);
      auto input = read_input(**body);
      if (!input) return Response::error(input.error(), request.request_id);
      const std::string id = new_id();
      const std::string now = to_iso8601(clock.now());
      Result<boost::json::object> created = boost::json::object{};
      auto written = database.transact([&](storage::Connection& connection) -> Result<void> {
        ATRIUM_TRY(ensure_name_free(connection, input->name, id));
        auto inserted = connection.execute(
            "INSERT INTO business_calendars (id, name, time_zone, hours, holidays, created_at, updated_at, version) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, 1)",
            {id, input->name, input->calendar.time_zone.name(), boost::json::serialize(hours_json(input->calendar)),
             boost::json::serialize(holidays_json(input->calendar)), now, now});
        if (!inserted) return inserted.take_error();
        created = business_calendar_json(connection, id);
        if (!created) return created.error();
        return {};
      });
      if (!written) return Response::error(written.error(), request.request_id);
      return json_answer(201, *created);
    });
  });

  router.add(http::Method::get, "/api/v1/business-calendars/{id}", [&database, &authenticator](Request& request) {
    return administrator(authenticator, request, [&] {
      Result<boost::json::object> calendar = boost::json::object{};
      auto read = database.read([&](storage::Connection& connection) -> Result<void> {
        calendar = business_calendar_json(connection, request.path_param("id"));
        if (!calendar) return calendar.error();
        return {};
      });
      if (!read) return Response::error(read.error(), request.request_id);
      return json_answer(200, *calendar);
    });
  });

  router.add(http::Method::patch, "/api/v1/business-calendars/{id}", [&database, &authenticator, &clock](Request& request) {
    return administrator(authenticator, request, [&] {
      auto body = object_body(request);
      if (!body) return Response::error(body.error(), request.request_id);
      const std::string id(request.path_param("id"));
      Result<boost::json::object> changed = boost::json::object{};
      auto written = database.transact([&](storage::Connection& connection) -> Result<void> {
        auto stored = business_calendar_json(connection, id);
        if (!stored) return stored.take_error();
        ATRIUM_TRY(check_version(**body, stored->at("version").as_int64()));
        auto input = read_input(merged(*stored, **body));
        if (!input) return input.take_error();
        ATRIUM_TRY(ensure_name_free(connection, input->name, id));
        auto updated = connection.execute(
            "UPDATE business_calendars SET name = ?, time_zone = ?, hours = ?, holidays = ?, updated_at = ?, "
            "version = version + 1 WHERE id = ?",
            {input->name, input->calendar.time_zone.name(), boost::json::serialize(hours_json(input->calendar)),
             boost::json::serialize(holidays_json(input->calendar)), to_iso8601(clock.now()), id});
        if (!updated) return updated.take_error();
        changed = business_calendar_json(connection, id);
        if (!changed) return changed.error();
        return {};
      });
      if (!written) return Response::error(written.error(), request.request_id);
      return json_answer(200, *changed);
    });
  });

  router.add(http::Method::del, "/api/v1/business-calendars/{id}", [&database, &authenticator](Request& request) {
    return administrator(authenticator, request, [&] {
      const std::string id(request.path_param("id"));
      auto written = database.transact([&](storage::Connection& connection) -> Result<void> {
        // Records already on a path keep counting on its calendar: a calendar in use stays.
        auto users = connection.query(
            "SELECT (SELECT COUNT(*) FROM routing_paths WHERE calendar_id = ?) + "
            "(SELECT COUNT(*) FROM record_routings WHERE calendar_id = ? AND status = 'active')",
            {id, id});
        if (!users) return users.take_error();
        if (users->rows[0][0].integer() > 0) {
          return Error{ErrorCode::referenced, "routing paths or routed records use this calendar",
                       {{"id", "CALENDAR_IN_USE", "change their calendar first"}}};
        }
        auto deleted = connection.execute("DELETE FROM business_calendars WHERE id = ?", {id});
        if (!deleted) return deleted.take_error();
        if (*deleted == 0) return make_error(ErrorCode::not_found, fmt::format("no business calendar with id {}", id));
        return {};
      });
      if (!written) return Response::error(written.error(), request.request_id);
      Response response;
      response.status = 204;
      return response;
    });
  });
}

}  // namespace atrium::workflow
