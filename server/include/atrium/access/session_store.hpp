#pragma once
// Login sessions in the database: idle and absolute expiry, the CSRF token that goes
// with each, revocation.
#include <chrono>
#include <optional>
#include <string>

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
};

class SessionStore {
 public:
  SessionStore(storage::Database& database, const Clock& clock, SessionPolicy policy)
      : database_(database), clock_(clock), policy_(policy) {}

  Result<Session> create(const std::string& user_id, const std::string& remote_address,
                         const std::string& user_agent);
  // The live session of a cookie token; not_found when unknown or expired.
  Result<Session> find(const std::string& token);
  Result<void> revoke(const std::string& token);

 private:
  storage::Database& database_;
  const Clock& clock_;
  SessionPolicy policy_;
};

std::string sha256_hex(std::string_view text);

}  // namespace atrium::access
