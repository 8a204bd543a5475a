#include "atrium/workflow/job_runner.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "atrium/workflow/job_scheduler.hpp"
#include "atrium/workflow/maintenance_jobs.hpp"
#include "job_test_support.hpp"

namespace atrium::workflow {
namespace {

using std::chrono::hours;
using testing::JobTestBase;

class JobRunnerTest : public JobTestBase {
 protected:
  // Threads do the work here, so the test waits for an outcome, with a generous bound.
  template <class Condition>
  bool eventually(Condition condition) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!condition()) {
      if (std::chrono::steady_clock::now() > deadline) return false;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return true;
  }
};

TEST_F(JobRunnerTest, WorkersRunEveryJobOnceAndStopCleanly) {
  registry_.add("effect", write_effect);
  queue();
  JobRunner runner(*queue_, nullptr, {.workers = 3, .batch_size = 16});
  runner.start();
  for (int i = 0; i < 300; ++i) enqueue({.kind = "effect", .payload = std::to_string(i)});
  EXPECT_TRUE(eventually([&] { return runner.finished() == 300; })) << runner.finished();
  runner.stop();
  EXPECT_EQ(effects(), 300);
  EXPECT_EQ(atrium::testing::select(*database_, "SELECT COUNT(DISTINCT effect_key) FROM effects").rows[0][0].integer(),
            300);
  auto counts = queue_->counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ((*counts)["done"], 300);
  EXPECT_EQ(counts->size(), 1U);
}

TEST_F(JobRunnerTest, AnEnqueueWakesAnIdleWorkerAtOnce) {
  std::atomic<int> runs = 0;
  registry_.add("count", [&](JobContext&) -> Result<void> {
    ++runs;
    return {};
  });
  queue();
  // An idle wait far longer than the test may take: only the wake-up can run the job.
  JobRunner runner(*queue_, nullptr, {.workers = 1, .shortest_idle_wait = hours(1), .longest_idle_wait = hours(1)});
  runner.start();
  std::this_thread::sleep_for(std::chrono::milliseconds(50));  // let the worker go idle
  enqueue({.kind = "count"});
  EXPECT_TRUE(eventually([&] { return runs == 1; }));
  runner.stop();
}

TEST_F(JobRunnerTest, RunsDueRecurringJobsIncludingTheBuiltInPrune) {
  queue();
  add_maintenance_jobs(registry_, *queue_, hours(24));
  JobScheduler scheduler(*database_, *queue_, clock_);
  ASSERT_TRUE(schedule_maintenance_jobs(scheduler).ok());
  // An old finished job for the prune to find.
  atrium::testing::run(*database_,
                       "INSERT INTO jobs (id, kind, payload, state, run_at, max_attempts, created_at, finished_at) "
                       "VALUES ('old', 'x', '{}', 'done', ?, 1, ?, ?)",
                       {"2026-02-01T00:00:00.000000Z", "2026-02-01T00:00:00.000000Z", "2026-02-01T00:00:00.000000Z"});
  clock_.advance(hours(1));
  JobRunner runner(*queue_, &scheduler, {.workers = 1});
  runner.start();
  EXPECT_TRUE(eventually([&] { return runner.finished() == 1; }));
  runner.stop();
  EXPECT_EQ(atrium::testing::count_rows(*database_, "jobs"), 1);  // the prune job itself
  EXPECT_EQ(atrium::testing::select(*database_, "SELECT kind, state FROM jobs").rows[0],
            (storage::Row{kPruneJobsKind, "done"}));
}

}  // namespace
}  // namespace atrium::workflow
