#pragma once
// One automation rule as data: the entity it watches, its trigger, a condition in the
// list filter language and the actions it runs in order. Read from the API's JSON with
// every problem named (`trigger.field`, `actions[1].title`), checked against the
// entity's definition, the templates and the users.
#include <boost/json/object.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "atrium/core/result.hpp"
#include "atrium/records/record_service.hpp"
#include "atrium/storage/database.hpp"

namespace atrium::workflow {

inline constexpr std::size_t kMaxRuleActions = 10;

enum class TriggerKind { created, updated, field_changed, state_entered, date_reached, schedule };

struct AutomationTrigger {
  TriggerKind kind = TriggerKind::created;
  std::string field;                // field_changed, date_reached
  std::string state;                // state_entered
  std::int64_t offset_minutes = 0;  // date_reached: before (<0) or after (>0) the date
  std::string schedule;             // "every 15 minutes", "every day at 08:00" (UTC)
};

// One action; which members count depends on `type`.
struct AutomationAction {
  std::string type;      // create_task, create_follow_up, notify, send_email, set_field, start_approval, webhook
  std::string title;     // create_task/create_follow_up/notify: a template over the record
  std::string body;      // notify: a template
  std::string assignee;  // owner, owner_manager, user (create_*, notify, send_email's `to`)
  std::string user_id;   // when assignee is user
  std::int64_t due_in_days = 0;
  std::string priority;     // create_*: task priority, empty: the default
  std::string template_id;  // send_email
  std::string email_field;  // send_email to the record: its e-mail field
  std::string field;        // set_field
  boost::json::value value;  // set_field
  std::string approval_rule_id;  // start_approval
  std::string url;               // webhook: http://host:port/path
};

struct AutomationRule {
  std::string id;
  std::string name;
  std::string entity;  // an entity's name: "account"
  AutomationTrigger trigger;
  std::string condition;
  std::vector<AutomationAction> actions;
  bool active = true;
  std::string created_at;
  std::int64_t version = 0;
};

std::string_view trigger_kind_name(TriggerKind kind);

boost::json::object automation_rule_json(const AutomationRule& rule);
boost::json::object trigger_json(const AutomationTrigger& trigger);
boost::json::array actions_json(const std::vector<AutomationAction>& actions);
// From stored JSON (already checked when it was saved).
AutomationTrigger trigger_from_json(const boost::json::object& json);
std::vector<AutomationAction> actions_from_json(const boost::json::array& json);

// The rule from a request body over `base` (a PATCH changes only what it names), and
// checked: VALIDATION_FAILED naming every problem. `connection` reads templates, users
// and approval rules.
Result<AutomationRule> read_automation_rule(const boost::json::object& body, AutomationRule base, bool creating,
                                            records::RecordService& records, storage::Connection& connection);

}  // namespace atrium::workflow
