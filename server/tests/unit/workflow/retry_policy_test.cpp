#include "atrium/workflow/retry_policy.hpp"

#include <gtest/gtest.h>

namespace atrium::workflow {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

TEST(RetryDelayTest, DoublesFromTheFirstDelay) {
  const RetryPolicy policy;  // 10 s, at most 1 h, ±25%
  EXPECT_EQ(retry_delay(policy, 1, 0.5), seconds(10));
  EXPECT_EQ(retry_delay(policy, 2, 0.5), seconds(20));
  EXPECT_EQ(retry_delay(policy, 3, 0.5), seconds(40));
  EXPECT_EQ(retry_delay(policy, 6, 0.5), seconds(320));
}

TEST(RetryDelayTest, StopsAtTheLongestDelayWithoutOverflowing) {
  const RetryPolicy policy;
  EXPECT_EQ(retry_delay(policy, 10, 0.5), std::chrono::hours(1));
  EXPECT_EQ(retry_delay(policy, 1000, 0.5), std::chrono::hours(1));
}

TEST(RetryDelayTest, JitterMovesTheDelayWithinItsFraction) {
  const RetryPolicy policy;
  EXPECT_EQ(retry_delay(policy, 1, 0.0), milliseconds(7500));
  EXPECT_EQ(retry_delay(policy, 1, 1.0), milliseconds(12500));
  EXPECT_EQ(retry_delay(policy, 2, 0.25), milliseconds(17500));
  EXPECT_EQ(retry_delay(RetryPolicy{seconds(1), seconds(8), 0.0}, 3, 0.9), seconds(4));
}

}  // namespace
}  // namespace atrium::workflow
