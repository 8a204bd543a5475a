#include "atrium/workflow/automation_rule.hpp"

#include <fmt/format.h>

#include "atrium/workflow/merge_fields.hpp"
#include "atrium/workflow/schedule.hpp"
#include "atrium/workflow/template_parser.hpp"
#include "atrium/workflow/webhook_client.hpp"

namespace atrium::workflow {

namespace {

using boost::json::array;
using boost::json::object;
using boost::json::value;

constexpr std::int64_t kMaxOffsetMinutes = 366LL * 24 * 60;
constexpr std::int64_t kMaxDueInDays = 3650;
constexpr std::size_t kMaxTitleTemplate = 2000;
constexpr std::size_t kMaxBodyTemplate = 8000;

const std::pair<TriggerKind, std::string_view> kTriggerNames[] = {
    {TriggerKind::created, "created"},           {TriggerKind::updated, "updated"},
    {TriggerKind::field_changed, "field_changed"}, {TriggerKind::state_entered, "state_entered"},
    {TriggerKind::date_reached, "date_reached"}, {TriggerKind::schedule, "schedule"}};

const std::string_view kActionTypes[] = {"create_task", "create_follow_up", "notify", "send_email",
                                         "set_field",   "start_approval",   "webhook"};

std::string text_of(const object& json, std::string_view name) {
  const auto* found = json.if_contains(name);
  return found && found->is_string() ? std::string(found->as_string()) : std::string();
}

std::int64_t integer_of(const object& json, std::string_view name) {
  const auto* found = json.if_contains(name);
  return found && found->is_int64() ? found->as_int64() : 0;
}

// Collects problems under paths such as actions[2].title.
class Problems {
 public:
  void add(std::string field, std::string code, std::string message) {
    error_.fields.push_back({std::move(field), std::move(code), std::move(message)});
  }
  bool empty() const { return error_.fields.empty(); }
  Error error() const {
    Error error = error_;
    error.message = "the automation rule is not valid";
    return error;
  }

  // A member that must be text (of at most `max` bytes) when present.
  std::optional<std::string> text(const object& json, std::string_view name, const std::string& path,
                                  std::size_t max, bool required) {
    const auto* found = json.if_contains(name);
    if (!found || found->is_null()) {
      if (required) add(path, "FIELD_REQUIRED", "required");
      return std::nullopt;
    }
    if (!found->is_string()) return add(path, "FIELD_INVALID", "text"), std::nullopt;
    if (found->as_string().size() > max) {
      return add(path, "FIELD_TOO_LONG", fmt::format("at most {} characters", max)), std::nullopt;
    }
    if (required && found->as_string().empty()) return add(path, "FIELD_REQUIRED", "required"), std::nullopt;
    return std::string(found->as_string());
  }

  std::optional<std::int64_t> integer(const object& json, std::string_view name, const std::string& path,
                                      std::int64_t minimum, std::int64_t maximum) {
    const auto* found = json.if_contains(name);
    if (!found || found->is_null()) return std::nullopt;
    if (!found->is_int64() || found->as_int64() < minimum || found->as_int64() > maximum) {
      return add(path, "FIELD_INVALID", fmt::format("a whole number from {} to {}", minimum, maximum)), std::nullopt;
    }
    return found->as_int64();
  }

  void only(const object& json, std::initializer_list<std::string_view> known, const std::string& prefix) {
    for (const auto& [key, ignored] : json) {
      if (std::find(known.begin(), known.end(), std::string_view(key)) == known.end()) {
        add(prefix + std::string(key), "UNKNOWN_FIELD", "not a member here");
      }
    }
  }

