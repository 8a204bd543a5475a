#include "atrium/core/error.hpp"

namespace atrium {

std::string_view error_code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::bad_request: return "BAD_REQUEST";
    case ErrorCode::malformed_json: return "MALFORMED_JSON";
    case ErrorCode::payload_too_large: return "PAYLOAD_TOO_LARGE";
    case ErrorCode::header_too_large: return "HEADER_TOO_LARGE";
    case ErrorCode::not_found: return "NOT_FOUND";
    case ErrorCode::method_not_allowed: return "METHOD_NOT_ALLOWED";
    case ErrorCode::unsupported_media_type: return "UNSUPPORTED_MEDIA_TYPE";
    case ErrorCode::validation_failed: return "VALIDATION_FAILED";
    case ErrorCode::conflict: return "CONFLICT";
    case ErrorCode::referenced: return "REFERENCED";
    case ErrorCode::version_conflict: return "VERSION_CONFLICT";
    case ErrorCode::illegal_transition: return "ILLEGAL_TRANSITION";
    case ErrorCode::transition_guard_failed: return "TRANSITION_GUARD_FAILED";
    case ErrorCode::approval_pending: return "APPROVAL_PENDING";
    case ErrorCode::unauthenticated: return "UNAUTHENTICATED";
    case ErrorCode::invalid_credentials: return "INVALID_CREDENTIALS";
    case ErrorCode::forbidden: return "FORBIDDEN";
    case ErrorCode::csrf_failed: return "CSRF_FAILED";
    case ErrorCode::too_many_requests: return "TOO_MANY_REQUESTS";
    case ErrorCode::too_many_attempts: return "TOO_MANY_ATTEMPTS";
    case ErrorCode::totp_required: return "TOTP_REQUIRED";
    case ErrorCode::wrong_password: return "WRONG_PASSWORD";
    case ErrorCode::database_error: return "DATABASE_ERROR";
    case ErrorCode::database_unavailable: return "DATABASE_UNAVAILABLE";
    case ErrorCode::migration_failed: return "MIGRATION_FAILED";
    case ErrorCode::internal_error: return "INTERNAL_ERROR";
  }
  return "INTERNAL_ERROR";
}

int http_status_of(ErrorCode code) {
  switch (code) {
    case ErrorCode::bad_request: return 400;
    case ErrorCode::malformed_json: return 400;
    case ErrorCode::payload_too_large: return 413;
    case ErrorCode::header_too_large: return 431;
    case ErrorCode::not_found: return 404;
    case ErrorCode::method_not_allowed: return 405;
    case ErrorCode::unsupported_media_type: return 415;
    case ErrorCode::validation_failed: return 422;
    case ErrorCode::conflict: return 409;
    case ErrorCode::referenced: return 409;
    case ErrorCode::version_conflict: return 412;
    case ErrorCode::illegal_transition: return 409;
    case ErrorCode::transition_guard_failed: return 409;
    case ErrorCode::approval_pending: return 409;
    case ErrorCode::unauthenticated: return 401;
    case ErrorCode::invalid_credentials: return 401;
    case ErrorCode::forbidden: return 403;
    case ErrorCode::csrf_failed: return 403;
    case ErrorCode::too_many_requests: return 429;
    case ErrorCode::too_many_attempts: return 429;
    case ErrorCode::totp_required: return 401;
    case ErrorCode::wrong_password: return 403;
    case ErrorCode::database_error: return 500;
    case ErrorCode::database_unavailable: return 503;
    case ErrorCode::migration_failed: return 500;
    case ErrorCode::internal_error: return 500;
  }
  return 500;
}

}  // namespace atrium
