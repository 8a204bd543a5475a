#include "atrium/workflow/job_service.hpp"

#include <thread>

#include "atrium/core/log.hpp"
#include "atrium/workflow/maintenance_jobs.hpp"
#include "atrium/workflow/test_jobs.hpp"

namespace atrium::workflow {

namespace {
JobQueueOptions queue_options(const JobServiceOptions& options) {
  JobQueueOptions queue;
  queue.lease = options.lease;
  return queue;
}
}  // namespace

JobService::JobService(storage::Database& database, const Clock& clock, JobServiceOptions options)
    : database_(database),
      options_(options),
      workers_(options.workers >= 0 ? options.workers
                                    : static_cast<int>(std::max(1U, std::thread::hardware_concurrency()))),
      queue_(database, registry_, clock, queue_options(options)),
      scheduler_(database, queue_, clock) {
  add_maintenance_jobs(registry_, queue_, options.retention);
  if (test_jobs_enabled()) add_test_jobs(registry_);
}

JobService::~JobService() {
  stop();
}

Result<void> JobService::start() {
  if (test_jobs_enabled()) {
    log::warn("ATRIUM_TEST_JOBS=1: the test-only job kinds are registered");
    ATRIUM_TRY(prepare_test_jobs(database_));
  }
  ATRIUM_TRY(schedule_maintenance_jobs(scheduler_));
  if (workers_ == 0) return {};
  runner_ = std::make_unique<JobRunner>(queue_, &scheduler_,
                                        JobRunnerOptions{.workers = workers_, .batch_size = options_.batch_size});
  runner_->start();
  return {};
}

void JobService::stop() {
  if (runner_) runner_->stop();
}

}  // namespace atrium::workflow
