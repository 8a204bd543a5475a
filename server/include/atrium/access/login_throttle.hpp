#pragma once
// Slows down password guessing: after `account_failures` failed logins for one username
// within `window`, that username is refused (even with the right password) until the
// window has moved past them; likewise for one remote address after `address_failures`.
// Failures are rows in the database, so every server process counts the same ones.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "atrium/core/result.hpp"
#include "atrium/core/time.hpp"
#include "atrium/storage/database.hpp"

namespace atrium::access {

struct ThrottlePolicy {
  std::size_t account_failures = 10;
  std::size_t address_failures = 50;
  std::chrono::minutes window{15};
};

// How long to wait, given the times of recent failures (any order): nothing while
// fewer than `limit` fall inside the window; else until the limit-th most recent one
// leaves it (rounded up to whole seconds, at least 1).
std::optional<std::chrono::seconds> throttle_wait(std::vector<TimePoint> failures, std::size_t limit,
                                                  std::chrono::minutes window, TimePoint now);

class LoginThrottle {
 public:
  LoginThrottle(storage::Database& database, const Clock& clock, ThrottlePolicy policy = {})
      : database_(database), clock_(clock), policy_(policy) {}

  // The wait before this username or address may try again; nothing when it may now.
  Result<std::optional<std::chrono::seconds>> wait(const std::string& username, const std::string& remote_address);
  // Counts a failure (in the caller's transaction); true when this one locked the
  // username or the address.
  Result<bool> record_failure(storage::Connection& connection, const std::string& username,
                              const std::string& remote_address);
  // After a successful login the username's failures no longer count.
  Result<void> clear(storage::Connection& connection, const std::string& username);

  const ThrottlePolicy& policy() const { return policy_; }

 private:
  Result<std::optional<std::chrono::seconds>> wait_on(storage::Connection& connection, const std::string& username,
                                                      const std::string& remote_address, TimePoint now);

  storage::Database& database_;
  const Clock& clock_;
  ThrottlePolicy policy_;
};

}  // namespace atrium::access
