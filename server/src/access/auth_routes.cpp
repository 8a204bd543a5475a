#include "atrium/access/auth_routes.hpp"

#include <sodium.h>

#include <boost/json/serialize.hpp>

#include "atrium/access/password_hasher.hpp"
#include "atrium/http/cookies.hpp"
#include "auth_support.hpp"

namespace atrium::access {

namespace detail {

boost::json::object user_json(const SessionUser& user) {
  return {{"id", user.id},
          {"username", user.username},
          {"name", user.name},
          {"email", user.email.empty() ? boost::json::value(nullptr) : boost::json::value(user.email)},
          {"is_admin", user.is_admin}};
}

http::Response session_json(int status, const Session& session) {
  return http::Response::json(status, boost::json::serialize(boost::json::object{{"user", user_json(session.user)},
                                                                                 {"csrf_token", session.csrf_token}}));
}

std::string cookie_header(const AuthOptions& options, const std::string& value, bool expire) {
  std::string header = session_cookie_name(options) + "=" + value + "; Path=/; HttpOnly; SameSite=Lax";
  if (options.secure_cookies) header += "; Secure";
  if (expire) header += "; Max-Age=0";
  return header;
}

std::string string_field(const boost::json::object& body, std::string_view name, Error& invalid) {
  const auto* value = body.if_contains(name);
  if (value == nullptr || value->is_null() || (value->is_string() && value->as_string().empty())) {
    invalid.fields.push_back({std::string(name), "FIELD_REQUIRED", "required"});
    return {};
  }
  if (!value->is_string() || value->as_string().size() > 1024) {
    invalid.fields.push_back({std::string(name), "FIELD_INVALID", "a string of at most 1024 characters"});
    return {};
  }
  return std::string(value->as_string());
}

std::optional<std::string> optional_string_field(const boost::json::object& body, std::string_view name,
                                                 Error& invalid) {
  const auto* value = body.if_contains(name);
  if (value == nullptr || value->is_null() || (value->is_string() && value->as_string().empty())) return std::nullopt;
  if (!value->is_string() || value->as_string().size() > 1024) {
    invalid.fields.push_back({std::string(name), "FIELD_INVALID", "a string of at most 1024 characters"});
    return std::nullopt;
  }
  return std::string(value->as_string());
}

Result<void> record_event(const AuthContext& context, storage::Connection& connection, const http::Request& request,
                          const std::string& action, const std::string& user_id, const std::string& username,
                          boost::json::object details) {
  if (!context.options.audit) return {};
  details["remote_address"] = request.remote_address;
  if (!username.empty()) details["username"] = username;
  // An unknown name still gets a chain of its own, so failures against it can be told.
  const std::string record_id = user_id.empty() ? "unknown:" + username.substr(0, 128) : user_id;
  return context.options.audit(connection,
                               SecurityEvent{record_id, action, user_id, to_iso8601(context.clock.now()), details});
}

std::optional<http::Response> throttled(AuthContext& context, const http::Request& request,
                                        const std::string& username) {
  auto wait = context.throttle.wait(username, request.remote_address);
  if (!wait) return http::Response::error(wait.error(), request.request_id);
  if (!*wait) return std::nullopt;
  auto response = http::Response::error(
      make_error(ErrorCode::too_many_attempts, "Too many failed sign-ins. Wait a while, then try again."),
      request.request_id);
  response.headers.set("Retry-After", std::to_string((*wait)->count()));
  return response;
}

}  // namespace detail

namespace {

using detail::AuthContext;
using detail::SharedContext;

// Unknown users cost as much time as wrong passwords, so timing does not tell which
// usernames exist.
const std::string& decoy_hash() {
  static const std::string hash = hash_password("decoy password never used").value();
  return hash;
}

std::string lower(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// Counts a failed sign-in and records it (and a lockout it causes) in one transaction.
Result<void> fail_login(AuthContext& context, const http::Request& request, const std::string& username,
                        const std::string& user_id, std::string_view reason) {
  return context.database.transact([&](storage::Connection& connection) -> Result<void> {
    auto locked = context.throttle.record_failure(connection, username, request.remote_address);
    if (!locked) return locked.take_error();
    ATRIUM_TRY(
        detail::record_event(context, connection, request, "login_failed", user_id, username, {{"reason", reason}}));
    if (*locked) ATRIUM_TRY(detail::record_event(context, connection, request, "login_locked", user_id, username));
    return {};
  });
}

http::Response login(AuthContext& context, http::Request& request) {
  Error invalid{ErrorCode::validation_failed, "username and password are required", {}};
  if (!request.json.is_object()) {
    invalid.fields.push_back({"username", "FIELD_REQUIRED", "required"});
    invalid.fields.push_back({"password", "FIELD_REQUIRED", "required"});
    return http::Response::error(invalid, request.request_id);
  }
  const auto& body = request.json.as_object();
  const std::string username = lower(detail::string_field(body, "username", invalid));
  const std::string password = detail::string_field(body, "password", invalid);
  const auto totp_code = detail::optional_string_field(body, "totp_code", invalid);
  const auto recovery_code = detail::optional_string_field(body, "recovery_code", invalid);
  if (!invalid.fields.empty()) return http::Response::error(invalid, request.request_id);

  // Before any hashing: a locked account costs the server nothing.
  if (auto refused = detail::throttled(context, request, username)) return std::move(*refused);

  std::string user_id;
  std::string stored_hash;
  bool second_factor = false;
  auto looked_up = context.database.read([&](storage::Connection& connection) -> Result<void> {
    auto rows = connection.query("SELECT id, password_hash FROM users WHERE username = ? AND active = 1", {username});
    if (!rows) return rows.take_error();
    if (!rows->empty() && !rows->rows[0][1].is_null()) {
      user_id = rows->rows[0][0].text();
      stored_hash = rows->rows[0][1].text();
      auto enabled = context.totp.enabled(connection, user_id);
      if (!enabled) return enabled.take_error();
      second_factor = *enabled;
    }
    return {};
  });
  if (!looked_up) return http::Response::error(looked_up.error(), request.request_id);
  const bool verified = verify_password(password, stored_hash.empty() ? decoy_hash() : stored_hash);
  if (!verified || user_id.empty()) {
    if (auto failed = fail_login(context, request, username, user_id, "password"); !failed) {
      return http::Response::error(failed.error(), request.request_id);
    }
    return http::Response::error(make_error(ErrorCode::invalid_credentials, "Wrong username or password."),
                                 request.request_id);
  }

  std::string method = "password";
  if (second_factor) {
    if (!totp_code && !recovery_code) {
      return http::Response::error(make_error(ErrorCode::totp_required, "Enter the code from your authenticator app."),
                                   request.request_id);
    }
    bool accepted = false;
    auto checked = context.database.transact([&](storage::Connection& connection) -> Result<void> {
      auto ok = totp_code ? context.totp.accept_code(connection, user_id, *totp_code)
                          : context.totp.accept_recovery_code(connection, user_id, *recovery_code);
      if (!ok) return ok.take_error();
      accepted = *ok;
      return {};
    });
    if (!checked) return http::Response::error(checked.error(), request.request_id);
    if (!accepted) {
      // A guessed code counts like a guessed password: the throttle bounds both.
      if (auto failed = fail_login(context, request, username, user_id, totp_code ? "totp" : "recovery_code");
          !failed) {
        return http::Response::error(failed.error(), request.request_id);
      }
      const char* field = totp_code ? "totp_code" : "recovery_code";
      return http::Response::error(Error{ErrorCode::totp_required,
                                         "The code is wrong or was used already.",
                                         {{field, "TOTP_INVALID", "wrong or used code"}}},
                                   request.request_id);
    }
    method = totp_code ? "password+totp" : "password+recovery_code";
  }

  if (password_needs_rehash(stored_hash)) {
    if (auto rehashed = hash_password(password); rehashed) {
      (void)context.database.transact([&](storage::Connection& connection) -> Result<void> {
        auto updated = connection.execute("UPDATE users SET password_hash = ? WHERE id = ?", {*rehashed, user_id});
        if (!updated) return updated.take_error();
        return {};
      });
    }
  }
  auto session = context.sessions.create(user_id, request.remote_address,
                                         std::string(request.headers.get("User-Agent").value_or("")));
  if (!session) return http::Response::error(session.error(), request.request_id);
  auto recorded = context.database.transact([&](storage::Connection& connection) -> Result<void> {
    ATRIUM_TRY(context.throttle.clear(connection, username));
    return detail::record_event(context, connection, request, "login_succeeded", user_id, username,
                                {{"method", method}, {"session", session->public_id}});
  });
  if (!recorded) return http::Response::error(recorded.error(), request.request_id);
  auto response = detail::session_json(200, *session);
  response.headers.set("Set-Cookie", detail::cookie_header(context.options, session->token, false));
  response.headers.set("Cache-Control", "no-store");
  return response;
}

}  // namespace

namespace detail {

void add_login_routes(http::Router& router, const SharedContext& context) {
  router.add(http::Method::post, "/api/v1/auth/login",
             [context](http::Request& request) { return login(*context, request); });

  router.add(http::Method::get, "/api/v1/auth/me", [context](http::Request& request) {
    auto principal = context->authenticator.authenticate(request);
    if (!principal) {
      return http::Response::error(make_error(ErrorCode::unauthenticated, "not signed in"), request.request_id);
    }
    // A token's caller has no CSRF token: it needs none.
    auto response = http::Response::json(
        200, boost::json::serialize(boost::json::object{
                 {"user", user_json(principal->user)},
                 {"csrf_token",
                  principal->via_token ? boost::json::value(nullptr) : boost::json::value(principal->csrf_token)}}));
    response.headers.set("Cache-Control", "no-store");
    return response;
  });

  router.add(http::Method::post, "/api/v1/auth/logout", [context](http::Request& request) {
    auto token = http::cookie(request, session_cookie_name(context->options));
    auto session = token ? context->sessions.find(*token) : Result<Session>(make_error(ErrorCode::not_found, ""));
    if (!session) {
      return http::Response::error(make_error(ErrorCode::unauthenticated, "not signed in"), request.request_id);
    }
    const auto sent = request.headers.get("X-CSRF-Token").value_or("");
    if (sent.size() != session->csrf_token.size() ||
        sodium_memcmp(sent.data(), session->csrf_token.data(), sent.size()) != 0) {
      return http::Response::error(make_error(ErrorCode::csrf_failed, "missing or wrong X-CSRF-Token header"),
                                   request.request_id);
    }
    if (auto revoked = context->sessions.revoke(*token); !revoked) {
      return http::Response::error(revoked.error(), request.request_id);
    }
    (void)context->database.transact([&](storage::Connection& connection) {
      return record_event(*context, connection, request, "logout", session->user.id, session->user.username,
                          {{"session", session->public_id}});
    });
    http::Response response;
    response.status = 204;
    response.headers.set("Set-Cookie", cookie_header(context->options, "", true));
    return response;
  });
}

}  // namespace detail

std::string session_cookie_name(const AuthOptions& options) {
  return options.secure_cookies ? "__Host-atrium_session" : "atrium_session";
}

void add_auth_routes(http::Router& router, storage::Database& database, SessionStore& sessions, ApiTokenStore& tokens,
                     const Clock& clock, AuthOptions options) {
  auto context = std::make_shared<AuthContext>(
      AuthContext{database, sessions, tokens, clock, options, Authenticator(sessions, tokens, options),
                  LoginThrottle(database, clock, options.throttle), TotpFactors(clock)});
  detail::add_login_routes(router, context);
  detail::add_credential_routes(router, context);
  detail::add_totp_routes(router, context);
}

}  // namespace atrium::access
