#include "atrium/workflow/maintenance_jobs.hpp"

#include "atrium/workflow/job_queue.hpp"
#include "atrium/workflow/job_registry.hpp"
#include "atrium/workflow/job_scheduler.hpp"

namespace atrium::workflow {

namespace {
// Rows per run: one short transaction; a bigger backlog continues in a follow-up job.
constexpr int kPruneLimit = 10'000;
}  // namespace

void add_maintenance_jobs(JobRegistry& registry, JobQueue& queue, std::chrono::hours retention) {
  registry.add(kPruneJobsKind, [&queue, retention](JobContext& context) -> Result<void> {
    auto deleted = queue.prune(*context.connection, context.now - retention, kPruneLimit);
    if (!deleted) return deleted.take_error();
    if (*deleted < kPruneLimit) return {};
    // Committed with this run's deletions, so the backlog is never left half-done.
    auto next = queue.enqueue(*context.connection, NewJob{.kind = kPruneJobsKind, .max_attempts = 3});
    if (!next) return next.take_error();
    return {};
  });
}

Result<void> schedule_maintenance_jobs(JobScheduler& scheduler) {
  return scheduler.define(RecurringJob{.name = kPruneJobsKind, .kind = kPruneJobsKind, .schedule = "every hour"});
}

}  // namespace atrium::workflow
