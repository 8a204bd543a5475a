#pragma once
// Recurring jobs: named schedules in the database, each enqueueing a job per slot. The
// job of a slot carries the idempotency key "schedule:NAME@SLOT", so processes that see
// the same due slot enqueue it once. A slot missed while no process ran is run once,
// late; the ones before it are skipped.
#include <string>

#include "atrium/core/result.hpp"
#include "atrium/core/time.hpp"

namespace atrium::storage {
class Database;
}

namespace atrium::workflow {

class JobQueue;

struct RecurringJob {
  std::string name;  // unique; names the schedule and, with a slot, its jobs
  std::string kind;
  std::string payload = "{}";
  std::string schedule;  // see schedule.hpp
  int max_attempts = 3;
};

class JobScheduler {
 public:
  JobScheduler(storage::Database& database, JobQueue& queue, const Clock& clock);

  // Creates the schedule, or updates it when its kind, payload or timing changed (the
  // next slot then follows the new timing). Built-in schedules call this at start-up.
  Result<void> define(const RecurringJob& job);
  // Enqueues the job of every schedule whose slot is due; returns the jobs created.
  Result<int> enqueue_due();

 private:
  storage::Database& database_;
  JobQueue& queue_;
  const Clock& clock_;
};

}  // namespace atrium::workflow
