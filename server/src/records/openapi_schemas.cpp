#include "openapi_schemas.hpp"

#include <algorithm>
#include <charconv>
#include <optional>

#include "atrium/access/grants.hpp"
#include "atrium/records/openapi.hpp"
#include "openapi_access_schemas.hpp"
#include "openapi_schema_parts.hpp"

namespace atrium::records::openapi {

namespace json = boost::json;

namespace {

// Reads answer the JSON the server writes; inputs describe what it accepts, which is a
// little wider (duplicates in lists, a "+" sign on decimals, lower-case countries).
enum class Shape { read, input };

struct StandardField {
  std::string_view name;
  std::string_view type;    // JSON type
  std::string_view format;  // empty: none
  bool nullable;
  std::string_view description;
};

// Every record has these (DESIGN §4); set by the server, never by clients.
constexpr StandardField kStandardFields[] = {
    {"id", "string", "", false, "The record's id: opaque, stable."},
    {"owner_id", "string", "", true, "The user who owns the record."},
    {"team_id", "string", "", true, "The team the record belongs to."},
    {"created_at", "string", "date-time", false, "When the record was created (UTC)."},
    {"created_by_id", "string", "", true, "The user who created the record."},
    {"updated_at", "string", "date-time", false, "When the record last changed (UTC)."},
    {"updated_by_id", "string", "", true, "The user who changed the record last."},
    {"archived_at", "string", "date-time", true, "When the record was archived; null while it is active."},
    {"version", "integer", "", false, "Grows by one with every change; the ETag and If-Match carry it."},
};

// Ids of records, as the link types accept them.
constexpr std::string_view kIdPattern = "^[0-9A-Za-z_-]{1,64}$";
// Picklist keys, as the choice types accept them.
constexpr std::string_view kKeyPattern = "^[a-z0-9_-]{1,64}$";

// The limits text_types.cpp applies when a definition sets no max_length.
std::optional<std::size_t> default_max_length(std::string_view type) {
  if (type == "text") return 255;
  if (type == "long_text") return 100'000;
  if (type == "email") return 254;
  if (type == "phone") return 40;
  if (type == "url") return 2048;
  return std::nullopt;
}

// A definition's pattern must match the whole value (std::regex_match); a JSON Schema
// pattern matches anywhere, so the document anchors it.
std::string whole_value_pattern(const std::string& pattern) {
  const bool anchored = pattern.starts_with('^') && pattern.ends_with('$') && pattern.find('|') == std::string::npos;
  return anchored ? pattern : "^(?:" + pattern + ")$";
}

std::optional<std::int64_t> whole_number(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (error != std::errc() || end != text->data() + text->size()) return std::nullopt;
  return value;
}

std::string decimal_pattern(int scale, Shape shape) {
  const std::string sign = shape == Shape::input ? "[-+]?" : "-?";
  if (scale <= 0) return "^" + sign + "[0-9]+$";
  return "^" + sign + "[0-9]+(\\.[0-9]{1," + std::to_string(scale) + "})?$";
}

// `null` allowed as well: a type list in OpenAPI 3.1, and null among enum values.
json::object nullable(json::object schema) {
  if (const auto* target = schema.if_contains("$ref")) {
    return {{"anyOf", json::array{json::object{{"$ref", *target}}, json::object{{"type", "null"}}}}};
  }
  auto* type = schema.if_contains("type");
  if (!type) return schema;  // no type: any value, null included
  if (type->is_string()) *type = json::array{*type, "null"};
  if (auto* values = schema.if_contains("enum")) values->as_array().emplace_back(nullptr);
  return schema;
}

// Adds a keyword next to a schema; beside a bare $ref it would be ignored by older
// tools, so the reference moves into an allOf first.
void annotate(json::object& schema, std::string_view key, json::value value) {
  if (const auto* target = schema.if_contains("$ref")) {
    schema = {{"allOf", json::array{json::object{{"$ref", *target}}}}};
  }
  schema[key] = std::move(value);
}

json::object choice_schema(const metadata::FieldDefinition& field) {
  if (field.values.empty()) {
    return {{"type", "string"},
            {"pattern", kKeyPattern},
            {"x-picklist", field.picklist},
            {"description", "A key of the picklist " + field.picklist + " (GET /api/v1/metadata lists them)."}};
  }
  json::array keys;
  for (const auto& value : field.values) keys.emplace_back(value.key);
  return {{"type", "string"}, {"enum", std::move(keys)}};
}

json::object text_schema(const metadata::FieldDefinition& field) {
  json::object schema{{"type", "string"}};
  if (field.required) schema["minLength"] = 1;  // blank text counts as no value
  if (auto limit = field.max_length ? field.max_length : default_max_length(field.type)) schema["maxLength"] = *limit;
  if (field.type == "email") schema["format"] = "email";
  if (field.type == "url") schema["format"] = "uri";
  if (field.pattern) {
    schema["pattern"] = whole_value_pattern(*field.pattern);
  } else if (field.type == "url") {
    schema["pattern"] = "^https?://";  // javascript: and data: links are refused
  } else if (field.type == "phone") {
    schema["pattern"] = "^[0-9 +()./x-]*$";
  }
  return schema;
}

// The JSON Schema of a field's value, never null (the callers add null where allowed).
json::object value_schema(const metadata::FieldDefinition& field, Shape shape) {
  const std::string& type = field.type;
  if (default_max_length(type)) return text_schema(field);
  if (type == "integer") {
    json::object schema{{"type", "integer"}, {"format", "int64"}};
    if (auto minimum = whole_number(field.minimum)) schema["minimum"] = *minimum;
    if (auto maximum = whole_number(field.maximum)) schema["maximum"] = *maximum;
    return schema;
  }
  if (type == "decimal" || type == "percent") {
    std::string description = "A decimal as a string, at most " + std::to_string(field.scale) + " places";
    if (field.minimum) description += "; at least " + *field.minimum;
    if (field.maximum) description += "; at most " + *field.maximum;
    return {{"type", "string"},
            {"format", "decimal"},
            {"pattern", decimal_pattern(field.scale, shape)},
            {"description", description + "."}};
  }
  if (type == "money") return schema_ref_object("Money");
  if (type == "boolean") return {{"type", "boolean"}};
  if (type == "date") return {{"type", "string"}, {"format", "date"}};
  if (type == "datetime") return {{"type", "string"}, {"format", "date-time"}};
  if (type == "enum") return choice_schema(field);
  if (type == "multi_enum" || type == "link_multiple") {
    const bool links = type == "link_multiple";
    json::object item = links ? json::object{{"type", "string"}, {"pattern", kIdPattern}} : choice_schema(field);
    json::object schema{{"type", "array"}, {"items", std::move(item)}};
    // Answers are sorted and free of duplicates; inputs may repeat a value.
    if (shape == Shape::read) {
      schema["uniqueItems"] = true;
      schema["maxItems"] = links ? 1000 : 200;
    }
    if (links) schema["x-entity"] = field.link_entity;
    return schema;
  }
  if (type == "link") return {{"type", "string"}, {"pattern", kIdPattern}, {"x-entity", field.link_entity}};
  if (type == "address") return schema_ref_object("Address");
  if (type == "parent") {
    json::array entities;
    for (const auto& name : field.link_entities) entities.emplace_back(name);
    return {{"type", "object"},
            {"required", json::array{"entity", "id"}},
            {"additionalProperties", false},
            {"description", "The record this one hangs under: an entity name and a record id."},
            {"properties", json::object{{"entity", json::object{{"type", "string"}, {"enum", std::move(entities)}}},
                                        {"id", json::object{{"type", "string"}, {"pattern", kIdPattern}}}}}};
  }
  if (type == "json") return {};
  // A type registered later without a schema here: still listed, with any value.
  return {{"description", "A value of the field type " + type + "."}};
}

std::string field_description(const metadata::FieldDefinition& field, const metadata::Catalog& catalog) {
  std::string text = field.description;
  auto add = [&](std::string_view sentence) { text += (text.empty() ? "" : " ") + std::string(sentence); };
  if (const auto* target = field.link_entity.empty() ? nullptr : catalog.find(field.link_entity)) {
    add((field.type == "link" ? "The id of a record of " : "Ids of records of ") + target->label_plural + " (/api/v1/" +
        target->plural + ").");
  }
  if (field.unique) add("Unique among records of this kind.");
  return text;
}

json::object field_schema(const metadata::FieldDefinition& field, const metadata::Catalog& catalog, Shape shape) {
  json::object schema = value_schema(field, shape);
  const bool always_array = field.type == "multi_enum" || field.type == "link_multiple";
  // Optional values read as null and are cleared by sending null; lists read as [].
  if (!field.required && !(always_array && shape == Shape::read)) schema = nullable(std::move(schema));
  annotate(schema, "title", json::string(field.label));
  if (auto text = field_description(field, catalog); !text.empty()) {
    if (const auto* own = schema.if_contains("description")) text = std::string(own->as_string()) + " " + text;
    schema["description"] = text;
  }
  if (shape == Shape::read && field.read_only) schema["readOnly"] = true;
  if (shape == Shape::input && !field.default_value.is_null()) schema["default"] = field.default_value;
  return schema;
}

json::object entity_schema(const metadata::EntityDefinition& entity, const metadata::Catalog& catalog) {
  json::object properties;
  for (const auto& standard : kStandardFields) {
    json::object schema{{"type", standard.type}};
    if (!standard.format.empty()) schema["format"] = standard.format;
    if (standard.name == "version") schema["minimum"] = 1;
    if (standard.nullable) schema = nullable(std::move(schema));
    schema["readOnly"] = true;
    schema["description"] = standard.description;
    properties[standard.name] = std::move(schema);
  }
  for (const auto& field : entity.fields) {
    properties[catalog.type_of(field).api_name(field)] = field_schema(field, catalog, Shape::read);
  }
  return {{"type", "object"},
          {"title", entity.label},
          {"description", "A record of " + entity.label_plural +
                              " as reads answer it. A `fields` selection leaves out the rest, never id and version."},
          {"required", json::array{"id", "version"}},
          {"properties", std::move(properties)}};
}

// What create accepts (mode input) or PATCH (every field optional, plus the version).
json::object input_schema(const metadata::EntityDefinition& entity, const metadata::Catalog& catalog, bool patch) {
  json::object properties;
  json::array required;
  for (const auto& field : entity.fields) {
    if (field.read_only) continue;
    const std::string name = catalog.type_of(field).api_name(field);
    properties[name] = field_schema(field, catalog, Shape::input);
    if (!patch && field.required && field.default_value.is_null()) required.emplace_back(name);
  }
  std::string description;
  if (patch) {
    properties["version"] = {{"type", "integer"},
                             {"minimum", 1},
                             {"description", "The version you read; the same check as If-Match (412 when stale)."}};
    description = "The fields to change; those left out keep their values, null clears one.";
  } else {
    description = "A new record of " + entity.label_plural + ". Fields left out take their defaults.";
    if (const auto* line = entity.lines ? catalog.find(entity.lines->entity) : nullptr) {
      // Each line as its own create takes it, less the link to this document.
      json::object items = input_schema(*line, catalog, false);
      const std::string link =
          catalog.type_of(*line->field(entity.lines->link)).api_name(*line->field(entity.lines->link));
      items["properties"].as_object().erase(link);
      if (auto* needed = items.if_contains("required")) {
        auto& names = needed->as_array();
        names.erase(std::remove(names.begin(), names.end(), json::value(link)), names.end());
        if (names.empty()) items.erase("required");
      }
      properties["lines"] = {{"type", "array"},
                             {"maxItems", 1000},
                             {"description", "The document's " + line->label_plural +
                                                 ", created with it in one transaction; the answer carries them "
                                                 "as `lines`. A refused line is named `lines[i].field` and nothing "
                                                 "is saved."},
                             {"items", std::move(items)}};
    }
  }
  json::object schema{{"type", "object"},
                      {"description", description},
                      {"additionalProperties", false},
                      {"properties", std::move(properties)}};
  if (!required.empty()) schema["required"] = std::move(required);
  return schema;
}

json::object page_schema(const metadata::EntityDefinition& entity) {
  return {{"type", "object"},
          {"description", "One page of " + entity.label_plural + "."},
          {"required", json::array{"data", "next_cursor"}},
          {"properties",
           {{"data", {{"type", "array"}, {"items", schema_ref_object(pascal_case(entity.name))}}},
            {"next_cursor",
             {{"type", json::array{"string", "null"}},
              {"description", "Pass as `cursor` for the next page; null on the last."}}},
            {"total",
             {{"type", "integer"}, {"minimum", 0}, {"description", "Every matching record; only with count=true."}}}}}};
}

json::object error_schema() {
  json::array codes;
  for (const auto code : all_error_codes()) codes.emplace_back(error_code_name(code));
  json::object field_error{
      {"type", "object"},
      {"required", json::array{"field", "code", "message"}},
      {"properties",
       {{"field", {{"type", "string"}, {"description", "The field's API name (or the parameter's)."}}},
        {"code", {{"type", "string"}, {"description", "A stable code such as FIELD_REQUIRED or FIELD_TOO_LONG."}}},
        {"message", {{"type", "string"}, {"description", "For people; may change."}}}}}};
  json::object inner{
      {"type", "object"},
      {"required", json::array{"code", "message", "fields", "request_id"}},
      {"properties",
       {{"code", {{"type", "string"}, {"enum", std::move(codes)}, {"description", "Stable: clients match on it."}}},
        {"message", {{"type", "string"}, {"description", "For people; may change."}}},
        {"fields", {{"type", "array"}, {"items", std::move(field_error)}}},
        {"request_id",
         {{"type", "string"}, {"description", "Also in the X-Request-Id header and the server's log."}}}}}};
  return {{"type", "object"},
          {"description", "Every error answer has this shape; the HTTP status follows from the code."},
          {"required", json::array{"error"}},
          {"properties", {{"error", std::move(inner)}}}};
}

json::object money_schema() {
  return {
      {"type", "object"},
      {"description", "An exact amount and its ISO 4217 currency. Answers show at least the currency's minor unit."},
      {"required", json::array{"amount", "currency"}},
      {"additionalProperties", false},
      {"properties",
       {{"amount",
         {{"type", "string"}, {"pattern", decimal_pattern(4, Shape::input)}, {"examples", json::array{"1234.50"}}}},
        {"currency", {{"type", "string"}, {"pattern", "^[A-Z]{3}$"}, {"examples", json::array{"EUR"}}}}}}};
}

json::object address_schema() {
  auto part = [](std::size_t length) {
    return json::object{{"type", json::array{"string", "null"}}, {"maxLength", length}};
  };
  json::object country{{"type", json::array{"string", "null"}},
                       {"pattern", "^[A-Za-z]{2}$"},
                       {"description", "ISO 3166 alpha-2; answers are upper case."}};
  return {{"type", "object"},
          {"description", "A postal address; answers list every part, null where empty."},
          {"additionalProperties", false},
          {"properties",
           {{"street", part(500)},
            {"city", part(120)},
            {"postal_code", part(120)},
            {"region", part(120)},
            {"country", std::move(country)}}}};
}

// The shapes of the platform's own routes.
void add_platform_schemas(json::object& schemas) {
  schemas["Health"] = {{"type", "object"},
                       {"required", json::array{"status", "database"}},
                       {"properties",
                        {{"status", {{"type", "string"}, {"enum", json::array{"ok", "unavailable"}}}},
                         {"database", {{"type", "string"}, {"description", "\"ok\", or why the database failed."}}}}}};
  schemas["Instance"] = {{"type", "object"},
                         {"required", json::array{"name", "version", "created_at"}},
                         {"properties",
                          {{"name", string_property()},
                           {"version", string_property()},
                           {"created_at", {{"type", "string"}, {"format", "date-time"}}}}}};
  schemas["User"] = {{"type", "object"},
                     {"required", json::array{"id", "username", "name", "email", "is_admin"}},
                     {"properties",
                      {{"id", string_property()},
                       {"username", string_property()},
                       {"name", string_property()},
                       {"email", {{"type", json::array{"string", "null"}}, {"format", "email"}}},
                       {"is_admin", {{"type", "boolean"}}}}}};
  schemas["Session"] = {
      {"type", "object"},
      {"required", json::array{"user", "csrf_token"}},
      {"properties",
       {{"user", schema_ref_object("User")},
        {"csrf_token",
         {{"type", json::array{"string", "null"}},
          {"description",
           "Send it as X-CSRF-Token with every unsafe request of the cookie session; null for a caller with an "
           "API token, which needs none."}}}}}};
  schemas["Login"] = {
      {"type", "object"},
      {"required", json::array{"username", "password"}},
      {"properties",
       {{"username", {{"type", "string"}, {"minLength", 1}, {"maxLength", 1024}}},
        {"password", {{"type", "string"}, {"minLength", 1}, {"maxLength", 1024}, {"format", "password"}}},
        {"totp_code",
         {{"type", json::array{"string", "null"}},
          {"maxLength", 1024},
          {"examples", json::array{"123456"}},
          {"description",
           "The current code of the authenticator app; needed once two-factor sign-in is on (else 401 "
           "TOTP_REQUIRED). Each code signs in once."}}},
        {"recovery_code",
         {{"type", json::array{"string", "null"}},
          {"maxLength", 1024},
          {"examples", json::array{"abcd-efgh-ijkl-mnop"}},
          {"description",
           "Instead of totp_code: one of the recovery codes enabling handed out, each usable once (case, "
           "spaces and dashes do not matter)."}}}}}};
  auto nullable_text = [] { return json::object{{"type", json::array{"string", "null"}}}; };
  schemas["Approval"] = {
      {"type", "object"},
      {"description", "A request that another administrator decides, e.g. deleting master data."},
      {"required", json::array{"id", "kind", "entity", "record_id", "status", "requested_at", "version"}},
      {"properties",
       {{"id", string_property()},
        {"kind", {{"type", "string"}, {"examples", json::array{"delete"}}}},
        {"entity", string_property()},
        {"record_id", string_property()},
        {"status", {{"type", "string"}, {"enum", json::array{"pending", "approved", "rejected"}}}},
        {"requested_by_id", nullable_text()},
        {"requested_at", {{"type", "string"}, {"format", "date-time"}}},
        {"decided_by_id", nullable_text()},
        {"decided_at", {{"type", json::array{"string", "null"}}, {"format", "date-time"}}},
        {"remarks", nullable_text()},
        {"version", {{"type", "integer"}, {"minimum", 1}}}}}};
  json::object change{{"type", "object"},
                      {"required", json::array{"field", "old", "new"}},
                      {"properties",
                       {{"field", string_property()},
                        {"old", {{"description", "The value before, as the API writes it."}}},
                        {"new", {{"description", "The value after."}}}}}};
  schemas["AuditEntry"] = {
      {"type", "object"},
      {"description", "One change of one record, in the hash-chained audit trail."},
      {"required", json::array{"sequence", "entity", "record_id", "action", "user_id", "at", "changes"}},
      {"properties",
       {{"sequence", {{"type", "integer"}}},
        {"entity", string_property()},
        {"record_id", string_property()},
        {"action", {{"type", "string"}, {"examples", json::array{"create", "update", "archive", "restore", "delete"}}}},
        {"user_id", nullable_text()},
        {"at", {{"type", "string"}, {"format", "date-time"}}},
        {"changes", {{"type", "array"}, {"items", std::move(change)}}}}}};
  json::object key_label{{"type", "object"},
                         {"required", json::array{"key", "label"}},
                         {"properties", {{"key", string_property()}, {"label", string_property()}}}};
  json::object field{
      {"type", "object"},
      {"description", "A field as the web app renders it; `name` is the API name."},
      {"required", json::array{"name", "field", "type", "label", "required", "unique", "read_only", "searchable",
                               "sortable", "personal_data", "operators"}},
      {"properties",
       {{"name", string_property()},
        {"field", string_property()},
        {"type", string_property()},
        {"label", string_property()},
        {"required", {{"type", "boolean"}}},
        {"read_only",
         {{"type", "boolean"},
          {"description",
           "Set by Atrium, or read-only for the caller's roles: writing it is refused (FIELD_READ_ONLY)."}}},
        {"unique", {{"type", "boolean"}}},
        {"searchable", {{"type", "boolean"}}},
        {"sortable", {{"type", "boolean"}}},
        {"personal_data", {{"type", "boolean"}}},
        {"operators",
         {{"type", "array"},
          {"items",
           {{"type", "string"},
            {"enum", json::array{"eq", "ne", "lt", "le", "gt", "ge", "in", "contains", "starts", "empty"}}}}}},
        {"description", string_property()},
        {"numbered", {{"type", "boolean"}, {"description", "A number series fills it when left empty on create."}}},
        {"max_length", {{"type", "integer"}}},
        {"scale", {{"type", "integer"}}},
        {"minimum", string_property()},
        {"maximum", string_property()},
        {"default", {{"description", "The value a create without the field takes."}}},
        {"values", {{"type", "array"}, {"items", key_label}}},
        {"entity", {{"type", "string"}, {"description", "The linked entity, for links."}}},
        {"picklist", string_property()},
        {"parts", {{"type", "array"}, {"items", string_property()}}}}}};
  json::object rights_properties;
  for (const auto& action : action_names()) rights_properties[action.as_string()] = {{"type", "boolean"}};
  json::object rights{
      {"type", "object"},
      {"description", "What the caller's roles allow on the entity at all (scopes narrow it per record)."},
      {"required", action_names()},
      {"additionalProperties", false},
      {"properties", std::move(rights_properties)}};
  json::object section{
      {"type", "object"},
      {"required", json::array{"label", "fields"}},
      {"properties", {{"label", string_property()}, {"fields", {{"type", "array"}, {"items", string_property()}}}}}};
  json::object entity{{"type", "object"},
                      {"description", "An entity the caller may read, without the fields hidden from them."},
                      {"required", json::array{"name", "plural", "label", "label_plural", "module", "title_field",
                                               "master_data", "fields", "list_columns", "sections", "rights"}},
                      {"properties",
                       {{"name", string_property()},
                        {"plural", string_property()},
                        {"label", string_property()},
                        {"label_plural", string_property()},
                        {"module", string_property()},
                        {"title_field", string_property()},
                        {"master_data", {{"type", "boolean"}}},
                        {"fields", {{"type", "array"}, {"items", std::move(field)}}},
                        {"list_columns", {{"type", "array"}, {"items", string_property()}}},
                        {"sections", {{"type", "array"}, {"items", std::move(section)}}},
                        {"rights", std::move(rights)}}}};
  schemas["Metadata"] = {
      {"type", "object"},
      {"description", "The caller's view of the catalog: entities without a read right are left out."},
      {"required", json::array{"entities", "picklists"}},
      {"properties",
       {{"entities", {{"type", "array"}, {"items", std::move(entity)}}},
        {"picklists", {{"type", "object"}, {"additionalProperties", {{"type", "array"}, {"items", key_label}}}}}}}};
}

// Each user's named lists of an entity (saved_view_routes.cpp).
void add_saved_view_schemas(json::object& schemas, const metadata::Catalog& catalog) {
  json::array plurals;
  for (const auto& entity : catalog.entities()) plurals.emplace_back(entity.plural);
  const json::object version{{"type", "integer"}, {"minimum", 1}};
  schemas["SavedView"] = {
      {"type", "object"},
      {"description", "A user's named list of an entity: its filter, sort and columns. Only its owner sees it."},
      {"required", json::array{"id", "entity", "name", "filter", "sort", "columns", "is_default", "created_at",
                               "updated_at", "version"}},
      {"properties",
       {{"id", string_property()},
        {"entity", {{"type", "string"}, {"description", "The entity's plural, as in /api/v1/<plural>."}}},
        {"name", string_property()},
        {"filter", {{"type", "string"}, {"description", "A condition in the filter language; empty: every record."}}},
        {"sort",
         {{"type", "string"},
          {"examples", json::array{"name,-created_at"}},
          {"description", "Empty: the list's default."}}},
        {"columns", strings("The API names of the columns shown, in order; empty: the entity's list columns.")},
        {"is_default", {{"type", "boolean"}, {"description", "Opened when the user opens the list without one."}}},
        {"created_at", date_time()},
        {"updated_at", date_time()},
        {"version", version}}}};
  const json::object view_properties{
      {"name",
       {{"type", "string"},
        {"minLength", 1},
        {"maxLength", 100},
        {"description", "Unique among the user's views of the entity (UNIQUE_VIOLATION)."}}},
      {"filter",
       {{"type", "string"},
        {"maxLength", 4096},
        {"description",
         "As the list's `filter` parameter (400 FILTER_INVALID when it does not compile); empty or left out: every "
         "record."}}},
      {"sort",
       {{"type", "string"},
        {"maxLength", 200},
        {"examples", json::array{"name,-created_at"}},
        {"description", "As the list's `sort` parameter (400 SORT_INVALID)."}}},
      {"columns",
       {{"type", "array"},
        {"maxItems", 100},
        {"items", {{"type", "string"}, {"maxLength", 200}}},
        {"description", "As the list's `fields` parameter (400 UNKNOWN_FIELD)."}}},
      {"is_default",
       {{"type", "boolean"},
        {"description",
         "true makes it the user's default view of the entity; their default before becomes an ordinary view."}}}};
  json::object input_properties = view_properties;
  input_properties["entity"] = {{"type", "string"},
                                {"enum", std::move(plurals)},
                                {"description", "The entity's plural (422 UNKNOWN_ENTITY otherwise)."}};
  schemas["SavedViewInput"] = {{"type", "object"},
                               {"description", "A new view; it is checked by running the list it stands for."},
                               {"required", json::array{"entity", "name"}},
                               {"additionalProperties", false},
                               {"properties", std::move(input_properties)}};
  json::object patch_properties = view_properties;
  patch_properties["version"] = {
      {"type", "integer"}, {"minimum", 1}, {"description", "The version you read; 412 VERSION_CONFLICT when stale."}};
  schemas["SavedViewPatch"] = {{"type", "object"},
                               {"description", "The properties to change; those left out keep their values."},
                               {"additionalProperties", false},
                               {"properties", std::move(patch_properties)}};
}
}  // namespace

// The actions of rights, in their API names: create, read, edit, delete, export, approve, admin.
json::array action_names() {
  json::array names;
  for (const auto action : access::kAllActions) names.emplace_back(access::action_name(action));
  return names;
}

json::object schema_ref_object(std::string_view name) {
  return {{"$ref", schema_ref(name)}};
}

json::object string_property() {
  return {{"type", "string"}};
}

json::object date_time() {
  return {{"type", "string"}, {"format", "date-time"}};
}

json::object strings(std::string_view description) {
  return {{"type", "array"}, {"items", string_property()}, {"description", description}};
}

std::string pascal_case(std::string_view snake) {
  std::string out;
  bool upper = true;
  for (char c : snake) {
    if (c == '_') {
      upper = true;
      continue;
    }
    out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return out;
}

std::string schema_ref(std::string_view name) {
  return "#/components/schemas/" + std::string(name);
}

std::vector<std::string> selectable_fields(const metadata::EntityDefinition& entity, const metadata::Catalog& catalog) {
  // The standard names RecordService::list accepts in a selection.
  std::vector<std::string> names{"id", "version", "owner_id", "created_at", "updated_at", "archived_at"};
  for (const auto& field : entity.fields) names.push_back(catalog.type_of(field).api_name(field));
  return names;
}

std::vector<std::string> sortable_fields(const metadata::EntityDefinition& entity, const metadata::Catalog& catalog) {
  std::vector<std::string> names;
  for (const auto& standard : kStandardFields) names.emplace_back(standard.name);
  for (const auto& field : entity.fields) {
    if (catalog.type_of(field).sortable()) names.push_back(catalog.type_of(field).api_name(field));
  }
  return names;
}

json::object component_schemas(const metadata::Catalog& catalog) {
  json::object schemas{{"Error", error_schema()}, {"Money", money_schema()}, {"Address", address_schema()}};
  add_platform_schemas(schemas);
  add_credential_schemas(schemas);
  add_access_schemas(schemas, catalog);
  add_saved_view_schemas(schemas, catalog);
  for (const auto& entity : catalog.entities()) {
    const std::string name = pascal_case(entity.name);
    schemas[name] = entity_schema(entity, catalog);
    schemas[name + "Input"] = input_schema(entity, catalog, false);
    schemas[name + "Patch"] = input_schema(entity, catalog, true);
    schemas[name + "Page"] = page_schema(entity);
  }
  return schemas;
}

}  // namespace atrium::records::openapi
