#include "atrium/workflow/job_queue.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "job_test_support.hpp"

namespace atrium::workflow {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;
using testing::JobTestBase;
using testing::kStart;

class JobQueueTest : public JobTestBase {
 protected:
  void SetUp() override {
    JobTestBase::SetUp();
    registry_.add("effect", write_effect);
    queue();
  }

  std::vector<ClaimedJob> claim(const char* worker, int limit = 10) {
    auto claimed = queue_->claim(worker, limit);
    EXPECT_TRUE(claimed.ok()) << (claimed.ok() ? "" : claimed.error().message);
    return claimed.ok() ? *claimed : std::vector<ClaimedJob>{};
  }

  BatchReport run(const char* worker, const std::vector<ClaimedJob>& jobs) {
    auto report = queue_->run(worker, jobs);
    EXPECT_TRUE(report.ok()) << (report.ok() ? "" : report.error().message);
    return report.ok() ? *report : BatchReport{};
  }
};

TEST_F(JobQueueTest, AClaimedJobRunsOnceAndIsDone) {
  const auto id = enqueue({.kind = "effect", .payload = "a"}).id;
  EXPECT_EQ(job(id).state, JobState::pending);

  auto claimed = claim("w1");
  ASSERT_EQ(claimed.size(), 1U);
  EXPECT_EQ(claimed[0].id, id);
  EXPECT_EQ(claimed[0].payload, "a");
  EXPECT_EQ(claimed[0].attempt, 1);
  EXPECT_EQ(job(id).state, JobState::running);
  EXPECT_EQ(job(id).locked_by, "w1");
  EXPECT_EQ(job(id).locked_until, kStart + minutes(5));
  EXPECT_TRUE(claim("w2").empty()) << "a held job is not claimed twice";

  EXPECT_EQ(run("w1", claimed).done, 1);
  const auto done = job(id);
  EXPECT_EQ(done.state, JobState::done);
  EXPECT_EQ(done.finished_at, kStart);
  EXPECT_TRUE(done.locked_by.empty());
  EXPECT_EQ(effects(), 1);
  EXPECT_TRUE(claim("w1").empty());
}

TEST_F(JobQueueTest, ADelayedJobWaitsForItsTime) {
  const auto id = enqueue({.kind = "effect", .run_at = kStart + hours(1)}).id;
  EXPECT_TRUE(claim("w1").empty());
  clock_.advance(minutes(59));
  EXPECT_TRUE(claim("w1").empty());
  clock_.advance(minutes(1));
  auto claimed = claim("w1");
  ASSERT_EQ(claimed.size(), 1U);
  EXPECT_EQ(claimed[0].id, id);
}

TEST_F(JobQueueTest, HigherPriorityThenOlderRunsFirst) {
  const auto old_low = enqueue({.kind = "effect", .run_at = kStart - hours(2)}).id;
  const auto high = enqueue({.kind = "effect", .priority = 5}).id;
  const auto older_low = enqueue({.kind = "effect", .run_at = kStart - hours(3)}).id;
  EXPECT_EQ(claim("w", 1).at(0).id, high);
  EXPECT_EQ(claim("w", 1).at(0).id, older_low);
  EXPECT_EQ(claim("w", 1).at(0).id, old_low);
}

TEST_F(JobQueueTest, ABatchHasAtMostTheLimit) {
  for (int i = 0; i < 7; ++i) enqueue({.kind = "effect", .payload = std::to_string(i)});
  EXPECT_EQ(claim("w1", 3).size(), 3U);
  EXPECT_EQ(claim("w2", 3).size(), 3U);
  EXPECT_EQ(claim("w3", 3).size(), 1U);
}

TEST_F(JobQueueTest, TheSameIdempotencyKeyReturnsTheJobThere) {
  const auto first = enqueue({.kind = "effect", .idempotency_key = "order-17"});
  const auto again = enqueue({.kind = "effect", .payload = "other", .idempotency_key = "order-17"});
  EXPECT_TRUE(first.created);
  EXPECT_FALSE(again.created);
  EXPECT_EQ(again.id, first.id);
  EXPECT_EQ(job(first.id).payload, "{}");
  // Keys are per kind, and jobs without a key never clash.
  EXPECT_TRUE(enqueue({.kind = "other", .idempotency_key = "order-17"}).created);
  EXPECT_NE(enqueue({.kind = "effect"}).id, enqueue({.kind = "effect"}).id);
  EXPECT_EQ(atrium::testing::count_rows(*database_, "jobs"), 4);
}

TEST_F(JobQueueTest, TheKeyHoldsAfterTheJobIsDone) {
  const auto first = enqueue({.kind = "effect", .idempotency_key = "k"});
  run("w", claim("w"));
  EXPECT_EQ(job(first.id).state, JobState::done);
  EXPECT_FALSE(enqueue({.kind = "effect", .idempotency_key = "k"}).created);
  EXPECT_TRUE(claim("w").empty());
}

TEST_F(JobQueueTest, EnqueueingInACallersTransactionCommitsWithIt) {
  auto rolled_back = database_->transact([&](storage::Connection& connection) -> Result<void> {
    auto enqueued = queue_->enqueue(connection, {.kind = "effect"});
    EXPECT_TRUE(enqueued.ok());
    return make_error(ErrorCode::conflict, "the change that caused it failed");
  });
  EXPECT_FALSE(rolled_back.ok());
  EXPECT_EQ(atrium::testing::count_rows(*database_, "jobs"), 0);
}

TEST_F(JobQueueTest, OnlyRegisteredKindsAreClaimed) {
  enqueue({.kind = "module.not.here"});
  EXPECT_TRUE(claim("w").empty());
  EXPECT_EQ(atrium::testing::count_rows(*database_, "jobs"), 1);
}

TEST_F(JobQueueTest, FailuresRetryWithBackoffUntilTheLastAttempt) {
  int runs = 0;
  registry_.add("flaky", [&](JobContext& context) -> Result<void> {
    ++runs;
    EXPECT_EQ(context.job.attempt, runs);
    return make_error(ErrorCode::database_unavailable, "service down");
  });
  const auto id = enqueue({.kind = "flaky", .max_attempts = 3}).id;

  auto report = run("w", claim("w"));
  EXPECT_EQ(report.retried, 1);
  auto after_first = job(id);
  EXPECT_EQ(after_first.state, JobState::pending);
  EXPECT_EQ(after_first.attempts, 1);
  EXPECT_EQ(after_first.last_error, "service down");
  EXPECT_EQ(after_first.run_at, kStart + seconds(10));

  clock_.advance(seconds(9));
  EXPECT_TRUE(claim("w").empty()) << "retried before its backoff";
  clock_.advance(seconds(1));
  run("w", claim("w"));
  EXPECT_EQ(job(id).run_at, clock_.now() + seconds(20));

  clock_.advance(seconds(20));
  report = run("w", claim("w"));
  EXPECT_EQ(report.failed, 1);
  const auto failed = job(id);
  EXPECT_EQ(failed.state, JobState::failed);
  EXPECT_EQ(failed.attempts, 3);
  EXPECT_EQ(failed.finished_at, clock_.now());
  clock_.advance(hours(10));
  EXPECT_TRUE(claim("w").empty());
  EXPECT_EQ(runs, 3);
}

TEST_F(JobQueueTest, AFailingHandlersWritesAreRolledBackAndTheOthersInItsBatchKept) {
  registry_.add("half", [](JobContext& context) -> Result<void> {
    ATRIUM_TRY(write_effect(context));
    return make_error(ErrorCode::validation_failed, "changed its mind after writing");
  });
  registry_.add("throws", [](JobContext& context) -> Result<void> {
    ATRIUM_TRY(write_effect(context));
    throw std::runtime_error("a bug");
  });
  enqueue({.kind = "effect", .payload = "kept-1"});
  const auto half = enqueue({.kind = "half", .payload = "gone"}).id;
  const auto throws = enqueue({.kind = "throws", .payload = "gone too"}).id;
  enqueue({.kind = "effect", .payload = "kept-2"});

  auto claimed = claim("w");
  ASSERT_EQ(claimed.size(), 4U);
  const auto report = run("w", claimed);
  EXPECT_EQ(report.done, 2);
  EXPECT_EQ(report.retried, 2);
  EXPECT_EQ(effects(), 2);
  EXPECT_EQ(atrium::testing::select(*database_, "SELECT COUNT(*) FROM effects WHERE effect_key LIKE 'kept-%'")
                .rows[0][0]
                .integer(),
            2);
  EXPECT_EQ(job(half).state, JobState::pending);
  EXPECT_EQ(job(throws).last_error, "the handler threw: a bug");
}

TEST_F(JobQueueTest, AnExpiredLeaseMakesTheJobClaimableAgainAndTheOldRunLosesItsEffects) {
  const auto id = enqueue({.kind = "effect", .payload = "once"}).id;
  auto first = claim("w1");
  ASSERT_EQ(first.size(), 1U);

  clock_.advance(minutes(5) - seconds(1));
  EXPECT_TRUE(claim("w2").empty()) << "taken over while the lease held";
  clock_.advance(seconds(1));
  auto second = claim("w2");
  ASSERT_EQ(second.size(), 1U);
  EXPECT_EQ(second[0].id, id);
  EXPECT_EQ(second[0].attempt, 2);
  EXPECT_EQ(job(id).locked_by, "w2");

  // The first worker was only slow: its completion finds the job gone and takes back
  // what its handler wrote.
  EXPECT_EQ(run("w1", first).lost, 1);
  EXPECT_EQ(effects(), 0);
  EXPECT_EQ(run("w2", second).done, 1);
  EXPECT_EQ(effects(), 1);
  EXPECT_EQ(job(id).state, JobState::done);
}

TEST_F(JobQueueTest, AJobWhoseLeasesKeepRunningOutFailsAfterItsAttempts) {
  const auto id = enqueue({.kind = "effect", .max_attempts = 2}).id;
  ASSERT_EQ(claim("w1").size(), 1U);
  clock_.advance(minutes(6));
  ASSERT_EQ(claim("w2").size(), 1U);
  clock_.advance(minutes(6));
  EXPECT_TRUE(claim("w3").empty());
  const auto failed = job(id);
  EXPECT_EQ(failed.state, JobState::failed);
  EXPECT_EQ(failed.attempts, 2);
  EXPECT_NE(failed.last_error.find("lease ran out"), std::string::npos);
}

TEST_F(JobQueueTest, ReleasedJobsGoBackWithoutCountingTheAttempt) {
  const auto id = enqueue({.kind = "effect"}).id;
  auto claimed = claim("w1");
  auto released = queue_->release("w1", claimed);
  ASSERT_TRUE(released.ok());
  EXPECT_EQ(*released, 1);
  EXPECT_EQ(job(id).state, JobState::pending);
  EXPECT_EQ(job(id).attempts, 0);
  EXPECT_EQ(claim("w2").at(0).attempt, 1);
}

TEST_F(JobQueueTest, AStoppingWorkerGivesItsBatchBack) {
  enqueue({.kind = "effect"});
  std::stop_source stop;
  stop.request_stop();
  auto report = queue_->run_due("w1", 10, stop.get_token());
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->released, 1);
  EXPECT_EQ(effects(), 0);
  EXPECT_EQ(claim("w2").size(), 1U);
}

