#include "openapi_approval_paths.hpp"

#include "openapi_operations.hpp"

namespace atrium::records::openapi {

namespace json = boost::json;

namespace {

constexpr std::string_view kTag = "Approvals";

json::object text() { return {{"type", "string"}}; }
json::object nullable_text() { return {{"type", json::array{"string", "null"}}}; }
json::object instant() { return {{"type", "string"}, {"format", "date-time"}}; }
json::object nullable_instant() { return {{"type", json::array{"string", "null"}}, {"format", "date-time"}}; }

json::object level_schema() {
  return {{"type", "object"},
          {"required", json::array{"kind"}},
          {"description",
           "Who decides a level: `role` (the members of the role who hold the approve right on the entity), "
           "`manager` (the requester's manager `depth` levels up the reporting line) or `users` (named users). "
           "`mode` any: one approval decides the level; all: every approver must approve. Running approvals also "
           "show `approve_right` (a deletion no rule covers: anyone with the approve right on the entity)."},
          {"properties",
           {{"kind", {{"type", "string"}, {"enum", json::array{"role", "manager", "users", "approve_right"}}}},
            {"role", {{"type", "string"}, {"maxLength", 100}, {"description", "The role's name."}}},
            {"depth", {{"type", "integer"}, {"minimum", 1}, {"maximum", 10}, {"default", 1}}},
            {"user_ids", {{"type", "array"}, {"items", text()}, {"minItems", 1}, {"maxItems", 50}}},
            {"mode", {{"type", "string"}, {"enum", json::array{"any", "all"}}, {"default", "any"}}}}}};
}

json::object rule_schema() {
  return {{"type", "object"},
          {"properties",
           {{"id", text()},
            {"entity", {{"type", "string"}, {"description", "The entity's name or plural, e.g. account."}}},
            {"name", {{"type", "string"}, {"maxLength", 200}}},
            {"trigger", {{"type", "string"}, {"enum", json::array{"on_create", "on_update", "on_delete", "manual"}}}},
            {"condition",
             {{"type", "string"},
              {"maxLength", 4000},
              {"description",
               "A filter in the list filter language (`credit_limit gt 50000`), checked against the entity's fields "
               "when saved. on_update rules start when a write changes a field the condition reads and the record "
               "then meets it; empty: every record."}}},
            {"levels", {{"type", "array"}, {"items", level_schema()}, {"minItems", 1}, {"maxItems", 10}}},
            {"active", {{"type", "boolean"}, {"default", true}}},
            {"created_at", instant()},
            {"updated_at", instant()},
            {"version", {{"type", "integer"}}}}}};
}

json::object person() {
  return {{"type", "object"}, {"properties", {{"user_id", text()}, {"name", nullable_text()}}}};
}

json::object approval_detail_schema() {
  json::object approver{{"type", "object"},
                        {"properties",
                         {{"user_id", text()},
                          {"name", nullable_text()},
                          {"status", {{"type", "string"}, {"enum", json::array{"waiting", "approved", "rejected", "closed"}}}},
                          {"decided_by_id", nullable_text()},
                          {"decided_by_name", nullable_text()},
                          {"on_behalf_of_id", nullable_text()},
                          {"on_behalf_of_name", nullable_text()},
                          {"decided_at", nullable_instant()},
                          {"remarks", nullable_text()}}}};
  json::object level = level_schema();
  auto& properties = level["properties"].as_object();
  properties["level"] = {{"type", "integer"}, {"minimum", 1}};
  properties["status"] = {{"type", "string"}, {"enum", json::array{"approved", "waiting", "rejected", "not_reached"}}};
  properties["approvers"] = {{"type", "array"}, {"items", approver}};
  json::object decision{{"type", "object"},
                        {"properties",
                         {{"level", {{"type", "integer"}}},
                          {"decision", {{"type", "string"}, {"enum", json::array{"approved", "rejected"}}}},
                          {"user_id", nullable_text()},
                          {"name", nullable_text()},
                          {"on_behalf_of_id", nullable_text()},
                          {"on_behalf_of_name", nullable_text()},
                          {"at", nullable_instant()},
                          {"remarks", nullable_text()}}}};
  return {{"type", "object"},
          {"required", json::array{"id", "kind", "entity", "record_id", "status", "requested_at", "version"}},
          {"properties",
           {{"id", text()},
            {"kind", {{"type", "string"}, {"enum", json::array{"create", "update", "delete", "manual"}}}},
            {"entity", text()},
            {"entity_plural", text()},
            {"record_id", text()},
            {"title", {{"description", "The record's title, for callers who may read the record."}}},
            {"status", {{"type", "string"}, {"enum", json::array{"pending", "approved", "rejected"}}}},
            {"rule_id", nullable_text()},
            {"rule_name", nullable_text()},
            {"requested_by_id", nullable_text()},
            {"requested_by_name", nullable_text()},
            {"requested_at", instant()},
            {"decided_by_id", nullable_text()},
            {"decided_at", nullable_instant()},
            {"remarks", nullable_text()},
            {"current_level", {{"type", "integer"}, {"minimum", 0}, {"description", "Index of the level waiting now."}}},
            {"level_count", {{"type", "integer"}}},
            {"levels", {{"type", "array"}, {"items", level}}},
            {"decisions", {{"type", "array"}, {"items", decision}}},
            {"waiting_for", {{"type", "array"}, {"items", person()}}},
            {"waiting_for_right", {{"type", "string"}, {"description", "approve: anyone with the approve right decides."}}},
            {"version", {{"type", "integer"}}}}}};
}

json::object delegation_schema() {
  return {{"type", "object"},
          {"properties",
           {{"id", text()},
            {"user_id", text()},
            {"user_name", nullable_text()},
            {"delegate_id", text()},
            {"delegate_name", nullable_text()},
            {"starts_at", instant()},
            {"ends_at", instant()},
            {"remarks", {{"type", json::array{"string", "null"}}, {"maxLength", 2000}}},
            {"created_at", instant()},
            {"active", {{"type", "boolean"}}}}}};
}

json::object list_answer(std::string_view description, json::object item) {
  return answer_of(description, json::object{{"type", "object"},
                                             {"required", json::array{"data"}},
                                             {"properties", {{"data", {{"type", "array"}, {"items", std::move(item)}}}}}});
}

json::object query(std::string_view name, std::string_view description, json::object schema) {
  return {{"name", name}, {"in", "query"}, {"description", description}, {"schema", std::move(schema)}};
}

json::object json_body(json::object schema) { return {{"required", true}, {"content", json_content(std::move(schema))}}; }

}  // namespace

void add_approval_paths(json::object& paths) {
  const json::array id_parameter{id_in_path("The approval's id.")};

  json::object list = operation("listApprovals", "List approvals", kTag);
  list["description"] =
      "Approvals the caller requested, takes part in (or stands in for someone who does), or whose entity they hold "
      "the approve right on; oldest request first. `assigned=me` is the caller's inbox: what waits for their "
      "decision now, by delegation too. With `entity` and `record_id`, whoever may read the record sees every "
      "approval of it (why it is locked).";
  list["parameters"] = json::array{
      query("status", "Which approvals.",
            {{"type", "string"}, {"enum", json::array{"pending", "approved", "rejected", "all"}}, {"default", "pending"}}),
      query("entity", "An entity's name or plural.", text()),
      query("record_id", "One record's approvals (needs entity).", text()),
      query("assigned", "me: what waits for the caller's decision.", {{"type", "string"}, {"enum", json::array{"me"}}}),
      query("requested", "me: the caller's own requests.", {{"type", "string"}, {"enum", json::array{"me"}}}),
      query("limit", "At most this many.", {{"type", "integer"}, {"minimum", 1}, {"maximum", 500}, {"default", 100}})};
  list["responses"] = {{"200", list_answer("The approvals.", approval_detail_schema())}};
  add_errors(list, {"400", "401", "404"});
  set_security(list, false);

  json::object start = operation("startApproval", "Start a manual approval rule for a record", kTag);
  start["description"] =
      "For an active rule with trigger `manual`, on a record the caller may edit. 409 CONFLICT when the record waits "
      "for this rule already; 422 RULE_NOT_MANUAL for other rules.";
  start["requestBody"] = json_body({{"type", "object"},
                                    {"required", json::array{"rule_id", "record_id"}},
                                    {"properties", {{"rule_id", text()}, {"record_id", text()}}}});
  start["responses"] = {{"201", answer_of("The approval started.", approval_detail_schema())}};
  add_errors(start, {"400", "401", "403", "404", "409", "422"});
  set_security(start, true);
  paths["/api/v1/approvals"] = {{"get", std::move(list)}, {"post", std::move(start)}};

  json::object read = operation("getApproval", "Read an approval with its full history", kTag);
  read["description"] = "The levels with their approvers, every decision with who, when, remarks and on whose "
                        "behalf, and who the approval waits for now.";
  read["responses"] = {{"200", answer_of("The approval.", approval_detail_schema())}};
  add_errors(read, {"401", "404"});
  set_security(read, false);
  paths["/api/v1/approvals/{id}"] = {{"parameters", id_parameter}, {"get", std::move(read)}};

  for (const bool approve : {true, false}) {
    const std::string verb = approve ? "approve" : "reject";
    json::object op =
        operation(verb + "Approval", approve ? "Approve the level waiting for you" : "Reject a pending request", kTag);
    op["description"] =
        std::string(approve ? "Approved, the approval moves to its next level, or completes after the last one (a "
                              "deletion then deletes the record, unless something refers to it: 409 REFERENCED). "
                            : "Rejected, the approval ends and the record is unlocked. ") +
        "Decided by an approver of the level waiting now or their delegate (403 NOT_AN_APPROVER otherwise), never by "
        "the requester (403 OWN_REQUEST); 409 CONFLICT once decided.";
    op["requestBody"] = {
        {"required", false},
        {"content",
         json_content(json::object{
             {"type", "object"},
             {"properties", {{"remarks", {{"type", "string"}, {"maxLength", 2000}, {"description", "Why."}}}}}})}};
    op["responses"] = {{"200", answer_of("The approval after the decision.", approval_detail_schema())}};
    add_errors(op, {"400", "401", "403", "404", "409", "422"});
    set_security(op, true);
    paths["/api/v1/approvals/{id}/" + verb] = {{"parameters", id_parameter}, {"post", std::move(op)}};
  }

  json::object delegations = operation("listApprovalDelegations", "List your delegations", kTag);
  delegations["description"] = "Those you gave and those given to you.";
  delegations["responses"] = {{"200", list_answer("The delegations.", delegation_schema())}};
  add_errors(delegations, {"401"});
  set_security(delegations, false);
  json::object delegate = operation("createApprovalDelegation", "Name a delegate while you are away", kTag);
  delegate["description"] = "From starts_at until ends_at (at most a year) the delegate decides your approvals; the "
                            "history shows on whose behalf.";
  delegate["requestBody"] = json_body({{"type", "object"},
                                       {"required", json::array{"delegate_id", "starts_at", "ends_at"}},
                                       {"properties",
                                        {{"delegate_id", text()},
                                         {"starts_at", instant()},
                                         {"ends_at", instant()},
                                         {"remarks", {{"type", "string"}, {"maxLength", 2000}}}}}});
  delegate["responses"] = {{"201", answer_of("The delegation.", delegation_schema())}};
  add_errors(delegate, {"400", "401", "422"});
  set_security(delegate, true);
  paths["/api/v1/approval-delegations"] = {{"get", std::move(delegations)}, {"post", std::move(delegate)}};
  json::object delegates = operation("listApprovalDelegates", "List the people who may stand in for you", kTag);
  delegates["description"] = "The active staff users, by name.";
  delegates["responses"] = {{"200", list_answer("The people.", json::object{{"type", "object"},
                                                                           {"properties", {{"id", text()}, {"name", text()}}}})}};
  add_errors(delegates, {"401"});
  set_security(delegates, false);
  paths["/api/v1/approval-delegates"] = {{"get", std::move(delegates)}};
  json::object undelegate = operation("deleteApprovalDelegation", "Take a delegation back", kTag);
  undelegate["responses"] = {{"204", no_content("Taken back.")}};
  add_errors(undelegate, {"401", "404"});
  set_security(undelegate, true);
  paths["/api/v1/approval-delegations/{id}"] = {{"parameters", json::array{id_in_path("The delegation's id.")}},
                                                {"delete", std::move(undelegate)}};

  json::object rules = operation("listApprovalRules", "List approval rules", kTag);
  rules["description"] = "Administrators only.";
  rules["parameters"] = json::array{query("entity", "An entity's name or plural.", text())};
  rules["responses"] = {{"200", list_answer("The rules.", rule_schema())}};
  add_errors(rules, {"400", "401", "403"});
  set_security(rules, false);
  json::object create = operation("createApprovalRule", "Create an approval rule", kTag);
  create["description"] = "Administrators only. The condition is compiled against the entity's fields (422 naming "
                          "`condition` when it does not); roles and users of the levels must exist.";
  create["requestBody"] = json_body(rule_schema());
  create["responses"] = {{"201", answer_of("The rule.", rule_schema())}};
  add_errors(create, {"400", "401", "403", "409", "422"});
  set_security(create, true);
  paths["/api/v1/approval-rules"] = {{"get", std::move(rules)}, {"post", std::move(create)}};

  const json::array rule_id{id_in_path("The rule's id.")};
  json::object rule = operation("getApprovalRule", "Read an approval rule", kTag);
  rule["responses"] = {{"200", answer_of("The rule.", rule_schema())}};
  add_errors(rule, {"401", "403", "404"});
  set_security(rule, false);
  json::object change = operation("updateApprovalRule", "Change an approval rule", kTag);
  change["description"] = "Only the members given change; running approvals keep the chain they started with.";
  change["parameters"] = json::array{component_ref("parameters", "IfMatch")};
  change["requestBody"] = json_body(rule_schema());
  change["responses"] = {{"200", answer_of("The rule.", rule_schema())}};
  add_errors(change, {"400", "401", "403", "404", "412", "422"});
  set_security(change, true);
  json::object remove = operation("deleteApprovalRule", "Delete an approval rule", kTag);
  remove["responses"] = {{"204", no_content("Deleted; running approvals keep their chain.")}};
  add_errors(remove, {"401", "403", "404"});
  set_security(remove, true);
  paths["/api/v1/approval-rules/{id}"] = {
      {"parameters", rule_id}, {"get", std::move(rule)}, {"patch", std::move(change)}, {"delete", std::move(remove)}};
}

}  // namespace atrium::records::openapi
