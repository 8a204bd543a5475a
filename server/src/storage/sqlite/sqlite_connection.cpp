#include "sqlite_connection.hpp"

#include <fmt/format.h>

namespace atrium::storage {

namespace {
// Statements reset on every exit path, so a cached statement never holds a read lock.
struct ResetOnExit {
  sqlite3_stmt* statement;
  ~ResetOnExit() {
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
  }
};

Value read_column(sqlite3_stmt* statement, int column) {
  switch (sqlite3_column_type(statement, column)) {
    case SQLITE_INTEGER: return Value(static_cast<std::int64_t>(sqlite3_column_int64(statement, column)));
    case SQLITE_FLOAT: return Value(sqlite3_column_double(statement, column));
    case SQLITE_TEXT: {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
      return Value(std::string_view(text, static_cast<std::size_t>(sqlite3_column_bytes(statement, column))));
    }
    case SQLITE_BLOB: {
      const auto* data = static_cast<const std::uint8_t*>(sqlite3_column_blob(statement, column));
      const auto size = static_cast<std::size_t>(sqlite3_column_bytes(statement, column));
      return Value(Blob{std::vector<std::uint8_t>(data, data + size)});
    }
    default: return Value();
  }
}
}  // namespace

Result<std::unique_ptr<SqliteConnection>> SqliteConnection::open(const std::string& path, SqliteAccess access) {
  sqlite3* db = nullptr;
  const int flags = SQLITE_OPEN_NOMUTEX | (access == SqliteAccess::read_only
                                               ? SQLITE_OPEN_READONLY
                                               : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return make_error(ErrorCode::database_unavailable, fmt::format("cannot open SQLite database {}: {}", path, message));
  }
  sqlite3_extended_result_codes(db, 1);
  // Writers queue in one thread, but a backup or a second process may hold the lock.
  sqlite3_busy_timeout(db, 5000);
  std::unique_ptr<SqliteConnection> connection(new SqliteConnection(db));
  const char* pragmas = access == SqliteAccess::read_write
                            ? "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
                            : "PRAGMA foreign_keys=ON;";
  ATRIUM_TRY(connection->execute_script(pragmas));
  return connection;
}

SqliteConnection::~SqliteConnection() {
  for (auto& [sql, statement] : statements_) sqlite3_finalize(statement);
  sqlite3_close(db_);
}

Error SqliteConnection::error_here(std::string_view what) const {
  const int code = sqlite3_extended_errcode(db_);
  const auto error_code = (code & 0xff) == SQLITE_CONSTRAINT ? ErrorCode::conflict : ErrorCode::database_error;
  return make_error(error_code, fmt::format("{}: {} (sqlite {})", what, sqlite3_errmsg(db_), code));
}

Result<sqlite3_stmt*> SqliteConnection::prepare(std::string_view sql, const Params& params) {
  sqlite3_stmt* statement = nullptr;
  auto found = statements_.find(sql);
  if (found != statements_.end()) {
    statement = found->second;
  } else {
    if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &statement,
                           nullptr) != SQLITE_OK) {
      return error_here(fmt::format("prepare `{}`", sql));
    }
    statements_.emplace(std::string(sql), statement);
  }
  if (sqlite3_bind_parameter_count(statement) != static_cast<int>(params.size())) {
    return make_error(ErrorCode::internal_error, fmt::format("`{}` takes {} parameters, {} given", sql,
                                                             sqlite3_bind_parameter_count(statement), params.size()));
  }
  for (std::size_t i = 0; i < params.size(); ++i) {
    const int index = static_cast<int>(i) + 1;
    const Value& value = params[i];
    int rc = SQLITE_OK;
    if (value.is_null()) {
      rc = sqlite3_bind_null(statement, index);
    } else if (value.is_integer()) {
      rc = sqlite3_bind_int64(statement, index, value.integer());
    } else if (value.is_real()) {
      rc = sqlite3_bind_double(statement, index, value.real());
    } else if (value.is_text()) {
      rc = sqlite3_bind_text64(statement, index, value.text().data(), value.text().size(), SQLITE_TRANSIENT,
                               SQLITE_UTF8);
    } else if (value.blob().bytes.empty()) {
      rc = sqlite3_bind_zeroblob(statement, index, 0);  // a null pointer would bind NULL
    } else {
      rc = sqlite3_bind_blob64(statement, index, value.blob().bytes.data(), value.blob().bytes.size(),
                               SQLITE_TRANSIENT);
    }
    if (rc != SQLITE_OK) {
      sqlite3_reset(statement);
      sqlite3_clear_bindings(statement);
      return error_here("bind");
    }
  }
  return statement;
}

Result<void> SqliteConnection::step_all(sqlite3_stmt* statement, std::string_view sql, const RowVisitor& visit) {
  ResetOnExit reset{statement};
  const int columns = sqlite3_column_count(statement);
  Row row;
  while (true) {
    const int rc = sqlite3_step(statement);
    if (rc == SQLITE_DONE) return {};
    if (rc != SQLITE_ROW) return error_here(fmt::format("run `{}`", sql));
    row.clear();
    row.reserve(static_cast<std::size_t>(columns));
    for (int c = 0; c < columns; ++c) row.push_back(read_column(statement, c));
    if (!visit(row)) return {};
  }
}

Result<void> SqliteConnection::each(std::string_view sql, const Params& params, const RowVisitor& visit) {
  auto prepared = prepare(sql, params);
  if (!prepared) return prepared.take_error();
  return step_all(*prepared, sql, visit);
}

Result<Rows> SqliteConnection::query(std::string_view sql, const Params& params) {
  auto prepared = prepare(sql, params);
  if (!prepared) return prepared.take_error();
  Rows rows;
  const int columns = sqlite3_column_count(*prepared);
  for (int c = 0; c < columns; ++c) rows.columns.emplace_back(sqlite3_column_name(*prepared, c));
  ATRIUM_TRY(step_all(*prepared, sql, [&](const Row& row) {
    rows.rows.push_back(row);
    return true;
  }));
  return rows;
}

Result<std::int64_t> SqliteConnection::execute(std::string_view sql, const Params& params) {
  ATRIUM_TRY(each(sql, params, [](const Row&) { return true; }));
  return static_cast<std::int64_t>(sqlite3_changes64(db_));
}

Result<void> SqliteConnection::execute_script(std::string_view sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    Error error = error_here("script");
    if (message) {
      error.message = fmt::format("script failed: {}", message);
      sqlite3_free(message);
    }
    return error;
  }
  return {};
}

}  // namespace atrium::storage
