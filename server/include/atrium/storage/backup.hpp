#pragma once
// Backups are SQLite files whatever the source, so one format moves data between
// backends: back up PostgreSQL, restore into SQLite, and the other way round.
#include <functional>
#include <string>

#include "atrium/core/result.hpp"
#include "atrium/storage/database.hpp"

namespace atrium::storage {

// Creates the schema of an empty database: migrations and whatever else the application
// derives (entity tables), so a backup file and a restore target match the source.
using SchemaPreparer = std::function<Result<void>(Database&)>;

struct CopyReport {
  int tables = 0;
  std::int64_t rows = 0;
};

// Online and consistent: every table is read from one snapshot while writes go on.
// Refuses to overwrite an existing file.
Result<CopyReport> backup_to(Database& source, const std::string& path, const SchemaPreparer& prepare);

// Into an empty, migrated database (no rows but the schema's own bookkeeping), in one
// transaction: all or nothing.
Result<CopyReport> restore_from(Database& target, const std::string& path, const SchemaPreparer& prepare);

}  // namespace atrium::storage
