#include "atrium/access/authenticator.hpp"

#include <sodium.h>

#include "atrium/http/cookies.hpp"

namespace atrium::access {

namespace {
bool unsafe(http::Method method) {
  return method != http::Method::get && method != http::Method::head && method != http::Method::options;
}
}  // namespace

Result<Principal> Authenticator::authenticate(const http::Request& request) const {
  auto token = http::cookie(request, session_cookie_name(options_));
  if (!token) return make_error(ErrorCode::unauthenticated, "sign in first");
  auto session = sessions_.find(*token);
  if (!session) return make_error(ErrorCode::unauthenticated, "the session has ended; sign in again");
  if (unsafe(request.method)) {
    const auto sent = request.headers.get("X-CSRF-Token").value_or("");
    if (sent.size() != session->csrf_token.size() ||
        sodium_memcmp(sent.data(), session->csrf_token.data(), sent.size()) != 0) {
      return make_error(ErrorCode::csrf_failed, "missing or wrong X-CSRF-Token header");
    }
  }
  return Principal{std::move(session->user)};
}

}  // namespace atrium::access
