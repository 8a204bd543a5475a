#pragma once
// What the /api/v1/auth route files share: the services they use, JSON shapes, cookie
// headers, body fields and security events.
#include <boost/json/object.hpp>
#include <memory>
#include <optional>
#include <string>

#include "atrium/access/api_token_store.hpp"
#include "atrium/access/auth_routes.hpp"
#include "atrium/access/authenticator.hpp"
#include "atrium/access/login_throttle.hpp"
#include "atrium/access/session_store.hpp"
#include "atrium/access/totp_factors.hpp"
#include "atrium/http/response.hpp"
#include "atrium/http/router.hpp"

namespace atrium::access::detail {

struct AuthContext {
  storage::Database& database;
  SessionStore& sessions;
  ApiTokenStore& tokens;
  const Clock& clock;
  AuthOptions options;
  Authenticator authenticator;
  LoginThrottle throttle;
  TotpFactors totp;
};

boost::json::object user_json(const SessionUser& user);
// `{"user", "csrf_token"}` of a session.
http::Response session_json(int status, const Session& session);
std::string cookie_header(const AuthOptions& options, const std::string& value, bool expire);

// A required string field of at most 1024 characters; adds a field error to `invalid`
// and returns "" when it is missing or wrong.
std::string string_field(const boost::json::object& body, std::string_view name, Error& invalid);
// An optional string field: nothing when absent or null.
std::optional<std::string> optional_string_field(const boost::json::object& body, std::string_view name,
                                                 Error& invalid);

// Records a security event through the configured auditor (in the caller's
// transaction); details carry the request's address and never a secret.
Result<void> record_event(const AuthContext& context, storage::Connection& connection, const http::Request& request,
                          const std::string& action, const std::string& user_id, const std::string& username,
                          boost::json::object details = {});

// 429 TOO_MANY_ATTEMPTS with Retry-After, or nothing when the username and address may try.
std::optional<http::Response> throttled(AuthContext& context, const http::Request& request,
                                        const std::string& username);

// Runs `handle(context, request, principal)` for an authenticated caller; answers the
// authentication error otherwise.
template <class Handle>
http::Handler signed_in(const std::shared_ptr<AuthContext>& context, Handle handle) {
  return [context, handle](http::Request& request) -> http::Response {
    auto principal = context->authenticator.authenticate(request);
    if (!principal) return http::Response::error(principal.error(), request.request_id);
    return handle(*context, request, *principal);
  };
}

// The routes hold the context for as long as the router lives.
using SharedContext = std::shared_ptr<AuthContext>;
void add_login_routes(http::Router& router, const SharedContext& context);
void add_credential_routes(http::Router& router, const SharedContext& context);
void add_totp_routes(http::Router& router, const SharedContext& context);

}  // namespace atrium::access::detail