 private:
  Error error_{ErrorCode::validation_failed, "", {}};
};

// A template over the rule's record: its syntax and merge fields.
void check_template(Problems& problems, records::RecordService& records, const std::string& entity,
                    const std::string& source, const std::string& path) {
  auto parsed = parse_template(source);
  if (!parsed) {
    for (const auto& field : parsed.error().fields) problems.add(path, field.code, field.message);
    return;
  }
  for (auto& field : check_merge_fields(records, entity, merge_field_uses(*parsed), path)) {
    problems.add(field.field, field.code, field.message);
  }
}

bool user_exists(storage::Connection& connection, const std::string& id) {
  auto rows = connection.query("SELECT 1 FROM users WHERE id = ? AND active = 1", {id});
  return rows && !rows->empty();
}

void read_assignee(Problems& problems, const object& json, AutomationAction& action, const std::string& at,
                   storage::Connection& connection, std::string_view member) {
  auto assignee = problems.text(json, member, at + std::string(member), 20, true);
  if (!assignee) return;
  action.assignee = *assignee;
  if (action.assignee != "owner" && action.assignee != "owner_manager" && action.assignee != "user" &&
      !(member == "to" && action.assignee == "record")) {
    problems.add(at + std::string(member), "FIELD_INVALID_ENUM",
                 member == "to" ? "record, owner, owner_manager or user" : "owner, owner_manager or user");
    return;
  }
  if (action.assignee != "user") return;
  auto user = problems.text(json, "user_id", at + "user_id", 100, true);
  if (!user) return;
  action.user_id = *user;
  if (!user_exists(connection, action.user_id)) problems.add(at + "user_id", "USER_NOT_FOUND", "no active user");
}

AutomationAction read_action(Problems& problems, const value& item, std::size_t index, const AutomationRule& rule,
                             const records::EntityLayout* layout, records::RecordService& records,
                             storage::Connection& connection) {
  const std::string at = fmt::format("actions[{}].", index);
  AutomationAction action;
  if (!item.is_object()) {
    problems.add(fmt::format("actions[{}]", index), "FIELD_INVALID", "an object with a type");
    return action;
  }
  const auto& json = item.as_object();
  auto type = problems.text(json, "type", at + "type", 40, true);
  if (!type) return action;
  action.type = *type;
  if (std::find(std::begin(kActionTypes), std::end(kActionTypes), action.type) == std::end(kActionTypes)) {
    problems.add(at + "type", "FIELD_INVALID_ENUM",
                 "create_task, create_follow_up, notify, send_email, set_field, start_approval or webhook");
    return action;
  }
  if (action.type == "create_task" || action.type == "create_follow_up") {
    problems.only(json, {"type", "title", "assignee", "user_id", "due_in_days", "priority"}, at);
    if (auto title = problems.text(json, "title", at + "title", kMaxTitleTemplate, true)) {
      action.title = *title;
      if (layout) check_template(problems, records, rule.entity, action.title, at + "title");
    }
    read_assignee(problems, json, action, at, connection, "assignee");
    action.due_in_days = problems.integer(json, "due_in_days", at + "due_in_days", 0, kMaxDueInDays).value_or(0);
    if (auto priority = problems.text(json, "priority", at + "priority", 20, false)) {
      action.priority = *priority;
      if (action.priority != "low" && action.priority != "normal" && action.priority != "high" &&
          action.priority != "urgent") {
        problems.add(at + "priority", "FIELD_INVALID_ENUM", "low, normal, high or urgent");
      }
    }
  } else if (action.type == "notify") {
    problems.only(json, {"type", "title", "body", "assignee", "user_id"}, at);
    if (auto title = problems.text(json, "title", at + "title", kMaxTitleTemplate, true)) {
      action.title = *title;
      if (layout) check_template(problems, records, rule.entity, action.title, at + "title");
    }
    if (auto body = problems.text(json, "body", at + "body", kMaxBodyTemplate, false)) {
      action.body = *body;
      if (layout) check_template(problems, records, rule.entity, action.body, at + "body");
    }
    read_assignee(problems, json, action, at, connection, "assignee");
  } else if (action.type == "send_email") {
    problems.only(json, {"type", "template_id", "to", "user_id", "email_field"}, at);
    if (auto template_id = problems.text(json, "template_id", at + "template_id", 100, true)) {
      action.template_id = *template_id;
      auto found = connection.query("SELECT entity FROM message_templates WHERE id = ?", {action.template_id});
      if (!found || found->empty()) {
        problems.add(at + "template_id", "TEMPLATE_NOT_FOUND", "no such template");
      } else if (found->rows[0][0].text() != rule.entity) {
        problems.add(at + "template_id", "TEMPLATE_ENTITY_MISMATCH",
                     fmt::format("the template merges {} records, the rule watches {}", found->rows[0][0].text(),
                                 rule.entity));
      }
    }
    read_assignee(problems, json, action, at, connection, "to");
    if (action.assignee == "record") {
      action.email_field = problems.text(json, "email_field", at + "email_field", 100, false).value_or("email");
      const auto* field = layout ? layout->find_field(action.email_field) : nullptr;
      if (layout && (!field || field->field->type != "email")) {
        problems.add(at + "email_field", "UNKNOWN_FIELD",
                     fmt::format("{} has no e-mail field '{}'", rule.entity, action.email_field));
      }
    }
  } else if (action.type == "set_field") {
    problems.only(json, {"type", "field", "value"}, at);
    if (auto field = problems.text(json, "field", at + "field", 100, true)) {
      action.field = *field;
      const auto* found = layout ? layout->find(action.field) : nullptr;
      const bool state_field = layout && layout->entity().states && layout->entity().states->field == action.field;
      if (layout && (!found || found->field->read_only)) {
        problems.add(at + "field", "UNKNOWN_FIELD", fmt::format("{} has no writable field '{}'", rule.entity,
                                                                action.field));
      } else if (state_field) {
        problems.add(at + "field", "STATE_CHANGED_BY_TRANSITION", "the state changes only through its transitions");
      }
    }
    if (const auto* given = json.if_contains("value")) {
      action.value = *given;
    } else {
      problems.add(at + "value", "FIELD_REQUIRED", "the value to set (null clears)");
    }
  } else if (action.type == "start_approval") {
    problems.only(json, {"type", "approval_rule_id"}, at);
    if (auto approval = problems.text(json, "approval_rule_id", at + "approval_rule_id", 100, true)) {
      action.approval_rule_id = *approval;
      auto found = connection.query("SELECT entity FROM approval_rules WHERE id = ?", {action.approval_rule_id});
      if (!found || found->empty()) {
        problems.add(at + "approval_rule_id", "APPROVAL_RULE_NOT_FOUND", "no such approval rule");
      } else if (found->rows[0][0].text() != rule.entity) {
        problems.add(at + "approval_rule_id", "APPROVAL_RULE_ENTITY_MISMATCH", "the approval rule is for another entity");
      }
    }
  } else if (action.type == "webhook") {
    problems.only(json, {"type", "url"}, at);
    if (auto url = problems.text(json, "url", at + "url", 2000, true)) {
      action.url = *url;
      if (!parse_webhook_url(action.url)) {
        problems.add(at + "url", "FIELD_INVALID_URL", "http://host[:port][/path]");
      }
    }
  }
  return action;
}

void read_trigger(Problems& problems, const value* given, AutomationRule& rule, const records::EntityLayout* layout) {
  if (!given || !given->is_object()) {
    problems.add("trigger", given ? "FIELD_INVALID" : "FIELD_REQUIRED", "an object with a kind");
    return;
  }
  const auto& json = given->as_object();
  problems.only(json, {"kind", "field", "state", "offset_minutes", "schedule"}, "trigger.");
  auto kind = problems.text(json, "kind", "trigger.kind", 40, true);
  if (!kind) return;
  AutomationTrigger trigger;
  bool known = false;
  for (const auto& [value, name] : kTriggerNames) {
    if (name == *kind) {
      trigger.kind = value;
      known = true;
    }
  }
  if (!known) {
    problems.add("trigger.kind", "FIELD_INVALID_ENUM",
                 "created, updated, field_changed, state_entered, date_reached or schedule");
    return;
  }
  if (trigger.kind == TriggerKind::field_changed || trigger.kind == TriggerKind::date_reached) {
    if (auto field = problems.text(json, "field", "trigger.field", 100, true)) {
      trigger.field = *field;
      const auto* found = layout ? layout->find(trigger.field) : nullptr;
      if (layout && !found) {
        problems.add("trigger.field", "UNKNOWN_FIELD", fmt::format("{} has no field '{}'", rule.entity, trigger.field));
      } else if (found && trigger.kind == TriggerKind::date_reached && found->field->type != "date" &&
                 found->field->type != "datetime") {
        problems.add("trigger.field", "FIELD_NOT_A_DATE", "a date or date-time field");
      }
    }
    if (trigger.kind == TriggerKind::date_reached) {
      trigger.offset_minutes =
          problems.integer(json, "offset_minutes", "trigger.offset_minutes", -kMaxOffsetMinutes, kMaxOffsetMinutes)
              .value_or(0);
    }
  } else if (trigger.kind == TriggerKind::state_entered) {
    if (auto state = problems.text(json, "state", "trigger.state", 100, true)) {
      trigger.state = *state;
      const auto& machine = layout ? layout->entity().states : std::nullopt;
      if (layout && !machine) {
        problems.add("trigger.kind", "ENTITY_HAS_NO_STATES", fmt::format("{} records have no states", rule.entity));
      } else if (machine) {
        const auto* field = layout->entity().field(machine->field);
        const bool listed = field && std::any_of(field->values.begin(), field->values.end(),
                                                 [&](const auto& value) { return value.key == trigger.state; });
        if (!listed) problems.add("trigger.state", "UNKNOWN_STATE", fmt::format("no state '{}'", trigger.state));
      }
    }
  } else if (trigger.kind == TriggerKind::schedule) {
    if (auto schedule = problems.text(json, "schedule", "trigger.schedule", 100, true)) {
      trigger.schedule = *schedule;
      if (auto parsed = parse_schedule(trigger.schedule); !parsed) {
        problems.add("trigger.schedule", "SCHEDULE_INVALID", parsed.error().message);
      }
    }
  }
  rule.trigger = std::move(trigger);
}

}  // namespace

std::string_view trigger_kind_name(TriggerKind kind) {
  for (const auto& [value, name] : kTriggerNames) {
    if (value == kind) return name;
  }
  return "created";
}

object trigger_json(const AutomationTrigger& trigger) {
  object json{{"kind", trigger_kind_name(trigger.kind)}};
  if (!trigger.field.empty()) json["field"] = trigger.field;
  if (!trigger.state.empty()) json["state"] = trigger.state;
  if (trigger.kind == TriggerKind::date_reached) json["offset_minutes"] = trigger.offset_minutes;
  if (!trigger.schedule.empty()) json["schedule"] = trigger.schedule;
  return json;
}

AutomationTrigger trigger_from_json(const object& json) {
  AutomationTrigger trigger;
  const std::string kind = text_of(json, "kind");
  for (const auto& [value, name] : kTriggerNames) {
    if (name == kind) trigger.kind = value;
  }
  trigger.field = text_of(json, "field");
  trigger.state = text_of(json, "state");
  trigger.offset_minutes = integer_of(json, "offset_minutes");
  trigger.schedule = text_of(json, "schedule");
  return trigger;
}

array actions_json(const std::vector<AutomationAction>& actions) {
  array items;
  for (const auto& action : actions) {
    object json{{"type", action.type}};
    const auto put = [&](std::string_view name, const std::string& text) {
      if (!text.empty()) json[name] = text;
    };
    put("title", action.title);
    put("body", action.body);
    put(action.type == "send_email" ? "to" : "assignee", action.assignee);
    put("user_id", action.user_id);
    if (action.type == "create_task" || action.type == "create_follow_up") json["due_in_days"] = action.due_in_days;
    put("priority", action.priority);
    put("template_id", action.template_id);
    put("email_field", action.email_field);
    put("field", action.field);
    if (action.type == "set_field") json["value"] = action.value;
    put("approval_rule_id", action.approval_rule_id);
    put("url", action.url);
    items.push_back(std::move(json));
  }
  return items;
}

std::vector<AutomationAction> actions_from_json(const array& json) {
  std::vector<AutomationAction> actions;
  for (const auto& item : json) {
    if (!item.is_object()) continue;
    const auto& entry = item.as_object();
    AutomationAction action;
    action.type = text_of(entry, "type");
    action.title = text_of(entry, "title");
    action.body = text_of(entry, "body");
    action.assignee = text_of(entry, action.type == "send_email" ? "to" : "assignee");
    action.user_id = text_of(entry, "user_id");
    action.due_in_days = integer_of(entry, "due_in_days");
    action.priority = text_of(entry, "priority");
    action.template_id = text_of(entry, "template_id");
    action.email_field = text_of(entry, "email_field");
    action.field = text_of(entry, "field");
    if (const auto* given = entry.if_contains("value")) action.value = *given;
    action.approval_rule_id = text_of(entry, "approval_rule_id");
    action.url = text_of(entry, "url");
    actions.push_back(std::move(action));
  }
  return actions;
}

object automation_rule_json(const AutomationRule& rule) {
  return {{"id", rule.id},
          {"name", rule.name},
          {"entity", rule.entity},
          {"trigger", trigger_json(rule.trigger)},
          {"condition", rule.condition},
          {"actions", actions_json(rule.actions)},
          {"active", rule.active},
          {"created_at", rule.created_at},
          {"version", rule.version}};
}

Result<AutomationRule> read_automation_rule(const object& body, AutomationRule base, bool creating,
                                            records::RecordService& records, storage::Connection& connection) {
  Problems problems;
  problems.only(body, {"name", "entity", "trigger", "condition", "actions", "active", "version"}, "");
  if (auto name = problems.text(body, "name", "name", 200, creating)) base.name = *name;
  if (creating) {
    if (auto entity = problems.text(body, "entity", "entity", 100, true)) base.entity = *entity;
  } else if (body.contains("entity") && text_of(body, "entity") != base.entity) {
    problems.add("entity", "FIELD_READ_ONLY", "a rule keeps its entity; make a new rule");
  }
  const records::EntityLayout* layout = base.entity.empty() ? nullptr : records.by_name(base.entity);
  if (!base.entity.empty() && !layout) {
    problems.add("entity", "UNKNOWN_ENTITY", fmt::format("no entity '{}'", base.entity));
  }
  if (creating || body.contains("trigger")) read_trigger(problems, body.if_contains("trigger"), base, layout);
  if (auto condition = problems.text(body, "condition", "condition", 4000, false)) {
    base.condition = *condition;
  }
  if (layout && !base.condition.empty()) {
    // Compiled by the list's query compiler: the same errors a list filter gets.
    if (auto checked = records.check_condition(*layout, base.condition); !checked) {
      for (const auto& field : checked.error().fields) problems.add("condition", field.code, field.message);
      if (checked.error().fields.empty()) problems.add("condition", "FILTER_INVALID", checked.error().message);
    }
  }
  if (const auto* active = body.if_contains("active")) {
    if (!active->is_bool()) {
      problems.add("active", "FIELD_INVALID_BOOLEAN", "true or false");
    } else {
      base.active = active->as_bool();
    }
  }
  if (creating || body.contains("actions")) {
    const auto* given = body.if_contains("actions");
    if (!given || !given->is_array() || given->as_array().empty() || given->as_array().size() > kMaxRuleActions) {
      problems.add("actions", given ? "FIELD_INVALID" : "FIELD_REQUIRED",
                   fmt::format("a list of 1 to {} actions", kMaxRuleActions));
    } else {
      base.actions.clear();
      std::size_t index = 0;
      for (const auto& item : given->as_array()) {
        base.actions.push_back(read_action(problems, item, index++, base, layout, records, connection));
      }
    }
  }
  if (!problems.empty()) return problems.error();
  return base;
}

}  // namespace atrium::workflow
