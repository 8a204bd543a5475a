#pragma once
// Numbered SQL migrations for the platform's own tables, carried inside the binary.
#include <string_view>
#include <vector>

#include "atrium/core/result.hpp"
#include "atrium/storage/database.hpp"

namespace atrium::storage {

enum class MigrationDialect { both, sqlite, postgresql };

struct Migration {
  int version;
  std::string_view name;
  MigrationDialect dialect;
  std::string_view sql;
};

// Generated at build time from server/migrations/*.sql, in version order.
const std::vector<Migration>& embedded_migrations();

struct MigrationReport {
  int applied = 0;          // migrations applied by this call
  int current_version = 0;  // the database's version afterwards
};

// Applies every migration the database lacks, each in its own transaction, and records
// it in schema_migrations. A database newer than this binary is refused.
Result<MigrationReport> apply_migrations(Database& database, const std::vector<Migration>& migrations);

int latest_version(const std::vector<Migration>& migrations);

}  // namespace atrium::storage
