#include "openapi_export_paths.hpp"

#include "openapi_operations.hpp"
#include "openapi_schemas.hpp"

namespace atrium::records::openapi {

namespace json = boost::json;

namespace {

json::object query_parameter(std::string_view name, std::string description, json::object schema) {
  return {{"name", name}, {"in", "query"}, {"description", std::move(description)}, {"schema", std::move(schema)}};
}

json::object flag_schema(bool fallback) {
  return {{"type", "boolean"}, {"default", fallback}};
}

}  // namespace

void add_export_path(json::object& paths, const metadata::EntityDefinition& entity, const metadata::Catalog& catalog) {
  json::object op = operation("export" + pascal_case(entity.plural), "Export " + entity.label_plural + " as a file",
                              entity.label_plural);
  op["description"] =
      "The list with the same filter, sort, fields and archived as a CSV or XLSX file, streamed in chunks. The rows "
      "are those the caller's list gives them that are also within their export scope; fields hidden from them are "
      "left out, and naming one in filter, sort or fields answers 403 FORBIDDEN (FIELD_HIDDEN). Without an export "
      "right on " +
      entity.label_plural +
      ", 403 FORBIDDEN (ACCESS_DENIED). Columns: the fields named, else the entity's list columns; an amount gives "
      "two columns (the amount and its currency), links show the linked record's title where the caller may read "
      "it, enums their labels, multi-values joined by \"; \", an address as one line. CSV follows RFC 4180 (CRLF, "
      "quotes doubled); text starting with = + - @, a tab or CR is prefixed with an apostrophe so spreadsheet "
      "programs do not run it, while numbers the server formats (amounts, quantities) stay numbers. XLSX cells are "
      "typed (numbers, amounts in their currency's format, dates, instants in UTC, booleans) under a bold, frozen "
      "header row; more rows than a sheet holds answer 400 TOO_MANY_ROWS.";
  std::string sortable;
  for (const auto& name : sortable_fields(entity, catalog)) sortable += (sortable.empty() ? "`" : ", `") + name + "`";
  json::array field_names;
  for (const auto& name : selectable_fields(entity, catalog)) field_names.emplace_back(name);
  op["parameters"] = json::array{
      query_parameter("format", "The file's format.",
                      {{"type", "string"}, {"enum", json::array{"csv", "xlsx"}}, {"default", "csv"}}),
      component_ref("parameters", "Filter"),
      query_parameter("sort", "As for the list: comma-separated, `-` for descending. Sortable: " + sortable + ".",
                      {{"type", "string"}}),
      json::object{{"name", "fields"},
                   {"in", "query"},
                   {"description", "The columns in order (comma-separated); default: the entity's list columns."},
                   {"style", "form"},
                   {"explode", false},
                   {"schema", {{"type", "array"}, {"items", {{"type", "string"}, {"enum", std::move(field_names)}}}}}},
      component_ref("parameters", "Archived"),
      query_parameter("bom", "CSV only: start with the UTF-8 byte order mark, for spreadsheet programs.",
                      flag_schema(false)),
      query_parameter("labels",
                      "Header cells as field labels; false: as field names (an amount's currency as `name.currency`).",
                      flag_schema(true)),
      query_parameter("header", "Whether the first row holds the column headers.", flag_schema(true)),
  };
  json::object headers{{"Content-Disposition",
                        {{"description", "attachment; filename=\"" + entity.plural + "-YYYY-MM-DD.csv\" (or .xlsx)"},
                         {"schema", {{"type", "string"}}}}}};
  op["responses"] = {{"200",
                      {{"description", "The file, sent in chunks."},
                       {"headers", std::move(headers)},
                       {"content",
                        {{"text/csv", {{"schema", {{"type", "string"}}}}},
                         {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                          {{"schema", {{"type", "string"}, {"contentMediaType", "application/octet-stream"}}}}}}}}}};
  add_errors(op, {"400", "401", "403"});
  set_security(op, false);
  paths["/api/v1/" + entity.plural + "/export"] = {{"get", std::move(op)}};
}

}  // namespace atrium::records::openapi
