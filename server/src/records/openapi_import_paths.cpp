#include "openapi_import_paths.hpp"

#include "openapi_operations.hpp"

namespace atrium::records::openapi {

namespace json = boost::json;

namespace {

constexpr std::string_view kTag = "Imports";

json::object text_schema() { return {{"type", "string"}}; }
json::object nullable_text() { return {{"type", json::array{"string", "null"}}}; }
json::object integer_schema() { return {{"type", "integer"}}; }
json::object strings_schema() { return {{"type", "array"}, {"items", text_schema()}}; }

json::object settings_properties() {
  return {{"mapping",
           {{"type", "object"},
            {"description",
             "File column name → target: a field's API name (`email`, `account_id` for a link, found by the target's "
             "code or name), or an address part (`billing_address.city`); null leaves a column out."},
            {"additionalProperties", nullable_text()}}},
          {"date_format",
           {{"type", "string"},
            {"enum", json::array{"YYYY-MM-DD", "DD.MM.YYYY", "MM/DD/YYYY", "DD/MM/YYYY", "YYYY/MM/DD"}},
            {"default", "YYYY-MM-DD"}}},
          {"decimal_separator", {{"type", "string"}, {"enum", json::array{".", ","}}, {"default", "."}}},
          {"mode", {{"type", "string"}, {"enum", json::array{"create", "update", "upsert"}}, {"default", "create"}}},
          {"key_field",
           {{"type", json::array{"string", "null"}},
            {"description", "A unique or indexed field that finds existing records; required for update and upsert."}}},
          {"duplicates",
           {{"type", "string"},
            {"enum", json::array{"skip", "update", "create"}},
            {"default", "skip"},
            {"description", "In create mode, for rows whose key (or, for accounts and contacts, duplicate check) "
                            "matches a record."}}},
          {"currency", {{"type", "string"}, {"pattern", "^[A-Z]{3}$"}, {"default", "EUR"}}}};
}

json::object import_file_schema() {
  return {{"type", "object"},
          {"properties",
           {{"id", text_schema()},
            {"name", text_schema()},
            {"size", integer_schema()},
            {"format", {{"type", "string"}, {"enum", json::array{"csv", "xlsx"}}}},
            {"separator", nullable_text()},
            {"encoding", text_schema()},
            {"byte_order_mark", {{"type", "boolean"}}},
            {"sheets", strings_schema()},
            {"header", strings_schema()},
            {"rows", {{"type", "array"}, {"items", strings_schema()}}},
            {"entity", text_schema()},
            {"targets",
             {{"type", "array"},
              {"items",
               {{"type", "object"},
                {"properties",
                 {{"name", text_schema()},
                  {"label", text_schema()},
                  {"type", text_schema()},
                  {"required", {{"type", "boolean"}}},
                  {"key", {{"type", "boolean"}}}}}}}}},
            {"suggested_mapping", {{"type", "object"}, {"additionalProperties", nullable_text()}}},
            {"preset", {{"type", json::array{"string", "null"}}, {"enum", json::array{"google", "outlook", nullptr}}}}}}};
}

json::object import_schema() {
  return {{"type", "object"},
          {"properties",
           {{"id", text_schema()},
            {"entity", text_schema()},
            {"file_id", text_schema()},
            {"file_name", text_schema()},
            {"dry_run", {{"type", "boolean"}}},
            {"status",
             {{"type", "string"}, {"enum", json::array{"queued", "running", "done", "failed", "cancelled"}}}},
            {"rows_total", {{"type", json::array{"integer", "null"}}}},
            {"rows_done", integer_schema()},
            {"rows_failed", integer_schema()},
            {"created", integer_schema()},
            {"updated", integer_schema()},
            {"skipped", integer_schema()},
            {"message", nullable_text()},
            {"created_at", {{"type", "string"}, {"format", "date-time"}}},
            {"started_at", {{"type", json::array{"string", "null"}}, {"format", "date-time"}}},
            {"finished_at", {{"type", json::array{"string", "null"}}, {"format", "date-time"}}},
            {"settings", {{"type", "object"}, {"properties", settings_properties()}}},
            {"errors",
             {{"type", "array"},
              {"description", "The first failed rows; all of them are in the error report."},
              {"items", {{"type", "object"}, {"properties", {{"row", integer_schema()}, {"error", text_schema()}}}}}}}}}};
}

json::object template_schema() {
  return {{"type", "object"},
          {"properties",
           {{"id", text_schema()},
            {"entity", text_schema()},
            {"name", text_schema()},
            {"settings", {{"type", "object"}, {"properties", settings_properties()}}},
            {"created_at", {{"type", "string"}, {"format", "date-time"}}},
            {"updated_at", {{"type", "string"}, {"format", "date-time"}}}}}};
}

json::object query(std::string_view name, std::string_view description) {
  return {{"name", name}, {"in", "query"}, {"description", description}, {"schema", text_schema()}};
}

json::object list_of(json::object item) {
  return {{"type", "object"}, {"properties", {{"data", {{"type", "array"}, {"items", std::move(item)}}}}}};
}

}  // namespace

void add_import_paths(json::object& paths) {
  json::object upload = operation("uploadImportFile", "Upload a file to import", kTag);
  upload["description"] =
      "The file is the body: CSV (UTF-8 with or without a byte-order mark; `;`, `,` or tab found from the first "
      "lines; RFC 4180 quoting) or an XLSX workbook. It is streamed to disk under the upload limit (1 GiB by "
      "default), not the JSON body limit. The answer previews it: the header, the first 20 rows, and with `entity` "
      "the fields it can fill and a suggested mapping (by name and label, or by the Google Contacts and Outlook "
      "presets). Files that are empty, UTF-16, or neither CSV nor XLSX answer 400 naming `file`.";
  upload["parameters"] = json::array{query("name", "The file's original name."),
                                     query("entity", "The plural of the entity to import into, for the mapping."),
                                     query("sheet", "XLSX: the sheet to preview (default: the first).")};
  upload["requestBody"] = {
      {"required", true},
      {"content",
       {{"text/csv", {{"schema", text_schema()}}},
        {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
         {{"schema", {{"type", "string"}, {"contentMediaType", "application/octet-stream"}}}}}}}};
  upload["responses"] = {{"201", answer_of("The file, previewed.", import_file_schema())}};
  add_errors(upload, {"400", "401", "403", "413"});
  set_security(upload, true);
  paths["/api/v1/import-files"] = {{"post", std::move(upload)}};

  json::object preview = operation("getImportFile", "Preview an uploaded file again", kTag);
  preview["description"] = "For another entity or sheet. Only the uploader sees a file.";
  preview["parameters"] = json::array{id_in_path("The file's id."), query("entity", "The plural of the entity."),
                                      query("sheet", "XLSX: the sheet.")};
  preview["responses"] = {{"200", answer_of("The file, previewed.", import_file_schema())}};
  add_errors(preview, {"400", "401", "404"});
  set_security(preview, false);
  paths["/api/v1/import-files/{id}"] = {{"get", std::move(preview)}};

  json::object properties = settings_properties();
  properties["file_id"] = text_schema();
  properties["entity"] = {{"type", "string"}, {"description", "The plural, e.g. accounts."}};
  properties["sheet"] = {{"type", "string"}, {"description", "XLSX: the sheet (default: the first)."}};
  properties["dry_run"] = {{"type", "boolean"}, {"default", false}};
  json::object start = operation("startImport", "Start an import", kTag);
  start["description"] =
      "Checks the mapping against the file and the entity, then queues the import as background jobs of up to 1,000 "
      "rows each. Every row goes through the record service (validation, rights, scopes, audit) and is saved whole or "
      "not at all; failed rows are reported, the others saved. A dry run takes the same path and writes nothing. "
      "Needs the create right (create, upsert) and the edit right (update, upsert, duplicates=update): otherwise 403.";
  start["requestBody"] = {
      {"required", true},
      {"content",
       json_content(json::object{{"type", "object"},
                                 {"required", json::array{"file_id", "entity", "mapping"}},
                                 {"properties", std::move(properties)}})}};
  start["responses"] = {{"202",
                         {{"description", "Queued; follow it at Location."},
                          {"headers", {{"Location", {{"schema", text_schema()}}}}},
                          {"content", json_content(import_schema())}}}};
  add_errors(start, {"400", "401", "403", "404", "415", "422"});
  set_security(start, true);
  json::object listed = operation("listImports", "List the caller's imports", kTag);
  listed["description"] = "The caller's last 100 imports, newest first.";
  listed["responses"] = {{"200", answer_of("The imports.", list_of(import_schema()))}};
  add_errors(listed, {"401"});
  set_security(listed, false);
  paths["/api/v1/imports"] = {{"post", std::move(start)}, {"get", std::move(listed)}};

  json::object get = operation("getImport", "Read an import's progress", kTag);
  get["parameters"] = json::array{id_in_path("The import's id.")};
  get["responses"] = {{"200", answer_of("The import.", import_schema())}};
  add_errors(get, {"401", "404"});
  set_security(get, false);
  paths["/api/v1/imports/{id}"] = {{"get", std::move(get)}};

  json::object cancel = operation("cancelImport", "Cancel an import", kTag);
  cancel["description"] = "The batch running now finishes; no later batch starts. A finished import answers 409.";
  cancel["parameters"] = json::array{id_in_path("The import's id.")};
  cancel["responses"] = {{"200", answer_of("The import, cancelled.", import_schema())}};
  add_errors(cancel, {"401", "403", "404", "409"});
  set_security(cancel, true);
  paths["/api/v1/imports/{id}/cancel"] = {{"post", std::move(cancel)}};

  json::object errors = operation("getImportErrors", "Download an import's failed rows", kTag);
  errors["description"] = "CSV: the file's header and an `error` column, then every failed row with its error.";
  errors["parameters"] = json::array{id_in_path("The import's id.")};
  errors["responses"] = {
      {"200",
       {{"description", "The error report."},
        {"headers", {{"Content-Disposition", {{"schema", text_schema()}}}}},
        {"content", {{"text/csv", {{"schema", text_schema()}}}}}}}};
  add_errors(errors, {"401", "404"});
  set_security(errors, false);
  paths["/api/v1/imports/{id}/errors"] = {{"get", std::move(errors)}};

  json::object templates = operation("listImportTemplates", "List the caller's import templates", kTag);
  templates["parameters"] = json::array{query("entity", "Only those of this entity (a plural).")};
  templates["responses"] = {{"200", answer_of("The templates.", list_of(template_schema()))}};
  add_errors(templates, {"401"});
  set_security(templates, false);
  json::object template_properties = settings_properties();
  template_properties["entity"] = text_schema();
  template_properties["name"] = {{"type", "string"}, {"maxLength", 100}};
  json::object save = operation("createImportTemplate", "Save a mapping as a template", kTag);
  save["description"] = "Names are unique per user and entity (409 NAME_TAKEN).";
  save["requestBody"] = {{"required", true},
                         {"content", json_content(json::object{{"type", "object"},
                                                               {"required", json::array{"entity", "name"}},
                                                               {"properties", std::move(template_properties)}})}};
  save["responses"] = {{"201", answer_of("The template.", template_schema())}};
  add_errors(save, {"400", "401", "409", "415", "422"});
  set_security(save, true);
  paths["/api/v1/import-templates"] = {{"get", std::move(templates)}, {"post", std::move(save)}};

  json::object remove = operation("deleteImportTemplate", "Delete an import template", kTag);
  remove["parameters"] = json::array{id_in_path("The template's id.")};
  remove["responses"] = {{"204", no_content("Deleted.")}};
  add_errors(remove, {"401", "403", "404"});
  set_security(remove, true);
  paths["/api/v1/import-templates/{id}"] = {{"delete", std::move(remove)}};
}

}  // namespace atrium::records::openapi
