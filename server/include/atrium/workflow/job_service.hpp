#pragma once
// The job queue as a server runs it: the handler registry, the queue, the recurring
// schedules and the worker threads, with the built-in maintenance job. Modules add their
// handlers and schedules between construction and start().
#include <chrono>
#include <memory>

#include "atrium/core/result.hpp"
#include "atrium/core/time.hpp"
#include "atrium/workflow/job_queue.hpp"
#include "atrium/workflow/job_registry.hpp"
#include "atrium/workflow/job_runner.hpp"
#include "atrium/workflow/job_scheduler.hpp"

namespace atrium::storage {
class Database;
}

namespace atrium::workflow {

struct JobServiceOptions {
  int workers = -1;  // -1: one per core; 0: this process runs no jobs (it still enqueues)
  std::chrono::seconds lease{300};
  std::chrono::hours retention{24 * 7};
  int batch_size = 64;
};

class JobService {
 public:
  JobService(storage::Database& database, const Clock& clock, JobServiceOptions options);
  ~JobService();

  JobRegistry& registry() { return registry_; }
  JobQueue& queue() { return queue_; }
  JobScheduler& scheduler() { return scheduler_; }

  // Defines the built-in schedules and starts the workers.
  Result<void> start();
  // Workers finish (or give back) the batch they hold.
  void stop();
  int workers() const { return workers_; }
  // Jobs finished (done or failed for good) by this process's workers since start.
  std::int64_t finished() const { return runner_ ? runner_->finished() : 0; }

 private:
  storage::Database& database_;
  JobServiceOptions options_;
  int workers_ = 0;
  JobRegistry registry_;
  JobQueue queue_;
  JobScheduler scheduler_;
  std::unique_ptr<JobRunner> runner_;
};

}  // namespace atrium::workflow
