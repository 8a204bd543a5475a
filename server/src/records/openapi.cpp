#include "atrium/records/openapi.hpp"

#include <fmt/format.h>

#include <boost/json/serialize.hpp>

#include "openapi_access_paths.hpp"
#include "openapi_approval_paths.hpp"
#include "openapi_attachment_paths.hpp"
#include "openapi_automation_paths.hpp"
#include "openapi_duplicate_paths.hpp"
#include "openapi_export_paths.hpp"
#include "openapi_import_paths.hpp"
#include "openapi_notification_paths.hpp"
#include "openapi_operations.hpp"
#include "openapi_reminder_paths.hpp"
#include "openapi_routing_paths.hpp"
#include "openapi_sales_paths.hpp"
#include "openapi_schemas.hpp"
#include "openapi_template_paths.hpp"
#include "openapi_transition_paths.hpp"

namespace atrium::records {

namespace {

namespace json = boost::json;
using namespace openapi;

constexpr std::string_view kFilterDescription =
    "Which records: a condition in the filter language, e.g. `area eq \"north\" and not (name starts \"A\")`.\n\n"
    "```\n"
    "expr    := term { \"or\" term }\n"
    "term    := factor { \"and\" factor }\n"
    "factor  := \"not\" factor | \"(\" expr \")\" | cmp\n"
    "cmp     := path op value | path \"empty\" | path \"not\" \"empty\"\n"
    "path    := name { \".\" name }            -- through links: account.area\n"
    "op      := eq | ne | lt | le | gt | ge | in | contains | starts\n"
    "value   := string | number | true | false | null | \"[\" value { \",\" value } \"]\"\n"
    "         | \"user.\" name | \"today\" [ (\"+\"|\"-\") number \"d\" ]\n"
    "```\n\n"
    "`contains` and `starts` ignore case and accents on text; on lists `contains` means \"has this element\" "
    "and `in` \"shares an element\". GET /api/v1/metadata lists each field's operators.";

// Mirrors RecordService::related: a link of the related entity to the owner, or a
// junction entity that links both.
bool has_related_list(const metadata::EntityDefinition& owner, const metadata::EntityDefinition& related,
                      const metadata::Catalog& catalog) {
  for (const auto& field : related.fields) {
    if (field.type == "link" && field.link_entity == owner.name) return true;
  }
  for (const auto& junction : catalog.entities()) {
    if (!junction.junction) continue;
    bool to_owner = false;
    bool to_related = false;
    for (const auto& field : junction.fields) {
      if (field.type != "link") continue;
      if (field.link_entity == owner.name && !to_owner) {
        to_owner = true;
      } else if (field.link_entity == related.name && !to_related) {
        to_related = true;
      }
    }
    if (to_owner && to_related) return true;
  }
  return false;
}

json::object sort_parameter(const metadata::EntityDefinition& entity, const metadata::Catalog& catalog) {
  std::string names;
  for (const auto& name : openapi::sortable_fields(entity, catalog))
    names += (names.empty() ? "`" : ", `") + name + "`";
  return {{"name", "sort"},
          {"in", "query"},
          {"description",
           "Up to 4 fields, comma-separated, `-` before a field for descending; default `-created_at`. "
           "Sortable: " +
               names + "."},
          {"schema", {{"type", "string"}}}};
}

json::object fields_parameter(const metadata::EntityDefinition& entity, const metadata::Catalog& catalog) {
  json::array names;
  for (const auto& name : openapi::selectable_fields(entity, catalog)) names.emplace_back(name);
  return {{"name", "fields"},
          {"in", "query"},
          {"description", "Only these fields (comma-separated); id and version always come."},
          {"style", "form"},
          {"explode", false},
          {"schema", {{"type", "array"}, {"items", {{"type", "string"}, {"enum", std::move(names)}}}}}};
}

json::array list_parameters(const metadata::EntityDefinition& entity, const metadata::Catalog& catalog) {
  return {component_ref("parameters", "Filter"),  sort_parameter(entity, catalog),
          component_ref("parameters", "Limit"),   component_ref("parameters", "Cursor"),
          fields_parameter(entity, catalog),      component_ref("parameters", "Count"),
          component_ref("parameters", "Archived")};
}

json::object list_operation(std::string id, std::string summary, const metadata::EntityDefinition& listed,
                            const metadata::Catalog& catalog, std::string_view tag) {
  json::object op = operation(std::move(id), std::move(summary), tag);
  op["parameters"] = list_parameters(listed, catalog);
  op["responses"] = {
      {"200",
       {{"description", "A page of " + listed.label_plural + ", newest first unless sorted."},
        {"content", json_content(json::object{{"$ref", schema_ref(pascal_case(listed.name) + "Page")}})}}}};
  set_security(op, false);
  return op;
}

void add_entity_paths(json::object& paths, const metadata::EntityDefinition& entity, const metadata::Catalog& catalog) {
  const std::string type = pascal_case(entity.name);
  const std::string plural_type = pascal_case(entity.plural);
  const std::string& tag = entity.label_plural;
  const std::string base = "/api/v1/" + entity.plural;

  json::object collection;
  json::object list = list_operation("list" + plural_type, "List " + entity.label_plural, entity, catalog, tag);
  list["description"] =
      "Only records within the caller's read scope are listed; fields hidden from the caller are left out of every "
      "record. A filter, sort or fields naming a hidden field answers 403 FORBIDDEN (FIELD_HIDDEN); without any read "
      "right on " +
      entity.label_plural + ", 403 FORBIDDEN (ACCESS_DENIED).";
  add_errors(list, {"400", "401", "403"});
  collection["get"] = std::move(list);
  json::object create = operation("create" + type, "Create a record of " + entity.label_plural, tag);
  create["description"] =
      "403 FORBIDDEN without a create right (ACCESS_DENIED), when a field written is hidden or read-only for the "
      "caller (FIELD_HIDDEN, FIELD_READ_ONLY, each named), or when the new record would be outside the caller's "
      "create scope (OUT_OF_SCOPE). Links to records the caller cannot read answer 422 LINK_NOT_FOUND.";
  create["requestBody"] = {{"required", true},
                           {"content", json_content(json::object{{"$ref", schema_ref(type + "Input")}})}};
  json::object created = record_answer("The new record, with its id and version 1.", type);
  created["headers"].as_object()["Location"] = {{"description", "The record's URL."}, {"schema", {{"type", "string"}}}};
  create["responses"] = {{"201", std::move(created)}};
  add_errors(create, {"400", "401", "403", "413", "415", "422"});
  set_security(create, true);
  collection["post"] = std::move(create);
  paths[base] = std::move(collection);

  const json::array id_parameter{component_ref("parameters", "RecordId")};
  json::object item{{"parameters", id_parameter}};
  json::object read = operation("get" + type, "Read a record of " + entity.label_plural, tag);
  read["description"] =
      "A record outside the caller's read scope answers 404, as if it did not exist. Fields hidden from the caller "
      "are absent; naming one in fields answers 403 FORBIDDEN (FIELD_HIDDEN). Without any read right on " +
      entity.label_plural + ", 403 FORBIDDEN (ACCESS_DENIED).";
  read["parameters"] = json::array{fields_parameter(entity, catalog)};
  read["responses"] = {{"200", record_answer("The record.", type)}};
  add_errors(read, {"400", "401", "403", "404"});
  set_security(read, false);
  item["get"] = std::move(read);
  json::object update = operation("update" + type, "Change a record of " + entity.label_plural, tag);
  update["description"] =
      "Send If-Match with the ETag you read (or `version` in the body) so that a change made "
      "meanwhile is refused with 412 instead of overwritten.\n\n"
      "A record outside the caller's read scope answers 404. 403 FORBIDDEN: without any edit right "
      "(ACCESS_DENIED); when the record is outside the caller's edit scope, or the change would take it out "
      "(OUT_OF_SCOPE); when a field written is hidden or read-only for the caller (FIELD_HIDDEN, FIELD_READ_ONLY, "
      "each named). The answer leaves out hidden fields.";
  update["parameters"] = json::array{component_ref("parameters", "IfMatch")};
  update["requestBody"] = {{"required", true},
                           {"content", json_content(json::object{{"$ref", schema_ref(type + "Patch")}})}};
  update["responses"] = {{"200", record_answer("The changed record.", type)}};
  add_errors(update, {"400", "401", "403", "404", "409", "412", "413", "415", "422"});
  set_security(update, true);
  item["patch"] = std::move(update);
  json::object remove = operation("delete" + type, "Delete a record of " + entity.label_plural, tag);
  const std::string_view scope_note =
      " Needs a delete right (403 ACCESS_DENIED) that covers the record (403 OUT_OF_SCOPE); records outside the "
      "caller's read scope answer 404.";
  if (entity.master_data) {
    remove["description"] =
        "Master data is not deleted at once: the request becomes an approval that another administrator decides." +
        std::string(scope_note);
    json::object pending = record_answer("The pending approval (the same one when asked again).", "Approval");
    pending["headers"].as_object()["Location"] = {{"description", "The approval's URL."},
                                                  {"schema", {{"type", "string"}}}};
    remove["responses"] = {{"202", std::move(pending)}};
  } else {
    remove["description"] = "Deletes the record for good; archive it to keep it." + std::string(scope_note);
    remove["responses"] = {{"204", {{"description", "Deleted."}}}};
  }
  add_errors(remove, {"400", "401", "403", "404", "409"});
  set_security(remove, true);
  item["delete"] = std::move(remove);
  paths[base + "/{id}"] = std::move(item);

  for (const bool archive : {true, false}) {
    const std::string verb = archive ? "archive" : "restore";
    json::object op = operation(
        verb + type, (archive ? "Archive" : "Restore") + std::string(" a record of ") + entity.label_plural, tag);
    op["description"] = std::string(archive ? "Archived records leave lists (see `archived`) and refuse changes until "
                                              "restored."
                                            : "Makes an archived record active again.") +
                        " Needs an edit right (403 ACCESS_DENIED) that covers the record (403 OUT_OF_SCOPE); records "
                        "outside the caller's read scope answer 404.";
    op["responses"] = {{"200", record_answer("The record.", type)}};
    add_errors(op, {"400", "401", "403", "404"});
    set_security(op, true);
    paths[base + "/{id}/" + verb] = {{"parameters", id_parameter}, {"post", std::move(op)}};
  }

  json::object history =
      operation("get" + type + "History", "Read the change history of a record of " + entity.label_plural, tag);
  history["responses"] = {
      {"200",
       {{"description", "Every change, oldest first."}, {"content", json_content(data_of(schema_ref("AuditEntry")))}}}};
  history["description"] = "Records outside the caller's read scope answer 404; changes of hidden fields are left out.";
  add_errors(history, {"400", "401", "403", "404"});
  set_security(history, false);
  paths[base + "/{id}/history"] = {{"parameters", id_parameter}, {"get", std::move(history)}};

  json::object explain =
      operation("get" + type + "Access", "Explain who may do what to a record of " + entity.label_plural, tag);
  explain["description"] =
      "For each action (create, read, edit, delete, export, approve, admin): whether the user may, and which role's "
      "right and scope grants it or fails to match. Administrators may ask about any user; others only about "
      "themselves (403 FORBIDDEN otherwise) and only of records they can read (404 otherwise).";
  explain["parameters"] = json::array{
      json::object{{"name", "user_id"},
                   {"in", "query"},
                   {"description", "Whose access; the caller's when left out. 404 when no active user has this id."},
                   {"schema", {{"type", "string"}}}}};
  explain["responses"] = {
      {"200", answer_of("The explanation.", json::object{{"$ref", schema_ref("AccessExplanation")}})}};
  add_errors(explain, {"400", "401", "403", "404"});
  set_security(explain, false);
  paths[base + "/{id}/access"] = {{"parameters", id_parameter}, {"get", std::move(explain)}};

  for (const auto& related : catalog.entities()) {
    if (!has_related_list(entity, related, catalog)) continue;
    json::object op = list_operation("list" + pascal_case(related.plural) + "Of" + type,
                                     "List the " + related.label_plural + " of a record of " + entity.label_plural,
                                     related, catalog, tag);
    op["description"] = "As the list of " + related.label_plural +
                        ": only records within the caller's read scope, without hidden fields (403 FIELD_HIDDEN when "
                        "a filter, sort or fields names one). 404 when the record itself is outside the read scope.";
    add_errors(op, {"400", "401", "403", "404"});
    paths[base + "/{id}/" + related.plural] = {{"parameters", id_parameter}, {"get", std::move(op)}};
  }
}

void add_platform_paths(json::object& paths) {
  json::object health = operation("getHealth", "Check the server and its database", "Platform");
  health["responses"] = {
      {"200", {{"description", "Serving."}, {"content", json_content(json::object{{"$ref", schema_ref("Health")}})}}},
      {"503",
       {{"description", "The database cannot be reached."},
        {"content", json_content(json::object{{"$ref", schema_ref("Health")}})}}}};
  add_errors(health, {"400"});
  set_public(health);
  paths["/healthz"] = {{"get", std::move(health)}};

  json::object metrics = operation("getMetrics", "Read the server's metrics", "Platform");
  metrics["responses"] = {{"200",
                           {{"description", "Counters, gauges and histograms in the Prometheus text format."},
                            {"content", {{"text/plain", {{"schema", {{"type", "string"}}}}}}}}}};
  add_errors(metrics, {"400"});
  set_public(metrics);
  paths["/metrics"] = {{"get", std::move(metrics)}};

  json::object instance = operation("getInstance", "Read the installation's public facts", "Platform");
  instance["responses"] = {{"200",
                            {{"description", "Name and version."},
                             {"content", json_content(json::object{{"$ref", schema_ref("Instance")}})}}}};
  add_errors(instance, {"400", "404"});
  set_public(instance);
  paths["/api/v1/instance"] = {{"get", std::move(instance)}};

  json::object events = operation("streamEvents", "Follow changes as Server-Sent Events", "Platform");
  events["description"] =
      "Each event is `event: <type>` and `data: {\"type\",\"entity\",\"id\",\"at\",\"payload\"}`. With a "
      "session the stream also carries the user's own events: `notification` (the payload is the notification).";
  events["responses"] = {{"200",
                          {{"description", "An endless event stream."},
                           {"content", {{"text/event-stream", {{"schema", {{"type", "string"}}}}}}}}}};
  add_errors(events, {"400"});
  set_public(events);
  paths["/api/v1/events"] = {{"get", std::move(events)}};

  json::object metadata = operation("getMetadata", "Read the entities, fields and picklists", "Metadata");
  metadata["description"] =
      "Everything the web app renders from, as the caller sees it: only the entities they may read, without the "
      "fields hidden from them, with `rights` per entity ({create, read, edit, delete, export, approve, admin} as "
      "booleans) and `read_only: true` on fields read-only for them.";
  metadata["responses"] = {
      {"200",
       {{"description", "The catalog."}, {"content", json_content(json::object{{"$ref", schema_ref("Metadata")}})}}}};
  add_errors(metadata, {"401"});
  set_security(metadata, false);
  paths["/api/v1/metadata"] = {{"get", std::move(metadata)}};

  json::object document = operation("getOpenApiDocument", "Read this OpenAPI document", "Metadata");
  document["description"] = "Generated from the catalog, so custom fields appear as soon as they exist.";
  document["parameters"] =
      json::array{json::object{{"name", "If-None-Match"},
                               {"in", "header"},
                               {"description", "The ETag of a copy you hold; 304 while it is current."},
                               {"schema", {{"type", "string"}}}}};
  document["responses"] = {
      {"200",
       {{"description", "The OpenAPI 3.1 document."},
        {"headers",
         {{"ETag", {{"description", "Changes whenever the document does."}, {"schema", {{"type", "string"}}}}}}},
        {"content", json_content(json::object{{"type", "object"}})}}},
      {"304", {{"description", "The copy named by If-None-Match is current."}}}};
  add_errors(document, {"400"});
  set_public(document);
  paths["/api/v1/openapi.json"] = {{"get", std::move(document)}};
}

// The audit log (record_routes.cpp).
void add_audit_paths(json::object& paths) {
  auto query = [](std::string_view name, std::string_view description, json::object schema) {
    return json::object{{"name", name}, {"in", "query"}, {"description", description}, {"schema", std::move(schema)}};
  };
  json::object audit = operation("listAuditEvents", "Read the audit log of every change", "Audit");
  audit["parameters"] =
      json::array{query("entity", "Only changes of this entity (its name).", {{"type", "string"}}),
                  query("user_id", "Only changes by this user.", {{"type", "string"}}),
                  query("since", "From this instant (inclusive).", {{"type", "string"}, {"format", "date-time"}}),
                  query("until", "Before this instant.", {{"type", "string"}, {"format", "date-time"}}),
                  query("after", "Entries after this sequence number: the next_after of the page before.",
                        {{"type", "integer"}, {"minimum", 0}, {"default", 0}}),
                  query("limit", "Entries per page.",
                        {{"type", "integer"}, {"minimum", 1}, {"maximum", kMaxPageSize}, {"default", 100}})};
  json::object page = data_of(schema_ref("AuditEntry"));
  page["properties"].as_object()["next_after"] = {
      {"type", json::array{"integer", "null"}},
      {"description", "Pass as `after` for the entries that follow; null when the page is empty."}};
  audit["responses"] = {{"200", {{"description", "Entries by sequence."}, {"content", json_content(std::move(page))}}}};
  add_errors(audit, {"400", "401"});
  set_security(audit, false);
  paths["/api/v1/audit"] = {{"get", std::move(audit)}};
}

// Global search and picklist administration (record_routes.cpp, picklist_routes.cpp).
void add_search_and_picklist_paths(json::object& paths) {
  json::object search = operation("search", "Search every searchable entity", "Search");
  search["description"] =
      "Word prefixes, ignoring case and accents, best first; `title_highlighted` and `snippet` "
      "are HTML-escaped text with <mark> around the matches. Only records the caller may read; "
      "hidden fields are neither searched nor shown.";
  search["parameters"] =
      json::array{json::object{{"name", "q"},
                               {"in", "query"},
                               {"required", true},
                               {"description", "At least two letters or digits."},
                               {"schema", {{"type", "string"}, {"maxLength", 200}}}},
                  json::object{{"name", "entities"},
                               {"in", "query"},
                               {"description", "Comma-separated plurals; all when absent."},
                               {"schema", {{"type", "string"}}}},
                  json::object{{"name", "limit"},
                               {"in", "query"},
                               {"description", "Hits to return."},
                               {"schema", {{"type", "integer"}, {"minimum", 1}, {"maximum", 100}, {"default", 20}}}}};
  const json::object hit{{"type", "object"},
                         {"properties",
                          {{"entity", {{"type", "string"}}},
                           {"id", {{"type", "string"}}},
                           {"title", {{"type", "string"}}},
                           {"title_highlighted", {{"type", "string"}}},
                           {"snippet", {{"type", "string"}}},
                           {"score", {{"type", "number"}}}}}};
  search["responses"] = {
      {"200",
       {{"description", "The hits."},
        {"content", json_content(json::object{{"type", "object"},
                                              {"properties", {{"data", {{"type", "array"}, {"items", hit}}}}}})}}}};
  add_errors(search, {"400", "401"});
  set_security(search, false);
  paths["/api/v1/search"] = {{"get", std::move(search)}};

  const json::object value{{"type", "object"},
                           {"properties",
                            {{"key", {{"type", "string"}, {"pattern", "^[a-z0-9_-]{1,64}$"}}},
                             {"label", {{"type", "string"}, {"maxLength", 200}}},
                             {"position", {{"type", "integer"}}},
                             {"active", {{"type", "boolean"}}}}}};
  const json::object picklist{
      {"type", "object"},
      {"properties", {{"name", {{"type", "string"}}}, {"values", {{"type", "array"}, {"items", value}}}}}};
  const json::object name_parameter{{"name", "name"},
                                    {"in", "path"},
                                    {"required", true},
                                    {"description", "The picklist, e.g. areas."},
                                    {"schema", {{"type", "string"}}}};
  json::object read = operation("getPicklist", "Read a picklist with every value", "Picklists");
  read["responses"] = {{"200", {{"description", "The picklist."}, {"content", json_content(picklist)}}}};
  add_errors(read, {"401"});
  set_security(read, false);
  paths["/api/v1/picklists/{name}"] = {{"parameters", json::array{name_parameter}}, {"get", std::move(read)}};

  json::object add = operation("addPicklistValue", "Add a value to a picklist (administrators)", "Picklists");
  add["requestBody"] = {{"required", true}, {"content", json_content(value)}};
  add["responses"] = {
      {"201", {{"description", "The picklist with the new value."}, {"content", json_content(picklist)}}}};
  add_errors(add, {"400", "401", "403", "404", "415", "422"});
  set_security(add, true);
  paths["/api/v1/picklists/{name}/values"] = {{"parameters", json::array{name_parameter}}, {"post", std::move(add)}};

  json::object change =
      operation("changePicklistValue", "Relabel, reorder or deactivate a value (administrators)", "Picklists");
  change["description"] = "Keys never change or disappear: old records keep their meaning.";
  change["requestBody"] = {{"required", true}, {"content", json_content(value)}};
  change["responses"] = {{"200", {{"description", "The picklist."}, {"content", json_content(picklist)}}}};
  add_errors(change, {"400", "401", "403", "404", "415", "422"});
  set_security(change, true);
  const json::object key_parameter{{"name", "key"},
                                   {"in", "path"},
                                   {"required", true},
                                   {"description", "The value's key."},
                                   {"schema", {{"type", "string"}}}};
  paths["/api/v1/picklists/{name}/values/{key}"] = {{"parameters", json::array{name_parameter, key_parameter}},
                                                    {"patch", std::move(change)}};
}

// Each user's saved views of entity lists (saved_view_routes.cpp).
void add_saved_view_paths(json::object& paths, const metadata::Catalog& catalog) {
  const std::string_view tag = "Saved views";
  const json::object view{{"$ref", schema_ref("SavedView")}};
  json::array plurals;
  for (const auto& entity : catalog.entities()) plurals.emplace_back(entity.plural);

  json::object list = operation("listSavedViews", "List the signed-in user's saved views", tag);
  list["description"] =
      "Only the caller's own views, by entity and name. An entity that does not exist answers 400 with "
      "UNKNOWN_ENTITY on `entity`.";
  list["parameters"] =
      json::array{json::object{{"name", "entity"},
                               {"in", "query"},
                               {"description", "Only the views of this entity (its plural); all when left out."},
                               {"schema", {{"type", "string"}, {"enum", std::move(plurals)}}}}};
  list["responses"] = {{"200", answer_of("The views.", data_of(schema_ref("SavedView")))}};
  add_errors(list, {"400", "401"});
  set_security(list, false);

  const std::string_view checked =
      "The view is checked by running the list it stands for, with the caller's rights: a filter that does not "
      "compile answers 400 with FILTER_INVALID on `filter`, an unknown sort field 400 SORT_INVALID on `sort`, an "
      "unknown column 400 UNKNOWN_FIELD on `columns`; a field hidden from the caller 403 FORBIDDEN with FIELD_HIDDEN "
      "on the property naming it, as does an entity the caller may not read (ACCESS_DENIED). 422 names the other "
      "problems: FIELD_REQUIRED, FIELD_INVALID, FIELD_INVALID_BOOLEAN, UNKNOWN_FIELD (a property), UNIQUE_VIOLATION "
      "(name), TOO_MANY_VIEWS (at most 100 per entity). Setting is_default makes every other view of the entity an "
      "ordinary one.";
  json::object create = operation("createSavedView", "Save a view of an entity list", tag);
  create["description"] = std::string(checked) + " 422 UNKNOWN_ENTITY when `entity` is not an entity's plural.";
  create["requestBody"] = body_of("SavedViewInput");
  json::object created = answer_of("The new view, version 1.", view);
  created["headers"] = {{"Location", {{"description", "The view's URL."}, {"schema", {{"type", "string"}}}}}};
  create["responses"] = {{"201", std::move(created)}};
  add_errors(create, {"400", "401", "403", "413", "415", "422"});
  set_security(create, true);
  paths["/api/v1/views"] = {{"get", std::move(list)}, {"post", std::move(create)}};

  json::object update = operation("updateSavedView", "Change a saved view", tag);
  update["description"] =
      "Send `version` to have a change made meanwhile refused with 412 VERSION_CONFLICT; another user's view "
      "answers 404. " +
      std::string(checked);
  update["requestBody"] = body_of("SavedViewPatch");
  update["responses"] = {{"200", answer_of("The changed view.", view)}};
  add_errors(update, {"400", "401", "403", "404", "412", "413", "415", "422"});
  set_security(update, true);
  json::object remove = operation("deleteSavedView", "Delete a saved view", tag);
  remove["description"] = "Another user's view answers 404.";
  remove["responses"] = {{"204", no_content("Deleted.")}};
  add_errors(remove, {"401", "403", "404"});
  set_security(remove, true);
  paths["/api/v1/views/{id}"] = {
      {"parameters", json::array{id_in_path("The view's id; 404 unless it is one of yours.")}},
      {"patch", std::move(update)},
      {"delete", std::move(remove)}};
}

// Bulk creates and updates of one entity (record_routes.cpp).
void add_bulk_path(json::object& paths, const metadata::EntityDefinition& entity) {
  const std::string type = pascal_case(entity.name);
  json::object bulk = operation("bulk" + pascal_case(entity.plural), "Create and update up to 1,000 records at once",
                                entity.label_plural);
  bulk["description"] =
      "One transaction: every item is saved, or none is and each failing item is named as "
      "`items[N].field`.";
  const json::object item{{"type", "object"},
                          {"required", json::array{"op", "data"}},
                          {"properties",
                           {{"op", {{"type", "string"}, {"enum", json::array{"create", "update"}}}},
                            {"id", {{"type", "string"}, {"description", "The record to update."}}},
                            {"version", {{"type", "integer"}, {"description", "The version read, for updates."}}},
                            {"data", {{"type", "object"}}}}}};
  bulk["requestBody"] = {
      {"required", true},
      {"content",
       json_content(json::object{
           {"type", "object"},
           {"required", json::array{"items"}},
           {"properties", {{"items", {{"type", "array"}, {"maxItems", kMaxBulkItems}, {"items", item}}}}}})}};
  bulk["responses"] = {{"200",
                        {{"description", "Every saved record, in the order of the items."},
                         {"content", json_content(data_of(schema_ref(type)))}}}};
  add_errors(bulk, {"400", "401", "403", "413", "415", "422"});
  set_security(bulk, true);
  paths["/api/v1/" + entity.plural + "/bulk"] = {{"post", std::move(bulk)}};
}

json::object components(const metadata::Catalog& catalog, const OpenApiOptions& options) {
  json::object responses;
  for (const auto& answer : openapi::error_answers()) {
    responses[answer.name] = {{"description", answer.description},
                              {"content", json_content(json::object{{"$ref", schema_ref("Error")}})}};
  }
  responses["TooManyAttempts"].as_object()["headers"] = {
      {"Retry-After",
       {{"description", "Seconds until the next attempt is accepted."},
        {"schema", {{"type", "integer"}, {"minimum", 0}}}}}};
  json::object parameters{
      {"RecordId",
       {{"name", "id"},
        {"in", "path"},
        {"required", true},
        {"description", "The record's id."},
        {"schema", {{"type", "string"}, {"pattern", "^[0-9A-Za-z_-]{1,64}$"}}}}},
      {"Filter",
       {{"name", "filter"},
        {"in", "query"},
        {"description", kFilterDescription},
        {"schema", {{"type", "string"}, {"maxLength", 4096}}}}},
      {"Limit",
       {{"name", "limit"},
        {"in", "query"},
        {"description", "Records per page."},
        {"schema", {{"type", "integer"}, {"minimum", 1}, {"maximum", kMaxPageSize}, {"default", 50}}}}},
      {"Cursor",
       {{"name", "cursor"},
        {"in", "query"},
        {"description", "The next_cursor of the page before; same filter and sort."},
        {"schema", {{"type", "string"}}}}},
      {"Count",
       {{"name", "count"},
        {"in", "query"},
        {"description", "Also count every matching record (`total`)."},
        {"schema", {{"type", "boolean"}, {"default", false}}}}},
      {"Archived",
       {{"name", "archived"},
        {"in", "query"},
        {"description", "Archived records too (`include`) or only them (`only`); left out: active records only."},
        {"schema", {{"type", "string"}, {"enum", json::array{"include", "only"}}}}}},
      {"IfMatch",
       {{"name", "If-Match"},
        {"in", "header"},
        {"description", "The ETag you read, e.g. `\"3\"`."},
        {"schema", {{"type", "string"}}}}}};
  json::object security{
      {"sessionCookie",
       {{"type", "apiKey"},
        {"in", "cookie"},
        {"name", options.session_cookie},
        {"description", "The session POST /api/v1/auth/login starts."}}},
      {"csrfToken",
       {{"type", "apiKey"},
        {"in", "header"},
        {"name", "X-CSRF-Token"},
        {"description",
         "The session's csrf_token (from login or /api/v1/auth/me); required with the cookie on every "
         "unsafe method."}}},
      {"bearerToken",
       {{"type", "http"},
        {"scheme", "bearer"},
        {"bearerFormat", "atr_…"},
        {"description",
         "An API token from POST /api/v1/auth/tokens, sent as `Authorization: Bearer atr_…`. It acts as its user, "
         "with the user's rights, until revoked, expired or the user is deactivated; it needs no CSRF token. A "
         "request with the header stands or falls with the token: the cookie is not tried."}}}};
  json::object headers{{"ETag",
                        {{"description", "The record's version in quotes, e.g. `\"3\"`: send it back as If-Match."},
                         {"schema", {{"type", "string"}}}}}};
  return {{"securitySchemes", std::move(security)},
          {"schemas", openapi::component_schemas(catalog)},
          {"parameters", std::move(parameters)},
          {"headers", std::move(headers)},
          {"responses", std::move(responses)}};
}

// 64-bit FNV-1a: the document's ETag only has to change when the document does.
std::uint64_t fingerprint(std::string_view text) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (const unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  return hash;
}

bool matches_etag(std::string_view header, std::string_view etag) {
  while (!header.empty()) {
    const auto comma = header.find(',');
    std::string_view tag = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    if (tag == "*" || tag == etag) return true;
  }
  return false;
}

}  // namespace

std::vector<ErrorCode> all_error_codes() {
  // internal_error closes the enum in error.hpp, so every value up to it is a code.
  std::vector<ErrorCode> codes;
  for (int value = 0; value <= static_cast<int>(ErrorCode::internal_error); ++value) {
    codes.push_back(static_cast<ErrorCode>(value));
  }
  return codes;
}

json::object openapi_document(const metadata::Catalog& catalog, const OpenApiOptions& options) {
  json::array tags{
      json::object{{"name", "Platform"}, {"description", "Health, metrics, public facts and live events."}},
      json::object{{"name", "Authentication"},
                   {"description", "Sign in and out, sessions, API tokens, the password and two-factor sign-in."}},
      json::object{{"name", "Access administration"},
                   {"description", "Users, roles with their rights, teams and scope attributes."}},
      json::object{{"name", "Metadata"}, {"description", "The catalog of entities and this document."}},
      json::object{{"name", "Approvals"}, {"description", "Requests another administrator decides."}},
      json::object{{"name", "Audit"}, {"description", "The hash-chained log of every change."}},
      json::object{{"name", "Search"}, {"description", "One search across every searchable entity."}},
      json::object{{"name", "Picklists"}, {"description", "The value lists enum fields draw from."}},
      json::object{{"name", "Saved views"}, {"description", "Each user's named filters, sorts and columns of lists."}},
      json::object{{"name", "Merges"}, {"description", "Records merged into one, and their undo."}},
      json::object{{"name", "Imports"},
                   {"description", "CSV and XLSX files imported into any entity, in the background."}},
      json::object{{"name", "Notifications"}, {"description", "Each user's notifications, dashboard and colleagues."}},
      json::object{{"name", "Routing"},
                   {"description", "Records moved along paths of people with SLAs on business-hours calendars."}},
      json::object{
          {"name", "Reminders"},
          {"description", "One-off and recurring (RRULE) reminders for oneself or others, in-app and by e-mail."}},
      json::object{
          {"name", "Templates"},
          {"description", "Message templates in a subset of Liquid, checked against the definitions, with previews."}},
      json::object{{"name", "Automation"},
                   {"description", "Rules that act on records when they are written, reach a date or on a schedule."}},
      json::object{{"name", "Pricing"},
                   {"description", "The one pricing function: lines priced for a customer, with their explanation."}}};
  json::object paths;
  add_platform_paths(paths);
  add_auth_paths(paths);
  add_access_admin_paths(paths);
  add_audit_paths(paths);
  add_approval_paths(paths);
  add_search_and_picklist_paths(paths);
  add_saved_view_paths(paths, catalog);
  add_merge_paths(paths);
  add_vcard_paths(paths, catalog);
  add_import_paths(paths);
  add_notification_paths(paths, catalog);
  add_routing_paths(paths, catalog);
  add_reminder_paths(paths);
  add_template_paths(paths);
  add_pricing_paths(paths);
  add_quotation_paths(paths);
  add_sales_cycle_paths(paths, catalog);
  add_attachment_paths(paths, catalog);
  add_automation_paths(paths);
  for (const auto& entity : catalog.entities()) {
    tags.push_back({{"name", entity.label_plural},
                    {"description", fmt::format("Records of {} (module {}), at /api/v1/{}.", entity.label_plural,
                                                entity.module, entity.plural)}});
    add_entity_paths(paths, entity, catalog);
    add_bulk_path(paths, entity);
    add_export_path(paths, entity, catalog);
    add_transition_paths(paths, entity);
    add_duplicate_paths(paths, entity);
  }
  return {{"openapi", "3.1.0"},
          {"info",
           {{"title", "Atrium CRM"},
            {"version", options.version},
            {"description",
             "The HTTP API of Atrium. Every entity has the same routes; records are JSON with snake_case names, "
             "decimals and amounts as strings, instants in UTC. Errors share one envelope (Error) whose code is "
             "stable. Callers sign in for a cookie session, whose writes carry the X-CSRF-Token header, or send an API "
             "token as `Authorization: Bearer atr_…`. Roles decide which records (scopes) and fields each user may "
             "see and change: records out of scope answer 404, hidden fields are absent."}}},
          {"servers", json::array{json::object{{"url", "/"}}}},
          {"tags", std::move(tags)},
          {"paths", std::move(paths)},
          {"components", components(catalog, options)}};
}

void add_openapi_route(http::Router& router, const RecordService& records, OpenApiOptions options) {
  router.add(http::Method::get, "/api/v1/openapi.json", [&records, options](http::Request& request) {
    // Built per request: cheap next to its size on the wire, and never stale when the
    // catalog gains fields.
    std::string body = json::serialize(openapi_document(records.catalog(), options));
    const std::string etag = fmt::format("\"{:016x}\"", fingerprint(body));
    http::Response response;
    if (matches_etag(request.headers.get("If-None-Match").value_or(""), etag)) {
      response.status = 304;
    } else {
      response = http::Response::json(200, std::move(body));
    }
    response.headers.set("ETag", etag);
    response.headers.set("Cache-Control", "no-cache");
    return response;
  });
}

}  // namespace atrium::records
