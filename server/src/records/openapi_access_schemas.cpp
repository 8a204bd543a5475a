#include "openapi_access_schemas.hpp"

#include "openapi_schema_parts.hpp"
#include "openapi_schemas.hpp"

namespace atrium::records::openapi {

namespace json = boost::json;

// The signed-in user's own credentials: sessions, API tokens, password, TOTP.
void add_credential_schemas(json::object& schemas) {
  auto nullable_text = [] { return json::object{{"type", json::array{"string", "null"}}}; };
  schemas["SessionInfo"] = {
      {"type", "object"},
      {"description", "A live session of the signed-in user."},
      {"required", json::array{"id", "created_at", "last_seen_at", "remote_address", "user_agent", "current"}},
      {"properties",
       {{"id", {{"type", "string"}, {"description", "The session's public id (never its cookie)."}}},
        {"created_at", date_time()},
        {"last_seen_at", date_time()},
        {"remote_address", nullable_text()},
        {"user_agent", nullable_text()},
        {"current", {{"type", "boolean"}, {"description", "The session of this request."}}}}}};
  const json::object token_properties{
      {"id", string_property()},
      {"name", {{"type", "string"}, {"description", "What the token is for."}}},
      {"created_at", date_time()},
      {"last_used_at",
       {{"type", json::array{"string", "null"}},
        {"format", "date-time"},
        {"description", "Updated at most once a minute; null until first used."}}},
      {"expires_at",
       {{"type", json::array{"string", "null"}}, {"format", "date-time"}, {"description", "Null: it never expires."}}}};
  const json::array token_required{"id", "name", "created_at", "last_used_at", "expires_at"};
  schemas["ApiToken"] = {{"type", "object"},
                         {"description", "An API token of the signed-in user; the secret itself is never shown again."},
                         {"required", token_required},
                         {"properties", token_properties}};
  json::object new_token_properties = token_properties;
  new_token_properties["token"] = {
      {"type", "string"},
      {"pattern", "^atr_[A-Za-z0-9_-]+$"},
      {"description", "The secret: send it as `Authorization: Bearer atr_…`. Shown only in this answer."}};
  json::array new_token_required = token_required;
  new_token_required.emplace_back("token");
  schemas["NewApiToken"] = {{"type", "object"},
                            {"description", "A token just created, with its secret."},
                            {"required", std::move(new_token_required)},
                            {"properties", std::move(new_token_properties)}};
  schemas["ApiTokenInput"] = {
      {"type", "object"},
      {"required", json::array{"name"}},
      {"properties",
       {{"name", {{"type", "string"}, {"minLength", 1}, {"maxLength", 100}, {"description", "What it is for."}}},
        {"expires_at",
         {{"type", json::array{"string", "null"}},
          {"format", "date-time"},
          {"description", "An instant in the future, in UTC (…Z); left out or null: never."}}}}}};
  schemas["PasswordChange"] = {
      {"type", "object"},
      {"required", json::array{"current_password", "new_password"}},
      {"properties",
       {{"current_password", {{"type", "string"}, {"minLength", 1}, {"maxLength", 1024}, {"format", "password"}}},
        {"new_password",
         {{"type", "string"},
          {"minLength", 12},
          {"maxLength", 1024},
          {"format", "password"},
          {"description",
           "At least 12 characters (PASSWORD_TOO_SHORT) and not on the list of common passwords "
           "(PASSWORD_TOO_COMMON)."}}}}}};
  schemas["TotpState"] = {
      {"type", "object"},
      {"required", json::array{"enabled"}},
      {"properties", {{"enabled", {{"type", "boolean"}, {"description", "Two-factor sign-in is on."}}}}}};
  schemas["TotpSetup"] = {
      {"type", "object"},
      {"required", json::array{"secret", "otpauth_uri"}},
      {"properties",
       {{"secret", {{"type", "string"}, {"pattern", "^[A-Z2-7]+$"}, {"description", "The shared secret in base32."}}},
        {"otpauth_uri",
         {{"type", "string"},
          {"description",
           "For a QR code: otpauth://totp/Atrium:<username>?secret=…&issuer=Atrium&algorithm=SHA1"
           "&digits=6&period=30."}}}}}};
  schemas["TotpCode"] = {{"type", "object"},
                         {"required", json::array{"code"}},
                         {"properties",
                          {{"code",
                            {{"type", "string"},
                             {"minLength", 1},
                             {"maxLength", 1024},
                             {"examples", json::array{"123456"}},
                             {"description", "The authenticator app's current code for the secret set up."}}}}}};
  schemas["RecoveryCodes"] = {
      {"type", "object"},
      {"required", json::array{"recovery_codes"}},
      {"properties",
       {{"recovery_codes",
         {{"type", "array"},
          {"minItems", 10},
          {"maxItems", 10},
          {"items", {{"type", "string"}, {"pattern", "^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$"}}},
          {"description", "Each signs in once instead of a code (as recovery_code). Shown only in this answer."}}}}}};
  schemas["PasswordConfirmation"] = {{"type", "object"},
                                     {"required", json::array{"password"}},
                                     {"properties",
                                      {{"password",
                                        {{"type", "string"},
                                         {"minLength", 1},
                                         {"maxLength", 1024},
                                         {"format", "password"},
                                         {"description", "The user's current password."}}}}}};
}

// Users, roles, teams, scope attributes and explanations (access_admin_routes.cpp,
// access_explanation.cpp).
void add_access_schemas(json::object& schemas, const metadata::Catalog& catalog) {
  auto nullable_text = [](std::size_t max_length) {
    return json::object{{"type", json::array{"string", "null"}}, {"maxLength", max_length}};
  };
  auto nullable_id = [](std::string_view description) {
    return json::object{{"type", json::array{"string", "null"}}, {"description", description}};
  };
  json::object attributes{{"type", "object"},
                          {"description",
                           "Scope attributes (GET /api/v1/scope-attributes) and their values, keys of the picklist "
                           "of the same name; rules read them as user.<name>."},
                          {"additionalProperties", {{"type", "array"}, {"items", string_property()}}}};
  const json::object kind{{"type", "string"},
                          {"enum", json::array{"staff", "portal"}},
                          {"description", "Portal users are customers' people, tied to an account and contact."}};
  schemas["UserAccount"] = {
      {"type", "object"},
      {"description", "A user as administrators see it."},
      {"required", json::array{"id", "username", "name", "email", "is_admin", "active", "locale", "time_zone",
                               "manager_id", "kind", "portal_account_id", "portal_contact_id", "created_at",
                               "updated_at", "version", "roles", "teams", "attributes"}},
      {"properties",
       {{"id", string_property()},
        {"username", string_property()},
        {"name", string_property()},
        {"email", {{"type", json::array{"string", "null"}}, {"format", "email"}}},
        {"is_admin", {{"type", "boolean"}, {"description", "Every right on everything."}}},
        {"active", {{"type", "boolean"}, {"description", "Inactive users cannot sign in."}}},
        {"locale", string_property()},
        {"time_zone", string_property()},
        {"manager_id", nullable_id("The user's manager: `own` scopes include the records of everyone reporting "
                                   "to a user.")},
        {"kind", kind},
        {"portal_account_id", nullable_id("A portal user's account.")},
        {"portal_contact_id", nullable_id("A portal user's contact.")},
        {"created_at", date_time()},
        {"updated_at", date_time()},
        {"version", {{"type", "integer"}, {"minimum", 1}}},
        {"roles", strings("The names of the user's roles.")},
        {"teams", strings("The ids of the user's teams.")},
        {"attributes", attributes}}}};
  schemas["UserSummary"] = {{"type", "object"},
                            {"description", "A user as everyone signed in sees it (pickers, assignees)."},
                            {"required", json::array{"id", "username", "name", "active"}},
                            {"properties",
                             {{"id", string_property()},
                              {"username", string_property()},
                              {"name", string_property()},
                              {"active", {{"type", "boolean"}}}}}};
  // What POST and PATCH accept alike; unknown properties are refused (UNKNOWN_FIELD).
  const json::object names{
      {"type", "array"}, {"maxItems", 1000}, {"items", {{"type", "string"}, {"minLength", 1}, {"maxLength", 200}}}};
  json::object user_properties{
      {"name", {{"type", "string"}, {"maxLength", 200}, {"description", "Left out on create: the username."}}},
      {"email",
       {{"type", json::array{"string", "null"}},
        {"maxLength", 254},
        {"description", "An e-mail address (FIELD_INVALID_EMAIL without an @); null or empty clears it."}}},
      {"is_admin", {{"type", "boolean"}}},
      {"active", {{"type", "boolean"}, {"description", "false signs the user out everywhere at once."}}},
      {"locale", {{"type", "string"}, {"pattern", "^[a-z]{2,3}(-[A-Z]{2})?$"}, {"examples", json::array{"de-CH"}}}},
      {"time_zone",
       {{"type", "string"},
        {"maxLength", 64},
        {"pattern", "^(UTC|[A-Z][A-Za-z_]+(/[A-Za-z0-9_+-]+){1,2})$"},
        {"examples", json::array{"Europe/Berlin"}}}},
      {"manager_id", nullable_id("A user; none that reports to this one (MANAGER_CYCLE).")},
      {"kind", kind},
      {"portal_account_id", nullable_id("An account's id (LINK_NOT_FOUND otherwise).")},
      {"portal_contact_id", nullable_id("A contact's id (LINK_NOT_FOUND otherwise).")},
      {"roles", names},
      {"teams", names},
      {"attributes", attributes}};
  user_properties["roles"].as_object()["description"] = "Role names; replace all the user's roles.";
  user_properties["teams"].as_object()["description"] = "Team ids; replace all the user's teams.";
  user_properties["attributes"].as_object()["description"] =
      "Replaces the values of each attribute named; those left out keep theirs.";
  json::object create_properties = user_properties;
  create_properties["username"] = {{"type", "string"},
                                   {"pattern", "^[A-Za-z0-9._@-]{1,64}$"},
                                   {"description", "Stored in lower case; unique (UNIQUE_VIOLATION)."}};
  create_properties["password"] = {
      {"type", "string"},
      {"minLength", 12},
      {"maxLength", 1024},
      {"format", "password"},
      {"description", "At least 12 characters, not a common password; without one the user cannot sign in."}};
  schemas["UserInput"] = {{"type", "object"},
                          {"description", "A new user."},
                          {"required", json::array{"username"}},
                          {"additionalProperties", false},
                          {"properties", std::move(create_properties)}};
  user_properties["version"] = {{"type", "integer"},
                                {"description", "The version you read; 412 VERSION_CONFLICT when stale."}};
  schemas["UserPatch"] = {{"type", "object"},
                          {"description", "The properties to change; those left out keep their values."},
                          {"additionalProperties", false},
                          {"properties", std::move(user_properties)}};

  json::array entity_names;
  for (const auto& entity : catalog.entities()) entity_names.emplace_back(entity.name);
  const json::object scope{{"type", "string"},
                           {"enum", json::array{"all", "team", "own", "rule"}},
                           {"description",
                            "all records; the team's (the user's teams and teammates' records); own (the user's and "
                            "their reports'); or those meeting `rule`, plus own."}};
  auto right = [&](bool input) {
    json::object entity{{"type", "string"}, {"description", "An entity's name."}};
    if (input) entity["enum"] = entity_names;
    json::object schema{
        {"type", "object"},
        {"required", json::array{"entity", "action", "scope"}},
        {"properties",
         {{"entity", std::move(entity)},
          {"action", {{"type", "string"}, {"enum", action_names()}}},
          {"scope", scope},
          {"rule",
           {{"type", "string"},
            {"maxLength", 2000},
            {"description",
             "With scope rule only: a filter over the entity whose values may be user.<attribute>, e.g. `area in "
             "user.areas` (RULE_INVALID when it does not compile)."}}}}}};
    if (input) {
      schema["description"] = "One right per entity and action (DUPLICATE_RIGHT).";
      schema["if"] = {{"properties", {{"scope", {{"const", "rule"}}}}}};
      schema["then"] = {{"required", json::array{"rule"}}, {"properties", {{"rule", {{"minLength", 1}}}}}};
    }
    return schema;
  };
  auto field_right = [&](bool input) {
    json::object entity{{"type", "string"}, {"description", "An entity's name."}};
    if (input) entity["enum"] = entity_names;
    json::object schema{
        {"type", "object"},
        {"required", json::array{"entity", "field", "mode"}},
        {"properties",
         {{"entity", std::move(entity)},
          {"field", {{"type", "string"}, {"description", "A field of the entity (UNKNOWN_FIELD otherwise)."}}},
          {"mode",
           {{"type", "string"},
            {"enum", json::array{"hidden", "read_only"}},
            {"description", "Fields not listed are fully usable. Of several roles, the most permissive wins."}}}}}};
    if (input) schema["description"] = "One per entity and field (DUPLICATE_RIGHT).";
    return schema;
  };
  schemas["RoleRight"] = right(false);
  schemas["FieldRight"] = field_right(false);
  const json::object resource_name{{"type", "string"},
                                   {"minLength", 1},
                                   {"maxLength", 100},
                                   {"pattern", "^[A-Za-z0-9][A-Za-z0-9 ._-]*$"},
                                   {"description", "Unique (UNIQUE_VIOLATION)."}};
  const json::object description{{"type", json::array{"string", "null"}}, {"maxLength", 2000}};
  schemas["Role"] = {{"type", "object"},
                     {"required", json::array{"id", "name", "description", "created_at", "updated_at", "version",
                                              "rights", "field_rights", "users"}},
                     {"properties",
                      {{"id", string_property()},
                       {"name", string_property()},
                       {"description", nullable_text(2000)},
                       {"created_at", date_time()},
                       {"updated_at", date_time()},
                       {"version", {{"type", "integer"}, {"minimum", 1}}},
                       {"rights", {{"type", "array"}, {"items", schema_ref_object("RoleRight")}}},
                       {"field_rights", {{"type", "array"}, {"items", schema_ref_object("FieldRight")}}},
                       {"users", strings("The ids of the users with the role.")}}}};
  json::object role_properties{
      {"name", resource_name},
      {"description", description},
      {"rights",
       {{"type", "array"}, {"maxItems", 1000}, {"items", right(true)}, {"description", "Replaces every right."}}},
      {"field_rights",
       {{"type", "array"},
        {"maxItems", 1000},
        {"items", field_right(true)},
        {"description", "Replaces every field right."}}},
      {"version", {{"type", "integer"}, {"description", "The version you read; 412 VERSION_CONFLICT when stale."}}}};
  schemas["RoleInput"] = {{"type", "object"},
                          {"required", json::array{"name"}},
                          {"additionalProperties", false},
                          {"properties", role_properties}};
  schemas["RolePatch"] = {{"type", "object"},
                          {"description", "The properties to change; those left out keep their values."},
                          {"additionalProperties", false},
                          {"properties", std::move(role_properties)}};
  schemas["Team"] = {
      {"type", "object"},
      {"required", json::array{"id", "name", "description", "created_at", "updated_at", "version", "members"}},
      {"properties",
       {{"id", string_property()},
        {"name", string_property()},
        {"description", nullable_text(2000)},
        {"created_at", date_time()},
        {"updated_at", date_time()},
        {"version", {{"type", "integer"}, {"minimum", 1}}},
        {"members", strings("The ids of the team's users.")}}}};
  json::object team_properties{
      {"name", resource_name},
      {"description", description},
      {"members", names},
      {"version", {{"type", "integer"}, {"description", "The version you read; 412 VERSION_CONFLICT when stale."}}}};
  team_properties["members"].as_object()["description"] = "User ids; replace every member (LINK_NOT_FOUND).";
  schemas["TeamInput"] = {{"type", "object"},
                          {"required", json::array{"name"}},
                          {"additionalProperties", false},
                          {"properties", team_properties}};
  schemas["TeamPatch"] = {{"type", "object"},
                          {"description", "The properties to change; those left out keep their values."},
                          {"additionalProperties", false},
                          {"properties", std::move(team_properties)}};
  schemas["ScopeAttribute"] = {
      {"type", "object"},
      {"required", json::array{"name", "label", "picklist"}},
      {"properties",
       {{"name", {{"type", "string"}, {"description", "As rules name it: user.<name>."}}},
        {"label", string_property()},
        {"picklist", {{"type", "string"}, {"description", "The picklist its values are keys of."}}}}}};

  json::object granted{
      {"type", "object"},
      {"required", json::array{"role", "scope", "matches"}},
      {"properties",
       {{"role", {{"type", "string"}, {"description", "The role's name; `administrator` for administrators."}}},
        {"scope", {{"type", "string"}, {"enum", json::array{"all", "team", "own", "rule"}}}},
        {"rule", string_property()},
        {"matches", {{"type", "boolean"}, {"description", "The record is within this right's scope."}}},
        {"problem", {{"type", "string"}, {"description", "Why the rule does not compile (it grants nothing)."}}}}}};
  json::object verdict{
      {"type", "object"},
      {"required", json::array{"allowed", "rights"}},
      {"properties",
       {{"allowed", {{"type", "boolean"}}},
        {"reason",
         {{"type", "string"},
          {"examples", json::array{"no role grants this action", "the parent record is not readable"}}}},
        {"rights", {{"type", "array"}, {"items", std::move(granted)}}}}}};
  json::object actions{{"type", "object"}, {"required", action_names()}, {"additionalProperties", false}};
  json::object action_properties;
  for (const auto& action : action_names()) action_properties[action.as_string()] = verdict;
  actions["properties"] = std::move(action_properties);
  schemas["AccessExplanation"] = {
      {"type", "object"},
      {"description", "Why a user may or may not act on one record: each action with the rights that grant it."},
      {"required", json::array{"entity", "id", "user_id", "administrator", "roles", "parent", "actions", "fields"}},
      {"properties",
       {{"entity", string_property()},
        {"id", string_property()},
        {"user_id", string_property()},
        {"administrator", {{"type", "boolean"}}},
        {"roles", strings("The names of the user's roles.")},
        {"parent",
         {{"type", json::array{"object", "null"}},
          {"description",
           "For a child entity: the parent record, which the user must be able to read; null otherwise."},
          {"required", json::array{"entity", "id", "readable"}},
          {"properties",
           {{"entity", string_property()}, {"id", string_property()}, {"readable", {{"type", "boolean"}}}}}}},
        {"actions", std::move(actions)},
        {"fields",
         {{"type", "object"},
          {"description", "The fields the user may not fully use, by API name; the rest are not listed."},
          {"additionalProperties", {{"type", "string"}, {"enum", json::array{"hidden", "read_only"}}}}}}}}};
}

}  // namespace atrium::records::openapi
