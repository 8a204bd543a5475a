#pragma once
#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

#include "../connection_pool.hpp"
#include "atrium/storage/database.hpp"
#include "sqlite_connection.hpp"

namespace atrium::storage {

// SQLite in WAL mode: readers each on their own connection, all writes through one
// writer thread that commits the transactions waiting at the same moment together,
// so a durable (synchronous=FULL) commit's fsync is shared by many callers.
class SqliteDatabase final : public Database {
 public:
  static Result<std::unique_ptr<SqliteDatabase>> open(const std::string& path, const DatabaseOptions& options);
  ~SqliteDatabase() override;

  Dialect dialect() const override { return Dialect::sqlite; }
  Result<void> read(const ConnectionWork& work) override;
  Result<void> snapshot(const ConnectionWork& work) override;
  Result<void> transact(const ConnectionWork& work) override;
  PoolStats stats() const override;
  Result<std::vector<std::string>> table_names() override;


 private:
  struct PendingWrite {
    const ConnectionWork* work;
    std::optional<Result<void>> result;
    std::exception_ptr exception;
  };

  explicit SqliteDatabase(std::string path) : path_(std::move(path)) {}
  void writer_loop();
  void run_group(std::vector<PendingWrite*>& group);

  std::string path_;
  // Declared first so it closes last: only a read-write connection, closing last,
  // checkpoints the WAL into the main file and removes it.
  std::unique_ptr<SqliteConnection> writer_connection_;
  ConnectionPool<SqliteConnection> readers_;

  std::mutex queue_mutex_;
  std::condition_variable queue_changed_;
  std::condition_variable results_ready_;
  std::deque<PendingWrite*> queue_;
  bool stopping_ = false;
  std::thread writer_;

  std::atomic<std::int64_t> transactions_{0};
  std::atomic<std::int64_t> commits_{0};
};

}  // namespace atrium::storage
