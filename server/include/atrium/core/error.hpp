#pragma once
// Expected failures are values: an ErrorCode with a message and, for validation, the
// fields at fault. Exceptions mean bugs and are caught once at the request boundary.
#include <string>
#include <string_view>
#include <vector>

namespace atrium {

enum class ErrorCode {
  // request shape
  bad_request,
  malformed_json,
  payload_too_large,
  header_too_large,
  not_found,
  method_not_allowed,
  unsupported_media_type,
  validation_failed,
  // state
  conflict,
  referenced,
  version_conflict,
  illegal_transition,       // the record is not in a state the transition leaves
  transition_guard_failed,  // it is, but does not meet the transition's condition
  approval_pending,         // the record waits for an approval and is locked until it is decided
  // identity
  unauthenticated,
  invalid_credentials,
  forbidden,
  csrf_failed,
  too_many_requests,
  too_many_attempts,  // login throttled: too many failures for an account or address
  totp_required,      // the password was right; the second factor is missing or wrong
  wrong_password,     // a signed-in user's current password did not match
  // the server's side
  database_error,
  database_unavailable,
  migration_failed,
  internal_error,
};

// The stable, documented name of a code (what clients match on): "NOT_FOUND", ...
std::string_view error_code_name(ErrorCode code);
// The HTTP status of a code. The only place where codes meet statuses.
int http_status_of(ErrorCode code);

struct FieldError {
  std::string field;
  std::string code;  // e.g. FIELD_REQUIRED
  std::string message;
};

struct Error {
  ErrorCode code = ErrorCode::internal_error;
  std::string message;
  std::vector<FieldError> fields;
};

}  // namespace atrium
