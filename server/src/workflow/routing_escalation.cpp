// The SLA job: steps past their due time move on to the next level of their path or to
// the assignee's manager; an overall SLA breach is recorded and notified once. Both are
// automatic actions, written to the record's audit trail without a user.
#include <fmt/format.h>

#include <set>

#include "atrium/core/id.hpp"
#include "atrium/workflow/job_registry.hpp"
#include "atrium/workflow/job_scheduler.hpp"
#include "atrium/workflow/routing_service.hpp"
#include "routing_state.hpp"

namespace atrium::workflow {

namespace {

// Routings handled per run: one short transaction; the next run takes the rest.
constexpr int kBatch = 200;

Result<std::vector<std::string>> due_ids(storage::Connection& connection, const std::string& sql,
                                         const std::string& now) {
  std::vector<std::string> ids;
  ATRIUM_TRY(connection.each(fmt::format("{} LIMIT {}", sql, kBatch), {now}, [&](const storage::Row& row) {
    ids.push_back(row[0].text());
    return true;
  }));
  return ids;
}

}  // namespace

Result<int> RoutingService::escalate_overdue(storage::Connection& connection, TimePoint now) {
  const std::string now_text = to_iso8601(now);
  int changed = 0;
  auto overdue = due_ids(connection,
                         "SELECT id FROM record_routings WHERE status = 'active' AND escalation_exhausted = 0 AND "
                         "step_due_at <= ? ORDER BY step_due_at, id",
                         now_text);
  if (!overdue) return overdue.take_error();
  for (const auto& id : *overdue) {
    auto loaded = load_routing_by_id(connection, id);
    if (!loaded) return loaded.take_error();
    if (!*loaded) continue;
    RoutingState& state = **loaded;
    const auto* layout = records_.by_name(state.entity);
    if (!layout || state.current_step >= state.steps.size()) continue;
    const std::string old_assignee = state.assignee_id;
    auto manager = old_assignee.empty() ? Result<std::string>(std::string()) : manager_of(connection, old_assignee);
    if (!manager) return manager.take_error();
    const auto& step = state.steps[state.current_step];
    const bool last = state.current_step + 1 >= state.steps.size();
    std::optional<std::size_t> to_step;
    std::string to_user;
    if (!last && step.on_overdue == OverdueAction::next_step) {
      auto next = pick_assignee(connection, state.steps[state.current_step + 1]);
      if (next) {
        to_step = state.current_step + 1;
        to_user = *next;
      } else if (next.error().code != ErrorCode::conflict) {
        return next.take_error();
      }
    }
    // The last step, a path that says so, or a next level nobody can take: the manager.
    if (!to_step && !manager->empty()) {
      to_step = state.current_step;
      to_user = *manager;
    }
    MoveRequest remarks;
    if (to_step) {
      remarks.remarks = fmt::format("Step '{}' was due {}", step.name, state.step_due_at);
      auto applied = apply(connection, *layout, state, MoveKind::escalate, to_step, to_user, "", remarks, now);
      if (!applied) {
        // Someone moved it at the same moment: their move stands.
        if (applied.error().code == ErrorCode::conflict) continue;
        return applied.take_error();
      }
    } else {
      // Nobody above to escalate to: recorded once, and the step stays overdue.
      auto marked = connection.execute(
          "UPDATE record_routings SET escalation_exhausted = 1, updated_at = ?, version = version + 1 "
          "WHERE id = ? AND version = ?",
          {now_text, state.id, state.version});
      if (!marked) return marked.take_error();
      if (*marked == 0) continue;
      auto sequence = connection.query(
          "SELECT COALESCE(MAX(sequence), 0) + 1 FROM routing_moves WHERE routing_id = ?", {state.id});
      if (!sequence) return sequence.take_error();
      ATRIUM_TRY(connection.execute(
          "INSERT INTO routing_moves (id, routing_id, sequence, kind, from_step, to_step, from_user_id, to_user_id, "
          "actor_id, remarks, action_text, step_due_at, at) VALUES (?, ?, ?, 'overdue', ?, ?, ?, ?, NULL, ?, NULL, ?, ?)",
          {new_id(), state.id, sequence->rows[0][0].integer(), static_cast<std::int64_t>(state.current_step),
           static_cast<std::int64_t>(state.current_step), old_assignee, old_assignee,
           "overdue, with no manager to escalate to", state.step_due_at, now_text}));
      ATRIUM_TRY(audit_routing_move(connection, *layout, state.record_id, "routing.overdue", "", now_text,
                                    boost::json::array{{{"field", "routing.step_due_at"},
                                                        {"old", state.step_due_at},
                                                        {"new", state.step_due_at}}}));
    }
    ++changed;
    // The old assignee and the manager hear of it too; the new one was told by the move.
    auto title = record_title(connection, *layout, state.record_id);
    if (!title) return title.take_error();
    std::set<std::string> told{to_user};
    for (const auto& recipient : {old_assignee, *manager}) {
      if (recipient.empty() || !told.insert(recipient).second) continue;
      auto notified = notifier_.notify(
          connection,
          Notification{recipient, "routing.escalated",
                       fmt::format("{} '{}' is overdue at step '{}'", layout->entity().label, *title, step.name),
                       to_user.empty() ? "Nobody above to escalate to." : "Escalated.", layout->entity().name,
                       state.record_id, ""});
      if (!notified) return notified.take_error();
    }
  }

  auto breached = due_ids(connection,
                          "SELECT id FROM record_routings WHERE status = 'active' AND overall_breached_at IS NULL AND "
                          "overall_due_at <= ? ORDER BY overall_due_at, id",
                          now_text);
  if (!breached) return breached.take_error();
  for (const auto& id : *breached) {
    auto loaded = load_routing_by_id(connection, id);
    if (!loaded) return loaded.take_error();
    if (!*loaded) continue;
    RoutingState& state = **loaded;
    const auto* layout = records_.by_name(state.entity);
    if (!layout) continue;
    auto marked = connection.execute(
        "UPDATE record_routings SET overall_breached_at = ?, updated_at = ?, version = version + 1 "
        "WHERE id = ? AND overall_breached_at IS NULL",
        {now_text, now_text, state.id});
    if (!marked) return marked.take_error();
    if (*marked == 0) continue;
    auto sequence =
        connection.query("SELECT COALESCE(MAX(sequence), 0) + 1 FROM routing_moves WHERE routing_id = ?", {state.id});
    if (!sequence) return sequence.take_error();
    ATRIUM_TRY(connection.execute(
        "INSERT INTO routing_moves (id, routing_id, sequence, kind, from_step, to_step, from_user_id, to_user_id, "
        "actor_id, remarks, action_text, step_due_at, at) VALUES (?, ?, ?, 'overall_breach', ?, ?, ?, ?, NULL, ?, "
        "NULL, NULL, ?)",
        {new_id(), state.id, sequence->rows[0][0].integer(), static_cast<std::int64_t>(state.current_step),
         static_cast<std::int64_t>(state.current_step),
         state.assignee_id.empty() ? storage::Value() : storage::Value(state.assignee_id),
         state.assignee_id.empty() ? storage::Value() : storage::Value(state.assignee_id),
         fmt::format("the overall SLA was due {}", state.overall_due_at), now_text}));
    ATRIUM_TRY(audit_routing_move(connection, *layout, state.record_id, "routing.overall_breach", "", now_text,
                                  boost::json::array{{{"field", "routing.overall_breached_at"},
                                                      {"old", nullptr},
                                                      {"new", now_text}}}));
    ++changed;
    auto manager = state.assignee_id.empty() ? Result<std::string>(std::string()) : manager_of(connection, state.assignee_id);
    if (!manager) return manager.take_error();
    auto title = record_title(connection, *layout, state.record_id);
    if (!title) return title.take_error();
    std::set<std::string> told;
    for (const auto& recipient : {state.assignee_id, *manager}) {
      if (recipient.empty() || !told.insert(recipient).second) continue;
      auto notified = notifier_.notify(
          connection, Notification{recipient, "routing.sla_breached",
                                   fmt::format("{} '{}' missed its overall SLA", layout->entity().label, *title),
                                   fmt::format("Due {} on the path {}", state.overall_due_at, state.path_name),
                                   layout->entity().name, state.record_id, ""});
      if (!notified) return notified.take_error();
    }
  }
  return changed;
}

void RoutingService::register_jobs(JobRegistry& registry) {
  registry.add(kRoutingEscalationKind, [this](JobContext& context) -> Result<void> {
    auto changed = escalate_overdue(*context.connection, context.now);
    if (!changed) return changed.take_error();
    return {};
  });
}

Result<void> RoutingService::schedule_jobs(JobScheduler& scheduler) {
  return scheduler.define(
      RecurringJob{.name = kRoutingEscalationKind, .kind = kRoutingEscalationKind, .schedule = "every minute"});
}

}  // namespace atrium::workflow
