#pragma once
// `atrium jobs …`: look at the job queue, or run its workers without serving HTTP (a
// worker-only process beside the web processes, or a drain for benchmarks).
#include <cstdint>
#include <string>

namespace atrium::storage {
class Database;
}

namespace atrium::app {

struct JobsWorkOptions {
  int workers = -1;  // -1: one per core
  int lease_seconds = 300;
  int retention_days = 7;
  bool until_empty = false;  // stop once nothing is running or due
};

// Runs workers until SIGINT/SIGTERM (or until the queue is drained); returns the exit code.
int run_jobs_work(storage::Database& database, const JobsWorkOptions& options);
// Prints the number of jobs in each state.
int run_jobs_stats(storage::Database& database, const std::string& kind = {});
// TEST-ONLY (ATRIUM_TEST_JOBS=1): enqueues `count` jobs of a test kind; prints the counts of
// test effects.
int run_jobs_enqueue_test(storage::Database& database, const std::string& kind, std::int64_t count);
int run_jobs_test_effects(storage::Database& database);

}  // namespace atrium::app
