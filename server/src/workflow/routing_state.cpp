#include "routing_state.hpp"

#include <fmt/format.h>

#include "atrium/records/audit_trail.hpp"

namespace atrium::workflow {

namespace {

constexpr const char* kColumns =
    "id, entity, record_id, path_id, path_name, calendar_id, steps, status, current_step, assignee_id, "
    "step_started_at, step_due_at, started_at, overall_due_at, overall_breached_at, completed_at, "
    "escalation_exhausted, version";

std::string text_of(const storage::Value& value) { return value.is_null() ? std::string() : value.text(); }

RoutingState state_from_row(const storage::Row& row) {
  RoutingState state;
  state.id = row[0].text();
  state.entity = row[1].text();
  state.record_id = row[2].text();
  state.path_id = row[3].text();
  state.path_name = row[4].text();
  state.calendar_id = row[5].text();
  state.steps = steps_from_text(row[6].text());
  state.status = row[7].text();
  state.current_step = static_cast<std::size_t>(row[8].integer());
  state.assignee_id = text_of(row[9]);
  state.step_started_at = row[10].text();
  state.step_due_at = text_of(row[11]);
  state.started_at = row[12].text();
  state.overall_due_at = text_of(row[13]);
  state.overall_breached_at = text_of(row[14]);
  state.completed_at = text_of(row[15]);
  state.escalation_exhausted = row[16].integer() != 0;
  state.version = row[17].integer();
  return state;
}

Result<std::optional<RoutingState>> first_state(Result<storage::Rows> rows) {
  if (!rows) return rows.take_error();
  if (rows->empty()) return std::optional<RoutingState>();
  return std::optional<RoutingState>(state_from_row(rows->rows[0]));
}

}  // namespace

Result<std::optional<RoutingState>> load_routing(storage::Connection& connection, std::string_view entity,
                                                 std::string_view record_id) {
  return first_state(
      connection.query(fmt::format("SELECT {} FROM record_routings WHERE entity = ? AND record_id = ?", kColumns),
                       {std::string(entity), std::string(record_id)}));
}

Result<std::optional<RoutingState>> load_routing_by_id(storage::Connection& connection, std::string_view id) {
  return first_state(
      connection.query(fmt::format("SELECT {} FROM record_routings WHERE id = ?", kColumns), {std::string(id)}));
}

Result<std::string> pick_assignee(storage::Connection& connection, const RoutingStep& step) {
  if (!step.user_id.empty()) {
    auto user = connection.query("SELECT id FROM users WHERE id = ? AND active = 1", {step.user_id});
    if (!user) return user.take_error();
    if (user->empty()) {
      return Error{ErrorCode::conflict, fmt::format("the user of the step '{}' is no longer active", step.name),
                   {{"user_id", "USER_INACTIVE", "an administrator changes the path's step"}}};
    }
    return step.user_id;
  }
  auto member = connection.query(
      "SELECT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.id WHERE ur.role_id = ? AND u.active = 1 "
      "ORDER BY (SELECT COUNT(*) FROM record_routings r WHERE r.assignee_id = u.id AND r.status = 'active'), "
      "u.username LIMIT 1",
      {step.role_id});
  if (!member) return member.take_error();
  if (member->empty()) {
    return Error{ErrorCode::conflict, fmt::format("the role of the step '{}' has no active member", step.name),
                 {{"role_id", "ROLE_WITHOUT_MEMBERS", "give the role a member or change the path"}}};
  }
  return member->rows[0][0].text();
}

Result<std::string> manager_of(storage::Connection& connection, const std::string& user_id) {
  auto manager = connection.query(
      "SELECT m.id FROM users u JOIN users m ON m.id = u.manager_id WHERE u.id = ? AND m.active = 1", {user_id});
  if (!manager) return manager.take_error();
  return manager->empty() ? std::string() : manager->rows[0][0].text();
}

Result<std::string> user_name(storage::Connection& connection, const std::string& user_id) {
  auto user = connection.query("SELECT name FROM users WHERE id = ?", {user_id});
  if (!user) return user.take_error();
  return user->empty() ? user_id : user->rows[0][0].text();
}

Result<void> audit_routing_move(storage::Connection& connection, const records::EntityLayout& layout,
                                std::string_view record_id, std::string_view action, const std::string& actor_id,
                                const std::string& at, const boost::json::array& changes) {
  // The table name comes from the entity definition, never from a request.
  auto bumped = connection.execute(
      fmt::format("UPDATE {} SET version = version + 1, updated_at = ? WHERE id = ?", layout.entity().table),
      {at, std::string(record_id)});
  if (!bumped) return bumped.take_error();
  if (*bumped == 0) return make_error(ErrorCode::not_found, fmt::format("no record with id {}", record_id));
  return records::append_record_event(
      connection, records::AuditEntry{layout.entity().name, std::string(record_id), std::string(action), actor_id, at},
      changes);
}

Result<std::string> record_title(storage::Connection& connection, const records::EntityLayout& layout,
                                 std::string_view record_id) {
  const auto* title = layout.find_field(layout.entity().title_field);
  if (!title || title->columns.size() != 1) return std::string(record_id);
  auto rows = connection.query(
      fmt::format("SELECT {} FROM {} WHERE id = ?", title->columns[0].name, layout.entity().table),
      {std::string(record_id)});
  if (!rows) return rows.take_error();
  if (rows->empty() || !rows->rows[0][0].is_text()) return std::string(record_id);
  return rows->rows[0][0].text();
}

}  // namespace atrium::workflow
