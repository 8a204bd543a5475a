#include "atrium/workflow/job_queue.hpp"

#include <fmt/format.h>

#include <exception>
#include <random>

#include "atrium/core/id.hpp"
#include "atrium/core/log.hpp"
#include "atrium/storage/database.hpp"

namespace atrium::workflow {

using storage::Connection;
using storage::Dialect;
using storage::Params;
using storage::Row;
using storage::Value;

namespace {

constexpr const char* kLeaseRanOut = "the lease ran out before the job finished (its worker stopped?)";
// Leases handed back per claim; the rest come back with the next claims.
constexpr int kExpireLimit = 1000;

std::string placeholders(std::size_t count) {
  std::string marks;
  for (std::size_t i = 0; i < count; ++i) marks += i == 0 ? "?" : ", ?";
  return marks;
}

std::string text_or_empty(const Value& value) {
  return value.is_text() ? value.text() : std::string();
}

std::optional<TimePoint> time_or_nothing(const Value& value) {
  return value.is_text() ? from_iso8601(value.text()) : std::nullopt;
}

// Handlers are called where a thrown exception would take a worker thread (or, with
// SQLite, the writer thread) down: a throw is a bug, but it fails only its job.
Result<void> call_handler(const RegisteredHandler* handler, JobContext& context) {
  if (handler == nullptr) {
    return make_error(ErrorCode::internal_error, fmt::format("no handler for job kind {}", context.job.kind));
  }
  try {
    return handler->handler(context);
  } catch (const std::exception& thrown) {
    return make_error(ErrorCode::internal_error, fmt::format("the handler threw: {}", thrown.what()));
  } catch (...) {
    return make_error(ErrorCode::internal_error, "the handler threw");
  }
}

}  // namespace

JobQueue::JobQueue(storage::Database& database, const JobRegistry& registry, const Clock& clock,
                   JobQueueOptions options)
    : database_(database), registry_(registry), clock_(clock), options_(std::move(options)) {}

void JobQueue::set_enqueue_listener(std::function<void()> listener) {
  std::lock_guard lock(listener_mutex_);
  listener_ = std::move(listener);
}

void JobQueue::notify_enqueued() {
  std::lock_guard lock(listener_mutex_);
  if (listener_) listener_();
}

double JobQueue::next_random() {
  if (options_.random) return options_.random();
  thread_local std::mt19937_64 generator{std::random_device{}()};
  return std::uniform_real_distribution<double>(0.0, 1.0)(generator);
}

Result<EnqueuedJob> JobQueue::enqueue(Connection& connection, const NewJob& job) {
  if (job.kind.empty()) return make_error(ErrorCode::validation_failed, "a job needs a kind");
  const TimePoint now = clock_.now();
  EnqueuedJob enqueued{new_id(), true};
  const Value key = job.idempotency_key.empty() ? Value() : Value(job.idempotency_key);
  auto inserted = connection.execute(
      "INSERT INTO jobs (id, kind, payload, state, priority, run_at, attempts, max_attempts, idempotency_key, "
      "created_at) VALUES (?, ?, ?, 'pending', ?, ?, 0, ?, ?, ?) ON CONFLICT (kind, idempotency_key) DO NOTHING",
      {enqueued.id, job.kind, job.payload, job.priority, to_iso8601(job.run_at.value_or(now)),
       std::max(1, job.max_attempts), key, to_iso8601(now)});
  if (!inserted) return inserted.take_error();
  if (*inserted == 0) {
    auto existing = connection.query("SELECT id FROM jobs WHERE kind = ? AND idempotency_key = ?", {job.kind, key});
    if (!existing) return existing.take_error();
    if (existing->empty()) return make_error(ErrorCode::conflict, "the job could not be enqueued");
    enqueued = EnqueuedJob{existing->rows[0][0].text(), false};
  }
  // Before the caller commits, possibly: a worker that wakes too early finds nothing and
  // looks again after its shortest idle wait.
  notify_enqueued();
  return enqueued;
}

Result<EnqueuedJob> JobQueue::enqueue(const NewJob& job) {
  EnqueuedJob enqueued;
  ATRIUM_TRY(database_.transact([&](Connection& connection) -> Result<void> {
    auto result = enqueue(connection, job);
    if (!result) return result.take_error();
    enqueued = std::move(*result);
    return {};
  }));
  notify_enqueued();
  return enqueued;
}

Result<std::vector<ClaimedJob>> JobQueue::claim(std::string_view worker, int limit) {
  std::vector<ClaimedJob> claimed;
  const std::vector<std::string> kinds = registry_.kinds();
  if (kinds.empty() || limit <= 0) return claimed;
  const TimePoint now = clock_.now();
  const std::string now_text = to_iso8601(now);
  const std::string until = to_iso8601(now + options_.lease);
  const std::string worker_text(worker);
  const std::string kind_marks = placeholders(kinds.size());

  ATRIUM_TRY(database_.transact([&](Connection& connection) -> Result<void> {
    claimed.clear();
    const bool postgresql = connection.dialect() == Dialect::postgresql;
    // Leases that ran out first: their jobs go back to the queue, or fail when they have
    // used all their attempts (a job that kills its worker every time ends here).
    const char* give_back =
        "state = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'pending' END, "
        "finished_at = CASE WHEN attempts >= max_attempts THEN CAST(? AS TEXT) END, "
        "last_error = ?, locked_by = NULL, locked_until = NULL";
    if (postgresql) {
      // SKIP LOCKED: a job another worker is completing right now is not touched.
      auto expired = connection.execute(
          fmt::format("WITH expired AS (SELECT id FROM jobs WHERE state = 'running' AND locked_until <= ? "
                      "LIMIT {} FOR UPDATE SKIP LOCKED) UPDATE jobs SET {} FROM expired WHERE jobs.id = expired.id",
                      kExpireLimit, give_back),
          {now_text, now_text, kLeaseRanOut});
      if (!expired) return expired.take_error();
    } else {
      auto expired = connection.execute(
          fmt::format("UPDATE jobs INDEXED BY jobs_leases SET {} WHERE state = 'running' AND locked_until <= ?",
                      give_back),
          {now_text, kLeaseRanOut, now_text});
      if (!expired) return expired.take_error();
    }

    Params params;
    std::string sql;
    if (postgresql) {
      sql = fmt::format(
          "WITH next AS (SELECT id FROM jobs WHERE state = 'pending' AND run_at <= ? AND kind IN ({}) "
          "ORDER BY priority DESC, run_at, id LIMIT ? FOR UPDATE SKIP LOCKED) "
          "UPDATE jobs SET state = 'running', attempts = jobs.attempts + 1, locked_by = ?, locked_until = ? "
          "FROM next WHERE jobs.id = next.id "
          "RETURNING jobs.id, jobs.kind, jobs.payload, jobs.attempts, jobs.max_attempts",
          kind_marks);
      params.emplace_back(now_text);
      for (const auto& kind : kinds) params.emplace_back(kind);
      params.insert(params.end(), {limit, worker_text, until});
    } else {
      // SQLite has one writer: nobody claims between the SELECT and the UPDATE. INDEXED BY:
      // the planner would otherwise take (state, finished_at) and sort every pending job.
      sql = fmt::format(
          "UPDATE jobs SET state = 'running', attempts = attempts + 1, locked_by = ?, locked_until = ? "
          "WHERE id IN (SELECT id FROM jobs INDEXED BY jobs_pending WHERE state = 'pending' AND run_at <= ? "
          "AND kind IN ({}) "
          "ORDER BY priority DESC, run_at, id LIMIT ?) "
          "RETURNING id, kind, payload, attempts, max_attempts",
          kind_marks);
      params.insert(params.end(), {worker_text, until, now_text});
      for (const auto& kind : kinds) params.emplace_back(kind);
      params.emplace_back(limit);
    }
    return connection.each(sql, params, [&](const Row& row) {
      claimed.push_back(ClaimedJob{row[0].text(), row[1].text(), row[2].text(), static_cast<int>(row[3].integer()),
                                   static_cast<int>(row[4].integer())});
      return true;
    });
  }));
  return claimed;
}

Result<bool> JobQueue::record_done(Connection& connection, std::string_view worker, const ClaimedJob& job) {
  auto changed = connection.execute(
      "UPDATE jobs SET state = 'done', finished_at = ?, locked_by = NULL, locked_until = NULL "
      "WHERE id = ? AND state = 'running' AND locked_by = ?",
      {to_iso8601(clock_.now()), job.id, worker});
  if (!changed) return changed.take_error();
  return *changed > 0;
}

Result<bool> JobQueue::record_failure(Connection& connection, std::string_view worker, const ClaimedJob& job,
                                      const std::string& message, BatchReport& report) {
  const TimePoint now = clock_.now();
  const bool last = job.attempt >= job.max_attempts;
  const TimePoint retry_at = now + retry_delay(options_.retry, job.attempt, next_random());
  auto changed = connection.execute(
      "UPDATE jobs SET state = ?, run_at = ?, last_error = ?, finished_at = ?, locked_by = NULL, "
      "locked_until = NULL WHERE id = ? AND state = 'running' AND locked_by = ?",
      {last ? "failed" : "pending", to_iso8601(last ? now : retry_at), message, last ? Value(to_iso8601(now)) : Value(),
       job.id, worker});
  if (!changed) return changed.take_error();
  if (*changed == 0) {
    ++report.lost;
    return false;
  }
  ++(last ? report.failed : report.retried);
  if (last) log::warn("job {} ({}) failed for good after {} attempts: {}", job.id, job.kind, job.attempt, message);
  return true;
}

Result<void> JobQueue::run_in_transaction(std::string_view worker, const std::vector<const ClaimedJob*>& jobs,
                                          BatchReport& report) {
  BatchReport outcome;
  auto committed = database_.transact([&](Connection& connection) -> Result<void> {
    outcome = BatchReport{};  // a retried transaction starts over
    for (const ClaimedJob* job : jobs) {
      // A savepoint per job: a failing handler takes back only its own writes (and on
      // PostgreSQL an SQL error does not abort the jobs after it).
      ATRIUM_TRY(connection.execute_script("SAVEPOINT atrium_job"));
      JobContext context{*job, &connection, clock_.now()};
      Result<void> ran = call_handler(registry_.find(job->kind), context);
      if (ran) {
        auto marked = record_done(connection, worker, *job);
        if (!marked) return marked.take_error();
        if (*marked) {
          ++outcome.done;
        } else {
          // Another worker holds the job now and will run it: this run's effects go.
          ATRIUM_TRY(connection.execute_script("ROLLBACK TO SAVEPOINT atrium_job"));
          ++outcome.lost;
        }
      } else {
        ATRIUM_TRY(connection.execute_script("ROLLBACK TO SAVEPOINT atrium_job"));
        auto recorded = record_failure(connection, worker, *job, ran.error().message, outcome);
        if (!recorded) return recorded.take_error();
      }
      ATRIUM_TRY(connection.execute_script("RELEASE SAVEPOINT atrium_job"));
    }
    return {};
  });
  if (!committed) return committed;
  report.done += outcome.done;
  report.retried += outcome.retried;
  report.failed += outcome.failed;
  report.lost += outcome.lost;
  return {};
}

Result<void> JobQueue::run_external(std::string_view worker, const ClaimedJob& job, BatchReport& report) {
  JobContext context{job, nullptr, clock_.now()};
  Result<void> ran = call_handler(registry_.find(job.kind), context);
  BatchReport outcome;
  ATRIUM_TRY(database_.transact([&](Connection& connection) -> Result<void> {
    outcome = BatchReport{};
    if (ran) {
      auto marked = record_done(connection, worker, job);
      if (!marked) return marked.take_error();
      ++(*marked ? outcome.done : outcome.lost);
      return {};
    }
    auto recorded = record_failure(connection, worker, job, ran.error().message, outcome);
    if (!recorded) return recorded.take_error();
    return {};
  }));
  report.done += outcome.done;
  report.retried += outcome.retried;
  report.failed += outcome.failed;
  report.lost += outcome.lost;
  return {};
}

Result<BatchReport> JobQueue::run(std::string_view worker, const std::vector<ClaimedJob>& jobs, std::stop_token stop) {
  BatchReport report;
  std::vector<const ClaimedJob*> in_transaction;
  std::vector<const ClaimedJob*> external;
  for (const auto& job : jobs) {
    const RegisteredHandler* handler = registry_.find(job.kind);
    const bool outside = handler != nullptr && handler->options.effects == JobEffects::external;
    (outside ? external : in_transaction).push_back(&job);
  }
  std::vector<ClaimedJob> unrun;
  if (!in_transaction.empty()) {
    if (stop.stop_requested()) {
      for (const auto* job : in_transaction) unrun.push_back(*job);
    } else if (auto ran = run_in_transaction(worker, in_transaction, report); !ran) {
      // The shared transaction failed as a whole (a database error, not a handler's):
      // each job on its own, so one bad job cannot hold the others back.
      log::warn("a batch of {} jobs failed, running them one by one: {}", in_transaction.size(), ran.error().message);
      for (const auto* job : in_transaction) {
        if (auto alone = run_in_transaction(worker, {job}, report); !alone) {
          auto recorded = database_.transact([&](Connection& connection) -> Result<void> {
            auto failed = record_failure(connection, worker, *job, alone.error().message, report);
            if (!failed) return failed.take_error();
            return {};
          });
          if (!recorded) return recorded.take_error();
        }
      }
    }
  }
  for (const auto* job : external) {
    if (stop.stop_requested()) {
      unrun.push_back(*job);
      continue;
    }
    ATRIUM_TRY(run_external(worker, *job, report));
  }
  if (!unrun.empty()) {
    auto released = release(worker, unrun);
    if (!released) return released.take_error();
    report.released += *released;
  }
  return report;
}

Result<BatchReport> JobQueue::run_due(std::string_view worker, int limit, std::stop_token stop) {
  auto claimed = claim(worker, limit);
  if (!claimed) return claimed.take_error();
  if (claimed->empty()) return BatchReport{};
  return run(worker, *claimed, stop);
}

Result<int> JobQueue::release(std::string_view worker, const std::vector<ClaimedJob>& jobs) {
  int released = 0;
  ATRIUM_TRY(database_.transact([&](Connection& connection) -> Result<void> {
    released = 0;
    for (const auto& job : jobs) {
      auto changed = connection.execute(
          "UPDATE jobs SET state = 'pending', attempts = attempts - 1, locked_by = NULL, locked_until = NULL "
          "WHERE id = ? AND state = 'running' AND locked_by = ?",
          {job.id, worker});
      if (!changed) return changed.take_error();
      released += static_cast<int>(*changed);
    }
    return {};
  }));
  return released;
}

Result<bool> JobQueue::cancel(const std::string& id) {
  bool cancelled = false;
  ATRIUM_TRY(database_.transact([&](Connection& connection) -> Result<void> {
    auto changed =
        connection.execute("UPDATE jobs SET state = 'cancelled', finished_at = ? WHERE id = ? AND state = 'pending'",
                           {to_iso8601(clock_.now()), id});
    if (!changed) return changed.take_error();
    cancelled = *changed > 0;
    return {};
  }));
  return cancelled;
}

Result<std::optional<JobRecord>> JobQueue::find(const std::string& id) {
  std::optional<JobRecord> found;
  ATRIUM_TRY(database_.read([&](Connection& connection) -> Result<void> {
    return connection.each(
        "SELECT id, kind, payload, state, priority, run_at, attempts, max_attempts, last_error, idempotency_key, "
        "locked_by, locked_until, created_at, finished_at FROM jobs WHERE id = ?",
        {id}, [&](const Row& row) {
          JobRecord job;
          job.id = row[0].text();
          job.kind = row[1].text();
          job.payload = row[2].text();
          job.state = job_state_from_name(row[3].text()).value_or(JobState::pending);
          job.priority = static_cast<int>(row[4].integer());
          job.run_at = time_or_nothing(row[5]).value_or(TimePoint{});
          job.attempts = static_cast<int>(row[6].integer());
          job.max_attempts = static_cast<int>(row[7].integer());
          job.last_error = text_or_empty(row[8]);
          job.idempotency_key = text_or_empty(row[9]);
          job.locked_by = text_or_empty(row[10]);
          job.locked_until = time_or_nothing(row[11]);
          job.created_at = time_or_nothing(row[12]).value_or(TimePoint{});
          job.finished_at = time_or_nothing(row[13]);
          found = std::move(job);
          return false;
        });
  }));
  return found;
}

Result<JobCounts> JobQueue::counts(const std::string& kind) {
  JobCounts counts;
  ATRIUM_TRY(database_.read([&](Connection& connection) -> Result<void> {
    const char* sql = kind.empty() ? "SELECT state, COUNT(*) FROM jobs GROUP BY state"
                                   : "SELECT state, COUNT(*) FROM jobs WHERE kind = ? GROUP BY state";
    return connection.each(sql, kind.empty() ? storage::Params{} : storage::Params{kind}, [&](const Row& row) {
      counts[row[0].text()] = row[1].integer();
      return true;
    });
  }));
  return counts;
}

Result<std::int64_t> JobQueue::outstanding() {
  std::int64_t count = 0;
  ATRIUM_TRY(database_.read([&](Connection& connection) -> Result<void> {
    auto counted = connection.query(
        "SELECT (SELECT COUNT(*) FROM jobs WHERE state = 'running') + "
        "(SELECT COUNT(*) FROM jobs WHERE state = 'pending' AND run_at <= ?)",
        {to_iso8601(clock_.now())});
    if (!counted) return counted.take_error();
    count = counted->rows[0][0].integer();
    return {};
  }));
  return count;
}

Result<std::int64_t> JobQueue::prune(Connection& connection, TimePoint finished_before, int limit) {
  // Through the (state, finished_at) index, a bounded number per call so one
  // transaction stays short.
  return connection.execute(
      "DELETE FROM jobs WHERE id IN (SELECT id FROM jobs WHERE state IN ('done', 'cancelled') "
      "AND finished_at < ? LIMIT ?)",
      {to_iso8601(finished_before), limit});
}

}  // namespace atrium::workflow
