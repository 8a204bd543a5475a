#include "atrium/workflow/automation_demo_rules.hpp"

#include <boost/json/serialize.hpp>

#include "atrium/workflow/automation_rule.hpp"

namespace atrium::workflow {

namespace {

struct DemoRule {
  const std::string& id;
  const char* name;
  const char* condition;
  AutomationAction action;
};

}  // namespace

Result<void> load_demo_automation_rules(storage::Connection& connection, const std::string& first_id,
                                        const std::string& second_id, const std::string& created_at) {
  AutomationAction introduce;
  introduce.type = "create_follow_up";
  introduce.title = "Introduce the energy range to {{ account.name }}";
  introduce.assignee = "owner";
  introduce.due_in_days = 3;
  AutomationAction visit;
  visit.type = "create_follow_up";
  visit.title = "Visit {{ account.name }} ({{ account.size }}, {{ account.area }})";
  visit.assignee = "owner_manager";
  visit.due_in_days = 1;
  visit.priority = "high";
  const DemoRule rules[] = {
      {first_id, "Follow-up: large energy customers",
       "type eq \"customer\" and industry eq \"energy\" and size eq \"large\"", introduce},
      {second_id, "Follow-up: enterprise prospects in the north, by the manager",
       "type eq \"prospect\" and area eq \"north\" and size eq \"enterprise\"", visit}};
  AutomationTrigger created;
  created.kind = TriggerKind::created;
  for (const auto& rule : rules) {
    auto inserted = connection.execute(
        "INSERT INTO automation_rules (id, name, entity, trigger_kind, trigger_spec, condition, actions, active, "
        "created_by_id, created_at, updated_at, version) VALUES (?, ?, 'account', 'created', ?, ?, ?, 1, NULL, ?, ?, 1) "
        "ON CONFLICT DO NOTHING",
        {rule.id, std::string(rule.name), boost::json::serialize(trigger_json(created)), std::string(rule.condition),
         boost::json::serialize(actions_json({rule.action})), created_at, created_at});
    if (!inserted) return inserted.take_error();
  }
  return {};
}

}  // namespace atrium::workflow
