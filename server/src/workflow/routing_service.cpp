#include "atrium/workflow/routing_service.hpp"

#include <fmt/format.h>

#include "../records/record_access.hpp"
#include "atrium/core/id.hpp"
#include "atrium/workflow/routing_store.hpp"
#include "routing_state.hpp"

namespace atrium::workflow {

namespace {

using records::Actor;
using records::EntityLayout;

boost::json::value text_or_null(const std::string& text) {
  return text.empty() ? boost::json::value(nullptr) : boost::json::value(text);
}

Error routing_conflict(std::string code, std::string message) {
  return Error{ErrorCode::conflict, message, {{"routing", std::move(code), message}}};
}

// Moving a record is for its current assignee, for whoever may edit it, and for
// administrators.
Result<void> ensure_may_move(storage::Connection& connection, const EntityLayout& layout, std::string_view id,
                             const RoutingState& state, const Actor& actor) {
  if (!actor.access || actor.access->unrestricted()) return {};
  if (!state.assignee_id.empty() && state.assignee_id == actor.user_id) return {};
  if (actor.access->may(layout, access::Action::edit)) {
    auto meets = records::record_meets(connection, layout, id, actor.access, access::Action::edit);
    if (!meets) return meets.take_error();
    if (*meets) return {};
  }
  return Error{ErrorCode::forbidden, "only the current assignee or someone who may edit the record moves it",
               {{"assignee_id", "NOT_ASSIGNEE", "the record is routed to someone else"}}};
}

}  // namespace

std::string_view move_kind_name(MoveKind kind) {
  switch (kind) {
    case MoveKind::start: return "start";
    case MoveKind::forward: return "forward";
    case MoveKind::divert: return "divert";
    case MoveKind::send_back: return "return";
    case MoveKind::complete: return "complete";
    case MoveKind::escalate: return "escalate";
    case MoveKind::overdue: return "overdue";
    case MoveKind::overall_breach: return "overall_breach";
  }
  return "move";
}

RoutingService::RoutingService(storage::Database& database, records::RecordService& records, Notifier& notifier,
                               const Clock& clock)
    : database_(database), records_(records), notifier_(notifier), clock_(clock) {}

Result<void> RoutingService::start_within(storage::Connection& connection, const EntityLayout& layout,
                                          std::string_view id, const boost::json::object& record,
                                          const std::string& actor_id, bool audited) {
  auto path = matching_routing_path(connection, layout.entity().name, record);
  if (!path) return path.take_error();
  if (!*path) {
    return Error{ErrorCode::conflict, "no routing path applies to this record",
                 {{"routing", "NO_ROUTING_PATH", "no active path for its type"}}};
  }
  auto calendar = load_business_calendar(connection, (*path)->calendar_id);
  if (!calendar) return calendar.take_error();
  auto assignee = pick_assignee(connection, (*path)->steps.front());
  if (!assignee) return assignee.take_error();
  const TimePoint now = clock_.now();
  const std::string now_text = to_iso8601(now);
  auto step_due = calendar->add_working_minutes(now, (*path)->steps.front().sla_minutes);
  if (!step_due) return step_due.take_error();
  std::string overall_due;
  if ((*path)->overall_sla_minutes) {
    auto due = calendar->add_working_minutes(now, *(*path)->overall_sla_minutes);
    if (!due) return due.take_error();
    overall_due = to_iso8601(*due);
  }
  const std::string routing_id = new_id();
  auto inserted = connection.execute(
      "INSERT INTO record_routings (id, entity, record_id, path_id, path_name, calendar_id, steps, status, "
      "current_step, assignee_id, step_started_at, step_due_at, started_at, overall_due_at, created_at, updated_at, "
      "version) VALUES (?, ?, ?, ?, ?, ?, ?, 'active', 0, ?, ?, ?, ?, ?, ?, ?, 1)",
      {routing_id, layout.entity().name, std::string(id), (*path)->id, (*path)->name, (*path)->calendar_id,
       steps_text((*path)->steps), *assignee, now_text, to_iso8601(*step_due), now_text,
       overall_due.empty() ? storage::Value() : storage::Value(overall_due), now_text, now_text});
  if (!inserted) return inserted.take_error();
  auto moved = connection.execute(
      "INSERT INTO routing_moves (id, routing_id, sequence, kind, from_step, to_step, from_user_id, to_user_id, "
      "actor_id, remarks, action_text, step_due_at, at) VALUES (?, ?, 1, 'start', NULL, 0, NULL, ?, ?, NULL, NULL, ?, ?)",
      {new_id(), routing_id, *assignee, actor_id.empty() ? storage::Value() : storage::Value(actor_id),
       to_iso8601(*step_due), now_text});
  if (!moved) return moved.take_error();
  if (audited) {
    ATRIUM_TRY(audit_routing_move(connection, layout, id, "routing.start", actor_id, now_text,
                                  boost::json::array{{{"field", "routing.path"}, {"old", nullptr}, {"new", (*path)->name}},
                                                     {{"field", "routing.step"}, {"old", nullptr},
                                                      {"new", (*path)->steps.front().name}},
                                                     {{"field", "routing.assignee_id"}, {"old", nullptr},
                                                      {"new", *assignee}}}));
  }
  auto title = record_title(connection, layout, id);
  if (!title) return title.take_error();
  auto notified = notifier_.notify(
      connection, Notification{*assignee, "routing.assigned",
                               fmt::format("{} '{}' is routed to you", layout.entity().label, *title),
                               fmt::format("Step '{}' of {}, due {}", (*path)->steps.front().name, (*path)->name,
                                           to_iso8601(*step_due)),
                               layout.entity().name, std::string(id), actor_id});
  if (!notified) return notified.take_error();
  return {};
}

Result<void> RoutingService::on_record_written(storage::Connection& connection, const EntityLayout& layout,
                                               std::string_view id, const boost::json::object* record) {
  if (!record) {
    ATRIUM_TRY(connection.execute(
        "DELETE FROM routing_moves WHERE routing_id IN (SELECT id FROM record_routings WHERE entity = ? AND "
        "record_id = ?)",
        {layout.entity().name, std::string(id)}));
    ATRIUM_TRY(connection.execute("DELETE FROM record_routings WHERE entity = ? AND record_id = ?",
                                  {layout.entity().name, std::string(id)}));
    return {};
  }
  // Only a new record starts on its own; a later change of type is routed by hand.
  const auto* version = record->if_contains("version");
  if (!version || !version->is_int64() || version->as_int64() != 1) return {};
  auto path = matching_routing_path(connection, layout.entity().name, *record);
  if (!path) return path.take_error();
  if (!*path) return {};
  const auto* creator = record->if_contains("created_by_id");
  const std::string actor_id = creator && creator->is_string() ? std::string(creator->as_string()) : std::string();
  // A path whose step cannot be staffed must not stop the record from being created: it
  // then waits to be started by hand, once the path is fixed.
  auto started = start_within(connection, layout, id, *record, actor_id, false);
  if (!started && started.error().code != ErrorCode::conflict) return started;
  return {};
}

Result<boost::json::object> RoutingService::start(const EntityLayout& layout, std::string_view id,
                                                  const Actor& actor) {
  if (auto visible = records_.get(layout, id, {"id"}, actor.access); !visible) return visible.take_error();
  auto record = records_.get(layout, id);
  if (!record) return record.take_error();
  Result<boost::json::object> answer = boost::json::object{};
  ATRIUM_TRY(database_.transact([&](storage::Connection& connection) -> Result<void> {
    if (actor.access && !actor.access->unrestricted()) {
      ATRIUM_TRY(records_.ensure_allowed(connection, layout, id, actor, access::Action::edit));
    }
    auto existing = load_routing(connection, layout.entity().name, id);
    if (!existing) return existing.take_error();
    if (*existing) return routing_conflict("ROUTING_STARTED", "the record is on a routing path already");
    ATRIUM_TRY(start_within(connection, layout, id, *record, actor.user_id, true));
    auto state = load_routing(connection, layout.entity().name, id);
    if (!state) return state.take_error();
    answer = state_json(connection, layout, **state, clock_.now());
    if (!answer) return answer.error();
    return {};
  }));
  return answer;
}

Result<boost::json::object> RoutingService::move(const EntityLayout& layout, std::string_view id, MoveKind kind,
                                                 const MoveRequest& request, const Actor& actor) {
  if (auto visible = records_.get(layout, id, {"id"}, actor.access); !visible) return visible.take_error();
  Result<boost::json::object> answer = boost::json::object{};
  ATRIUM_TRY(database_.transact([&](storage::Connection& connection) -> Result<void> {
    auto loaded = load_routing(connection, layout.entity().name, id);
    if (!loaded) return loaded.take_error();
    if (!*loaded) return routing_conflict("ROUTING_NOT_STARTED", "the record is not on a routing path");
    RoutingState& state = **loaded;
    if (state.status != "active") return routing_conflict("ROUTING_COMPLETED", "the record's routing is complete");
    ATRIUM_TRY(ensure_may_move(connection, layout, id, state, actor));
    if (request.expected_version && *request.expected_version != state.version) {
      return make_error(ErrorCode::version_conflict, "the routing moved since you read it: read it again");
    }
    const TimePoint now = clock_.now();
    switch (kind) {
      case MoveKind::forward: {
        if (state.current_step + 1 >= state.steps.size()) {
          ATRIUM_TRY(apply(connection, layout, state, MoveKind::complete, std::nullopt, "", actor.user_id, request, now));
          break;
        }
        auto next = pick_assignee(connection, state.steps[state.current_step + 1]);
        if (!next) return next.take_error();
        ATRIUM_TRY(apply(connection, layout, state, kind, state.current_step + 1, *next, actor.user_id, request, now));
        break;
      }
      case MoveKind::divert: {
        auto user = connection.query("SELECT id FROM users WHERE id = ? AND active = 1", {request.to_user_id});
        if (!user) return user.take_error();
        if (user->empty()) {
          return Error{ErrorCode::validation_failed, "the move is not valid",
                       {{"user_id", "USER_NOT_FOUND", "no such active user"}}};
        }
        if (request.to_user_id == state.assignee_id) {
          return routing_conflict("ALREADY_ASSIGNED", "the record is routed to this user already");
        }
        ATRIUM_TRY(apply(connection, layout, state, kind, state.current_step, request.to_user_id, actor.user_id,
                         request, now));
        break;
      }
      case MoveKind::send_back: {
        if (state.current_step == 0) return routing_conflict("FIRST_STEP", "the record is at the path's first step");
        const std::size_t previous = state.current_step - 1;
        // Back to whoever held the step last, if still active; else the step's own rule.
        auto holder = connection.query(
            "SELECT m.to_user_id FROM routing_moves m JOIN users u ON u.id = m.to_user_id AND u.active = 1 "
            "WHERE m.routing_id = ? AND m.to_step = ? ORDER BY m.sequence DESC LIMIT 1",
            {state.id, static_cast<std::int64_t>(previous)});
        if (!holder) return holder.take_error();
        std::string to_user;
        if (!holder->empty()) {
          to_user = holder->rows[0][0].text();
        } else {
          auto picked = pick_assignee(connection, state.steps[previous]);
          if (!picked) return picked.take_error();
          to_user = *picked;
        }
        ATRIUM_TRY(apply(connection, layout, state, kind, previous, to_user, actor.user_id, request, now));
        break;
      }
      default:
        return make_error(ErrorCode::bad_request, "not a move a person makes");
    }
    auto reread = load_routing_by_id(connection, state.id);
    if (!reread) return reread.take_error();
    answer = state_json(connection, layout, **reread, now);
    if (!answer) return answer.error();
    return {};
  }));
  return answer;
}

Result<void> RoutingService::apply(storage::Connection& connection, const EntityLayout& layout, RoutingState& state,
                                   MoveKind kind, std::optional<std::size_t> to_step, const std::string& to_user,
                                   const std::string& actor_id, const MoveRequest& request, TimePoint now) {
  const std::string now_text = to_iso8601(now);
  std::string step_due;
  if (to_step) {
    auto calendar = load_business_calendar(connection, state.calendar_id);
    if (!calendar) return calendar.take_error();
    auto due = calendar->add_working_minutes(now, state.steps[*to_step].sla_minutes);
    if (!due) return due.take_error();
    step_due = to_iso8601(*due);
  }
  // Guarded by the version read: a concurrent move (or a second escalation run) changes
  // nothing and reports the conflict.
  auto updated = connection.execute(
      "UPDATE record_routings SET status = ?, current_step = ?, assignee_id = ?, step_started_at = ?, "
      "step_due_at = ?, completed_at = ?, escalation_exhausted = 0, updated_at = ?, version = version + 1 "
      "WHERE id = ? AND version = ?",
      {to_step ? "active" : "completed", static_cast<std::int64_t>(to_step.value_or(state.current_step)),
       to_user.empty() ? storage::Value() : storage::Value(to_user), now_text,
       step_due.empty() ? storage::Value() : storage::Value(step_due),
       to_step ? storage::Value() : storage::Value(now_text), now_text, state.id, state.version});
  if (!updated) return updated.take_error();
  if (*updated == 0) return routing_conflict("ROUTING_CHANGED", "the routing moved at the same time: read it again");
  auto sequence = connection.query("SELECT COALESCE(MAX(sequence), 0) + 1 FROM routing_moves WHERE routing_id = ?",
                                   {state.id});
  if (!sequence) return sequence.take_error();
  auto inserted = connection.execute(
      "INSERT INTO routing_moves (id, routing_id, sequence, kind, from_step, to_step, from_user_id, to_user_id, "
      "actor_id, remarks, action_text, step_due_at, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {new_id(), state.id, sequence->rows[0][0].integer(), move_kind_name(kind),
       static_cast<std::int64_t>(state.current_step),
       to_step ? storage::Value(static_cast<std::int64_t>(*to_step)) : storage::Value(),
       state.assignee_id.empty() ? storage::Value() : storage::Value(state.assignee_id),
       to_user.empty() ? storage::Value() : storage::Value(to_user),
       actor_id.empty() ? storage::Value() : storage::Value(actor_id),
       request.remarks.empty() ? storage::Value() : storage::Value(request.remarks),
       request.action.empty() ? storage::Value() : storage::Value(request.action),
       step_due.empty() ? storage::Value() : storage::Value(step_due), now_text});
  if (!inserted) return inserted.take_error();

