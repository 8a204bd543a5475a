#pragma once
// TEST-ONLY job kinds, off unless the environment has ATRIUM_TEST_JOBS=1: the whole-binary
// tests and the benchmark need jobs whose effects they can count.
//   test.effect  inserts (payload, job id, attempt) into test_job_effects, in the job's
//                completion transaction: every completed job leaves exactly one row.
//                ATRIUM_TEST_JOB_PAUSE_US=N makes each run sleep N µs first.
//   test.noop    does nothing (throughput of the queue itself).
#include <cstdint>
#include <string>

#include "atrium/core/result.hpp"

namespace atrium::storage {
class Database;
}

namespace atrium::workflow {

class JobQueue;
class JobRegistry;

bool test_jobs_enabled();
// Creates test_job_effects (outside the migrations: production databases never have it).
Result<void> prepare_test_jobs(storage::Database& database);
void add_test_jobs(JobRegistry& registry);
// `count` jobs of `kind` with payloads "effect-0" … and the same idempotency keys, so
// running it twice enqueues nothing new. Returns the jobs created.
Result<std::int64_t> enqueue_test_jobs(storage::Database& database, JobQueue& queue, const std::string& kind,
                                       std::int64_t count);

struct TestEffects {
  std::int64_t rows = 0;
  std::int64_t distinct_keys = 0;
};
Result<TestEffects> count_test_effects(storage::Database& database);

}  // namespace atrium::workflow
