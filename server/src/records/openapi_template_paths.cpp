#include "openapi_template_paths.hpp"

#include "openapi_operations.hpp"

namespace atrium::records::openapi {

namespace json = boost::json;

namespace {

constexpr std::string_view kTag = "Templates";

json::object text() { return {{"type", "string"}}; }

json::object template_schema() {
  return {{"type", "object"},
          {"required", json::array{"id", "name", "entity", "channel", "subject", "body", "version"}},
          {"properties",
           {{"id", text()},
            {"name", {{"type", "string"}, {"maxLength", 200}}},
            {"entity", {{"type", "string"}, {"description", "The entity whose records it merges: `account`."}}},
            {"channel", {{"type", "string"}, {"enum", json::array{"email", "text"}},
                         {"description", "email: the body is HTML and every output is escaped; text: plain."}}},
            {"subject", {{"type", "string"}, {"maxLength", 1000}}},
            {"body", {{"type", "string"}, {"maxLength", 65536},
                      {"description", "The template language of docs/templates.md: `{{ account.name | upcase }}`, "
                                      "`{% if %}`, `{% for line in lines %}`."}}},
            {"version", {{"type", "integer"}}}}}};
}

json::object template_input(bool creating) {
  json::object schema = template_schema();
  schema.erase("required");
  schema["properties"].as_object().erase("id");
  if (creating) {
    schema["required"] = json::array{"name", "entity", "channel"};
    schema["properties"].as_object().erase("version");
  }
  return schema;
}

json::object rendered_schema() {
  return {{"type", "object"},
          {"properties",
           {{"subject", text()}, {"body", text()}, {"channel", text()}, {"entity", text()}, {"record_id", text()}}}};
}

json::object body(json::object schema) {
  return {{"required", true}, {"content", json_content(std::move(schema))}};
}

}  // namespace

void add_template_paths(json::object& paths) {
  const std::string errors =
      "422 VALIDATION_FAILED names each problem under `subject` or `body`: TEMPLATE_SYNTAX and "
      "TEMPLATE_UNKNOWN_FIELD with `line L, column C:` and the merge field's path, TEMPLATE_TOO_LARGE.";
  json::object list = operation("listTemplates", "List message templates", kTag);
  list["parameters"] = json::array{json::object{
      {"name", "entity"}, {"in", "query"}, {"description", "Only this entity's."}, {"schema", text()}}};
  list["responses"] = {{"200", answer_of("The templates, by name.", json::object{
                                                                         {"type", "object"},
                                                                         {"properties",
                                                                          {{"data", {{"type", "array"},
                                                                                     {"items", template_schema()}}}}}})}};
  add_errors(list, {"401"});
  set_security(list, false);
  json::object create = operation("createTemplate", "Save a message template (administrators)", kTag);
  create["description"] = "Every merge field is checked against the entity's definition, through links "
                          "(`account.parent.name`). " + errors;
  create["requestBody"] = body(template_input(true));
  create["responses"] = {{"201", answer_of("The template.", template_schema())}};
  add_errors(create, {"400", "401", "403", "422"});
  set_security(create, true);
  paths["/api/v1/templates"] = {{"get", std::move(list)}, {"post", std::move(create)}};

  const json::array id{id_in_path("The template's id.")};
  json::object read = operation("getTemplate", "Read a message template", kTag);
  read["responses"] = {{"200", answer_of("The template.", template_schema())}};
  add_errors(read, {"401", "404"});
  set_security(read, false);
  json::object change = operation("updateTemplate", "Change a message template (administrators)", kTag);
  change["description"] = "Checked like a new one; `version` refuses a stale change with 412. " + errors;
  change["requestBody"] = body(template_input(false));
  change["responses"] = {{"200", answer_of("The template.", template_schema())}};
  add_errors(change, {"400", "401", "403", "404", "412", "422"});
  set_security(change, true);
  json::object remove = operation("deleteTemplate", "Delete a message template (administrators)", kTag);
  remove["responses"] = {{"204", no_content("Deleted.")}};
  add_errors(remove, {"401", "403", "404"});
  set_security(remove, true);
  paths["/api/v1/templates/{id}"] = {
      {"parameters", id}, {"get", std::move(read)}, {"patch", std::move(change)}, {"delete", std::move(remove)}};

  const json::object record_body{{"type", "object"},
                                 {"required", json::array{"record_id"}},
                                 {"properties", {{"record_id", text()}}}};
  json::object preview = operation("previewTemplate", "Render a saved template with a record", kTag);
  preview["description"] = "The record is read with the caller's access: fields hidden from them render as "
                           "nothing, a record outside their scope answers 404.";
  preview["requestBody"] = body(record_body);
  preview["responses"] = {{"200", answer_of("The rendered subject and body.", rendered_schema())}};
  add_errors(preview, {"400", "401", "404", "422"});
  set_security(preview, true);
  paths["/api/v1/templates/{id}/preview"] = {{"parameters", id}, {"post", std::move(preview)}};

  json::object unsaved = template_input(true);
  unsaved["properties"].as_object()["record_id"] = text();
  unsaved["required"] = json::array{"entity", "channel", "record_id"};
  json::object draft = operation("previewUnsavedTemplate", "Render a template not yet saved", kTag);
  draft["description"] = "Checked as when saved, then rendered like a saved template's preview. " + errors;
  draft["requestBody"] = body(unsaved);
  draft["responses"] = {{"200", answer_of("The rendered subject and body.", rendered_schema())}};
  add_errors(draft, {"400", "401", "404", "422"});
  set_security(draft, true);
  paths["/api/v1/templates/preview"] = {{"post", std::move(draft)}};
}

}  // namespace atrium::records::openapi
