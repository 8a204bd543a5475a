#include "atrium/core/result.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace atrium {
namespace {

Result<int> parse_digit(char c) {
  if (c < '0' || c > '9') return make_error(ErrorCode::bad_request, std::string("not a digit: ") + c);
  return c - '0';
}

Result<void> check_digit(char c) {
  auto parsed = parse_digit(c);
  if (!parsed) return parsed.take_error();
  return {};
}

// Uses ATRIUM_TRY on both kinds of Result; `reached` tells whether the code after ran.
Result<int> sum_digits(char a, char b, bool& reached) {
  ATRIUM_TRY(check_digit(a));
  ATRIUM_TRY(parse_digit(b));
  reached = true;
  return *parse_digit(a) + *parse_digit(b);
}

TEST(ResultTest, HoldsAValue) {
  Result<int> result = 7;
  ASSERT_TRUE(result.ok());
  EXPECT_TRUE(static_cast<bool>(result));
  EXPECT_EQ(result.value(), 7);
  EXPECT_EQ(*result, 7);
}

TEST(ResultTest, HoldsAnErrorWithItsCodeMessageAndFields) {
  Result<std::string> result = Error{ErrorCode::validation_failed, "bad", {{"name", "FIELD_REQUIRED", "needed"}}};
  ASSERT_FALSE(result.ok());
  EXPECT_FALSE(static_cast<bool>(result));
  EXPECT_EQ(result.error().code, ErrorCode::validation_failed);
  EXPECT_EQ(result.error().message, "bad");
  ASSERT_EQ(result.error().fields.size(), 1U);
  EXPECT_EQ(result.error().fields[0].code, "FIELD_REQUIRED");
}

TEST(ResultTest, MovesAMoveOnlyValueOut) {
  Result<std::unique_ptr<int>> result = std::make_unique<int>(5);
  ASSERT_TRUE(result.ok());
  std::unique_ptr<int> taken = std::move(result).value();
  ASSERT_NE(taken, nullptr);
  EXPECT_EQ(*taken, 5);
}

TEST(ResultTest, ArrowReachesTheValue) {
  Result<std::string> result = std::string("abc");
  EXPECT_EQ(result->size(), 3U);
}

TEST(ResultTest, VoidResultIsOkByDefaultAndFailsWithAnError) {
  Result<void> fine;
  EXPECT_TRUE(fine.ok());
  Result<void> failed = make_error(ErrorCode::conflict, "taken");
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().code, ErrorCode::conflict);
  Error taken = failed.take_error();
  EXPECT_EQ(taken.message, "taken");
}

TEST(ResultTest, TryContinuesOnSuccess) {
  bool reached = false;
  auto sum = sum_digits('3', '4', reached);
  ASSERT_TRUE(sum.ok());
  EXPECT_TRUE(reached);
  EXPECT_EQ(*sum, 7);
}

TEST(ResultTest, TryReturnsTheFirstErrorFromAVoidResult) {
  bool reached = false;
  auto sum = sum_digits('x', '4', reached);
  ASSERT_FALSE(sum.ok());
  EXPECT_FALSE(reached);
  EXPECT_EQ(sum.error().code, ErrorCode::bad_request);
  EXPECT_EQ(sum.error().message, "not a digit: x");
}

TEST(ResultTest, TryReturnsTheErrorFromAValueResult) {
  bool reached = false;
  auto sum = sum_digits('1', 'y', reached);
  ASSERT_FALSE(sum.ok());
  EXPECT_FALSE(reached);
  EXPECT_EQ(sum.error().message, "not a digit: y");
}

}  // namespace
}  // namespace atrium
