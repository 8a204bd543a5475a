#pragma once
// Who is calling: the API token of an `Authorization: Bearer atr_…` header, else the
// session behind the request's cookie. Unsafe methods on a cookie session must also
// carry the session's CSRF token, so another site cannot act with the user's cookie; a
// bearer token needs none (a browser never sends it by itself).
#include "atrium/access/api_token_store.hpp"
#include "atrium/access/auth_routes.hpp"
#include "atrium/access/session_store.hpp"
#include "atrium/http/request.hpp"

namespace atrium::access {

struct Principal {
  SessionUser user;
  bool via_token = false;
  std::string token_id;           // the API token's id, when via_token
  std::string session_public_id;  // the cookie session's public id, otherwise
  std::string csrf_token;         // the cookie session's CSRF token, otherwise
};

class Authenticator {
 public:
  // Cookie sessions only.
  Authenticator(SessionStore& sessions, AuthOptions options) : sessions_(sessions), options_(std::move(options)) {}
  Authenticator(SessionStore& sessions, ApiTokenStore& tokens, AuthOptions options)
      : sessions_(sessions), tokens_(&tokens), options_(std::move(options)) {}
  // UNAUTHENTICATED without a live session or token; CSRF_FAILED for an unsafe method
  // on a cookie session without the token.
  Result<Principal> authenticate(const http::Request& request) const;

 private:
  SessionStore& sessions_;
  ApiTokenStore* tokens_ = nullptr;
  AuthOptions options_;
};

}  // namespace atrium::access
