#include "openapi_operations.hpp"

#include <fmt/format.h>

#include "openapi_schemas.hpp"

namespace atrium::records::openapi {

namespace json = boost::json;

namespace {

constexpr ErrorAnswer kErrorAnswers[] = {
    {"400", "BadRequest",
     "The request cannot be used: a parameter, the JSON or the request line is malformed (BAD_REQUEST, "
     "MALFORMED_JSON); `fields` names the parameter."},
    {"401", "Unauthenticated",
     "No live session or API token (UNAUTHENTICATED), wrong credentials (INVALID_CREDENTIALS), or the second "
     "factor is missing or wrong (TOTP_REQUIRED)."},
    {"403", "Forbidden",
     "The X-CSRF-Token header is missing or wrong (CSRF_FAILED), a password given to confirm is wrong "
     "(WRONG_PASSWORD), or a right is missing (FORBIDDEN). Then `fields` tells why: ACCESS_DENIED (no role grants "
     "the action on the entity), OUT_OF_SCOPE (the record is, or would end up, outside what the caller may do it "
     "to), FIELD_HIDDEN or FIELD_READ_ONLY (a field hidden from the caller, or read-only for their roles, was "
     "named in a filter, sort or selection, or written)."},
    {"404", "NotFound", "No such record or route (NOT_FOUND)."},
    {"409", "Conflict",
     "The record's state forbids it: it is archived, the approval is decided (CONFLICT), or other records refer "
     "to it (REFERENCED, `fields` names them)."},
    {"412", "VersionConflict",
     "The record changed since it was read: If-Match or `version` is stale (VERSION_CONFLICT)."},
    {"413", "PayloadTooLarge", "The body is larger than the server accepts (PAYLOAD_TOO_LARGE)."},
    {"415", "UnsupportedMediaType", "The body is not application/json (UNSUPPORTED_MEDIA_TYPE)."},
    {"422", "ValidationFailed", "Fields are missing or not valid; `fields` lists every one (VALIDATION_FAILED)."},
    {"429", "TooManyAttempts",
     "Too many failed attempts for the account or the address (TOO_MANY_ATTEMPTS): wait the seconds Retry-After "
     "says."},
};

}  // namespace

std::span<const ErrorAnswer> error_answers() { return kErrorAnswers; }

json::object component_ref(std::string_view section, std::string_view name) {
  return {{"$ref", fmt::format("#/components/{}/{}", section, name)}};
}

json::object json_content(json::value schema) {
  return {{"application/json", {{"schema", std::move(schema)}}}};
}

json::object operation(std::string id, std::string summary, std::string_view tag) {
  return {{"operationId", std::move(id)}, {"summary", std::move(summary)}, {"tags", json::array{tag}}};
}

void add_errors(json::object& op, std::initializer_list<std::string_view> statuses) {
  auto& responses = op["responses"].is_object() ? op["responses"].as_object() : op["responses"].emplace_object();
  for (const auto status : statuses) {
    for (const auto& answer : kErrorAnswers) {
      if (answer.status == status) responses[status] = component_ref("responses", answer.name);
    }
  }
}

void set_security(json::object& op, bool unsafe, bool tokens) {
  json::object requirement{{"sessionCookie", json::array{}}};
  if (unsafe) requirement["csrfToken"] = json::array{};
  json::array security{std::move(requirement)};
  if (tokens) security.push_back(json::object{{"bearerToken", json::array{}}});
  op["security"] = std::move(security);
}

json::object id_in_path(std::string_view description) {
  return {{"name", "id"},
          {"in", "path"},
          {"required", true},
          {"description", description},
          {"schema", {{"type", "string"}, {"maxLength", 128}}}};
}

json::object body_of(std::string_view schema) {
  return {{"required", true}, {"content", json_content(json::object{{"$ref", schema_ref(schema)}})}};
}

json::object answer_of(std::string_view description, json::value schema) {
  return {{"description", description}, {"content", json_content(std::move(schema))}};
}

json::object no_content(std::string_view description) {
  return {{"description", description}};
}

void set_public(json::object& op) {
  op["security"] = json::array{};
}

json::object data_of(const std::string& item_ref) {
  return {{"type", "object"},
          {"required", json::array{"data"}},
          {"properties", {{"data", {{"type", "array"}, {"items", {{"$ref", item_ref}}}}}}}};
}

json::object record_answer(std::string_view description, const std::string& schema) {
  return {{"description", description},
          {"headers", {{"ETag", component_ref("headers", "ETag")}}},
          {"content", json_content(json::object{{"$ref", schema_ref(schema)}})}};
}

}  // namespace atrium::records::openapi
