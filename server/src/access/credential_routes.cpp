// The signed-in user's own credentials: sessions (list, revoke), API tokens (create,
// list, revoke) and the password change that ends every other session.
#include <boost/json/serialize.hpp>

#include "atrium/access/password_hasher.hpp"
#include "atrium/access/password_policy.hpp"
#include "auth_support.hpp"

namespace atrium::access::detail {

namespace {

boost::json::value text_or_null(const std::string& text) {
  return text.empty() ? boost::json::value(nullptr) : boost::json::value(text);
}

boost::json::object token_json(const ApiTokenInfo& token) {
  return {{"id", token.id},
          {"name", token.name},
          {"created_at", token.created_at},
          {"last_used_at", text_or_null(token.last_used_at)},
          {"expires_at", text_or_null(token.expires_at)}};
}

http::Response no_content() {
  http::Response response;
  response.status = 204;
  return response;
}

http::Response create_token(AuthContext& context, http::Request& request, const Principal& principal) {
  Error invalid{ErrorCode::validation_failed, "the token is not valid", {}};
  if (!request.json.is_object()) {
    invalid.fields.push_back({"name", "FIELD_REQUIRED", "required"});
    return http::Response::error(invalid, request.request_id);
  }
  const auto& body = request.json.as_object();
  const std::string name = string_field(body, "name", invalid);
  if (name.size() > 100) invalid.fields.push_back({"name", "FIELD_TOO_LONG", "at most 100 characters"});
  std::string expires_at;
  if (auto given = optional_string_field(body, "expires_at", invalid)) {
    auto at = from_iso8601(*given);
    if (!at) {
      invalid.fields.push_back({"expires_at", "FIELD_INVALID", "an ISO 8601 instant in UTC (…Z)"});
    } else if (*at <= context.clock.now()) {
      invalid.fields.push_back({"expires_at", "FIELD_INVALID", "must be in the future"});
    } else {
      // Stored in the fixed-width form, so text comparison is time comparison.
      expires_at = to_iso8601(*at);
    }
  }
  if (!invalid.fields.empty()) return http::Response::error(invalid, request.request_id);
  NewApiToken created;
  auto done = context.database.transact([&](storage::Connection& connection) -> Result<void> {
    auto token = context.tokens.create(connection, principal.user.id, name, expires_at);
    if (!token) return token.take_error();
    created = std::move(*token);
    return record_event(context, connection, request, "token_created", principal.user.id, principal.user.username,
                        {{"token", created.info.id}, {"name", name}});
  });
  if (!done) return http::Response::error(done.error(), request.request_id);
  auto json = token_json(created.info);
  json["token"] = created.token;
  auto response = http::Response::json(201, boost::json::serialize(json));
  response.headers.set("Cache-Control", "no-store");
  return response;
}

http::Response change_password(AuthContext& context, http::Request& request, const Principal& principal) {
  Error invalid{ErrorCode::validation_failed, "current_password and new_password are required", {}};
  if (!request.json.is_object()) {
    invalid.fields.push_back({"current_password", "FIELD_REQUIRED", "required"});
    invalid.fields.push_back({"new_password", "FIELD_REQUIRED", "required"});
    return http::Response::error(invalid, request.request_id);
  }
  const auto& body = request.json.as_object();
  const std::string current = string_field(body, "current_password", invalid);
  const std::string wanted = string_field(body, "new_password", invalid);
  if (!invalid.fields.empty()) return http::Response::error(invalid, request.request_id);
  if (auto weak = password_policy().check(wanted, "new_password")) {
    invalid.message = "the new password is not acceptable";
    invalid.fields.push_back(std::move(*weak));
    return http::Response::error(invalid, request.request_id);
  }
  // Whoever holds a stolen session may guess the password here: same throttle as login.
  const std::string& username = principal.user.username;
  if (auto refused = throttled(context, request, username)) return std::move(*refused);
  std::string stored_hash;
  auto read = context.database.read([&](storage::Connection& connection) -> Result<void> {
    auto rows = connection.query("SELECT password_hash FROM users WHERE id = ?", {principal.user.id});
    if (!rows) return rows.take_error();
    if (!rows->empty() && !rows->rows[0][0].is_null()) stored_hash = rows->rows[0][0].text();
    return {};
  });
  if (!read) return http::Response::error(read.error(), request.request_id);
  if (!verify_password(current, stored_hash)) {
    auto counted = context.database.transact([&](storage::Connection& connection) -> Result<void> {
      auto locked = context.throttle.record_failure(connection, username, request.remote_address);
      if (!locked) return locked.take_error();
      return record_event(context, connection, request, "password_change_failed", principal.user.id, username);
    });
    if (!counted) return http::Response::error(counted.error(), request.request_id);
    return http::Response::error(Error{ErrorCode::wrong_password,
                                       "The current password is wrong.",
                                       {{"current_password", "WRONG_PASSWORD", "not your current password"}}},
                                 request.request_id);
  }
  auto hashed = hash_password(wanted);
  if (!hashed) return http::Response::error(hashed.error(), request.request_id);
  auto changed = context.database.transact([&](storage::Connection& connection) -> Result<void> {
    auto updated = connection.execute("UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?",
                                      {*hashed, to_iso8601(context.clock.now()), principal.user.id});
    if (!updated) return updated.take_error();
    // Every session ends, this one too: whoever else was signed in is out.
    ATRIUM_TRY(context.sessions.revoke_all(connection, principal.user.id));
    return record_event(context, connection, request, "password_changed", principal.user.id, username);
  });
  if (!changed) return http::Response::error(changed.error(), request.request_id);
  if (principal.via_token) {
    return http::Response::json(
        200, boost::json::serialize(boost::json::object{{"user", user_json(principal.user)}, {"csrf_token", nullptr}}));
  }
  // The caller goes on in a fresh session.
  auto session = context.sessions.create(principal.user.id, request.remote_address,
                                         std::string(request.headers.get("User-Agent").value_or("")));
  if (!session) return http::Response::error(session.error(), request.request_id);
  auto response = session_json(200, *session);
  response.headers.set("Set-Cookie", cookie_header(context.options, session->token, false));
  response.headers.set("Cache-Control", "no-store");
  return response;
}

}  // namespace

void add_credential_routes(http::Router& router, const SharedContext& context) {
  router.add(http::Method::get, "/api/v1/auth/sessions",
             signed_in(context, [](AuthContext& context, http::Request& request, const Principal& principal) {
               auto sessions = context.sessions.list(principal.user.id);
               if (!sessions) return http::Response::error(sessions.error(), request.request_id);
               boost::json::array data;
               for (const auto& session : *sessions) {
                 data.push_back(boost::json::object{{"id", session.public_id},
                                                    {"created_at", session.created_at},
                                                    {"last_seen_at", session.last_seen_at},
                                                    {"remote_address", text_or_null(session.remote_address)},
                                                    {"user_agent", text_or_null(session.user_agent)},
                                                    {"current", session.public_id == principal.session_public_id}});
               }
               auto response = http::Response::json(200, boost::json::serialize(boost::json::object{{"data", data}}));
               response.headers.set("Cache-Control", "no-store");
               return response;
             }));

  router.add(http::Method::del, "/api/v1/auth/sessions/{id}",
             signed_in(context, [](AuthContext& context, http::Request& request, const Principal& principal) {
               const std::string id(request.path_param("id"));
               auto done = context.database.transact([&](storage::Connection& connection) -> Result<void> {
                 ATRIUM_TRY(context.sessions.revoke_public(connection, principal.user.id, id));
                 return record_event(context, connection, request, "session_revoked", principal.user.id,
                                     principal.user.username, {{"session", id}});
               });
               if (!done) return http::Response::error(done.error(), request.request_id);
               return no_content();
             }));

  router.add(http::Method::get, "/api/v1/auth/tokens",
             signed_in(context, [](AuthContext& context, http::Request& request, const Principal& principal) {
               auto tokens = context.tokens.list(principal.user.id);
               if (!tokens) return http::Response::error(tokens.error(), request.request_id);
               boost::json::array data;
               for (const auto& token : *tokens) data.push_back(token_json(token));
               auto response = http::Response::json(200, boost::json::serialize(boost::json::object{{"data", data}}));
               response.headers.set("Cache-Control", "no-store");
               return response;
             }));

  router.add(http::Method::post, "/api/v1/auth/tokens", signed_in(context, create_token));

  router.add(http::Method::del, "/api/v1/auth/tokens/{id}",
             signed_in(context, [](AuthContext& context, http::Request& request, const Principal& principal) {
               const std::string id(request.path_param("id"));
               auto done = context.database.transact([&](storage::Connection& connection) -> Result<void> {
                 ATRIUM_TRY(context.tokens.revoke(connection, principal.user.id, id));
                 return record_event(context, connection, request, "token_revoked", principal.user.id,
                                     principal.user.username, {{"token", id}});
               });
               if (!done) return http::Response::error(done.error(), request.request_id);
               return no_content();
             }));

  router.add(http::Method::post, "/api/v1/auth/password", signed_in(context, change_password));
}

}  // namespace atrium::access::detail