TEST_F(JobQueueTest, ACancelledJobNeverRuns) {
  const auto id = enqueue({.kind = "effect"}).id;
  auto cancelled = queue_->cancel(id);
  ASSERT_TRUE(cancelled.ok());
  EXPECT_TRUE(*cancelled);
  EXPECT_TRUE(claim("w").empty());
  EXPECT_EQ(job(id).state, JobState::cancelled);
  EXPECT_FALSE(*queue_->cancel(id));
}

TEST_F(JobQueueTest, ExternalHandlersRunOutsideTheTransaction) {
  bool had_connection = true;
  registry_.add("mail",
                [&](JobContext& context) -> Result<void> {
                  had_connection = context.connection != nullptr;
                  return {};
                },
                {.effects = JobEffects::external});
  const auto id = enqueue({.kind = "mail"}).id;
  EXPECT_EQ(run("w", claim("w")).done, 1);
  EXPECT_FALSE(had_connection);
  EXPECT_EQ(job(id).state, JobState::done);
}

TEST_F(JobQueueTest, CountsJobsPerState) {
  enqueue({.kind = "effect"});
  enqueue({.kind = "effect"});
  run("w", claim("w", 1));
  auto counts = queue_->counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ((*counts)["pending"], 1);
  EXPECT_EQ((*counts)["done"], 1);
}

TEST_F(JobQueueTest, PruneDeletesOnlyJobsFinishedBeforeTheCutoff) {
  enqueue({.kind = "effect"});
  run("w", claim("w"));
  clock_.advance(hours(48));
  const auto recent = enqueue({.kind = "effect"}).id;
  run("w", claim("w"));
  const auto waiting = enqueue({.kind = "effect", .run_at = kStart + hours(100)}).id;
  std::int64_t deleted = 0;
  ASSERT_TRUE(database_
                  ->transact([&](storage::Connection& connection) -> Result<void> {
                    auto pruned = queue_->prune(connection, clock_.now() - hours(24), 100);
                    if (!pruned) return pruned.take_error();
                    deleted = *pruned;
                    return {};
                  })
                  .ok());
  EXPECT_EQ(deleted, 1);
  EXPECT_EQ(job(recent).state, JobState::done);
  EXPECT_EQ(job(waiting).state, JobState::pending);
}

}  // namespace
}  // namespace atrium::workflow
