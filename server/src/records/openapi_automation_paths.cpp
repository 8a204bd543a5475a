#include "openapi_automation_paths.hpp"

#include "openapi_operations.hpp"

namespace atrium::records::openapi {

namespace json = boost::json;

namespace {

constexpr std::string_view kTag = "Automation";

json::object text() { return {{"type", "string"}}; }

json::object trigger_schema() {
  return {{"type", "object"},
          {"required", json::array{"kind"}},
          {"properties",
           {{"kind", {{"type", "string"},
                      {"enum", json::array{"created", "updated", "field_changed", "state_entered", "date_reached",
                                           "schedule"}}}},
            {"field", {{"type", "string"}, {"description", "field_changed: the field; date_reached: a date or "
                                                           "date-time field."}}},
            {"state", {{"type", "string"}, {"description", "state_entered: a value of the entity's state field."}}},
            {"offset_minutes", {{"type", "integer"}, {"description", "date_reached: negative fires before the date."}}},
            {"schedule", {{"type", "string"}, {"description", "\"every 15 minutes\", \"every day at 08:00\" (UTC)."}}}}}};
}

json::object action_schema() {
  return {{"type", "object"},
          {"required", json::array{"type"}},
          {"description",
           "create_task / create_follow_up: title (a template), assignee (owner, owner_manager, user + user_id), "
           "due_in_days, priority; notify: title, body, assignee; send_email: template_id, to (record + "
           "email_field, owner, owner_manager, user + user_id); set_field: field, value; start_approval: "
           "approval_rule_id; webhook: url (http://host:port/path), POSTed the record as JSON by a retried job."},
          {"properties",
           {{"type", {{"type", "string"},
                      {"enum", json::array{"create_task", "create_follow_up", "notify", "send_email", "set_field",
                                           "start_approval", "webhook"}}}},
            {"title", text()},
            {"body", text()},
            {"assignee", text()},
            {"to", text()},
            {"user_id", text()},
            {"due_in_days", {{"type", "integer"}, {"minimum", 0}}},
            {"priority", text()},
            {"template_id", text()},
            {"email_field", text()},
            {"field", text()},
            {"value", json::object{}},
            {"approval_rule_id", text()},
            {"url", text()}}}};
}

json::object rule_schema() {
  return {{"type", "object"},
          {"required", json::array{"id", "name", "entity", "trigger", "condition", "actions", "active", "version"}},
          {"properties",
           {{"id", text()},
            {"name", {{"type", "string"}, {"maxLength", 200}}},
            {"entity", {{"type", "string"}, {"description", "The entity's name: `account`."}}},
            {"trigger", trigger_schema()},
            {"condition", {{"type", "string"}, {"description", "The list filter language; empty: every record."}}},
            {"actions", {{"type", "array"}, {"minItems", 1}, {"maxItems", 10}, {"items", action_schema()}}},
            {"active", {{"type", "boolean"}}},
            {"created_at", text()},
            {"version", {{"type", "integer"}}}}}};
}

json::object rule_input(bool creating) {
  json::object schema = rule_schema();
  schema.erase("required");
  auto& properties = schema["properties"].as_object();
  properties.erase("id");
  properties.erase("created_at");
  if (creating) {
    properties.erase("version");
    schema["required"] = json::array{"name", "entity", "trigger", "actions"};
  }
  return schema;
}

json::object list_of(json::object item) {
  return {{"type", "object"}, {"properties", {{"data", {{"type", "array"}, {"items", std::move(item)}}}}}};
}

}  // namespace

void add_automation_paths(json::object& paths) {
  const std::string errors =
      "422 VALIDATION_FAILED names each problem by its path: `trigger.field` (UNKNOWN_FIELD), `condition` (as a "
      "list filter: FILTER_INVALID, UNKNOWN_FIELD, …), `actions[0].title` (TEMPLATE_SYNTAX, TEMPLATE_UNKNOWN_FIELD).";
  json::object list = operation("listAutomationRules", "List automation rules (administrators)", kTag);
  list["parameters"] = json::array{json::object{
      {"name", "entity"}, {"in", "query"}, {"description", "Only this entity's."}, {"schema", text()}}};
  list["responses"] = {{"200", answer_of("The rules, by name.", list_of(rule_schema()))}};
  add_errors(list, {"401", "403"});
  set_security(list, false);
  json::object create = operation("createAutomationRule", "Create an automation rule (administrators)", kTag);
  create["description"] = "Fires on its trigger for records meeting its condition and runs its actions in order "
                          "as durable jobs, each recorded in the record's audit trail. " + errors;
  create["requestBody"] = {{"required", true}, {"content", json_content(rule_input(true))}};
  create["responses"] = {{"201", answer_of("The rule.", rule_schema())}};
  add_errors(create, {"400", "401", "403", "422"});
  set_security(create, true);
  paths["/api/v1/automation-rules"] = {{"get", std::move(list)}, {"post", std::move(create)}};

  const json::array id{id_in_path("The rule's id.")};
  json::object read = operation("getAutomationRule", "Read an automation rule", kTag);
  read["responses"] = {{"200", answer_of("The rule.", rule_schema())}};
  add_errors(read, {"401", "403", "404"});
  set_security(read, false);
  json::object change = operation("updateAutomationRule", "Change an automation rule", kTag);
  change["description"] = "Only what the body names changes; the entity stays. `version` refuses a stale change "
                          "with 412. " + errors;
  change["requestBody"] = {{"required", true}, {"content", json_content(rule_input(false))}};
  change["responses"] = {{"200", answer_of("The rule.", rule_schema())}};
  add_errors(change, {"400", "401", "403", "404", "412", "422"});
  set_security(change, true);
  json::object remove = operation("deleteAutomationRule", "Delete an automation rule", kTag);
  remove["responses"] = {{"204", no_content("Deleted.")}};
  add_errors(remove, {"401", "403", "404"});
  set_security(remove, true);
  paths["/api/v1/automation-rules/{id}"] = {
      {"parameters", id}, {"get", std::move(read)}, {"patch", std::move(change)}, {"delete", std::move(remove)}};

  json::object runs = operation("listAutomationRuleRuns", "What a rule did, newest first", kTag);
  runs["description"] = "`fired` (queued, with the reason), `done` (what its actions did), `stopped` (loop "
                        "protection: the rule had fired on the record earlier in the same chain of automatic "
                        "changes, or the chain was too deep).";
  runs["responses"] = {{"200", answer_of("The log.", list_of(json::object{
                                                           {"type", "object"},
                                                           {"properties",
                                                            {{"entity", text()},
                                                             {"record_id", text()},
                                                             {"event", {{"type", "string"},
                                                                        {"enum", json::array{"fired", "done",
                                                                                             "stopped"}}}},
                                                             {"detail", text()},
                                                             {"depth", {{"type", "integer"}}},
                                                             {"at", text()}}}}))}};
  add_errors(runs, {"401", "403", "404"});
  set_security(runs, false);
  paths["/api/v1/automation-rules/{id}/runs"] = {{"parameters", id}, {"get", std::move(runs)}};
}

}  // namespace atrium::records::openapi
