#include "sqlite_database.hpp"

#include <fmt/format.h>

namespace atrium::storage {

namespace {
// A bound on one group keeps a commit's latency bounded under a flood of writers.
constexpr std::size_t kMaxGroup = 256;
}  // namespace

Result<std::unique_ptr<SqliteDatabase>> SqliteDatabase::open(const std::string& path,
                                                             const DatabaseOptions& options) {
  std::unique_ptr<SqliteDatabase> database(new SqliteDatabase(path));
  // The writer opens first: it creates the file and switches it to WAL.
  auto writer = SqliteConnection::open(path, SqliteAccess::read_write);
  if (!writer) return writer.take_error();
  database->writer_connection_ = std::move(*writer);
  for (int i = 0; i < std::max(1, options.read_connections); ++i) {
    auto reader = SqliteConnection::open(path, SqliteAccess::read_only);
    if (!reader) return reader.take_error();
    database->readers_.add(std::move(*reader));
  }
  database->writer_ = std::thread([raw = database.get()] { raw->writer_loop(); });
  return database;
}

SqliteDatabase::~SqliteDatabase() {
  {
    std::lock_guard lock(queue_mutex_);
    stopping_ = true;
  }
  queue_changed_.notify_all();
  if (writer_.joinable()) writer_.join();
}

Result<void> SqliteDatabase::read(const ConnectionWork& work) {
  auto connection = readers_.acquire();
  return work(*connection);
}

Result<void> SqliteDatabase::transact(const ConnectionWork& work) {
  PendingWrite pending{&work, std::nullopt, nullptr};
  std::unique_lock lock(queue_mutex_);
  queue_.push_back(&pending);
  queue_changed_.notify_one();
  results_ready_.wait(lock, [&] { return pending.result.has_value(); });
  if (pending.exception) std::rethrow_exception(pending.exception);
  return std::move(*pending.result);
}

void SqliteDatabase::writer_loop() {
  std::vector<PendingWrite*> group;
  while (true) {
    {
      std::unique_lock lock(queue_mutex_);
      queue_changed_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty() && stopping_) return;
      while (!queue_.empty() && group.size() < kMaxGroup) {
        group.push_back(queue_.front());
        queue_.pop_front();
      }
    }
    run_group(group);
    {
      std::lock_guard lock(queue_mutex_);
      group.clear();
    }
    results_ready_.notify_all();
  }
}

void SqliteDatabase::run_group(std::vector<PendingWrite*>& group) {
  SqliteConnection& connection = *writer_connection_;
  std::vector<Result<void>> outcomes;
  outcomes.reserve(group.size());
  auto begun = connection.execute_script("BEGIN IMMEDIATE");
  if (!begun) {
    std::lock_guard lock(queue_mutex_);
    for (auto* pending : group) pending->result = begun.error();
    return;
  }
  // Each caller's transaction is a savepoint inside the group: one caller's failure
  // rolls back only its own changes.
  for (auto* pending : group) {
    Result<void> outcome;
    if (auto saved = connection.execute_script("SAVEPOINT atrium_caller"); !saved) {
      outcome = saved.error();
    } else {
      try {
        outcome = (*pending->work)(connection);
      } catch (...) {
        pending->exception = std::current_exception();
        outcome = make_error(ErrorCode::internal_error, "transaction threw");
      }
      if (!outcome.ok()) {
        (void)connection.execute_script("ROLLBACK TO atrium_caller");
      }
      (void)connection.execute_script("RELEASE atrium_caller");
    }
    outcomes.push_back(std::move(outcome));
  }
  auto committed = connection.execute_script("COMMIT");
  if (!committed) (void)connection.execute_script("ROLLBACK");
  commits_.fetch_add(committed.ok() ? 1 : 0, std::memory_order_relaxed);
  std::lock_guard lock(queue_mutex_);
  for (std::size_t i = 0; i < group.size(); ++i) {
    if (!committed) {
      group[i]->result = committed.error();
    } else {
      if (outcomes[i].ok()) transactions_.fetch_add(1, std::memory_order_relaxed);
      group[i]->result = std::move(outcomes[i]);
    }
  }
}

PoolStats SqliteDatabase::stats() const {
  return PoolStats{readers_.size() + 1, readers_.in_use(), transactions_.load(), commits_.load()};
}

Result<std::vector<std::string>> SqliteDatabase::table_names() {
  std::vector<std::string> names;
  ATRIUM_TRY(read([&](Connection& connection) -> Result<void> {
    return connection.each(
        // Virtual tables (full-text indexes) and their shadow tables are derived data,
        // rebuilt from their content tables; they are not part of a backup.
        "SELECT name FROM sqlite_schema AS s WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
        "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' AND NOT EXISTS (SELECT 1 FROM sqlite_schema AS v "
        "WHERE v.type = 'table' AND v.sql LIKE 'CREATE VIRTUAL TABLE%' AND s.name LIKE v.name || '\\_%' ESCAPE '\\') "
        "ORDER BY name",
        {}, [&](const Row& row) {
          names.push_back(row[0].text());
          return true;
        });
  }));
  return names;
}

Result<void> SqliteDatabase::snapshot(const ConnectionWork& work) {
  auto connection = readers_.acquire();
  // A deferred transaction on a WAL reader pins one snapshot for all its statements.
  ATRIUM_TRY(connection->execute_script("BEGIN"));
  Result<void> outcome;
  try {
    outcome = work(*connection);
  } catch (...) {
    (void)connection->execute_script("ROLLBACK");
    throw;
  }
  (void)connection->execute_script("COMMIT");
  return outcome;
}

}  // namespace atrium::storage
