// Starting approvals: from a record write that matches a rule, from a deletion request,
// or by name (manual rules, automation). Each level reached gets its approvers' steps
// and notifications in the transaction that reached it.
#include "atrium/workflow/approval_engine.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json/serialize.hpp>

#include "../records/record_access.hpp"
#include "approval_records.hpp"
#include "atrium/core/id.hpp"
#include "atrium/records/filter.hpp"
#include "atrium/workflow/notifications.hpp"

namespace atrium::workflow {

namespace {

// The fields a condition reads, by their names in the filter (the first part of a path).
void condition_fields(const records::FilterNode& node, std::vector<std::string>& names) {
  if (node.kind == records::FilterNode::Kind::comparison) {
    if (!node.comparison.path.empty()) names.push_back(node.comparison.path.front());
    return;
  }
  for (const auto& child : node.children) condition_fields(*child, names);
}

// Whether the write changed anything the condition reads: editing a big account's phone
// number needs no approval, raising its credit limit does. An empty condition: any change.
Result<bool> condition_touched(const records::RecordWriteEvent& event, const std::string& condition) {
  if (condition.empty() || !event.before) return true;
  auto tree = records::parse_filter(condition);
  if (!tree) return tree.take_error();
  std::vector<std::string> names;
  condition_fields(**tree, names);
  for (const auto& name : names) {
    const records::FieldLayout* field = event.layout.find_field(name);
    if (!field) return true;
    const auto* before = event.before->if_contains(field->api_name);
    const auto* after = event.after.if_contains(field->api_name);
    const boost::json::value none;
    if ((before ? *before : none) != (after ? *after : none)) return true;
  }
  return false;
}

}  // namespace

ApprovalEngine::ApprovalEngine(storage::Database& database, records::RecordService& records, access::GrantStore& grants,
                               Notifier& notifier, const Clock& clock)
    : database_(database), records_(records), grants_(grants), notifier_(notifier), clock_(clock) {}

void ApprovalEngine::attach() {
  records_.add_write_observer([this](storage::Connection& connection, const records::RecordWriteEvent& event) {
    return on_write(connection, event);
  });
  records_.add_edit_guard([this](storage::Connection& connection, const records::EntityLayout& layout,
                                 std::string_view id) { return ensure_unlocked(connection, layout, id); });
}

Result<void> ApprovalEngine::on_write(storage::Connection& connection, const records::RecordWriteEvent& event) {
  if (event.kind == records::RecordWriteKind::archive || event.kind == records::RecordWriteKind::restore) return {};
  const auto trigger =
      event.kind == records::RecordWriteKind::create ? ApprovalTrigger::on_create : ApprovalTrigger::on_update;
  auto rules = ApprovalRules::active(connection, event.layout.entity().name, trigger);
  if (!rules) return rules.take_error();
  for (const auto& rule : *rules) {
    auto touched = condition_touched(event, rule.condition);
    if (!touched) return touched.take_error();
    if (!*touched) continue;
    auto met = records_.meets_condition(connection, event.layout, event.id, rule.condition);
    if (!met) return met.take_error();
    if (!*met) continue;
    auto started = begin(connection, event.layout, event.id, trigger, &rule, event.actor.user_id);
    if (!started) return started.take_error();
  }
  return {};
}

Result<bool> ApprovalEngine::pending(storage::Connection& connection, std::string_view entity,
                                     std::string_view record_id) {
  auto found = connection.query(
      "SELECT COUNT(*) FROM approvals WHERE entity = ? AND record_id = ? AND status = 'pending'", {entity, record_id});
  if (!found) return found.take_error();
  return found->rows[0][0].integer() > 0;
}

Result<void> ApprovalEngine::ensure_unlocked(storage::Connection& connection, const records::EntityLayout& layout,
                                             std::string_view id) {
  auto pending = connection.query(
      "SELECT id, rule_name FROM approvals WHERE entity = ? AND record_id = ? AND status = 'pending' "
      "ORDER BY requested_at LIMIT 1",
      {layout.entity().name, id});
  if (!pending) return pending.take_error();
  if (pending->empty()) return {};
  const std::string approval_id = pending->rows[0][0].text();
  return Error{
      ErrorCode::approval_pending,
      fmt::format("the {} waits for approval {} and is locked until it is decided", layout.entity().label, approval_id),
      {{"approval_id", "APPROVAL_PENDING", approval_id}}};
}

Result<std::string> ApprovalEngine::start(storage::Connection& connection, std::string_view rule_id,
                                          std::string_view entity, std::string_view record_id,
                                          std::string_view requester_id) {
  auto rule = ApprovalRules::find(connection, rule_id);
  if (!rule) return rule.take_error();
  if (!*rule) return make_error(ErrorCode::not_found, fmt::format("no approval rule with id {}", rule_id));
  const records::EntityLayout* layout = records_.by_name(entity);
  if (!layout) layout = records_.by_plural(entity);
  if (!layout || layout->entity().name != (*rule)->entity) {
    return Error{ErrorCode::validation_failed,
                 "the rule is for another entity",
                 {{"rule_id", "RULE_ENTITY_MISMATCH", fmt::format("the rule is for {}", (*rule)->entity)}}};
  }
  auto exists = records_.exists(connection, layout->entity().name, std::string(record_id));
  if (!exists) return exists.take_error();
  if (!*exists) {
    return make_error(ErrorCode::not_found, fmt::format("no {} with id {}", layout->entity().label, record_id));
  }
  auto pending = connection.query(
      "SELECT id FROM approvals WHERE rule_id = ? AND entity = ? AND record_id = ? AND status = 'pending'",
      {rule_id, layout->entity().name, record_id});
  if (!pending) return pending.take_error();
  if (!pending->empty()) {
    return Error{ErrorCode::conflict,
                 "the record waits for this rule's approval already",
                 {{"approval_id", "APPROVAL_PENDING", pending->rows[0][0].text()}}};
  }
  return begin(connection, *layout, record_id, (*rule)->trigger, &**rule, requester_id);
}

Result<boost::json::object> ApprovalEngine::request(const records::EntityLayout& layout, std::string_view id,
                                                    const records::Actor& actor) {
  if (auto visible = records_.get(layout, id, {"id"}, actor.access); !visible) return visible.take_error();
  ATRIUM_TRY(database_.read([&](storage::Connection& connection) {
    return records_.ensure_allowed(connection, layout, id, actor, access::Action::remove);
  }));
  ATRIUM_TRY(records_.ensure_unreferenced(layout, id));
  std::optional<ApprovalRow> approval;
  ATRIUM_TRY(database_.transact([&](storage::Connection& connection) -> Result<void> {
    auto pending = connection.query(
        "SELECT id FROM approvals WHERE kind = 'delete' AND entity = ? AND record_id = ? AND status = 'pending'",
        {layout.entity().name, id});
    if (!pending) return pending.take_error();
    std::string approval_id;
    if (!pending->empty()) {
      approval_id = pending->rows[0][0].text();
    } else {
      auto rules = ApprovalRules::active(connection, layout.entity().name, ApprovalTrigger::on_delete);
      if (!rules) return rules.take_error();
      const ApprovalRule* chosen = nullptr;
      for (const auto& rule : *rules) {
        auto met = records_.meets_condition(connection, layout, id, rule.condition);
        if (!met) return met.take_error();
        if (*met) {
          chosen = &rule;
          break;
        }
      }
      auto started = begin(connection, layout, id, ApprovalTrigger::on_delete, chosen, actor.user_id);
      if (!started) return started.take_error();
      approval_id = std::move(*started);
    }
    auto loaded = load_approval(connection, approval_id);
    if (!loaded) return loaded.take_error();
    approval = std::move(*loaded);
    return {};
  }));
  return approval_summary(*approval);
}

Result<std::string> ApprovalEngine::begin(storage::Connection& connection, const records::EntityLayout& layout,
                                          std::string_view record_id, ApprovalTrigger trigger, const ApprovalRule* rule,
                                          std::string_view requester_id) {
  const std::string id = new_id();
  const std::string now = to_iso8601(clock_.now());
  const ApprovalChain chain = rule ? rule->levels : default_deletion_chain();
  auto inserted = connection.execute(
      "INSERT INTO approvals (id, kind, entity, record_id, status, requested_by_id, requested_at, rule_id, rule_name, "
      "levels, current_level) VALUES (?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?, 0)",
      {id, std::string(approval_kind(trigger)), layout.entity().name, std::string(record_id),
       requester_id.empty() ? storage::Value() : storage::Value(requester_id), now,
       rule ? storage::Value(rule->id) : storage::Value(), rule ? storage::Value(rule->name) : storage::Value(),
       boost::json::serialize(chain_to_json(chain))});
  if (!inserted) return inserted.take_error();
  auto approval = load_approval(connection, id);
  if (!approval) return approval.take_error();
  boost::json::object details{{"kind", approval_kind(trigger)}};
  if (rule) details["rule"] = rule->name;
  ATRIUM_TRY(audit_approval(connection, **approval, "approval.requested", requester_id, now, details));
  ATRIUM_TRY(enter_level(connection, id, 0));
  return id;
}

Result<std::vector<std::string>> ApprovalEngine::approvers_of(storage::Connection& connection,
                                                              const ApprovalLevel& level, std::string_view entity,
                                                              std::string_view requester_id) {
  std::vector<std::string> candidates;
  switch (level.kind) {
    case ApproverKind::role: {
      auto members = connection.query(
          "SELECT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id "
          "WHERE r.name = ? AND u.active = 1 ORDER BY u.id",
          {level.role});
      if (!members) return members.take_error();
      // Only members who hold the approve right on the entity decide for the role.
      for (const auto& row : members->rows) {
        auto grants = access::load_grants(connection, row[0].text());
        if (!grants) return grants.take_error();
        if (grants->administrator || !grants->rights_for(entity, access::Action::approve).empty()) {
          candidates.push_back(row[0].text());
        }
      }
      break;
    }
    case ApproverKind::manager: {
      // Up the reporting line; a shorter line ends at its top.
      std::string current(requester_id);
      for (int step = 0; step < level.depth; ++step) {
        auto manager = connection.query(
            "SELECT m.id FROM users u JOIN users m ON m.id = u.manager_id WHERE u.id = ? AND m.active = 1", {current});
        if (!manager) return manager.take_error();
        if (manager->empty()) break;
        current = manager->rows[0][0].text();
        if (std::find(candidates.begin(), candidates.end(), current) != candidates.end()) break;  // a loop
        candidates = {current};
      }
      break;
    }
    case ApproverKind::users:
      for (const auto& user_id : level.user_ids) {
        auto user = connection.query("SELECT id FROM users WHERE id = ? AND active = 1", {user_id});
        if (!user) return user.take_error();
        if (!user->empty()) candidates.push_back(user_id);
      }
      break;
    case ApproverKind::approve_right: return candidates;
  }
  // Four eyes: the requester never decides their own request.
  std::erase(candidates, std::string(requester_id));
  if (candidates.empty()) {
    // Nobody left to decide (no manager, an empty role): the administrators do, so a
    // request never waits for no one.
    auto administrators = connection.query("SELECT id FROM users WHERE is_admin = 1 AND active = 1 ORDER BY id");
    if (!administrators) return administrators.take_error();
    for (const auto& row : administrators->rows) {
      if (row[0].text() != requester_id) candidates.push_back(row[0].text());
    }
  }
  return candidates;
}

Result<void> ApprovalEngine::enter_level(storage::Connection& connection, std::string_view approval_id,
                                         std::size_t level_index) {
  auto loaded = load_approval(connection, approval_id);
  if (!loaded) return loaded.take_error();
  const ApprovalRow& approval = **loaded;
  const ApprovalLevel& level = approval.levels.at(level_index);
  auto approvers = approvers_of(connection, level, approval.entity, approval.requested_by_id);
  if (!approvers) return approvers.take_error();
  const std::string now = to_iso8601(clock_.now());
  const records::EntityLayout* layout = records_.by_name(approval.entity);
  const std::string label = layout ? layout->entity().label : approval.entity;
  auto requester = user_name(connection, approval.requested_by_id);
  if (!requester) return requester.take_error();
  const std::string title =
      fmt::format("Approval requested: {}", approval.rule_name.value_or(fmt::format("delete a {}", label)));
  const std::string body = fmt::format("{} asks for your decision on a {} ({} of {})", *requester, label,
                                       level_index + 1, approval.levels.size());
  for (const auto& approver : *approvers) {
    auto inserted = connection.execute(
        "INSERT INTO approval_steps (id, approval_id, level, approver_id, status, created_at) "
        "VALUES (?, ?, ?, ?, 'waiting', ?)",
        {new_id(), std::string(approval_id), static_cast<std::int64_t>(level_index), approver, now});
    if (!inserted) return inserted.take_error();
    auto notified =
        notifier_.notify(connection, Notification{approver, "approval.requested", title, body, approval.entity,
                                                  approval.record_id, approval.requested_by_id});
    if (!notified) return notified.take_error();
    // Whoever stands in for the approver now hears of it too.
    auto delegates = connection.query(
        "SELECT DISTINCT delegate_id FROM approval_delegations WHERE user_id = ? AND starts_at <= ? AND ends_at > ?",
        {approver, now, now});
    if (!delegates) return delegates.take_error();
    for (const auto& row : delegates->rows) {
      if (row[0].text() == approval.requested_by_id) continue;
      auto told =
          notifier_.notify(connection, Notification{row[0].text(), "approval.requested", title, body + " (standing in)",
                                                    approval.entity, approval.record_id, approval.requested_by_id});
      if (!told) return told.take_error();
    }
  }
  return {};
}

}  // namespace atrium::workflow
