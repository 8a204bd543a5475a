#include "openapi_routing_paths.hpp"

#include "openapi_operations.hpp"
#include "openapi_schemas.hpp"

namespace atrium::records::openapi {

namespace json = boost::json;

namespace {

constexpr std::string_view kTag = "Routing";

json::object text() { return {{"type", "string"}}; }
json::object nullable_text() { return {{"type", json::array{"string", "null"}}}; }
json::object number() { return {{"type", "number"}}; }
json::object integer() { return {{"type", "integer"}}; }
json::object boolean() { return {{"type", "boolean"}}; }

json::object calendar_schema() {
  json::object interval{{"type", "array"},
                        {"items", {{"type", "string"}, {"pattern", "^([01][0-9]|2[0-4]):[0-5][0-9]$"}}},
                        {"minItems", 2},
                        {"maxItems", 2}};
  return {{"type", "object"},
          {"properties",
           {{"id", text()},
            {"name", {{"type", "string"}, {"maxLength", 200}}},
            {"time_zone", {{"type", "string"}, {"description", "An IANA time zone, e.g. Europe/Berlin."}}},
            {"hours",
             {{"type", "object"},
              {"description", "Working intervals per weekday (monday … sunday), [start, end] in local time; several "
                              "a day allowed, \"24:00\" ends a day. A weekday left out has no working time."},
              {"additionalProperties", {{"type", "array"}, {"items", interval}, {"maxItems", 12}}}}},
            {"holidays",
             {{"type", "array"}, {"items", {{"type", "string"}, {"format", "date"}}}, {"maxItems", 1000}}},
            {"created_at", text()},
            {"updated_at", text()},
            {"version", integer()}}}};
}

json::object path_schema() {
  json::object step{{"type", "object"},
                    {"properties",
                     {{"name", text()},
                      {"user_id", nullable_text()},
                      {"role_id", nullable_text()},
                      {"sla_hours", number()},
                      {"on_overdue",
                       {{"type", "string"},
                        {"enum", json::array{"next_step", "manager"}},
                        {"description", "Where an overdue step goes; the last step goes to the manager."}}}}}};
  return {{"type", "object"},
          {"properties",
           {{"id", text()},
            {"name", text()},
            {"entity", {{"type", "string"}, {"description", "The entity's singular name, e.g. task."}}},
            {"field", {{"type", "string"}, {"description", "An enum or text field that holds the type."}}},
            {"value", text()},
            {"calendar_id", text()},
            {"steps", {{"type", "array"}, {"items", step}, {"minItems", 1}, {"maxItems", 20}}},
            {"overall_sla_hours", {{"type", json::array{"number", "null"}}}},
            {"active", boolean()},
            {"created_at", text()},
            {"updated_at", text()},
            {"version", integer()}}}};
}

json::object routing_schema() {
  json::object move{{"type", "object"},
                    {"properties",
                     {{"sequence", integer()},
                      {"kind",
                       {{"type", "string"},
                        {"enum", json::array{"start", "forward", "divert", "return", "complete", "escalate", "overdue",
                                             "overall_breach"}}}},
                      {"from_step", {{"type", json::array{"integer", "null"}}}},
                      {"to_step", {{"type", json::array{"integer", "null"}}}},
                      {"from_user_id", nullable_text()},
                      {"to_user_id", nullable_text()},
                      {"actor_id", nullable_text()},
                      {"remarks", nullable_text()},
                      {"action", nullable_text()},
                      {"step_due_at", nullable_text()},
                      {"at", text()}}}};
  json::object step{{"type", "object"},
                    {"properties",
                     {{"index", integer()},
                      {"name", text()},
                      {"sla_hours", number()},
                      {"state", {{"type", "string"}, {"enum", json::array{"done", "current", "pending"}}}},
                      {"due_at", nullable_text()}}}};
  return {{"type", "object"},
          {"properties",
           {{"status", {{"type", "string"}, {"enum", json::array{"not_started", "active", "completed"}}}},
            {"path", {{"type", "object"}}},
            {"available_path", {{"type", json::array{"object", "null"}}}},
            {"current_step", {{"type", json::array{"integer", "null"}}}},
            {"current_step_name", nullable_text()},
            {"assignee_id", nullable_text()},
            {"step_due_at", nullable_text()},
            {"overdue", boolean()},
            {"overall_due_at", nullable_text()},
            {"overall_overdue", boolean()},
            {"overall_breached_at", nullable_text()},
            {"steps", {{"type", "array"}, {"items", step}}},
            {"history", {{"type", "array"}, {"items", move}}},
            {"can_move", boolean()},
            {"can_start", boolean()},
            {"version", integer()}}}};
}

json::object body(json::object schema) {
  return {{"required", true}, {"content", json_content(std::move(schema))}};
}

// List, create, read, change and delete of one administration resource.
void add_admin_resource(json::object& paths, const std::string& base, const std::string& type,
                        const std::string& label, const json::object& schema) {
  json::object list = operation("list" + type + "s", "List " + label + "s (administrators)", kTag);
  list["responses"] = {{"200", answer_of("The " + label + "s.", json::object{{"type", "object"},
                                                                              {"properties",
                                                                               {{"data", {{"type", "array"},
                                                                                          {"items", schema}}}}}})}};
  add_errors(list, {"401", "403"});
  set_security(list, false);
  json::object create = operation("create" + type, "Create a " + label + " (administrators)", kTag);
  create["requestBody"] = body(schema);
  create["responses"] = {{"201", answer_of("The " + label + ".", schema)}};
  add_errors(create, {"400", "401", "403", "422"});
  set_security(create, true);
  paths[base] = {{"get", std::move(list)}, {"post", std::move(create)}};

  json::object read = operation("get" + type, "Read a " + label + " (administrators)", kTag);
  read["responses"] = {{"200", answer_of("The " + label + ".", schema)}};
  add_errors(read, {"401", "403", "404"});
  set_security(read, false);
  json::object change = operation("update" + type, "Change a " + label + " (administrators)", kTag);
  change["description"] = "Only the fields sent change; `version` (the one read) guards against changes made "
                          "meanwhile (412 VERSION_CONFLICT).";
  change["requestBody"] = body(schema);
  change["responses"] = {{"200", answer_of("The " + label + ".", schema)}};
  add_errors(change, {"400", "401", "403", "404", "412", "422"});
  set_security(change, true);
  json::object remove = operation("delete" + type, "Delete a " + label + " (administrators)", kTag);
  remove["responses"] = {{"204", no_content("Deleted.")}};
  add_errors(remove, {"401", "403", "404", "409"});
  set_security(remove, true);
  paths[base + "/{id}"] = {{"parameters", json::array{id_in_path("The id.")}},
                           {"get", std::move(read)},
                           {"patch", std::move(change)},
                           {"delete", std::move(remove)}};
}

}  // namespace

void add_routing_paths(json::object& paths, const metadata::Catalog& catalog) {
  add_admin_resource(paths, "/api/v1/business-calendars", "BusinessCalendar", "business calendar", calendar_schema());
  add_admin_resource(paths, "/api/v1/routing-paths", "RoutingPath", "routing path", path_schema());

  const json::object move_body{
      {"type", "object"},
      {"properties",
       {{"remarks", {{"type", "string"}, {"maxLength", 4000}}},
        {"action", {{"type", "string"}, {"maxLength", 500}, {"description", "What was done at this level."}}},
        {"user_id", {{"type", "string"}, {"description", "divert only: the user to divert to."}}},
        {"version", {{"type", "integer"}, {"description", "The routing's version read (412 when it moved)."}}}}}};
  for (const auto& entity : catalog.entities()) {
    const std::string type = pascal_case(entity.name);
    const std::string base = "/api/v1/" + entity.plural + "/{id}/routing";
    const json::array id_parameter{component_ref("parameters", "RecordId")};
    json::object read = operation("get" + type + "Routing", "A record's routing path, due times and history", kTag);
    read["description"] = "Status `not_started` with the path that would apply when the record is not routed. "
                          "Records outside the caller's read scope answer 404.";
    read["responses"] = {{"200", answer_of("The routing.", routing_schema())}};
    add_errors(read, {"401", "404"});
    set_security(read, false);
    paths[base] = {{"parameters", id_parameter}, {"get", std::move(read)}};

    const std::pair<const char*, const char*> moves[] = {
        {"start", "Put the record on the path of its type (needs the edit right; 409 NO_ROUTING_PATH, "
                  "ROUTING_STARTED)."},
        {"forward", "To the next step (from the last: completed), with remarks and an action."},
        {"divert", "To any active user, with remarks; the step stays."},
        {"return", "Back one step, to whoever held it (409 FIRST_STEP at the first)."}};
    for (const auto& [segment, description] : moves) {
      std::string name = segment;
      name[0] = static_cast<char>(name[0] - 'a' + 'A');
      json::object op = operation(name.substr(0, 1) == "S" ? "start" + type + "Routing" : "route" + type + name,
                                  std::string(description), kTag);
      op["description"] = "Only the current assignee, someone with the edit right on the record, or an "
                          "administrator moves it: 403 NOT_ASSIGNEE otherwise. 409 ROUTING_NOT_STARTED, "
                          "ROUTING_COMPLETED, ROUTING_CHANGED. Every move is written to the record's audit trail "
                          "and notified to the new assignee.";
      if (std::string_view(segment) != "start") {
        op["requestBody"] = {{"required", false}, {"content", json_content(move_body)}};
      }
      op["responses"] = {{"200", answer_of("The routing after the move.", routing_schema())}};
      add_errors(op, {"400", "401", "403", "404", "409", "412", "422"});
      set_security(op, true);
      paths[base + "/" + segment] = {{"parameters", id_parameter}, {"post", std::move(op)}};
    }
  }
}

}  // namespace atrium::records::openapi
