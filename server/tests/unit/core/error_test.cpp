#include "atrium/core/error.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace atrium {
namespace {

struct Expected {
  ErrorCode code;
  std::string_view name;
  int status;
};

// The documented contract: clients match on these names, and each name has one status.
constexpr Expected kAllCodes[] = {
    {ErrorCode::bad_request, "BAD_REQUEST", 400},
    {ErrorCode::malformed_json, "MALFORMED_JSON", 400},
    {ErrorCode::payload_too_large, "PAYLOAD_TOO_LARGE", 413},
    {ErrorCode::header_too_large, "HEADER_TOO_LARGE", 431},
    {ErrorCode::not_found, "NOT_FOUND", 404},
    {ErrorCode::method_not_allowed, "METHOD_NOT_ALLOWED", 405},
    {ErrorCode::unsupported_media_type, "UNSUPPORTED_MEDIA_TYPE", 415},
    {ErrorCode::validation_failed, "VALIDATION_FAILED", 422},
    {ErrorCode::conflict, "CONFLICT", 409},
    {ErrorCode::referenced, "REFERENCED", 409},
    {ErrorCode::version_conflict, "VERSION_CONFLICT", 412},
    {ErrorCode::illegal_transition, "ILLEGAL_TRANSITION", 409},
    {ErrorCode::transition_guard_failed, "TRANSITION_GUARD_FAILED", 409},
    {ErrorCode::approval_pending, "APPROVAL_PENDING", 409},
    {ErrorCode::unauthenticated, "UNAUTHENTICATED", 401},
    {ErrorCode::invalid_credentials, "INVALID_CREDENTIALS", 401},
    {ErrorCode::forbidden, "FORBIDDEN", 403},
    {ErrorCode::csrf_failed, "CSRF_FAILED", 403},
    {ErrorCode::too_many_requests, "TOO_MANY_REQUESTS", 429},
    {ErrorCode::too_many_attempts, "TOO_MANY_ATTEMPTS", 429},
    {ErrorCode::totp_required, "TOTP_REQUIRED", 401},
    {ErrorCode::wrong_password, "WRONG_PASSWORD", 403},
    {ErrorCode::database_error, "DATABASE_ERROR", 500},
    {ErrorCode::database_unavailable, "DATABASE_UNAVAILABLE", 503},
    {ErrorCode::migration_failed, "MIGRATION_FAILED", 500},
    {ErrorCode::internal_error, "INTERNAL_ERROR", 500},
};

TEST(ErrorCodeTest, EveryCodeHasItsDocumentedNameAndStatus) {
  for (const auto& expected : kAllCodes) {
    EXPECT_EQ(error_code_name(expected.code), expected.name);
    EXPECT_EQ(http_status_of(expected.code), expected.status) << expected.name;
  }
}

TEST(ErrorCodeTest, TheTableAboveListsEveryCode) {
  // internal_error is the enum's last member; a code added after it must join the table.
  EXPECT_EQ(std::size(kAllCodes), static_cast<std::size_t>(ErrorCode::internal_error) + 1);
}

TEST(ErrorCodeTest, NamesAreDistinctUpperSnakeCase) {
  std::set<std::string_view> seen;
  for (int raw = 0; raw <= static_cast<int>(ErrorCode::internal_error); ++raw) {
    const auto name = error_code_name(static_cast<ErrorCode>(raw));
    EXPECT_TRUE(seen.insert(name).second) << "duplicate name " << name;
    EXPECT_FALSE(name.empty());
    for (char c : name) EXPECT_TRUE((c >= 'A' && c <= 'Z') || c == '_') << name;
  }
}

TEST(ErrorCodeTest, StatusesAreClientOrServerErrors) {
  for (int raw = 0; raw <= static_cast<int>(ErrorCode::internal_error); ++raw) {
    const int status = http_status_of(static_cast<ErrorCode>(raw));
    EXPECT_GE(status, 400);
    EXPECT_LE(status, 599);
  }
}

}  // namespace
}  // namespace atrium
