#include "atrium/workflow/job_scheduler.hpp"

#include <fmt/format.h>

#include "atrium/core/log.hpp"
#include "atrium/storage/database.hpp"
#include "atrium/workflow/job_queue.hpp"
#include "atrium/workflow/schedule.hpp"

namespace atrium::workflow {

using storage::Connection;
using storage::Dialect;
using storage::Row;

JobScheduler::JobScheduler(storage::Database& database, JobQueue& queue, const Clock& clock)
    : database_(database), queue_(queue), clock_(clock) {}

Result<void> JobScheduler::define(const RecurringJob& job) {
  auto schedule = parse_schedule(job.schedule);
  if (!schedule) return schedule.take_error();
  if (job.name.empty() || job.kind.empty()) {
    return make_error(ErrorCode::validation_failed, "a recurring job needs a name and a kind");
  }
  const TimePoint now = clock_.now();
  const std::string now_text = to_iso8601(now);
  const std::string next_text = to_iso8601((*schedule)->next_after(now));
  return database_.transact([&](Connection& connection) -> Result<void> {
    auto found =
        connection.query("SELECT kind, payload, schedule, max_attempts FROM job_schedules WHERE name = ?", {job.name});
    if (!found) return found.take_error();
    if (found->empty()) {
      // Another process starting at the same time may have created it: theirs stands.
      auto inserted = connection.execute(
          "INSERT INTO job_schedules (name, kind, payload, schedule, max_attempts, next_run_at, enabled, "
          "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?) ON CONFLICT (name) DO NOTHING",
          {job.name, job.kind, job.payload, job.schedule, job.max_attempts, next_text, now_text, now_text});
      if (!inserted) return inserted.take_error();
      return {};
    }
    const Row& row = found->rows[0];
    const bool retimed = row[2].text() != job.schedule;
    if (row[0].text() == job.kind && row[1].text() == job.payload && !retimed && row[3].integer() == job.max_attempts) {
      return {};
    }
    auto updated = connection.execute(
        retimed ? "UPDATE job_schedules SET kind = ?, payload = ?, schedule = ?, max_attempts = ?, updated_at = ?, "
                  "next_run_at = ? WHERE name = ?"
                : "UPDATE job_schedules SET kind = ?, payload = ?, schedule = ?, max_attempts = ?, updated_at = ? "
                  "WHERE name = ?",
        retimed ? storage::Params{job.kind, job.payload, job.schedule, job.max_attempts, now_text, next_text, job.name}
                : storage::Params{job.kind, job.payload, job.schedule, job.max_attempts, now_text, job.name});
    if (!updated) return updated.take_error();
    return {};
  });
}

Result<int> JobScheduler::enqueue_due() {
  const TimePoint now = clock_.now();
  const std::string now_text = to_iso8601(now);
  int created = 0;
  ATRIUM_TRY(database_.transact([&](Connection& connection) -> Result<void> {
    created = 0;
    // On PostgreSQL another process working through the same schedules skips the rows
    // this one holds; the idempotency key covers whatever still overlaps.
    const char* sql = connection.dialect() == Dialect::postgresql
                          ? "SELECT name, kind, payload, schedule, next_run_at, max_attempts FROM job_schedules "
                            "WHERE enabled = 1 AND next_run_at <= ? ORDER BY next_run_at FOR UPDATE SKIP LOCKED"
                          : "SELECT name, kind, payload, schedule, next_run_at, max_attempts FROM job_schedules "
                            "WHERE enabled = 1 AND next_run_at <= ? ORDER BY next_run_at";
    auto due = connection.query(sql, {now_text});
    if (!due) return due.take_error();
    for (const Row& row : due->rows) {
      const std::string& name = row[0].text();
      const std::string& slot = row[4].text();
      auto schedule = parse_schedule(row[3].text());
      if (!schedule) {
        log::warn("recurring job {} is skipped: {}", name, schedule.error().message);
        continue;
      }
      NewJob job;
      job.kind = row[1].text();
      job.payload = row[2].text();
      job.run_at = from_iso8601(slot);
      job.max_attempts = static_cast<int>(row[5].integer());
      job.idempotency_key = fmt::format("schedule:{}@{}", name, slot);
      auto enqueued = queue_.enqueue(connection, job);
      if (!enqueued) return enqueued.take_error();
      created += enqueued->created ? 1 : 0;
      // Only from the slot this process read: a process that moved it on already wins.
      auto moved = connection.execute(
          "UPDATE job_schedules SET next_run_at = ?, last_slot_at = ?, updated_at = ? WHERE name = ? AND "
          "next_run_at = ?",
          {to_iso8601((*schedule)->next_after(now)), slot, now_text, name, slot});
      if (!moved) return moved.take_error();
    }
    return {};
  }));
  return created;
}

}  // namespace atrium::workflow
