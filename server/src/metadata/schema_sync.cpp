#include "atrium/metadata/schema_sync.hpp"

#include <fmt/format.h>

#include <set>

namespace atrium::metadata {

namespace {

using storage::Connection;
using storage::Dialect;

// Identifiers come from checked definitions (snake_case, prefixed), never from requests.
std::string column_type(ColumnKind kind, Dialect dialect) {
  switch (kind) {
    case ColumnKind::integer: return dialect == Dialect::postgresql ? "BIGINT" : "INTEGER";
    case ColumnKind::real: return dialect == Dialect::postgresql ? "DOUBLE PRECISION" : "REAL";
    case ColumnKind::text: return "TEXT";
  }
  return "TEXT";
}

Result<std::set<std::string>> existing_tables(Connection& connection) {
  std::set<std::string> tables;
  const char* sql = connection.dialect() == Dialect::sqlite
                        ? "SELECT name FROM sqlite_schema WHERE type = 'table'"
                        : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()";
  ATRIUM_TRY(connection.each(sql, {}, [&](const storage::Row& row) {
    tables.insert(row[0].text());
    return true;
  }));
  return tables;
}

Result<std::set<std::string>> existing_columns(Connection& connection, const std::string& table) {
  std::set<std::string> columns;
  const char* sql = connection.dialect() == Dialect::sqlite
                        ? "SELECT name FROM pragma_table_info(?)"
                        : "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
                          "AND table_name = ?";
  ATRIUM_TRY(connection.each(sql, {table}, [&](const storage::Row& row) {
    columns.insert(row[0].text());
    return true;
  }));
  return columns;
}

Result<std::set<std::string>> existing_indexes(Connection& connection) {
  std::set<std::string> indexes;
  const char* sql = connection.dialect() == Dialect::sqlite
                        ? "SELECT name FROM sqlite_schema WHERE type = 'index'"
                        : "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()";
  ATRIUM_TRY(connection.each(sql, {}, [&](const storage::Row& row) {
    indexes.insert(row[0].text());
    return true;
  }));
  return indexes;
}

Result<void> run(Connection& connection, const std::string& sql) { return connection.execute_script(sql); }

}  // namespace

const std::vector<std::string>& standard_columns() {
  static const std::vector<std::string> columns{"id",         "owner_id",      "team_id",     "created_at",
                                                "created_by_id", "updated_at", "updated_by_id", "archived_at",
                                                "version"};
  return columns;
}

Result<SyncReport> sync_schema(storage::Database& database, const Catalog& catalog) {
  SyncReport report;
  ATRIUM_TRY(database.transact([&](Connection& connection) -> Result<void> {
    auto tables = existing_tables(connection);
    if (!tables) return tables.take_error();
    const Dialect dialect = connection.dialect();
    // Tables first, so links between them can reference any of them.
    for (const auto& entity : catalog.entities()) {
      if (tables->contains(entity.table)) continue;
      ATRIUM_TRY(run(connection, fmt::format(
                                     "CREATE TABLE {} (id TEXT PRIMARY KEY, owner_id TEXT, team_id TEXT, "
                                     "created_at TEXT NOT NULL, created_by_id TEXT, updated_at TEXT NOT NULL, "
                                     "updated_by_id TEXT, archived_at TEXT, version {} NOT NULL DEFAULT 1)",
                                     entity.table, column_type(ColumnKind::integer, dialect))));
      ++report.tables_created;
    }
    auto indexes = existing_indexes(connection);
    if (!indexes) return indexes.take_error();
    for (const auto& entity : catalog.entities()) {
      auto columns = existing_columns(connection, entity.table);
      if (!columns) return columns.take_error();
      for (const auto& field : entity.fields) {
        const auto& type = catalog.type_of(field);
        const auto specs = type.columns(field);
        for (std::size_t i = 0; i < specs.size(); ++i) {
          const auto& spec = specs[i];
          if (columns->contains(spec.name)) continue;
          std::string reference;
          if (field.type == "link" && i == 0) {
            // DEFERRABLE lets a restore load tables in any order inside one transaction.
            reference = fmt::format(" REFERENCES {} (id) DEFERRABLE INITIALLY IMMEDIATE",
                                    catalog.find(field.link_entity)->table);
          }
          ATRIUM_TRY(run(connection, fmt::format("ALTER TABLE {} ADD COLUMN {} {}{}", entity.table, spec.name,
                                                 column_type(spec.kind, dialect), reference)));
          ++report.columns_added;
        }
        if (specs.empty()) continue;
        const std::string column = specs[0].name;
        // Sorted pages walk (value, id): the index serves both the order and the cursor.
        if (field.unique) {
          const std::string name = fmt::format("ux_{}_{}", entity.table, column);
          if (!indexes->contains(name)) {
            ATRIUM_TRY(run(connection, fmt::format("CREATE UNIQUE INDEX {} ON {} ({})", name, entity.table, column)));
            ++report.indexes_created;
          }
        }
        // A parent is looked up by entity and id together (related lists, referrers).
        if (field.type == "parent") {
          const std::string name = fmt::format("ix_{}_{}", entity.table, column);
          if (!indexes->contains(name)) {
            ATRIUM_TRY(run(connection, fmt::format("CREATE INDEX {} ON {} ({}, {}, id)", name, entity.table, column,
                                                   specs[1].name)));
            ++report.indexes_created;
          }
          continue;
        }
        if (field.indexed || field.type == "link") {
          const std::string name = fmt::format("ix_{}_{}", entity.table, column);
          if (!indexes->contains(name)) {
            ATRIUM_TRY(run(connection, fmt::format("CREATE INDEX {} ON {} ({}, id)", name, entity.table, column)));
            ++report.indexes_created;
          }
        }
      }
      for (const char* standard : {"updated_at", "created_at"}) {
        const std::string name = fmt::format("ix_{}_{}", entity.table, standard);
        if (!indexes->contains(name)) {
          ATRIUM_TRY(run(connection, fmt::format("CREATE INDEX {} ON {} ({}, id)", name, entity.table, standard)));
          ++report.indexes_created;
        }
      }
    }
    return {};
  }));
  return report;
}

}  // namespace atrium::metadata
