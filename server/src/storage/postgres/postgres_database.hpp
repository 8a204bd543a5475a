#pragma once
#include <atomic>

#include "../connection_pool.hpp"
#include "atrium/storage/database.hpp"
#include "postgres_connection.hpp"

namespace atrium::storage {

// PostgreSQL through a pool of libpq connections; any number of Atrium processes may
// share one server.
class PostgresDatabase final : public Database {
 public:
  static Result<std::unique_ptr<PostgresDatabase>> open(const std::string& url, const DatabaseOptions& options);

  Dialect dialect() const override { return Dialect::postgresql; }
  Result<void> read(const ConnectionWork& work) override;
  Result<void> snapshot(const ConnectionWork& work) override;
  Result<void> transact(const ConnectionWork& work) override;
  PoolStats stats() const override;
  Result<std::vector<std::string>> table_names() override;

 private:
  Result<void> in_transaction(std::string_view begin, const ConnectionWork& work);

  ConnectionPool<PostgresConnection> pool_;
  std::atomic<std::int64_t> transactions_{0};
};

}  // namespace atrium::storage
