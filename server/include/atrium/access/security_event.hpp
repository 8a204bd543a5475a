#pragma once
// Security events (sign-ins and their failures, lockouts, sign-outs, password changes,
// API tokens, second factors) go to the audit trail. The access module only describes
// them; the app wires where they are written, so access does not depend on records.
// Details never hold a password, token, TOTP secret or code.
#include <boost/json/object.hpp>
#include <functional>
#include <string>

#include "atrium/core/result.hpp"
#include "atrium/storage/database.hpp"

namespace atrium::access {

struct SecurityEvent {
  std::string record_id;  // the user's id, or "unknown:<username>" for an unknown name
  std::string action;     // login_succeeded, login_failed, login_locked, logout, …
  std::string user_id;    // the user concerned, empty when unknown
  std::string at;         // ISO 8601
  boost::json::object details;
};

// Writes an event in the caller's transaction.
using SecurityAuditor = std::function<Result<void>(storage::Connection&, const SecurityEvent&)>;

}  // namespace atrium::access
