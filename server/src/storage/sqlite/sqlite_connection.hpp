#pragma once
#include <sqlite3.h>

#include <string>
#include <unordered_map>

#include "atrium/storage/database.hpp"

namespace atrium::storage {

enum class SqliteAccess { read_only, read_write };

// One sqlite3 handle with its prepared-statement cache.
class SqliteConnection final : public Connection {
 public:
  static Result<std::unique_ptr<SqliteConnection>> open(const std::string& path, SqliteAccess access);
  ~SqliteConnection() override;
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  Dialect dialect() const override { return Dialect::sqlite; }
  Result<Rows> query(std::string_view sql, const Params& params) override;
  Result<void> each(std::string_view sql, const Params& params, const RowVisitor& visit) override;
  Result<std::int64_t> execute(std::string_view sql, const Params& params) override;
  Result<void> execute_script(std::string_view sql) override;

  sqlite3* handle() { return db_; }

 private:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  Result<sqlite3_stmt*> prepare(std::string_view sql, const Params& params);
  Result<void> step_all(sqlite3_stmt* statement, std::string_view sql, const RowVisitor& visit);
  Error error_here(std::string_view what) const;

  sqlite3* db_;
  // Looked up by string_view: a query's text is not copied to find its statement.
  struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  std::unordered_map<std::string, sqlite3_stmt*, TextHash, std::equal_to<>> statements_;
};

}  // namespace atrium::storage
