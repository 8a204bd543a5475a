#pragma once
// Login sessions in the database: idle and absolute expiry, the CSRF token that goes
// with each, revocation.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "atrium/core/result.hpp"
#include "atrium/core/time.hpp"
#include "atrium/storage/database.hpp"

namespace atrium::access {

struct SessionPolicy {
  std::chrono::minutes idle{30};
  std::chrono::hours absolute{12};
};

struct SessionUser {
  std::string id;
  std::string username;
  std::string name;
  std::string email;
  bool is_admin = false;
};

struct Session {
  std::string token;  // only when just created: the database keeps its hash
  std::string csrf_token;
  SessionUser user;
  std::string public_id;  // names the session in lists; not a credential
};

// A session as its user sees it in the list of their sessions.
struct SessionInfo {
  std::string public_id;
  std::string created_at;
  std::string last_seen_at;
  std::string remote_address;
  std::string user_agent;
};

// The active user of an id, as sessions and tokens present them; not_found when the
// user is unknown or inactive.
Result<SessionUser> load_session_user(storage::Connection& connection, const std::string& user_id);

class SessionStore {
 public:
  SessionStore(storage::Database& database, const Clock& clock, SessionPolicy policy)
      : database_(database), clock_(clock), policy_(policy) {}

  Result<Session> create(const std::string& user_id, const std::string& remote_address, const std::string& user_agent);
  // The live session of a cookie token; not_found when unknown or expired.
  Result<Session> find(const std::string& token);
  Result<void> revoke(const std::string& token);
  // The user's live sessions, newest first.
  Result<std::vector<SessionInfo>> list(const std::string& user_id);
  // not_found unless the session exists and belongs to the user.
  Result<void> revoke_public(storage::Connection& connection, const std::string& user_id, const std::string& public_id);
  // Every session of the user (after a password change), in the caller's transaction.
  Result<void> revoke_all(storage::Connection& connection, const std::string& user_id);

  const SessionPolicy& policy() const { return policy_; }

 private:
  storage::Database& database_;
  const Clock& clock_;
  SessionPolicy policy_;
};

std::string sha256_hex(std::string_view text);

}  // namespace atrium::access
