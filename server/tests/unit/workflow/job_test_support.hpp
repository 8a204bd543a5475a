#pragma once
// A migrated SQLite database, a hand-driven clock and a queue over them.
#include <gtest/gtest.h>

#include <memory>

#include "atrium/storage/migration.hpp"
#include "atrium/workflow/job_queue.hpp"
#include "atrium/workflow/job_registry.hpp"
#include "support/database_helpers.hpp"
#include "support/temp_dir.hpp"

namespace atrium::workflow::testing {

inline const TimePoint kStart = *from_iso8601("2026-03-01T12:00:00Z");

class ManualClock final : public Clock {
 public:
  TimePoint now() const override { return now_; }
  void advance(std::chrono::system_clock::duration by) { now_ += by; }
  void set(TimePoint to) { now_ = to; }

 private:
  TimePoint now_ = kStart;
};

class JobTestBase : public ::testing::Test {
 protected:
  void SetUp() override {
    database_ = atrium::testing::open_sqlite(dir_);
    auto migrated = storage::apply_migrations(*database_, storage::embedded_migrations());
    ASSERT_TRUE(migrated.ok()) << migrated.error().message;
    atrium::testing::run(*database_, "CREATE TABLE effects (effect_key TEXT NOT NULL, job_id TEXT NOT NULL)");
  }

  JobQueue& queue(JobQueueOptions options = {}) {
    if (!options.random) options.random = [] { return 0.5; };  // no jitter: exact delays
    queue_ = std::make_unique<JobQueue>(*database_, registry_, clock_, std::move(options));
    return *queue_;
  }

  // A handler whose effect is a row in `effects` written in the job's transaction.
  static Result<void> write_effect(JobContext& context) {
    auto inserted = context.connection->execute("INSERT INTO effects (effect_key, job_id) VALUES (?, ?)",
                                                {context.job.payload, context.job.id});
    if (!inserted) return inserted.take_error();
    return {};
  }

  std::int64_t effects() { return atrium::testing::count_rows(*database_, "effects"); }

  EnqueuedJob enqueue(NewJob job) {
    auto enqueued = queue_->enqueue(job);
    EXPECT_TRUE(enqueued.ok()) << (enqueued.ok() ? "" : enqueued.error().message);
    return enqueued.ok() ? *enqueued : EnqueuedJob{};
  }

  JobRecord job(const std::string& id) {
    auto found = queue_->find(id);
    EXPECT_TRUE(found.ok() && found->has_value());
    return found.ok() && found->has_value() ? **found : JobRecord{};
  }

  atrium::testing::TempDir dir_;
  std::unique_ptr<storage::Database> database_;
  ManualClock clock_;
  JobRegistry registry_;
  std::unique_ptr<JobQueue> queue_;
};

}  // namespace atrium::workflow::testing
