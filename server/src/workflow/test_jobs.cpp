// TEST-ONLY: see test_jobs.hpp. Nothing here runs unless ATRIUM_TEST_JOBS=1.
#include "atrium/workflow/test_jobs.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <string_view>
#include <thread>

#include "atrium/storage/database.hpp"
#include "atrium/workflow/job_queue.hpp"
#include "atrium/workflow/job_registry.hpp"

namespace atrium::workflow {

namespace {
// Enqueued in transactions of this many: a commit per job would measure the disk.
constexpr std::int64_t kEnqueueChunk = 1000;
}  // namespace

bool test_jobs_enabled() {
  const char* value = std::getenv("ATRIUM_TEST_JOBS");
  return value != nullptr && std::string_view(value) == "1";
}

Result<void> prepare_test_jobs(storage::Database& database) {
  return database.transact([](storage::Connection& connection) {
    // No key constraint on purpose: an effect written twice must show as two rows.
    return connection.execute_script(
        "CREATE TABLE IF NOT EXISTS test_job_effects (effect_key TEXT NOT NULL, job_id TEXT NOT NULL, "
        "attempt INTEGER NOT NULL)");
  });
}

void add_test_jobs(JobRegistry& registry) {
  // A pause per job slows the queue down to where a test can kill a process mid-way.
  const char* pause_text = std::getenv("ATRIUM_TEST_JOB_PAUSE_US");
  const auto pause = std::chrono::microseconds(pause_text ? std::atoll(pause_text) : 0);
  registry.add("test.effect", [pause](JobContext& context) -> Result<void> {
    if (pause.count() > 0) std::this_thread::sleep_for(pause);
    auto inserted =
        context.connection->execute("INSERT INTO test_job_effects (effect_key, job_id, attempt) VALUES (?, ?, ?)",
                                    {context.job.payload, context.job.id, context.job.attempt});
    if (!inserted) return inserted.take_error();
    return {};
  });
  registry.add("test.noop", [](JobContext&) -> Result<void> { return {}; });
}

Result<std::int64_t> enqueue_test_jobs(storage::Database& database, JobQueue& queue, const std::string& kind,
                                       std::int64_t count) {
  std::int64_t created = 0;
  for (std::int64_t start = 0; start < count; start += kEnqueueChunk) {
    std::int64_t chunk_created = 0;
    ATRIUM_TRY(database.transact([&](storage::Connection& connection) -> Result<void> {
      chunk_created = 0;
      for (std::int64_t i = start; i < std::min(count, start + kEnqueueChunk); ++i) {
        const std::string key = fmt::format("effect-{}", i);
        auto enqueued = queue.enqueue(connection, NewJob{.kind = kind, .payload = key, .idempotency_key = key});
        if (!enqueued) return enqueued.take_error();
        chunk_created += enqueued->created ? 1 : 0;
      }
      return {};
    }));
    created += chunk_created;
  }
  return created;
}

Result<TestEffects> count_test_effects(storage::Database& database) {
  TestEffects effects;
  ATRIUM_TRY(database.read([&](storage::Connection& connection) -> Result<void> {
    auto counted = connection.query("SELECT COUNT(*), COUNT(DISTINCT effect_key) FROM test_job_effects");
    if (!counted) return counted.take_error();
    effects.rows = counted->rows[0][0].integer();
    effects.distinct_keys = counted->rows[0][1].integer();
    return {};
  }));
  return effects;
}

}  // namespace atrium::workflow
