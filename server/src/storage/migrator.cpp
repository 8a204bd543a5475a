#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "atrium/core/time.hpp"
#include "atrium/storage/migration.hpp"

namespace atrium::storage {

namespace {
bool applies_to(const Migration& migration, Dialect dialect) {
  switch (migration.dialect) {
    case MigrationDialect::both: return true;
    case MigrationDialect::sqlite: return dialect == Dialect::sqlite;
    case MigrationDialect::postgresql: return dialect == Dialect::postgresql;
  }
  return false;
}
}  // namespace

int latest_version(const std::vector<Migration>& migrations) {
  int latest = 0;
  for (const auto& migration : migrations) latest = std::max(latest, migration.version);
  return latest;
}

Result<MigrationReport> apply_migrations(Database& database, const std::vector<Migration>& migrations) {
  ATRIUM_TRY(database.transact([](Connection& connection) {
    return connection.execute_script(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
  }));

  std::set<int> applied;
  ATRIUM_TRY(database.read([&](Connection& connection) {
    return connection.each("SELECT version FROM schema_migrations", {}, [&](const Row& row) {
      applied.insert(static_cast<int>(row[0].integer()));
      return true;
    });
  }));
  const int known = latest_version(migrations);
  if (!applied.empty() && *applied.rbegin() > known) {
    return make_error(ErrorCode::migration_failed,
                      fmt::format("the database is at schema version {}, newer than this Atrium ({}): upgrade Atrium",
                                  *applied.rbegin(), known));
  }

  MigrationReport report;
  // A version may have one file per dialect; the one for this database is applied.
  std::vector<const Migration*> pending;
  for (const auto& migration : migrations) {
    if (!applies_to(migration, database.dialect()) || applied.contains(migration.version)) continue;
    pending.push_back(&migration);
  }
  std::sort(pending.begin(), pending.end(), [](auto* a, auto* b) { return a->version < b->version; });
  for (const Migration* migration : pending) {
    auto outcome = database.transact([&](Connection& connection) -> Result<void> {
      ATRIUM_TRY(connection.execute_script(migration->sql));
      auto recorded = connection.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                                         {migration->version, migration->name, utc_now_iso8601()});
      if (!recorded) return recorded.take_error();
      return {};
    });
    if (!outcome) {
      return make_error(ErrorCode::migration_failed, fmt::format("migration {} ({}) failed: {}", migration->version,
                                                                 migration->name, outcome.error().message));
    }
    ++report.applied;
  }
  report.current_version = std::max(applied.empty() ? 0 : *applied.rbegin(),
                                    pending.empty() ? 0 : pending.back()->version);
  return report;
}

}  // namespace atrium::storage
