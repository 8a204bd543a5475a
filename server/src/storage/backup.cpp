#include "atrium/storage/backup.hpp"

#include <fmt/format.h>

#include <filesystem>

#include "atrium/storage/migration.hpp"

namespace atrium::storage {

namespace {
std::string quoted(const std::string& identifier) { return "\"" + identifier + "\""; }

// Copies every table of `source` (inside its snapshot) into `target` (inside its
// transaction). Table and column names come from the catalogues, never from input.
Result<CopyReport> copy_tables(Connection& source, Connection& target, const std::vector<std::string>& tables) {
  CopyReport report;
  if (target.dialect() == Dialect::sqlite) {
    ATRIUM_TRY(target.execute_script("PRAGMA defer_foreign_keys = ON"));
  } else {
    ATRIUM_TRY(target.execute_script("SET CONSTRAINTS ALL DEFERRED"));
  }
  for (const auto& table : tables) {
    // The target's migrations wrote their own bookkeeping; the source's replaces it.
    ATRIUM_TRY(target.execute(fmt::format("DELETE FROM {}", quoted(table))));
    auto probe = source.query(fmt::format("SELECT * FROM {} WHERE 1 = 0", quoted(table)));
    if (!probe) return probe.take_error();
    std::string columns;
    std::string marks;
    for (const auto& column : probe->columns) {
      columns += (columns.empty() ? "" : ", ") + quoted(column);
      marks += marks.empty() ? "?" : ", ?";
    }
    const std::string insert = fmt::format("INSERT INTO {} ({}) VALUES ({})", quoted(table), columns, marks);
    Result<void> inserted;
    ATRIUM_TRY(source.each(fmt::format("SELECT * FROM {}", quoted(table)), {}, [&](const Row& row) {
      auto done = target.execute(insert, row);
      if (!done) {
        inserted = done.take_error();
        return false;
      }
      ++report.rows;
      return true;
    }));
    ATRIUM_TRY(inserted);
    ++report.tables;
  }
  if (target.dialect() == Dialect::postgresql) {
    // Rows came with their identity values; the generators must continue after them.
    std::vector<std::pair<std::string, std::string>> identities;
    ATRIUM_TRY(target.each("SELECT table_name, column_name FROM information_schema.columns "
                           "WHERE table_schema = current_schema() AND is_identity = 'YES'",
                           {}, [&](const Row& row) {
                             identities.emplace_back(row[0].text(), row[1].text());
                             return true;
                           }));
    for (const auto& [table, column] : identities) {
      ATRIUM_TRY(target.query(fmt::format("SELECT setval(pg_get_serial_sequence('{}', '{}'), "
                                          "GREATEST((SELECT MAX({}) FROM {}), 1))",
                                          table, column, quoted(column), quoted(table))));
    }
  }
  return report;
}

Result<void> require_same_schema(Database& database, const char* which) {
  Result<void> outcome;
  ATRIUM_TRY(database.read([&](Connection& connection) -> Result<void> {
    auto rows = connection.query("SELECT MAX(version) FROM schema_migrations");
    if (!rows) return rows.take_error();
    const auto version = rows->rows.at(0).at(0).is_null() ? 0 : rows->rows[0][0].integer();
    const auto expected = latest_version(embedded_migrations());
    if (version != expected) {
      outcome = make_error(ErrorCode::conflict, fmt::format("the {} is at schema version {}, this Atrium expects {}",
                                                            which, version, expected));
    }
    return {};
  }));
  return outcome;
}
}  // namespace

Result<CopyReport> backup_to(Database& source, const std::string& path, const SchemaPreparer& prepare) {
  if (std::filesystem::exists(path)) {
    return make_error(ErrorCode::conflict, fmt::format("{} exists already; a backup never overwrites", path));
  }
  ATRIUM_TRY(require_same_schema(source, "database"));
  auto tables = source.table_names();
  if (!tables) return tables.take_error();

  // Written under a temporary name and renamed at the end: a file at `path` is whole.
  const std::string partial = path + ".partial";
  std::filesystem::remove(partial);
  Result<CopyReport> report = make_error(ErrorCode::internal_error, "backup did not run");
  {
    auto target = open_database("sqlite:" + partial, DatabaseOptions{1});
    if (!target) return target.take_error();
    ATRIUM_TRY(prepare(**target));
    ATRIUM_TRY(source.snapshot([&](Connection& from) -> Result<void> {
      return (*target)->transact([&](Connection& to) -> Result<void> {
        report = copy_tables(from, to, *tables);
        if (!report) return report.error();
        return {};
      });
    }));
  }
  if (!report) return report;
  // Closing the last connection checkpoints the WAL into the file and deletes it; a WAL
  // left behind would hold rows the renamed file lacks.
  if (std::filesystem::exists(partial + "-wal")) {
    return make_error(ErrorCode::database_error, fmt::format("{}-wal was not checkpointed", partial));
  }
  std::filesystem::rename(partial, path);
  return report;
}

Result<CopyReport> restore_from(Database& target, const std::string& path, const SchemaPreparer& prepare) {
  if (!std::filesystem::exists(path)) return make_error(ErrorCode::not_found, fmt::format("no backup at {}", path));
  auto source = open_database("sqlite:" + path, DatabaseOptions{1});
  if (!source) return source.take_error();
  ATRIUM_TRY(require_same_schema(**source, "backup"));
  ATRIUM_TRY(prepare(target));
  ATRIUM_TRY(require_same_schema(target, "target database"));
  auto tables = (*source)->table_names();
  if (!tables) return tables.take_error();
  auto target_tables = target.table_names();
  if (!target_tables) return target_tables.take_error();

  Result<CopyReport> report = make_error(ErrorCode::internal_error, "restore did not run");
  ATRIUM_TRY(target.transact([&](Connection& to) -> Result<void> {
    for (const auto& table : *target_tables) {
      if (table == "schema_migrations") continue;
      auto count = to.query(fmt::format("SELECT COUNT(*) FROM {}", quoted(table)));
      if (!count) return count.take_error();
      if (count->rows[0][0].integer() != 0) {
        return make_error(ErrorCode::conflict,
                          fmt::format("restore needs an empty database, but table {} has rows", table));
      }
    }
    return (*source)->snapshot([&](Connection& from) -> Result<void> {
      report = copy_tables(from, to, *tables);
      if (!report) return report.error();
      return {};
    });
  }));
  return report;
}

}  // namespace atrium::storage
