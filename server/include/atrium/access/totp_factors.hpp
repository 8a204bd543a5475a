#pragma once
// Users' TOTP second factors: set up (a secret, not yet required), enabled by a first
// valid code (which also issues the recovery codes), checked at login, disabled.
// Recovery codes are random, shown once, kept as SHA-256 and each accepted once.
#include <string>
#include <vector>

#include "atrium/core/result.hpp"
#include "atrium/core/time.hpp"
#include "atrium/storage/database.hpp"

namespace atrium::access {

inline constexpr std::size_t kRecoveryCodeCount = 10;

struct TotpSetup {
  std::string secret;  // base32
  std::string uri;     // otpauth://totp/…, for authenticator apps
};

class TotpFactors {
 public:
  explicit TotpFactors(const Clock& clock) : clock_(clock) {}

  // A new secret for the user, replacing one not yet enabled; CONFLICT when enabled.
  Result<TotpSetup> set_up(storage::Connection& connection, const std::string& user_id, const std::string& username);
  // Turns the set-up factor on with a first code; returns the recovery codes. A wrong
  // code is VALIDATION_FAILED on `code`.
  Result<std::vector<std::string>> enable(storage::Connection& connection, const std::string& user_id,
                                          const std::string& code);
  Result<bool> enabled(storage::Connection& connection, const std::string& user_id);
  // True when the code is valid now and was not used before (it is used up by this).
  Result<bool> accept_code(storage::Connection& connection, const std::string& user_id, const std::string& code);
  // True when the recovery code is one of the user's unused ones (it is used up by this).
  Result<bool> accept_recovery_code(storage::Connection& connection, const std::string& user_id,
                                    const std::string& code);
  Result<void> disable(storage::Connection& connection, const std::string& user_id);

 private:
  const Clock& clock_;
};

// A recovery code as typed (any case, with or without dashes and spaces) in the form
// that is hashed.
std::string normalise_recovery_code(std::string_view code);

}  // namespace atrium::access
