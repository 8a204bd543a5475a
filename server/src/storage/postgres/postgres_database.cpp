#include "postgres_database.hpp"

namespace atrium::storage {

Result<std::unique_ptr<PostgresDatabase>> PostgresDatabase::open(const std::string& url,
                                                                 const DatabaseOptions& options) {
  std::unique_ptr<PostgresDatabase> database(new PostgresDatabase());
  // Readers plus one for writes, as with SQLite, so both backends see the same load.
  for (int i = 0; i < std::max(1, options.read_connections) + 1; ++i) {
    auto connection = PostgresConnection::open(url);
    if (!connection) return connection.take_error();
    database->pool_.add(std::move(*connection));
  }
  return database;
}

Result<void> PostgresDatabase::read(const ConnectionWork& work) {
  auto connection = pool_.acquire();
  ATRIUM_TRY(connection->ensure_alive());
  return work(*connection);
}

Result<void> PostgresDatabase::in_transaction(std::string_view begin, const ConnectionWork& work) {
  auto connection = pool_.acquire();
  ATRIUM_TRY(connection->ensure_alive());
  ATRIUM_TRY(connection->execute_script(begin));
  Result<void> outcome;
  try {
    outcome = work(*connection);
  } catch (...) {
    (void)connection->execute_script("ROLLBACK");
    throw;
  }
  if (!outcome) {
    (void)connection->execute_script("ROLLBACK");
    return outcome;
  }
  ATRIUM_TRY(connection->execute_script("COMMIT"));
  return {};
}

Result<void> PostgresDatabase::snapshot(const ConnectionWork& work) {
  return in_transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", work);
}

Result<void> PostgresDatabase::transact(const ConnectionWork& work) {
  ATRIUM_TRY(in_transaction("BEGIN", work));
  transactions_.fetch_add(1, std::memory_order_relaxed);
  return {};
}

PoolStats PostgresDatabase::stats() const {
  const auto committed = transactions_.load();
  return PoolStats{pool_.size(), pool_.in_use(), committed, committed};
}

Result<std::vector<std::string>> PostgresDatabase::table_names() {
  std::vector<std::string> names;
  ATRIUM_TRY(read([&](Connection& connection) -> Result<void> {
    return connection.each(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
        "AND table_type = 'BASE TABLE' ORDER BY table_name",
        {}, [&](const Row& row) {
          names.push_back(row[0].text());
          return true;
        });
  }));
  return names;
}

}  // namespace atrium::storage
