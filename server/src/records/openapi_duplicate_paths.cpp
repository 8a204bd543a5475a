#include "openapi_duplicate_paths.hpp"

#include "openapi_operations.hpp"
#include "openapi_schemas.hpp"

namespace atrium::records::openapi {

namespace json = boost::json;

namespace {

constexpr std::string_view kMergesTag = "Merges";

json::object string_schema() { return {{"type", "string"}}; }

json::object query_parameter(std::string_view name, std::string description, json::object schema) {
  return {{"name", name}, {"in", "query"}, {"description", std::move(description)}, {"schema", std::move(schema)}};
}

json::object candidate_schema() {
  return {{"type", "object"},
          {"required", json::array{"id", "title", "score", "reasons"}},
          {"properties",
           {{"id", string_schema()},
            {"title", {{"type", "string"}, {"description", "The record's name; empty when hidden from the caller."}}},
            {"score", {{"type", "integer"}, {"minimum", 0}, {"maximum", 100}}},
            {"reasons",
             {{"type", "array"},
              {"items", {{"type", "string"}, {"enum", json::array{"name", "email", "phone"}}}}}}}}};
}

json::object candidates_answer(std::string_view description) {
  return answer_of(description, json::object{{"type", "object"},
                                             {"required", json::array{"data"}},
                                             {"properties", {{"data", {{"type", "array"}, {"items", candidate_schema()}}}}}});
}

json::object merge_schema(bool with_moves) {
  json::object properties{
      {"id", string_schema()},
      {"entity", string_schema()},
      {"survivor_id", string_schema()},
      {"merged_ids", {{"type", "array"}, {"items", string_schema()}}},
      {"moved_count", {{"type", "integer"}}},
      {"merged_by_id", string_schema()},
      {"merged_at", {{"type", "string"}, {"format", "date-time"}}},
      {"undone_at", {{"type", json::array{"string", "null"}}, {"format", "date-time"}}},
      {"undone_by_id", {{"type", json::array{"string", "null"}}}},
      {"undoable", {{"type", "boolean"}, {"description", "Not undone yet and at most 30 days old."}}}};
  if (with_moves) {
    properties["moved"] = {
        {"type", "array"},
        {"description", "Each reference the merge moved, with its stored value before and after."},
        {"items",
         {{"type", "object"},
          {"properties",
           {{"entity", string_schema()}, {"id", string_schema()}, {"field", string_schema()},
            {"before", string_schema()}, {"after", string_schema()}}}}}};
  }
  return {{"type", "object"}, {"properties", std::move(properties)}};
}

}  // namespace

void add_duplicate_paths(json::object& paths, const metadata::EntityDefinition& entity) {
  const std::string base = "/api/v1/" + entity.plural;
  const std::string name = pascal_case(entity.plural);
  if (entity.duplicates) {
    json::object report = operation("listDuplicate" + name, "Groups of " + entity.label_plural + " that look alike",
                                    entity.label_plural);
    report["description"] =
        "Records sharing a normalised name (case, accents and legal forms like GmbH or Ltd ignored), e-mail or phone "
        "number (digits with the country code), in groups by that key. Only records the caller may read, never "
        "archived ones; keys of fields hidden from the caller are not used.";
    report["parameters"] = json::array{
        query_parameter("limit", "Groups per page, 1 to 100.",
                        {{"type", "integer"}, {"minimum", 1}, {"maximum", 100}, {"default", 20}}),
        query_parameter("cursor", "The next_cursor of the previous page.", string_schema())};
    json::object group{{"type", "object"},
                       {"properties",
                        {{"reason", {{"type", "string"}, {"enum", json::array{"name", "email", "phone"}}}},
                         {"records", {{"type", "array"}, {"items", candidate_schema()}}}}}};
    report["responses"] = {
        {"200", answer_of("One page of groups.",
                          json::object{{"type", "object"},
                                       {"properties",
                                        {{"data", {{"type", "array"}, {"items", std::move(group)}}},
                                         {"next_cursor", {{"type", json::array{"string", "null"}}}}}}})}};
    add_errors(report, {"400", "401", "403"});
    set_security(report, false);
    paths[base + "/duplicates"] = {{"get", std::move(report)}};

    json::object check_get = operation("checkDuplicate" + name, "Find " + entity.label_plural + " like these values",
                                       entity.label_plural);
    check_get["description"] =
        "The records that look like the values given as query parameters (the fields compared, by name, and "
        "`country` for phone numbers written without a prefix), best first; what a form shows while the user types. "
        "Only records the caller may read.";
    json::array parameters;
    for (const auto* list : {&entity.duplicates->name_fields, &entity.duplicates->email_fields,
                             &entity.duplicates->phone_fields}) {
      for (const auto& field : *list) parameters.emplace_back(query_parameter(field, "A value to compare.", string_schema()));
    }
    parameters.emplace_back(
        query_parameter("country", "ISO 3166 country of phone numbers without a prefix.", string_schema()));
    parameters.emplace_back(query_parameter("exclude_id", "A record to leave out (the one being edited).", string_schema()));
    check_get["parameters"] = std::move(parameters);
    check_get["responses"] = {{"200", candidates_answer("The candidates, best first.")}};
    add_errors(check_get, {"401", "403", "422"});
    set_security(check_get, false);

    json::object check_post = operation("checkDuplicate" + name + "Values",
                                        "Find " + entity.label_plural + " like a record's values", entity.label_plural);
    check_post["description"] = "As the GET form, with the values as a JSON object of the record's fields.";
    check_post["parameters"] = json::array{
        query_parameter("exclude_id", "A record to leave out (the one being edited).", string_schema())};
    check_post["requestBody"] = {
        {"required", true},
        {"content", json_content(json::object{{"type", "object"}, {"additionalProperties", true}})}};
    check_post["responses"] = {{"200", candidates_answer("The candidates, best first.")}};
    add_errors(check_post, {"400", "401", "403", "422"});
    set_security(check_post, true);
    paths[base + "/duplicates/check"] = {{"get", std::move(check_get)}, {"post", std::move(check_post)}};
  }

  json::object merge = operation("merge" + name, "Merge " + entity.label_plural + " into one", entity.label_plural);
  merge["description"] =
      "In one transaction: the survivor takes, per field named in `values`, the value of the record given there "
      "(through the usual validation, rights and audit); every reference to a merged record (links, link lists, "
      "parents of notes and activities, in every entity) moves to the survivor; the merged records are archived. The "
      "caller needs edit on the survivor and edit or delete on each merged record; records outside their scope "
      "answer 404. An administrator may undo the merge within 30 days (POST /api/v1/merges/{id}/undo).";
  merge["requestBody"] = {
      {"required", true},
      {"content",
       json_content(json::object{
           {"type", "object"},
           {"required", json::array{"survivor_id", "merged_ids"}},
           {"properties",
            {{"survivor_id", string_schema()},
             {"merged_ids", {{"type", "array"}, {"minItems", 1}, {"maxItems", 10}, {"items", string_schema()}}},
             {"values",
              {{"type", "object"},
               {"description", "Field name → the id of the record (survivor or merged) whose value wins."},
               {"additionalProperties", string_schema()}}}}}})}};
  merge["responses"] = {
      {"200", answer_of("The merge and the survivor as it is now.",
                        json::object{{"type", "object"},
                                     {"properties",
                                      {{"merge", merge_schema(true)},
                                       {"survivor", {{"$ref", schema_ref(pascal_case(entity.name))}}}}}})}};
  add_errors(merge, {"400", "401", "403", "404", "409", "422"});
  set_security(merge, true);
  paths[base + "/merge"] = {{"post", std::move(merge)}};
}

void add_merge_paths(json::object& paths) {
  json::object list = operation("listMerges", "Merges, newest first", kMergesTag);
  list["description"] = "Every merge of records, for administrators (others: 403 FORBIDDEN).";
  list["parameters"] = json::array{
      query_parameter("entity", "Only merges of this entity (its name or plural).", string_schema()),
      query_parameter("limit", "1 to 500.", {{"type", "integer"}, {"minimum", 1}, {"maximum", 500}, {"default", 50}})};
  list["responses"] = {
      {"200", answer_of("The merges.", json::object{{"type", "object"},
                                                    {"properties",
                                                     {{"data", {{"type", "array"}, {"items", merge_schema(false)}}}}}})}};
  add_errors(list, {"400", "401", "403"});
  set_security(list, false);
  paths["/api/v1/merges"] = {{"get", std::move(list)}};

  json::object one = operation("getMerge", "A merge with every reference it moved", kMergesTag);
  one["parameters"] = json::array{id_in_path("The merge's id.")};
  one["responses"] = {{"200", answer_of("The merge.", merge_schema(true))}};
  add_errors(one, {"401", "403", "404"});
  set_security(one, false);
  paths["/api/v1/merges/{id}"] = {{"get", std::move(one)}};

  json::object undo = operation("undoMerge", "Undo a merge", kMergesTag);
  undo["description"] =
      "For administrators, within 30 days: the merged records are restored, every moved reference that still points "
      "at the survivor points back, and the survivor's fields are as before the merge. 409 CONFLICT with "
      "MERGE_SURVIVOR_CHANGED when the survivor changed since (undoing would lose that change), "
      "MERGE_ALREADY_UNDONE, or MERGE_UNDO_EXPIRED.";
  undo["parameters"] = json::array{id_in_path("The merge's id.")};
  undo["responses"] = {{"200", answer_of("The merge, undone.", merge_schema(true))}};
  add_errors(undo, {"401", "403", "404", "409"});
  set_security(undo, true);
  paths["/api/v1/merges/{id}/undo"] = {{"post", std::move(undo)}};
}

void add_vcard_paths(json::object& paths, const metadata::Catalog& catalog) {
  const metadata::EntityDefinition* contact = nullptr;
  for (const auto& entity : catalog.entities()) {
    if (entity.name == "contact") contact = &entity;
  }
  if (!contact) return;
  const std::string base = "/api/v1/" + contact->plural;
  const json::object vcard_content{{"text/vcard", {{"schema", string_schema()}}}};
  const json::object attachment{
      {"Content-Disposition", {{"description", "attachment; filename=\"….vcf\""}, {"schema", string_schema()}}}};

  json::object one = operation("getContactVcard", "A contact as a vCard", contact->label_plural);
  one["description"] = "vCard 4.0 (RFC 6350) of the contact, with the fields the caller may see.";
  one["parameters"] = json::array{id_in_path("The contact's id.")};
  one["responses"] = {{"200", {{"description", "The card."}, {"headers", attachment}, {"content", vcard_content}}}};
  add_errors(one, {"401", "404"});
  set_security(one, false);
  paths[base + "/{id}/vcard"] = {{"get", std::move(one)}};

  json::object many = operation("exportContactVcards", "Contacts as vCards", contact->label_plural);
  many["description"] =
      "The cards of the contacts the list gives the caller with this filter and sort (at most 50,000; more answer 400 "
      "EXPORT_TOO_LARGE).";
  many["parameters"] = json::array{component_ref("parameters", "Filter"),
                                   query_parameter("sort", "As for the list.", string_schema())};
  many["responses"] = {{"200", {{"description", "The cards, one after the other."},
                                {"headers", attachment},
                                {"content", vcard_content}}}};
  add_errors(many, {"400", "401", "403"});
  set_security(many, false);
  paths[base + "/export.vcf"] = {{"get", std::move(many)}};

  json::object import = operation("importContactVcards", "Create contacts from vCards", contact->label_plural);
  import["description"] =
      "A .vcf of one or more cards (versions 3.0 and 4.0, UTF-8; at most 5,000 cards within the request size "
      "limit). Each card becomes a contact (FN/N, EMAIL, TEL, TITLE, ADR, NOTE, BDAY mapped to the contact's fields) "
      "or is reported with its error (VCARD_SYNTAX, VCARD_VERSION, VCARD_ENCODING, VCARD_TOO_LARGE or the record's "
      "validation errors); created contacts that look like existing ones carry POSSIBLE_DUPLICATE warnings.";
  import["requestBody"] = {{"required", true}, {"content", vcard_content}};
  json::object result{
      {"type", "object"},
      {"properties",
       {{"card", {{"type", "integer"}, {"description", "The card's position in the file, from 0."}}},
        {"status", {{"type", "string"}, {"enum", json::array{"created", "failed"}}}},
        {"id", string_schema()},
        {"warnings", {{"type", "array"}, {"items", {{"type", "object"}}}}},
        {"error", {{"type", "object"}}}}}};
  import["responses"] = {
      {"200", answer_of("A result per card.",
                        json::object{{"type", "object"},
                                     {"properties",
                                      {{"created", {{"type", "integer"}}},
                                       {"failed", {{"type", "integer"}}},
                                       {"data", {{"type", "array"}, {"items", std::move(result)}}}}}})}};
  add_errors(import, {"401", "403", "413", "422"});
  set_security(import, true);
  paths[base + "/vcard"] = {{"post", std::move(import)}};
}

}  // namespace atrium::records::openapi
