#include "atrium/access/auth_routes.hpp"

#include <sodium.h>

#include <boost/json/serialize.hpp>

#include "atrium/access/password_hasher.hpp"
#include "atrium/http/cookies.hpp"

namespace atrium::access {

namespace {

boost::json::object user_json(const SessionUser& user) {
  return {{"id", user.id},
          {"username", user.username},
          {"name", user.name},
          {"email", user.email.empty() ? boost::json::value(nullptr) : boost::json::value(user.email)},
          {"is_admin", user.is_admin}};
}

http::Response session_json(int status, const Session& session) {
  return http::Response::json(status, boost::json::serialize(boost::json::object{
                                          {"user", user_json(session.user)}, {"csrf_token", session.csrf_token}}));
}

// Unknown users cost as much time as wrong passwords, so timing does not tell which
// usernames exist.
const std::string& decoy_hash() {
  static const std::string hash = hash_password("decoy password never used").value();
  return hash;
}

std::string cookie_header(const AuthOptions& options, const std::string& value, bool expire) {
  std::string header = session_cookie_name(options) + "=" + value + "; Path=/; HttpOnly; SameSite=Lax";
  if (options.secure_cookies) header += "; Secure";
  if (expire) header += "; Max-Age=0";
  return header;
}

Result<std::string> string_field(const boost::json::object& body, std::string_view name, Error& invalid) {
  const auto* value = body.if_contains(name);
  if (value == nullptr || (value->is_string() && value->as_string().empty())) {
    invalid.fields.push_back({std::string(name), "FIELD_REQUIRED", "required"});
    return std::string();
  }
  if (!value->is_string() || value->as_string().size() > 1024) {
    invalid.fields.push_back({std::string(name), "FIELD_INVALID", "a string of at most 1024 characters"});
    return std::string();
  }
  return std::string(value->as_string());
}

}  // namespace

std::string session_cookie_name(const AuthOptions& options) {
  return options.secure_cookies ? "__Host-atrium_session" : "atrium_session";
}

void add_auth_routes(http::Router& router, storage::Database& database, SessionStore& sessions,
                     AuthOptions options) {
  router.add(http::Method::post, "/api/v1/auth/login", [&database, &sessions, options](http::Request& request) {
    Error invalid{ErrorCode::validation_failed, "username and password are required", {}};
    if (!request.json.is_object()) {
      invalid.fields.push_back({"username", "FIELD_REQUIRED", "required"});
      invalid.fields.push_back({"password", "FIELD_REQUIRED", "required"});
      return http::Response::error(invalid, request.request_id);
    }
    const auto& body = request.json.as_object();
    std::string username = *string_field(body, "username", invalid);
    const std::string password = *string_field(body, "password", invalid);
    if (!invalid.fields.empty()) return http::Response::error(invalid, request.request_id);
    for (auto& c : username) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));

    std::string user_id;
    std::string stored_hash;
    auto looked_up = database.read([&](storage::Connection& connection) -> Result<void> {
      auto rows = connection.query("SELECT id, password_hash FROM users WHERE username = ? AND active = 1", {username});
      if (!rows) return rows.take_error();
      if (!rows->empty() && !rows->rows[0][1].is_null()) {
        user_id = rows->rows[0][0].text();
        stored_hash = rows->rows[0][1].text();
      }
      return {};
    });
    if (!looked_up) return http::Response::error(looked_up.error(), request.request_id);
    const bool verified = verify_password(password, stored_hash.empty() ? decoy_hash() : stored_hash);
    if (!verified || user_id.empty()) {
      return http::Response::error(make_error(ErrorCode::invalid_credentials, "Wrong username or password."),
                                   request.request_id);
    }
    if (password_needs_rehash(stored_hash)) {
      if (auto rehashed = hash_password(password); rehashed) {
        (void)database.transact([&](storage::Connection& connection) -> Result<void> {
          auto updated = connection.execute("UPDATE users SET password_hash = ? WHERE id = ?", {*rehashed, user_id});
          if (!updated) return updated.take_error();
          return {};
        });
      }
    }
    auto session = sessions.create(user_id, request.remote_address,
                                   std::string(request.headers.get("User-Agent").value_or("")));
    if (!session) return http::Response::error(session.error(), request.request_id);
    auto response = session_json(200, *session);
    response.headers.set("Set-Cookie", cookie_header(options, session->token, false));
    response.headers.set("Cache-Control", "no-store");
    return response;
  });

  router.add(http::Method::get, "/api/v1/auth/me", [&sessions, options](http::Request& request) {
    auto token = http::cookie(request, session_cookie_name(options));
    auto session = token ? sessions.find(*token) : Result<Session>(make_error(ErrorCode::not_found, ""));
    if (!session) {
      return http::Response::error(make_error(ErrorCode::unauthenticated, "not signed in"), request.request_id);
    }
    auto response = session_json(200, *session);
    response.headers.set("Cache-Control", "no-store");
    return response;
  });

  router.add(http::Method::post, "/api/v1/auth/logout", [&sessions, options](http::Request& request) {
    auto token = http::cookie(request, session_cookie_name(options));
    auto session = token ? sessions.find(*token) : Result<Session>(make_error(ErrorCode::not_found, ""));
    if (!session) {
      return http::Response::error(make_error(ErrorCode::unauthenticated, "not signed in"), request.request_id);
    }
    const auto sent = request.headers.get("X-CSRF-Token").value_or("");
    if (sent.size() != session->csrf_token.size() ||
        sodium_memcmp(sent.data(), session->csrf_token.data(), sent.size()) != 0) {
      return http::Response::error(make_error(ErrorCode::csrf_failed, "missing or wrong X-CSRF-Token header"),
                                   request.request_id);
    }
    if (auto revoked = sessions.revoke(*token); !revoked) {
      return http::Response::error(revoked.error(), request.request_id);
    }
    http::Response response;
    response.status = 204;
    response.headers.set("Set-Cookie", cookie_header(options, "", true));
    return response;
  });
}

}  // namespace atrium::access
