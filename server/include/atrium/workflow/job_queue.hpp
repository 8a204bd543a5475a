#pragma once
// The durable job queue, in the database (SQLite or PostgreSQL), shared by every worker
// of every process. At least once: a worker claims due jobs under a lease, runs their
// handlers and marks them done; a lease that runs out (the process died) makes its jobs
// claimable again. Handlers with database-only effects commit them with the completion,
// so those effects happen exactly once. All times come from the injected clock.
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

#include "atrium/core/result.hpp"
#include "atrium/core/time.hpp"
#include "atrium/workflow/job.hpp"
#include "atrium/workflow/job_registry.hpp"
#include "atrium/workflow/retry_policy.hpp"

namespace atrium::storage {
class Connection;
class Database;
}  // namespace atrium::storage

namespace atrium::workflow {

struct JobQueueOptions {
  // How long a claimed job stays a worker's before others may take it over.
  std::chrono::milliseconds lease{std::chrono::minutes(5)};
  RetryPolicy retry;
  // A number in [0, 1) for the retry jitter; tests fix it. Empty: a per-thread generator.
  std::function<double()> random;
};

// What one pass of a worker did.
struct BatchReport {
  int done = 0;
  int retried = 0;   // failed, and back in the queue for a later attempt
  int failed = 0;    // failed for the last time
  int lost = 0;      // the lease had passed to another worker: its effects were discarded
  int released = 0;  // given back unrun (the worker was stopping)
  int processed() const { return done + retried + failed + lost + released; }
};

// Jobs per state, for operators and tests.
using JobCounts = std::map<std::string, std::int64_t>;

class JobQueue {
 public:
  JobQueue(storage::Database& database, const JobRegistry& registry, const Clock& clock, JobQueueOptions options = {});

  // Within the caller's transaction, so a job commits with the change that caused it.
  Result<EnqueuedJob> enqueue(storage::Connection& connection, const NewJob& job);
  // In a transaction of its own.
  Result<EnqueuedJob> enqueue(const NewJob& job);

  // Takes up to `limit` due jobs of the registered kinds for `worker`, highest priority
  // and oldest first, and first hands jobs whose lease ran out back to the queue.
  Result<std::vector<ClaimedJob>> claim(std::string_view worker, int limit);
  // Runs claimed jobs and records each outcome. Database-only handlers of one batch
  // share one transaction (each in a savepoint, so one failure rolls back only its own
  // writes): one commit for many jobs. A stop request releases the jobs not yet run.
  Result<BatchReport> run(std::string_view worker, const std::vector<ClaimedJob>& jobs, std::stop_token stop = {});
  // claim, then run: one pass of a worker.
  Result<BatchReport> run_due(std::string_view worker, int limit, std::stop_token stop = {});
  // Gives claimed jobs back unrun, without counting the attempt.
  Result<int> release(std::string_view worker, const std::vector<ClaimedJob>& jobs);

  // A pending job will not run; false when it was no longer pending.
  Result<bool> cancel(const std::string& id);
  Result<std::optional<JobRecord>> find(const std::string& id);
  // Of one kind only when `kind` is given (the server also runs its own recurring jobs).
  Result<JobCounts> counts(const std::string& kind = {});
  // Jobs running or due now: zero when the workers have caught up.
  Result<std::int64_t> outstanding();
  // Deletes up to `limit` jobs done or cancelled before `finished_before`.
  Result<std::int64_t> prune(storage::Connection& connection, TimePoint finished_before, int limit);

  // Called after every enqueue (from the enqueuing thread), so in-process workers wake
  // at once instead of at their next poll. Set it before enqueueing starts.
  void set_enqueue_listener(std::function<void()> listener);

  const Clock& clock() const { return clock_; }

 private:
  Result<void> run_in_transaction(std::string_view worker, const std::vector<const ClaimedJob*>& jobs,
                                  BatchReport& report);
  Result<void> run_external(std::string_view worker, const ClaimedJob& job, BatchReport& report);
  // Records a failed attempt: a later retry, or failed for good.
  Result<bool> record_failure(storage::Connection& connection, std::string_view worker, const ClaimedJob& job,
                              const std::string& message, BatchReport& report);
  Result<bool> record_done(storage::Connection& connection, std::string_view worker, const ClaimedJob& job);
  double next_random();
  void notify_enqueued();

  storage::Database& database_;
  const JobRegistry& registry_;
  const Clock& clock_;
  JobQueueOptions options_;
  std::mutex listener_mutex_;
  std::function<void()> listener_;
};

}  // namespace atrium::workflow
