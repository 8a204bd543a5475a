#include "atrium/workflow/job_scheduler.hpp"

#include <gtest/gtest.h>

#include "job_test_support.hpp"

namespace atrium::workflow {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;
using testing::JobTestBase;
using testing::kStart;

class JobSchedulerTest : public JobTestBase {
 protected:
  void SetUp() override {
    JobTestBase::SetUp();
    registry_.add("report", write_effect);
    queue();
    scheduler_ = std::make_unique<JobScheduler>(*database_, *queue_, clock_);
  }

  int enqueue_due(JobScheduler& scheduler) {
    auto created = scheduler.enqueue_due();
    EXPECT_TRUE(created.ok()) << (created.ok() ? "" : created.error().message);
    return created.ok() ? *created : -1;
  }

  std::vector<std::string> job_keys() {
    std::vector<std::string> keys;
    for (const auto& row :
         atrium::testing::select(*database_, "SELECT idempotency_key FROM jobs ORDER BY run_at").rows) {
      keys.push_back(row[0].text());
    }
    return keys;
  }

  std::unique_ptr<JobScheduler> scheduler_;
};

TEST_F(JobSchedulerTest, EnqueuesOneJobPerSlotWhenTheSlotIsDue) {
  ASSERT_TRUE(scheduler_->define({.name = "hourly", .kind = "report", .schedule = "every hour"}).ok());
  EXPECT_EQ(enqueue_due(*scheduler_), 0);  // 12:00 exactly: the first slot is 13:00
  clock_.advance(minutes(59));
  EXPECT_EQ(enqueue_due(*scheduler_), 0);
  clock_.advance(minutes(1));
  EXPECT_EQ(enqueue_due(*scheduler_), 1);
  EXPECT_EQ(enqueue_due(*scheduler_), 0);
  clock_.advance(hours(1));
  EXPECT_EQ(enqueue_due(*scheduler_), 1);
  EXPECT_EQ(job_keys(), (std::vector<std::string>{"schedule:hourly@2026-03-01T13:00:00.000000Z",
                                                  "schedule:hourly@2026-03-01T14:00:00.000000Z"}));
}

TEST_F(JobSchedulerTest, TwoProcessesSeeingTheSameSlotEnqueueItOnce) {
  JobScheduler other(*database_, *queue_, clock_);
  ASSERT_TRUE(scheduler_->define({.name = "tick", .kind = "report", .schedule = "every 5 minutes"}).ok());
  ASSERT_TRUE(other.define({.name = "tick", .kind = "report", .schedule = "every 5 minutes"}).ok());
  clock_.advance(minutes(5));
  EXPECT_EQ(enqueue_due(*scheduler_) + enqueue_due(other), 1);

  // Even when both read the slot before either moved it on: the slot's key decides.
  atrium::testing::run(*database_, "UPDATE job_schedules SET next_run_at = ? WHERE name = 'tick'",
                       {"2026-03-01T12:05:00.000000Z"});
  EXPECT_EQ(enqueue_due(other), 0);
  EXPECT_EQ(atrium::testing::count_rows(*database_, "jobs"), 1);
}

TEST_F(JobSchedulerTest, MissedSlotsRunOnceLateThenTheScheduleMovesOn) {
  ASSERT_TRUE(scheduler_->define({.name = "tick", .kind = "report", .schedule = "every 5 minutes"}).ok());
  clock_.advance(hours(3) + minutes(2));  // 36 slots passed while nothing ran
  EXPECT_EQ(enqueue_due(*scheduler_), 1);
  EXPECT_EQ(enqueue_due(*scheduler_), 0);
  EXPECT_EQ(atrium::testing::select(*database_, "SELECT next_run_at FROM job_schedules").rows[0][0].text(),
            "2026-03-01T15:05:00.000000Z");
  // The late job runs at once.
  auto claimed = queue_->claim("w", 10);
  ASSERT_TRUE(claimed.ok());
  EXPECT_EQ(claimed->size(), 1U);
}

TEST_F(JobSchedulerTest, DefiningAgainKeepsTheSlotUnlessTheTimingChanged) {
  ASSERT_TRUE(scheduler_->define({.name = "s", .kind = "report", .schedule = "every day at 03:00"}).ok());
  const auto next = [&] {
    return atrium::testing::select(*database_, "SELECT next_run_at, payload FROM job_schedules").rows[0];
  };
  EXPECT_EQ(next()[0].text(), "2026-03-02T03:00:00.000000Z");
  clock_.advance(hours(1));
  ASSERT_TRUE(
      scheduler_->define({.name = "s", .kind = "report", .payload = "{\"v\":2}", .schedule = "every day at 03:00"})
          .ok());
  EXPECT_EQ(next()[0].text(), "2026-03-02T03:00:00.000000Z");
  EXPECT_EQ(next()[1].text(), "{\"v\":2}");
  ASSERT_TRUE(scheduler_->define({.name = "s", .kind = "report", .schedule = "every 10 minutes"}).ok());
  EXPECT_EQ(next()[0].text(), "2026-03-01T13:10:00.000000Z");
}

TEST_F(JobSchedulerTest, RefusesAScheduleItCannotRead) {
  auto defined = scheduler_->define({.name = "s", .kind = "report", .schedule = "whenever"});
  ASSERT_FALSE(defined.ok());
  EXPECT_EQ(defined.error().code, ErrorCode::validation_failed);
  EXPECT_EQ(atrium::testing::count_rows(*database_, "job_schedules"), 0);
}

}  // namespace
}  // namespace atrium::workflow
