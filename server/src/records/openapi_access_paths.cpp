#include "openapi_access_paths.hpp"

#include <fmt/format.h>

#include "openapi_operations.hpp"
#include "openapi_schemas.hpp"

namespace atrium::records::openapi {

namespace json = boost::json;

// Sessions, API tokens, the password and the second factor (auth_routes.cpp,
// credential_routes.cpp, totp_routes.cpp).
// Sessions, API tokens, the password and the second factor (auth_routes.cpp,
// credential_routes.cpp, totp_routes.cpp).
void add_auth_paths(json::object& paths) {
  const std::string_view tag = "Authentication";
  json::object login = operation("login", "Sign in", tag);
  login["description"] =
      "With two-factor sign-in on, a right password without totp_code or recovery_code answers 401 TOTP_REQUIRED "
      "(ask for the code, then send all again); a wrong or used code answers 401 TOTP_REQUIRED with TOTP_INVALID on "
      "the field. Wrong passwords and codes count against the account and the address: past the limit, 429 "
      "TOO_MANY_ATTEMPTS with Retry-After.";
  login["requestBody"] = body_of("Login");
  login["responses"] = {
      {"200",
       {{"description", "Signed in: the session cookie is set; send csrf_token as X-CSRF-Token from now on."},
        {"headers",
         {{"Set-Cookie",
           {{"description", "The session cookie (HttpOnly, SameSite=Lax)."}, {"schema", {{"type", "string"}}}}}}},
        {"content", json_content(json::object{{"$ref", schema_ref("Session")}})}}}};
  add_errors(login, {"400", "401", "413", "415", "422", "429"});
  set_public(login);
  paths["/api/v1/auth/login"] = {{"post", std::move(login)}};

  json::object logout = operation("logout", "Sign out", tag);
  logout["description"] =
      "Ends the cookie session of the request; API tokens are revoked with DELETE "
      "/api/v1/auth/tokens/{id} instead.";
  logout["responses"] = {
      {"204",
       {{"description", "Signed out: the session ended and the cookie is cleared."},
        {"headers",
         {{"Set-Cookie", {{"description", "Expires the session cookie."}, {"schema", {{"type", "string"}}}}}}}}}};
  add_errors(logout, {"401", "403"});
  set_security(logout, true, false);
  paths["/api/v1/auth/logout"] = {{"post", std::move(logout)}};

  json::object me = operation("getCurrentSession", "Read the signed-in user and CSRF token", tag);
  me["description"] =
      "For a reloaded web app: who is signed in and the token for unsafe requests (null with an "
      "API token).";
  me["responses"] = {{"200", answer_of("The session.", json::object{{"$ref", schema_ref("Session")}})}};
  add_errors(me, {"401"});
  set_security(me, false);
  paths["/api/v1/auth/me"] = {{"get", std::move(me)}};

  json::object sessions = operation("listSessions", "List the signed-in user's sessions", tag);
  sessions["description"] = "The live sessions of the caller's user, newest first.";
  sessions["responses"] = {{"200", answer_of("The sessions.", data_of(schema_ref("SessionInfo")))}};
  add_errors(sessions, {"401"});
  set_security(sessions, false);
  paths["/api/v1/auth/sessions"] = {{"get", std::move(sessions)}};

  json::object end_session = operation("revokeSession", "End one of the signed-in user's sessions", tag);
  end_session["description"] = "Signs that browser out (this one too, if it is the current session).";
  end_session["responses"] = {{"204", no_content("The session ended.")}};
  add_errors(end_session, {"401", "403", "404"});
  set_security(end_session, true);
  paths["/api/v1/auth/sessions/{id}"] = {
      {"parameters", json::array{id_in_path("The session's id (SessionInfo.id); 404 unless it is one of yours.")}},
      {"delete", std::move(end_session)}};

  json::object password = operation("changePassword", "Change the signed-in user's password", tag);
  password["description"] =
      "Ends every session of the user, this one too; a cookie caller goes on in a fresh session (new cookie and "
      "csrf_token), a token caller keeps its token. A wrong current_password answers 403 WRONG_PASSWORD and counts "
      "like a failed sign-in (429 TOO_MANY_ATTEMPTS past the limit); a weak new_password answers 422 with "
      "PASSWORD_TOO_SHORT or PASSWORD_TOO_COMMON.";
  password["requestBody"] = body_of("PasswordChange");
  password["responses"] = {
      {"200",
       {{"description", "Changed."},
        {"headers",
         {{"Set-Cookie",
           {{"description", "The new session's cookie (cookie callers only)."}, {"schema", {{"type", "string"}}}}}}},
        {"content", json_content(json::object{{"$ref", schema_ref("Session")}})}}}};
  add_errors(password, {"400", "401", "403", "413", "415", "422", "429"});
  set_security(password, true);
  paths["/api/v1/auth/password"] = {{"post", std::move(password)}};

  json::object tokens = operation("listApiTokens", "List the signed-in user's API tokens", tag);
  tokens["description"] = "Oldest first, without their secrets.";
  tokens["responses"] = {{"200", answer_of("The tokens.", data_of(schema_ref("ApiToken")))}};
  add_errors(tokens, {"401"});
  set_security(tokens, false);
  json::object new_token = operation("createApiToken", "Create an API token", tag);
  new_token["description"] =
      "The token acts as the user, with the user's rights, as `Authorization: Bearer atr_…`, and needs no CSRF "
      "token. Its secret is in this answer only.";
  new_token["requestBody"] = body_of("ApiTokenInput");
  new_token["responses"] = {
      {"201", answer_of("The token with its secret.", json::object{{"$ref", schema_ref("NewApiToken")}})}};
  add_errors(new_token, {"400", "401", "403", "413", "415", "422"});
  set_security(new_token, true);
  paths["/api/v1/auth/tokens"] = {{"get", std::move(tokens)}, {"post", std::move(new_token)}};

  json::object revoke = operation("revokeApiToken", "Revoke an API token", tag);
  revoke["description"] = "Requests with it are refused (401) from now on.";
  revoke["responses"] = {{"204", no_content("Revoked.")}};
  add_errors(revoke, {"401", "403", "404"});
  set_security(revoke, true);
  paths["/api/v1/auth/tokens/{id}"] = {
      {"parameters", json::array{id_in_path("The token's id; 404 unless it is one of yours.")}},
      {"delete", std::move(revoke)}};

  json::object totp = operation("getTotpState", "Read whether two-factor sign-in is on", tag);
  totp["responses"] = {{"200", answer_of("The state.", json::object{{"$ref", schema_ref("TotpState")}})}};
  add_errors(totp, {"401"});
  set_security(totp, false);
  paths["/api/v1/auth/totp"] = {{"get", std::move(totp)}};

  json::object setup = operation("setUpTotp", "Start setting up two-factor sign-in", tag);
  setup["description"] =
      "A new secret for the authenticator app (replacing one not yet enabled); sign-in needs no "
      "code until /enable confirms it. 409 CONFLICT while two-factor sign-in is on.";
  setup["responses"] = {{"200", answer_of("The secret.", json::object{{"$ref", schema_ref("TotpSetup")}})}};
  add_errors(setup, {"401", "403", "409"});
  set_security(setup, true);
  paths["/api/v1/auth/totp/setup"] = {{"post", std::move(setup)}};

  json::object enable = operation("enableTotp", "Turn two-factor sign-in on", tag);
  enable["description"] =
      "Confirms the secret set up with a current code (422 with TOTP_INVALID on `code` when "
      "wrong) and hands out fresh recovery codes. 409 CONFLICT when nothing was set up or it is "
      "on already.";
  enable["requestBody"] = body_of("TotpCode");
  enable["responses"] = {
      {"200", answer_of("On: the recovery codes.", json::object{{"$ref", schema_ref("RecoveryCodes")}})}};
  add_errors(enable, {"400", "401", "403", "409", "413", "415", "422"});
  set_security(enable, true);
  paths["/api/v1/auth/totp/enable"] = {{"post", std::move(enable)}};

  json::object disable = operation("disableTotp", "Turn two-factor sign-in off", tag);
  disable["description"] =
      "Removes the secret and the recovery codes. A wrong password answers 403 WRONG_PASSWORD "
      "and counts like a failed sign-in (429 TOO_MANY_ATTEMPTS past the limit).";
  disable["requestBody"] = body_of("PasswordConfirmation");
  disable["responses"] = {{"204", no_content("Off.")}};
  add_errors(disable, {"400", "401", "403", "413", "415", "422", "429"});
  set_security(disable, true);
  paths["/api/v1/auth/totp/disable"] = {{"post", std::move(disable)}};
}

// Users, roles, teams and scope attributes (access_admin_routes.cpp).
void add_access_admin_paths(json::object& paths) {
  const std::string_view tag = "Access administration";
  const std::string_view admins_only = " Administrators only (403 FORBIDDEN otherwise).";

  json::object users = operation("listUsers", "List users", tag);
  users["description"] =
      "Every signed-in user may list users (pickers, assignees) and sees UserSummary; "
      "administrators see UserAccount. At most 5,000, by username.";
  const json::object user_account{{"$ref", schema_ref("UserAccount")}};
  json::object listed = data_of(schema_ref("UserAccount"));
  listed["properties"].as_object()["data"].as_object()["items"] = {
      {"anyOf", json::array{user_account, json::object{{"$ref", schema_ref("UserSummary")}}}}};
  users["responses"] = {{"200", answer_of("The users.", std::move(listed))}};
  add_errors(users, {"401"});
  set_security(users, false);
  const std::string_view user_errors =
      " 422 names each problem: FIELD_REQUIRED, FIELD_INVALID, FIELD_INVALID_BOOLEAN, FIELD_INVALID_EMAIL, "
      "FIELD_INVALID_ENUM, FIELD_TOO_LONG, LINK_NOT_FOUND (roles, teams, manager, portal records), MANAGER_CYCLE, "
      "UNKNOWN_ATTRIBUTE, UNKNOWN_FIELD.";
  json::object new_user = operation("createUser", "Create a user", tag);
  new_user["description"] =
      "The username must be free (422 UNIQUE_VIOLATION) and a password strong enough "
      "(PASSWORD_TOO_SHORT, PASSWORD_TOO_COMMON)." +
      std::string(user_errors) + std::string(admins_only);
  new_user["requestBody"] = body_of("UserInput");
  json::object created_user = answer_of("The new user.", user_account);
  created_user["headers"] = {{"Location", {{"description", "The user's URL."}, {"schema", {{"type", "string"}}}}}};
  new_user["responses"] = {{"201", std::move(created_user)}};
  add_errors(new_user, {"400", "401", "403", "413", "415", "422"});
  set_security(new_user, true);
  paths["/api/v1/users"] = {{"get", std::move(users)}, {"post", std::move(new_user)}};

  json::object user = operation("getUser", "Read a user with roles, teams and attributes", tag);
  user["description"] = std::string(admins_only.substr(1));
  user["responses"] = {{"200", answer_of("The user.", user_account)}};
  add_errors(user, {"401", "403", "404"});
  set_security(user, false);
  json::object change_user = operation("updateUser", "Change a user", tag);
  change_user["description"] =
      "Lists given (roles, teams, an attribute's values) replace the user's. Setting active to false signs the user "
      "out everywhere. Send `version` to have a change made meanwhile refused with 412." +
      std::string(user_errors) + std::string(admins_only);
  change_user["requestBody"] = body_of("UserPatch");
  change_user["responses"] = {{"200", answer_of("The changed user.", user_account)}};
  add_errors(change_user, {"400", "401", "403", "404", "412", "413", "415", "422"});
  set_security(change_user, true);
  paths["/api/v1/users/{id}"] = {{"parameters", json::array{id_in_path("The user's id.")}},
                                 {"get", std::move(user)},
                                 {"patch", std::move(change_user)}};

  json::object attributes = operation("listScopeAttributes", "List the scope attributes users can be given", tag);
  attributes["description"] =
      "Any signed-in user. Each attribute draws its values from the picklist of its name; "
      "access rules read a user's values as user.<name>.";
  attributes["responses"] = {{"200", answer_of("The attributes.", data_of(schema_ref("ScopeAttribute")))}};
  add_errors(attributes, {"401"});
  set_security(attributes, false);
  paths["/api/v1/scope-attributes"] = {{"get", std::move(attributes)}};

  struct Resource {
    std::string_view plural;
    std::string_view type;
    std::string_view label;
    std::string_view write_errors;
  };
  for (const Resource resource :
       {Resource{"roles", "Role", "role",
                 "422 names each problem: FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG, UNIQUE_VIOLATION (name), "
                 "UNKNOWN_ENTITY, UNKNOWN_FIELD, FIELD_INVALID_ENUM, DUPLICATE_RIGHT, RULE_INVALID, with paths such "
                 "as rights[2].rule."},
        Resource{"teams", "Team", "team",
                 "422 names each problem: FIELD_REQUIRED, FIELD_INVALID, FIELD_TOO_LONG, UNIQUE_VIOLATION (name), "
                 "LINK_NOT_FOUND (members), UNKNOWN_FIELD."}}) {
    const std::string type(resource.type);
    const std::string plural_type = type + "s";
    const std::string base = "/api/v1/" + std::string(resource.plural);
    const json::object ref{{"$ref", schema_ref(type)}};

    json::object list = operation("list" + plural_type, "List " + std::string(resource.plural), tag);
    list["description"] = "By name." + std::string(admins_only);
    list["responses"] = {{"200", answer_of("Every " + std::string(resource.label) + ".", data_of(schema_ref(type)))}};
    add_errors(list, {"401", "403"});
    set_security(list, false);
    json::object create = operation("create" + type, "Create a " + std::string(resource.label), tag);
    create["description"] = std::string(resource.write_errors) + std::string(admins_only);
    create["requestBody"] = body_of(type + "Input");
    json::object created = answer_of("The new " + std::string(resource.label) + ".", ref);
    created["headers"] = {{"Location", {{"description", "Its URL."}, {"schema", {{"type", "string"}}}}}};
    create["responses"] = {{"201", std::move(created)}};
    add_errors(create, {"400", "401", "403", "413", "415", "422"});
    set_security(create, true);
    paths[base] = {{"get", std::move(list)}, {"post", std::move(create)}};

    json::object read = operation("get" + type, "Read a " + std::string(resource.label), tag);
    read["description"] = std::string(admins_only.substr(1));
    read["responses"] = {{"200", answer_of("The " + std::string(resource.label) + ".", ref)}};
    add_errors(read, {"401", "403", "404"});
    set_security(read, false);
    json::object update = operation("update" + type, "Change a " + std::string(resource.label), tag);
    update["description"] =
        "Lists given replace the whole list. Send `version` to have a change made meanwhile "
        "refused with 412. " +
        std::string(resource.write_errors) + std::string(admins_only);
    update["requestBody"] = body_of(type + "Patch");
    update["responses"] = {{"200", answer_of("The changed " + std::string(resource.label) + ".", ref)}};
    add_errors(update, {"400", "401", "403", "404", "412", "413", "415", "422"});
    set_security(update, true);
    json::object remove = operation("delete" + type, "Delete a " + std::string(resource.label), tag);
    remove["description"] =
        (resource.type == "Role" ? "Its users lose the role and its rights at once." : "Its members leave it.") +
        std::string(admins_only);
    remove["responses"] = {{"204", no_content("Deleted.")}};
    add_errors(remove, {"401", "403", "404"});
    set_security(remove, true);
    paths[base + "/{id}"] = {{"parameters", json::array{id_in_path("The " + std::string(resource.label) + "'s id.")}},
                             {"get", std::move(read)},
                             {"patch", std::move(update)},
                             {"delete", std::move(remove)}};
  }
}

}  // namespace atrium::records::openapi
