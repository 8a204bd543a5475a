#pragma once
// A unit of background work in the durable queue: what to run (`kind`, a registered
// handler), with what (`payload`, JSON text), when, and how often to try.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "atrium/core/time.hpp"

namespace atrium::workflow {

enum class JobState { pending, running, done, failed, cancelled };

// "pending", "running", …: the text stored in jobs.state.
std::string_view job_state_name(JobState state);
std::optional<JobState> job_state_from_name(std::string_view name);

struct NewJob {
  std::string kind;
  std::string payload = "{}";
  std::optional<TimePoint> run_at;  // nothing: due now
  int priority = 0;                 // higher runs first among due jobs
  int max_attempts = 5;
  // Enqueueing a key again (for the same kind) returns the job already there.
  std::string idempotency_key;
};

struct EnqueuedJob {
  std::string id;
  bool created = false;  // false: the idempotency key named a job that existed
};

// A job a worker holds under a lease.
struct ClaimedJob {
  std::string id;
  std::string kind;
  std::string payload;
  int attempt = 0;  // 1 on the first run
  int max_attempts = 0;
};

// A job as stored, for inspection.
struct JobRecord {
  std::string id;
  std::string kind;
  std::string payload;
  JobState state = JobState::pending;
  int priority = 0;
  TimePoint run_at;
  int attempts = 0;
  int max_attempts = 0;
  std::string last_error;
  std::string idempotency_key;
  std::string locked_by;
  std::optional<TimePoint> locked_until;
  TimePoint created_at;
  std::optional<TimePoint> finished_at;
};

}  // namespace atrium::workflow
