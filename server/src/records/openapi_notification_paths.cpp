#include "openapi_notification_paths.hpp"

#include "openapi_operations.hpp"

namespace atrium::records::openapi {

namespace json = boost::json;

namespace {

json::object text_schema() { return {{"type", "string"}}; }
json::object nullable_text() { return {{"type", json::array{"string", "null"}}}; }
json::object integer_schema() { return {{"type", "integer"}}; }
json::object time_schema() { return {{"type", "string"}, {"format", "date-time"}}; }
json::object status_schema() {
  return {{"type", "string"}, {"enum", json::array{"open", "in_progress", "done", "rejected"}}};
}

json::object query(std::string_view name, std::string_view description, json::object schema = text_schema()) {
  return {{"name", name}, {"in", "query"}, {"description", description}, {"schema", std::move(schema)}};
}

json::object path_parameter(std::string_view name, std::string_view description) {
  return {{"name", name},
          {"in", "path"},
          {"required", true},
          {"description", description},
          {"schema", {{"type", "string"}, {"maxLength", 128}}}};
}

json::object object_of(json::object properties) {
  return {{"type", "object"}, {"properties", std::move(properties)}};
}

json::object notification_schema() {
  return object_of({{"id", text_schema()},
                    {"user_id", text_schema()},
                    {"kind", {{"type", "string"}, {"description", "Dotted and stable: task.assigned, reminder, …"}}},
                    {"title", text_schema()},
                    {"body", nullable_text()},
                    {"entity", nullable_text()},
                    {"record_id", nullable_text()},
                    {"actor_id", nullable_text()},
                    {"created_at", time_schema()},
                    {"read_at", {{"type", json::array{"string", "null"}}, {"format", "date-time"}}}});
}

json::object unread_schema() { return object_of({{"unread", integer_schema()}}); }

json::object assignees_schema() {
  json::object assignee = object_of({{"user_id", text_schema()},
                                     {"name", text_schema()},
                                     {"status", status_schema()},
                                     {"progress", {{"type", "integer"}, {"minimum", 0}, {"maximum", 100}}},
                                     {"assigned_by_id", nullable_text()},
                                     {"assigned_at", time_schema()},
                                     {"updated_at", time_schema()}});
  json::object report = object_of({{"id", text_schema()},
                                   {"user_id", text_schema()},
                                   {"name", text_schema()},
                                   {"status", status_schema()},
                                   {"progress", integer_schema()},
                                   {"remarks", nullable_text()},
                                   {"created_at", time_schema()}});
  return object_of({{"data", {{"type", "array"}, {"items", std::move(assignee)}}},
                    {"reports", {{"type", "array"}, {"items", std::move(report)}}}});
}

void add_assignee_paths(json::object& paths, const metadata::EntityDefinition& entity) {
  const std::string tag = entity.label_plural;
  const std::string base = "/api/v1/" + entity.plural + "/{id}/assignees";
  json::object read = operation("list" + entity.name + "Assignees", "Read the assignees and their reports", tag);
  read["parameters"] = json::array{id_in_path("The record's id.")};
  read["responses"] = {{"200", answer_of("Assignees with status and progress, and every report.", assignees_schema())}};
  add_errors(read, {"401", "404"});
  set_security(read, false);

  json::object replace = operation("set" + entity.name + "Assignees", "Give the record to these users", tag);
  replace["description"] =
      "Takes the edit right on the record. New assignees are notified; those who stay keep their status and "
      "progress. Unknown or inactive users answer 422 LINK_NOT_FOUND naming `user_ids[i]`.";
  replace["parameters"] = json::array{id_in_path("The record's id.")};
  replace["requestBody"] = {
      {"required", true},
      {"content", json_content(object_of({{"user_ids", {{"type", "array"}, {"maxItems", 25}, {"items", text_schema()}}}}))}};
  replace["responses"] = {{"200", answer_of("The assignees now.", assignees_schema())}};
  add_errors(replace, {"401", "403", "404", "422"});
  set_security(replace, true);
  paths[base] = {{"get", std::move(read)}, {"put", std::move(replace)}};

  json::object report = operation("report" + entity.name + "Progress", "Report on one's own part", tag);
  report["description"] =
      "Only the assignee themself (`me` stands for the caller); others answer 403 NOT_ASSIGNEE. The initiator is "
      "notified; the record follows: in progress once anyone starts, done when every assignee is done.";
  report["parameters"] = json::array{id_in_path("The record's id."), path_parameter("user_id", "The assignee, or me.")};
  report["requestBody"] = {
      {"required", true},
      {"content", json_content(object_of({{"status", status_schema()},
                                          {"progress", {{"type", "integer"}, {"minimum", 0}, {"maximum", 100}}},
                                          {"remarks", {{"type", "string"}, {"maxLength", 4000}}}}))}};
  report["responses"] = {{"200", answer_of("The assignees now.", assignees_schema())}};
  add_errors(report, {"400", "401", "403", "404", "422"});
  set_security(report, true);
  paths[base + "/{user_id}"] = {{"patch", std::move(report)}};
}

}  // namespace

void add_notification_paths(json::object& paths, const metadata::Catalog& catalog) {
  constexpr std::string_view kTag = "Notifications";
  json::object list = operation("listNotifications", "Read one's own notifications, newest first", kTag);
  list["parameters"] = json::array{
      query("unread", "true: only unread ones.", {{"type", "boolean"}}),
      query("limit", "1 to 200 (default 50).", {{"type", "integer"}, {"minimum", 1}, {"maximum", 200}}),
      query("before", "The next page: `next_before` of the previous one.")};
  list["responses"] = {
      {"200", answer_of("A page of notifications and the unread count.",
                        object_of({{"data", {{"type", "array"}, {"items", notification_schema()}}},
                                   {"unread", integer_schema()},
                                   {"next_before", nullable_text()}}))}};
  add_errors(list, {"400", "401"});
  set_security(list, false);
  paths["/api/v1/notifications"] = {{"get", std::move(list)}};

  json::object count = operation("countUnreadNotifications", "Count one's unread notifications", kTag);
  count["responses"] = {{"200", answer_of("The count.", unread_schema())}};
  add_errors(count, {"401"});
  set_security(count, false);
  paths["/api/v1/notifications/unread-count"] = {{"get", std::move(count)}};

  json::object all = operation("readAllNotifications", "Mark every notification read", kTag);
  all["responses"] = {{"200", answer_of("How many were marked.", object_of({{"marked", integer_schema()},
                                                                           {"unread", integer_schema()}}))}};
  add_errors(all, {"401", "403"});
  set_security(all, true);
  paths["/api/v1/notifications/read-all"] = {{"post", std::move(all)}};

  json::object one = operation("readNotification", "Mark one notification read", kTag);
  one["parameters"] = json::array{id_in_path("The notification's id.")};
  one["responses"] = {{"200", answer_of("The unread count after.", object_of({{"id", text_schema()},
                                                                             {"unread", integer_schema()}}))}};
  add_errors(one, {"401", "403", "404"});
  set_security(one, true);
  paths["/api/v1/notifications/{id}/read"] = {{"post", std::move(one)}};

  json::object dashboard = operation("getDashboard", "Read one's dashboard", kTag);
  dashboard["description"] =
      "Sections contributed by the modules (my tasks, follow-ups due, approvals waiting, reminders, recent "
      "activity), each read with the caller's access. Content: {items: [{title, subtitle, link: {entity, id} or "
      "href, due_at, overdue}], total}. A `dashboard.changed` or `notification` event tells a browser to read it again.";
  dashboard["responses"] = {
      {"200", answer_of("The sections in display order.",
                        object_of({{"sections",
                                    {{"type", "array"},
                                     {"items", object_of({{"name", text_schema()},
                                                          {"label", text_schema()},
                                                          {"content", {{"type", "object"}}}})}}}}))}};
  add_errors(dashboard, {"401"});
  set_security(dashboard, false);
  paths["/api/v1/dashboard"] = {{"get", std::move(dashboard)}};

  json::object people = operation("findPeople", "Find colleagues by name", kTag);
  people["description"] = "Active staff users whose name or username contains `q`: id, name and username only.";
  people["parameters"] = json::array{query("q", "Part of a name or username (at most 100 characters).")};
  people["responses"] = {
      {"200", answer_of("Up to 50 people.", object_of({{"data",
                                                         {{"type", "array"},
                                                          {"items", object_of({{"id", text_schema()},
                                                                               {"name", text_schema()},
                                                                               {"username", text_schema()}})}}}}))}};
  add_errors(people, {"400", "401"});
  set_security(people, false);
  paths["/api/v1/people"] = {{"get", std::move(people)}};

  json::object outbox = operation("listOutbox", "Read the e-mail outbox", kTag);
  outbox["description"] = "Administrators only. E-mails queued by reminders and automation, newest first.";
  outbox["parameters"] = json::array{
      query("status", "queued, sent or failed.", {{"type", "string"}, {"enum", json::array{"queued", "sent", "failed"}}}),
      query("limit", "1 to 200 (default 50).", {{"type", "integer"}, {"minimum", 1}, {"maximum", 200}})};
  outbox["responses"] = {{"200", answer_of("The e-mails.", object_of({{"data", {{"type", "array"}, {"items", {{"type", "object"}}}}}}))}};
  add_errors(outbox, {"400", "401", "403"});
  set_security(outbox, false);
  paths["/api/v1/outbox"] = {{"get", std::move(outbox)}};

  for (const auto& entity : catalog.entities()) {
    if (entity.access.assignable) add_assignee_paths(paths, entity);
  }
}

}  // namespace atrium::records::openapi
