#pragma once
// The queue's own upkeep, run by the queue: "jobs.prune" deletes jobs done or cancelled
// longer ago than the retention (failed jobs stay for an operator to look at). Their
// idempotency keys go with them: a key holds for the retention period.
#include <chrono>

#include "atrium/core/result.hpp"

namespace atrium::workflow {

class JobQueue;
class JobRegistry;
class JobScheduler;

inline constexpr const char* kPruneJobsKind = "jobs.prune";

void add_maintenance_jobs(JobRegistry& registry, JobQueue& queue, std::chrono::hours retention);
// Every hour.
Result<void> schedule_maintenance_jobs(JobScheduler& scheduler);

}  // namespace atrium::workflow
