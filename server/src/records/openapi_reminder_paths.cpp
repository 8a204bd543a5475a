#include "openapi_reminder_paths.hpp"

#include "openapi_operations.hpp"

namespace atrium::records::openapi {

namespace json = boost::json;

namespace {

constexpr std::string_view kTag = "Reminders";

json::object text() { return {{"type", "string"}}; }
json::object nullable_text() { return {{"type", json::array{"string", "null"}}}; }
json::object integer() { return {{"type", "integer"}}; }
json::object boolean() { return {{"type", "boolean"}}; }
json::object texts() { return {{"type", "array"}, {"items", text()}}; }

json::object channels() {
  return {{"type", "array"},
          {"items", {{"type", "string"}, {"enum", json::array{"in_app", "email"}}}},
          {"minItems", 1},
          {"maxItems", 2}};
}

// What a client sends: every field on create (title and starts_at required), any of
// them on patch.
json::object input_schema(bool creating) {
  json::object schema{
      {"type", "object"},
      {"additionalProperties", false},
      {"properties",
       {{"title", {{"type", "string"}, {"minLength", 1}, {"maxLength", 200}}},
        {"notes", {{"type", json::array{"string", "null"}}, {"maxLength", 5000}}},
        {"starts_at",
         {{"type", "string"},
          {"maxLength", 40},
          {"description", "The first occurrence as local time in `time_zone` (YYYY-MM-DDTHH:MM[:SS]), or an instant "
                          "in UTC ending in Z. A local time the clocks skip is read with the offset before the gap; "
                          "one that happens twice means the first."}}},
        {"time_zone",
         {{"type", "string"},
          {"maxLength", 64},
          {"description", "An IANA time zone (Europe/Berlin); default: the user's own. 422 TIMEZONE_UNKNOWN."}}},
        {"rrule",
         {{"type", json::array{"string", "null"}},
          {"maxLength", 500},
          {"description", "An RFC 5545 recurrence rule (FREQ=DAILY, WEEKLY, MONTHLY or YEARLY with INTERVAL, BYDAY, "
                          "BYMONTHDAY, BYMONTH, COUNT, UNTIL …), expanded in the time zone; empty: once. 422 "
                          "RRULE_INVALID."}}},
        {"entity", {{"type", json::array{"string", "null"}}, {"description", "The linked record's entity, e.g. account."}}},
        {"record_id", nullable_text()},
        {"recipient_ids",
         {{"type", "array"},
          {"items", text()},
          {"minItems", 1},
          {"maxItems", 50},
          {"description", "Active users (default: the caller). Each must see the linked record: 422 "
                          "RECIPIENT_UNKNOWN, RECIPIENT_INACTIVE, RECORD_NOT_VISIBLE."}}},
        {"channels", channels()},
        {"create_task",
         {{"type", "boolean"},
          {"description", "Each occurrence also creates a task owned by each recipient (needs the right to create "
                          "tasks: 403 otherwise)."}}},
        {"version", {{"type", "integer"}, {"description", "patch: the version read (412 when it moved)."}}}}}};
  if (creating) schema["required"] = json::array{"title", "starts_at"};
  return schema;
}

json::object reminder_schema() {
  json::object recipient{{"type", "object"}, {"properties", {{"id", text()}, {"name", text()}}}};
  json::object occurrence{{"type", "object"},
                          {"properties",
                           {{"occurrence_at", text()},
                            {"fired_at", text()},
                            {"recipients", integer()},
                            {"emails", integer()},
                            {"tasks", integer()}}}};
  return {{"type", "object"},
          {"properties",
           {{"id", text()},
            {"title", text()},
            {"notes", text()},
            {"starts_at", {{"type", "string"}, {"description", "Local time in time_zone."}}},
            {"time_zone", text()},
            {"rrule", text()},
            {"entity", nullable_text()},
            {"record_id", nullable_text()},
            {"channels", channels()},
            {"create_task", boolean()},
            {"status", {{"type", "string"}, {"enum", json::array{"active", "ended", "cancelled"}}}},
            {"next_at", {{"type", json::array{"string", "null"}}, {"description", "The next occurrence, UTC."}}},
            {"fired_count", integer()},
            {"last_fired_at", nullable_text()},
            {"created_by_id", text()},
            {"recipient_ids", texts()},
            {"recipients", {{"type", "array"}, {"items", recipient}}},
            {"can_edit", {{"type", "boolean"}, {"description", "Whether the caller set it (only they change it)."}}},
            {"occurrences",
             {{"type", "array"}, {"items", occurrence}, {"description", "One reminder only: the last 20 delivered."}}},
            {"upcoming", {{"type", "array"}, {"items", text()}, {"description", "One reminder only: the next five."}}},
            {"created_at", text()},
            {"updated_at", text()},
            {"version", integer()}}}};
}

json::object query_parameter(const char* name, const char* description, json::object schema) {
  return {{"name", name}, {"in", "query"}, {"required", false}, {"description", description}, {"schema", std::move(schema)}};
}

}  // namespace

void add_reminder_paths(json::object& paths) {
  json::object list = operation("listReminders", "The caller's reminders", kTag);
  list["description"] = "Reminders the caller set and those set for them; nobody else's.";
  list["parameters"] = json::array{
      query_parameter("scope", "all (default), mine (set for me) or created (set by me).",
                      {{"type", "string"}, {"enum", json::array{"all", "mine", "created"}}}),
      query_parameter("status", "upcoming (active, soonest first; default), past (ended or cancelled) or all.",
                      {{"type", "string"}, {"enum", json::array{"upcoming", "past", "all"}}}),
      query_parameter("limit", "1 to 200, default 50.", {{"type", "integer"}, {"minimum", 1}, {"maximum", 200}}),
      query_parameter("cursor", "next_cursor of the page before.", text())};
  list["responses"] = {
      {"200", answer_of("A page of reminders.",
                        json::object{{"type", "object"},
                                     {"properties",
                                      {{"data", {{"type", "array"}, {"items", reminder_schema()}}},
                                       {"next_cursor", nullable_text()}}}})}};
  add_errors(list, {"400", "401"});
  set_security(list, false);

  json::object create = operation("createReminder", "Set a reminder", kTag);
  create["description"] =
      "For oneself or any other active user, once or by RRULE in a time zone; delivered in-app (a `reminder` "
      "notification) and/or by e-mail through the outbox, optionally creating a task. Every problem is named at once "
      "(422 VALIDATION_FAILED with fields).";
  create["requestBody"] = {{"required", true}, {"content", json_content(input_schema(true))}};
  create["responses"] = {{"201", answer_of("The reminder.", reminder_schema())}};
  add_errors(create, {"400", "401", "403", "422"});
  set_security(create, true);
  paths["/api/v1/reminders"] = {{"get", std::move(list)}, {"post", std::move(create)}};

  json::object picker = operation("listReminderRecipients", "Users one may remind", kTag);
  picker["description"] = "Active users whose name or username contains `q`, by name.";
  picker["parameters"] = json::array{
      query_parameter("q", "Part of a name or username, any case.", {{"type", "string"}, {"maxLength", 100}}),
      query_parameter("limit", "1 to 100, default 20.", {{"type", "integer"}, {"minimum", 1}, {"maximum", 100}})};
  json::object user{{"type", "object"}, {"properties", {{"id", text()}, {"name", text()}, {"username", text()}}}};
  json::object users{{"type", "object"}, {"properties", {{"data", {{"type", "array"}, {"items", user}}}}}};
  picker["responses"] = {{"200", answer_of("The users.", users)}};
  add_errors(picker, {"400", "401"});
  set_security(picker, false);
  paths["/api/v1/reminders/recipients"] = {{"get", std::move(picker)}};

  json::object read = operation("getReminder", "A reminder with its last and next occurrences", kTag);
  read["description"] = "For the one who set it and its recipients; 404 for everybody else.";
  read["responses"] = {{"200", answer_of("The reminder.", reminder_schema())}};
  add_errors(read, {"401", "404"});
  set_security(read, false);

  json::object change = operation("updateReminder", "Change a reminder", kTag);
  change["description"] = "Only the one who set it (403 otherwise). Only the fields sent change; a new start, zone "
                          "or rule starts the schedule afresh from now. If-Match or `version` guards against changes "
                          "made meanwhile (412). A cancelled reminder answers 409 REMINDER_CANCELLED.";
  change["parameters"] = json::array{component_ref("parameters", "IfMatch")};
  change["requestBody"] = {{"required", true}, {"content", json_content(input_schema(false))}};
  change["responses"] = {{"200", answer_of("The reminder.", reminder_schema())}};
  add_errors(change, {"400", "401", "403", "404", "409", "412", "422"});
  set_security(change, true);

  json::object cancel = operation("cancelReminder", "Cancel a reminder", kTag);
  cancel["description"] = "Only the one who set it. No further occurrences; the history stays readable.";
  cancel["responses"] = {{"200", answer_of("The cancelled reminder.", reminder_schema())}};
  add_errors(cancel, {"401", "403", "404"});
  set_security(cancel, true);
  paths["/api/v1/reminders/{id}"] = {{"parameters", json::array{id_in_path("The reminder's id.")}},
                                     {"get", std::move(read)},
                                     {"patch", std::move(change)},
                                     {"delete", std::move(cancel)}};
}

}  // namespace atrium::records::openapi
