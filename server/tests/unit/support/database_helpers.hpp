#pragma once
// Short forms for the statements tests run outside the code under test.
#include <stdexcept>
#include <string>

#include "atrium/storage/database.hpp"

namespace atrium::testing {

// Runs one statement in its own transaction; throws when it fails (a broken test setup).
inline void run(storage::Database& database, const std::string& sql, const storage::Params& params = {}) {
  auto done = database.transact([&](storage::Connection& connection) -> Result<void> {
    auto changed = connection.execute(sql, params);
    if (!changed) return changed.take_error();
    return {};
  });
  if (!done) throw std::runtime_error("setup statement failed: " + done.error().message);
}

// The rows of one query read outside any transaction; throws when it fails.
inline storage::Rows select(storage::Database& database, const std::string& sql, const storage::Params& params = {}) {
  storage::Rows rows;
  auto done = database.read([&](storage::Connection& connection) -> Result<void> {
    auto found = connection.query(sql, params);
    if (!found) return found.take_error();
    rows = std::move(*found);
    return {};
  });
  if (!done) throw std::runtime_error("query failed: " + done.error().message);
  return rows;
}

inline std::int64_t count_rows(storage::Database& database, const std::string& table) {
  return select(database, "SELECT COUNT(*) FROM " + table).rows.at(0).at(0).integer();
}

}  // namespace atrium::testing
