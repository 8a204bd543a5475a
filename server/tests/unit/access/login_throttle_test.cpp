#include "atrium/access/login_throttle.hpp"

#include <gtest/gtest.h>

#include "atrium/storage/migration.hpp"
#include "support/temp_dir.hpp"

namespace atrium::access {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

const TimePoint kNow = TimePoint(std::chrono::hours(24 * 365 * 50));

TEST(ThrottleWaitTest, NothingBelowTheLimit) {
  std::vector<TimePoint> failures(9, kNow - seconds(10));
  EXPECT_FALSE(throttle_wait(failures, 10, minutes(15), kNow));
}

TEST(ThrottleWaitTest, AtTheLimitWaitsUntilTheOldestCountingFailureLeavesTheWindow) {
  std::vector<TimePoint> failures;
  for (int i = 0; i < 10; ++i) failures.push_back(kNow - minutes(10) + seconds(i));
  // The oldest is 10 minutes old: five more minutes.
  EXPECT_EQ(throttle_wait(failures, 10, minutes(15), kNow), seconds(300));
}

TEST(ThrottleWaitTest, OnlyTheLimitThMostRecentFailureDecides) {
  std::vector<TimePoint> failures;
  for (int i = 0; i < 12; ++i) failures.push_back(kNow - minutes(14) + minutes(i));  // 14 … 3 minutes ago
  // Newest first: 3,4,…,12 minutes ago are the ten that count; the tenth goes in 3 minutes.
  EXPECT_EQ(throttle_wait(failures, 10, minutes(15), kNow), seconds(180));
}

TEST(ThrottleWaitTest, FailuresOutsideTheWindowDoNotCount) {
  std::vector<TimePoint> failures(5, kNow - minutes(1));
  failures.insert(failures.end(), 20, kNow - minutes(16));
  EXPECT_FALSE(throttle_wait(failures, 10, minutes(15), kNow));
}

TEST(ThrottleWaitTest, RoundsUpToAtLeastOneSecond) {
  std::vector<TimePoint> failures(10, kNow - minutes(15) + std::chrono::milliseconds(1));
  EXPECT_EQ(throttle_wait(failures, 10, minutes(15), kNow), seconds(1));
}

class ManualClock final : public Clock {
 public:
  TimePoint now() const override { return now_; }
  void advance(std::chrono::system_clock::duration by) { now_ += by; }

 private:
  TimePoint now_ = kNow;
};

class LoginThrottleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    database_ = atrium::testing::open_sqlite(dir_);
    auto migrated = storage::apply_migrations(*database_, storage::embedded_migrations());
    ASSERT_TRUE(migrated.ok()) << migrated.error().message;
    throttle_ = std::make_unique<LoginThrottle>(*database_, clock_, ThrottlePolicy{3, 5, minutes(15)});
  }

  bool fail(const std::string& username, const std::string& address) {
    bool locked = false;
    auto done = database_->transact([&](storage::Connection& connection) -> Result<void> {
      auto result = throttle_->record_failure(connection, username, address);
      if (!result) return result.take_error();
      locked = *result;
      return {};
    });
    EXPECT_TRUE(done.ok());
    return locked;
  }

  std::optional<seconds> wait(const std::string& username, const std::string& address) {
    auto result = throttle_->wait(username, address);
    EXPECT_TRUE(result.ok());
    return result.ok() ? *result : std::nullopt;
  }

  atrium::testing::TempDir dir_;
  std::unique_ptr<storage::Database> database_;
  ManualClock clock_;
  std::unique_ptr<LoginThrottle> throttle_;
};

TEST_F(LoginThrottleTest, LocksAUsernameAtItsLimitAndOnlyThatOne) {
  EXPECT_FALSE(fail("ann", "10.0.0.1"));
  EXPECT_FALSE(fail("ann", "10.0.0.2"));
  EXPECT_FALSE(wait("ann", "10.0.0.3"));
  EXPECT_TRUE(fail("ann", "10.0.0.1"));  // the third locks
  EXPECT_EQ(wait("ann", "10.0.0.3"), seconds(15 * 60));
  EXPECT_FALSE(wait("bob", "10.0.0.3"));
}

TEST_F(LoginThrottleTest, TheLockLiftsWhenTheWindowPasses) {
  for (int i = 0; i < 3; ++i) fail("ann", "10.0.0.1");
  clock_.advance(minutes(10));
  EXPECT_EQ(wait("ann", "10.0.0.9"), seconds(5 * 60));
  clock_.advance(minutes(5) + seconds(1));
  EXPECT_FALSE(wait("ann", "10.0.0.9"));
}

TEST_F(LoginThrottleTest, LocksAnAddressAcrossUsernames) {
  for (const char* name : {"a", "b", "c", "d"}) EXPECT_FALSE(fail(name, "10.0.0.1"));
  EXPECT_TRUE(fail("e", "10.0.0.1"));  // the fifth from one address
  EXPECT_TRUE(wait("someone-else", "10.0.0.1"));
  EXPECT_FALSE(wait("someone-else", "10.0.0.2"));
}

TEST_F(LoginThrottleTest, ClearingForgetsAUsernamesFailures) {
  fail("ann", "10.0.0.1");
  fail("ann", "10.0.0.1");
  auto cleared =
      database_->transact([&](storage::Connection& connection) { return throttle_->clear(connection, "ann"); });
  ASSERT_TRUE(cleared.ok());
  EXPECT_FALSE(fail("ann", "10.0.0.1"));
  EXPECT_FALSE(wait("ann", "10.0.0.1"));
}

}  // namespace
}  // namespace atrium::access
