#pragma once
// /api/v1/auth: login (password, then TOTP when the user has it on), logout, "who am
// I", the user's own sessions, API tokens, password change and TOTP set-up.
#include "atrium/access/api_token_store.hpp"
#include "atrium/access/login_throttle.hpp"
#include "atrium/access/security_event.hpp"
#include "atrium/access/session_store.hpp"
#include "atrium/http/router.hpp"

namespace atrium::access {

struct AuthOptions {
  // Behind HTTPS the cookie is Secure and takes the __Host- prefix (no Domain, Path=/),
  // so no other site on the same domain can set or read it.
  bool secure_cookies = false;
  ThrottlePolicy throttle;
  // Where security events are recorded (the audit trail); unset: nowhere.
  SecurityAuditor audit;
};

std::string session_cookie_name(const AuthOptions& options);

void add_auth_routes(http::Router& router, storage::Database& database, SessionStore& sessions, ApiTokenStore& tokens,
                     const Clock& clock, AuthOptions options);

}  // namespace atrium::access