  boost::json::array changes;
  const std::string from_step_name = state.steps[state.current_step].name;
  const std::string to_step_name = to_step ? state.steps[*to_step].name : std::string();
  if (from_step_name != to_step_name) {
    changes.push_back({{"field", "routing.step"}, {"old", from_step_name}, {"new", text_or_null(to_step_name)}});
  }
  if (state.assignee_id != to_user) {
    changes.push_back(
        {{"field", "routing.assignee_id"}, {"old", text_or_null(state.assignee_id)}, {"new", text_or_null(to_user)}});
  }
  if (!request.remarks.empty()) changes.push_back({{"field", "routing.remarks"}, {"old", nullptr}, {"new", request.remarks}});
  if (!request.action.empty()) changes.push_back({{"field", "routing.action"}, {"old", nullptr}, {"new", request.action}});
  ATRIUM_TRY(audit_routing_move(connection, layout, state.record_id, fmt::format("routing.{}", move_kind_name(kind)),
                                actor_id, now_text, changes));

  if (!to_user.empty() && to_user != actor_id) {
    auto title = record_title(connection, layout, state.record_id);
    if (!title) return title.take_error();
    const bool escalated = kind == MoveKind::escalate;
    std::string body = fmt::format("Step '{}' of {}, due {}", to_step_name, state.path_name, step_due);
    if (!request.remarks.empty()) body += fmt::format("\nRemarks: {}", request.remarks);
    auto notified = notifier_.notify(
        connection,
        Notification{to_user, escalated ? "routing.escalated" : "routing.assigned",
                     escalated ? fmt::format("{} '{}' is overdue and escalated to you", layout.entity().label, *title)
                               : fmt::format("{} '{}' is routed to you", layout.entity().label, *title),
                     body, layout.entity().name, state.record_id, actor_id});
    if (!notified) return notified.take_error();
  }
  state.current_step = to_step.value_or(state.current_step);
  state.assignee_id = to_user;
  state.step_due_at = step_due;
  state.version += 1;
  return {};
}

}  // namespace atrium::workflow
