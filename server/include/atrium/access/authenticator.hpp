#pragma once
// Who is calling: the session behind the request's cookie. Unsafe methods must also
// carry the session's CSRF token, so another site cannot act with the user's cookie.
#include "atrium/access/auth_routes.hpp"
#include "atrium/access/session_store.hpp"
#include "atrium/http/request.hpp"

namespace atrium::access {

struct Principal {
  SessionUser user;
};

class Authenticator {
 public:
  Authenticator(SessionStore& sessions, AuthOptions options) : sessions_(sessions), options_(options) {}
  // UNAUTHENTICATED without a live session; CSRF_FAILED for an unsafe method without
  // the token.
  Result<Principal> authenticate(const http::Request& request) const;

 private:
  SessionStore& sessions_;
  AuthOptions options_;
};

}  // namespace atrium::access
