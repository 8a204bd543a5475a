#include "atrium/access/authenticator.hpp"

#include <sodium.h>

#include "atrium/http/cookies.hpp"

namespace atrium::access {

namespace {
bool unsafe(http::Method method) {
  return method != http::Method::get && method != http::Method::head && method != http::Method::options;
}

// The credentials of "Authorization: Bearer <token>" (scheme without case), if any.
std::optional<std::string_view> bearer_token(const http::Request& request) {
  auto header = request.headers.get("Authorization");
  if (!header || header->size() < 7 || !http::iequals(header->substr(0, 7), "bearer ")) return std::nullopt;
  std::string_view token = header->substr(7);
  while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
  while (!token.empty() && token.back() == ' ') token.remove_suffix(1);
  return token;
}
}  // namespace

Result<Principal> Authenticator::authenticate(const http::Request& request) const {
  // A request that names a token stands or falls with it: no second try with a cookie.
  if (auto bearer = bearer_token(request)) {
    if (tokens_ == nullptr) return make_error(ErrorCode::unauthenticated, "API tokens are not accepted here");
    auto holder = tokens_->find(std::string(*bearer));
    if (!holder) {
      if (holder.error().code != ErrorCode::not_found) return holder.take_error();
      return make_error(ErrorCode::unauthenticated, "the API token is unknown, revoked or expired");
    }
    Principal principal{std::move(holder->user)};
    principal.via_token = true;
    principal.token_id = std::move(holder->token_id);
    return principal;
  }
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
  Principal principal{std::move(session->user)};
  principal.session_public_id = std::move(session->public_id);
  principal.csrf_token = std::move(session->csrf_token);
  return principal;
}

}  // namespace atrium::access
