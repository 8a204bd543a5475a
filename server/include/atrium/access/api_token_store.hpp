#pragma once
// API tokens for scripts and integrations: `atr_` + 43 random URL-safe characters,
// shown once when created; the database keeps only the SHA-256, so a leaked table
// authenticates no one. A token acts as its user, without CSRF (it is not a cookie).
#include <optional>
#include <string>
#include <vector>

#include "atrium/access/session_store.hpp"
#include "atrium/core/result.hpp"
#include "atrium/core/time.hpp"
#include "atrium/storage/database.hpp"

namespace atrium::access {

inline constexpr std::string_view kApiTokenPrefix = "atr_";

struct ApiTokenInfo {
  std::string id;
  std::string name;
  std::string created_at;
  std::string last_used_at;  // empty: never used
  std::string expires_at;    // empty: never expires
};

struct NewApiToken {
  ApiTokenInfo info;
  std::string token;  // the secret, this once
};

struct TokenHolder {
  std::string token_id;
  SessionUser user;
};

class ApiTokenStore {
 public:
  ApiTokenStore(storage::Database& database, const Clock& clock) : database_(database), clock_(clock) {}

  // In the caller's transaction; `expires_at` empty or ISO 8601 in the future.
  Result<NewApiToken> create(storage::Connection& connection, const std::string& user_id, const std::string& name,
                             const std::string& expires_at);
  Result<std::vector<ApiTokenInfo>> list(const std::string& user_id);
  // not_found unless the token exists and belongs to the user.
  Result<void> revoke(storage::Connection& connection, const std::string& user_id, const std::string& token_id);
  // The live token's user; not_found when unknown, expired or the user is inactive.
  // Notes the use at most once a minute per token.
  Result<TokenHolder> find(const std::string& token);

 private:
  storage::Database& database_;
  const Clock& clock_;
};

}  // namespace atrium::access
