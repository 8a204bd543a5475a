#pragma once
// One Database interface, two backends (SQLite embedded, PostgreSQL for larger sites).
// SQL is written once with `?` placeholders; the backend adapts it to its dialect.
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "atrium/core/result.hpp"
#include "atrium/storage/rows.hpp"
#include "atrium/storage/value.hpp"

namespace atrium::storage {

enum class Dialect { sqlite, postgresql };

std::string_view dialect_name(Dialect dialect);

// Called for each row of Connection::each; return false to stop early.
using RowVisitor = std::function<bool(const Row&)>;

// A connection lent for the duration of one read or one transaction.
class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;
  virtual Result<Rows> query(std::string_view sql, const Params& params = {}) = 0;
  virtual Result<void> each(std::string_view sql, const Params& params, const RowVisitor& visit) = 0;
  // Returns the number of rows changed.
  virtual Result<std::int64_t> execute(std::string_view sql, const Params& params = {}) = 0;
  // Several statements without parameters (migrations, schema changes).
  virtual Result<void> execute_script(std::string_view sql) = 0;
};

using ConnectionWork = std::function<Result<void>(Connection&)>;

struct PoolStats {
  int connections = 0;  // open
  int in_use = 0;       // lent out right now
  std::int64_t transactions = 0;  // committed since start
  std::int64_t commits = 0;       // physical commits (SQLite groups transactions)
};

class Database {
 public:
  virtual ~Database() = default;
  virtual Dialect dialect() const = 0;
  // Runs `work` on a connection that sees committed data; no writes.
  virtual Result<void> read(const ConnectionWork& work) = 0;
  // Like read, but every statement of `work` sees the same snapshot (backups, reports).
  virtual Result<void> snapshot(const ConnectionWork& work) = 0;
  // Runs `work` in a transaction: committed when it returns success, rolled back when it
  // returns an error or throws. `work` must not start another transaction.
  virtual Result<void> transact(const ConnectionWork& work) = 0;
  virtual PoolStats stats() const = 0;
  // Names of the tables in this database (for backup, restore and checksums).
  virtual Result<std::vector<std::string>> table_names() = 0;
};

struct DatabaseOptions {
  int read_connections = 4;
};

// "sqlite:PATH" or "postgresql://user@host:port/name" (also "postgres://").
Result<std::unique_ptr<Database>> open_database(std::string_view url, const DatabaseOptions& options = {});

}  // namespace atrium::storage
