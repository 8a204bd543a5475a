#pragma once
// /api/v1/auth: login, logout and "who am I" for cookie sessions.
#include "atrium/access/session_store.hpp"
#include "atrium/http/router.hpp"

namespace atrium::access {

struct AuthOptions {
  // Behind HTTPS the cookie is Secure and takes the __Host- prefix (no Domain, Path=/),
  // so no other site on the same domain can set or read it.
  bool secure_cookies = false;
};

std::string session_cookie_name(const AuthOptions& options);

void add_auth_routes(http::Router& router, storage::Database& database, SessionStore& sessions,
                     AuthOptions options);

}  // namespace atrium::access
