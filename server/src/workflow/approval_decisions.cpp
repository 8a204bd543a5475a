// Deciding an approval: the level waiting now is approved or rejected by one of its
// approvers or by someone standing in for one while they are away. A rejection ends the
// approval; the last level's approval completes it (and, for a deletion, deletes).
#include <fmt/format.h>

#include "../records/record_access.hpp"
#include "approval_records.hpp"
#include "atrium/core/id.hpp"
#include "atrium/workflow/approval_engine.hpp"
#include "atrium/workflow/notifications.hpp"

namespace atrium::workflow {

namespace {

// The step the actor decides: their own waiting step at the level, or else that of an
// approver who named them delegate for now.
struct DecidingStep {
  std::string step_id;
  std::string approver_id;
  bool on_behalf = false;
};

Result<std::optional<DecidingStep>> deciding_step(storage::Connection& connection, const ApprovalRow& approval,
                                                  std::string_view actor_id, std::string_view now) {
  auto own = connection.query(
      "SELECT id FROM approval_steps WHERE approval_id = ? AND level = ? AND status = 'waiting' AND approver_id = ?",
      {approval.id, static_cast<std::int64_t>(approval.current_level), actor_id});
  if (!own) return own.take_error();
  if (!own->empty()) return std::optional<DecidingStep>(DecidingStep{own->rows[0][0].text(), std::string(actor_id)});
  auto delegated = connection.query(
      "SELECT s.id, s.approver_id FROM approval_steps s JOIN approval_delegations d ON d.user_id = s.approver_id "
      "WHERE s.approval_id = ? AND s.level = ? AND s.status = 'waiting' AND d.delegate_id = ? AND d.starts_at <= ? "
      "AND d.ends_at > ? ORDER BY s.approver_id LIMIT 1",
      {approval.id, static_cast<std::int64_t>(approval.current_level), actor_id, now, now});
  if (!delegated) return delegated.take_error();
  if (delegated->empty()) return std::optional<DecidingStep>();
  return std::optional<DecidingStep>(DecidingStep{delegated->rows[0][0].text(), delegated->rows[0][1].text(), true});
}

Error not_an_approver() {
  return Error{ErrorCode::forbidden,
               "this approval does not wait for you",
               {{"approval", "NOT_AN_APPROVER", "only the approvers of the level waiting now decide"}}};
}

}  // namespace

Result<boost::json::object> ApprovalEngine::decide(std::string_view approval_id, ApprovalDecision decision,
                                                   const std::string& remarks, const records::Actor& actor) {
  // A deletion that completes deletes the record: its referrers are named before the
  // transaction, as for a direct deletion.
  {
    std::optional<ApprovalRow> current;
    ATRIUM_TRY(database_.read([&](storage::Connection& connection) -> Result<void> {
      auto loaded = load_approval(connection, approval_id);
      if (!loaded) return loaded.take_error();
      current = std::move(*loaded);
      return {};
    }));
    if (!current) return make_error(ErrorCode::not_found, fmt::format("no approval with id {}", approval_id));
    const records::EntityLayout* layout = records_.by_name(current->entity);
    if (decision == ApprovalDecision::approve && current->kind == "delete" && current->status == "pending" && layout &&
        current->current_level + 1 >= current->levels.size()) {
      ATRIUM_TRY(records_.ensure_unreferenced(*layout, current->record_id));
    }
  }
  std::optional<ApprovalRow> decided;
  ATRIUM_TRY(database_.transact([&](storage::Connection& connection) -> Result<void> {
    auto loaded = load_approval(connection, approval_id);
    if (!loaded) return loaded.take_error();
    if (!*loaded) return make_error(ErrorCode::not_found, fmt::format("no approval with id {}", approval_id));
    const ApprovalRow approval = std::move(**loaded);
    if (approval.status != "pending") {
      return make_error(ErrorCode::conflict, fmt::format("the approval is {} already", approval.status));
    }
    // Four eyes: whoever asked does not also grant, not even as someone's delegate.
    if (approval.requested_by_id == actor.user_id) {
      return Error{ErrorCode::forbidden,
                   "an approval is decided by someone other than its requester",
                   {{"approval", "OWN_REQUEST", "the requester does not decide their own request"}}};
    }
    const records::EntityLayout* layout = records_.by_name(approval.entity);
    const std::string now = to_iso8601(clock_.now());
    const std::size_t level = approval.current_level;
    const storage::Value remark = remarks.empty() ? storage::Value() : storage::Value(remarks);
    const char* status = decision == ApprovalDecision::approve ? "approved" : "rejected";

    auto steps = connection.query("SELECT COUNT(*) FROM approval_steps WHERE approval_id = ? AND level = ?",
                                  {approval.id, static_cast<std::int64_t>(level)});
    if (!steps) return steps.take_error();
    std::optional<DecidingStep> step;
    if (steps->rows[0][0].integer() == 0) {
      // A level without named approvers (a deletion no rule covers): the approve right on
      // the entity, within its scope, decides.
      if (layout && actor.access) {
        if (!actor.access->may(*layout, access::Action::approve)) return not_an_approver();
        ATRIUM_TRY(records_.ensure_allowed(connection, *layout, approval.record_id, actor, access::Action::approve));
      }
      auto inserted = connection.execute(
          "INSERT INTO approval_steps (id, approval_id, level, approver_id, status, decided_by_id, decided_at, "
          "remarks, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          {new_id(), approval.id, static_cast<std::int64_t>(level), actor.user_id, status, actor.user_id, now, remark,
           now});
      if (!inserted) return inserted.take_error();
    } else {
      auto found = deciding_step(connection, approval, actor.user_id, now);
      if (!found) return found.take_error();
      if (!*found) return not_an_approver();
      step = std::move(*found);
      auto changed = connection.execute(
          "UPDATE approval_steps SET status = ?, decided_by_id = ?, on_behalf_of_id = ?, decided_at = ?, remarks = ? "
          "WHERE id = ? AND status = 'waiting'",
          {status, actor.user_id, step->on_behalf ? storage::Value(step->approver_id) : storage::Value(), now, remark,
           step->step_id});
      if (!changed) return changed.take_error();
      if (*changed != 1) return make_error(ErrorCode::conflict, "decided concurrently; read it again");
    }
    boost::json::object details{{"level", static_cast<std::int64_t>(level + 1)}};
    if (!remarks.empty()) details["remarks"] = remarks;
    if (step && step->on_behalf) details["on_behalf_of_id"] = step->approver_id;

    // Does the approval move on? A rejection ends it; an approval ends the level unless
    // the level wants every approver and some still wait.
    bool level_done = true;
    if (decision == ApprovalDecision::approve && approval.levels.at(level).mode == LevelMode::all) {
      auto waiting = connection.query(
          "SELECT COUNT(*) FROM approval_steps WHERE approval_id = ? AND level = ? AND status = 'waiting'",
          {approval.id, static_cast<std::int64_t>(level)});
      if (!waiting) return waiting.take_error();
      level_done = waiting->rows[0][0].integer() == 0;
    }
    std::string outcome = "pending";
    if (decision == ApprovalDecision::reject) {
      outcome = "rejected";
    } else if (level_done && level + 1 >= approval.levels.size()) {
      outcome = "approved";
    }
    if (level_done || outcome != "pending") {
      // Whoever else the level waited for has nothing left to decide.
      auto closed = connection.execute(
          "UPDATE approval_steps SET status = 'closed' WHERE approval_id = ? AND level = ? AND status = 'waiting'",
          {approval.id, static_cast<std::int64_t>(level)});
      if (!closed) return closed.take_error();
    }
    ATRIUM_TRY(audit_approval(connection, approval,
                              decision == ApprovalDecision::approve ? "approval.approved" : "approval.rejected",
                              actor.user_id, now, details));
    if (outcome == "pending") {
      const std::size_t next = level_done ? level + 1 : level;
      auto moved = connection.execute(
          "UPDATE approvals SET current_level = ?, version = version + 1 WHERE id = ? AND status = 'pending'",
          {static_cast<std::int64_t>(next), approval.id});
      if (!moved) return moved.take_error();
      if (level_done) ATRIUM_TRY(enter_level(connection, approval.id, next));
    } else {
      auto ended = connection.execute(
          "UPDATE approvals SET status = ?, decided_by_id = ?, decided_at = ?, remarks = ?, version = version + 1 "
          "WHERE id = ? AND status = 'pending'",
          {outcome, actor.user_id, now, remark, approval.id});
      if (!ended) return ended.take_error();
      if (outcome == "approved" && approval.kind == "delete" && layout) {
        // The approval is the authority for the deletion, not the approver's own delete right.
        ATRIUM_TRY(records_.remove_within(connection, *layout, approval.record_id, records::Actor{actor.user_id}));
      } else {
        for (const auto& observer : outcome_observers_) {
          ATRIUM_TRY(observer(connection, approval.entity, approval.record_id, outcome, records::Actor{actor.user_id}));
        }
      }
      if (!approval.requested_by_id.empty()) {
        const std::string label = layout ? layout->entity().label : approval.entity;
        auto decider = user_name(connection, actor.user_id);
        if (!decider) return decider.take_error();
        auto notified = notifier_.notify(
            connection,
            Notification{approval.requested_by_id, "approval." + outcome,
                         fmt::format("Approval {}: {}", outcome, approval.rule_name.value_or("delete a " + label)),
                         remarks.empty()
                             ? fmt::format("{} {} your request on a {}", *decider, outcome, label)
                             : fmt::format("{} {} your request on a {}: {}", *decider, outcome, label, remarks),
                         approval.entity, approval.record_id, actor.user_id});
        if (!notified) return notified.take_error();
      }
    }
    auto reread = load_approval(connection, approval.id);
    if (!reread) return reread.take_error();
    decided = std::move(*reread);
    return {};
  }));
  return get(decided->id, records::Actor{actor.user_id});
}

}  // namespace atrium::workflow
