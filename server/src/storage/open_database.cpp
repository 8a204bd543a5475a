#include <fmt/format.h>

#include "atrium/storage/database.hpp"
#include "postgres/postgres_database.hpp"
#include "sqlite/sqlite_database.hpp"

namespace atrium::storage {

Result<std::unique_ptr<Database>> open_database(std::string_view url, const DatabaseOptions& options) {
  if (url.starts_with("sqlite:")) {
    auto path = std::string(url.substr(7));
    if (path.empty()) return make_error(ErrorCode::bad_request, "sqlite: needs a file path, e.g. sqlite:var/atrium.db");
    auto database = SqliteDatabase::open(path, options);
    if (!database) return database.take_error();
    return std::unique_ptr<Database>(std::move(*database));
  }
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    auto database = PostgresDatabase::open(std::string(url), options);
    if (!database) return database.take_error();
    return std::unique_ptr<Database>(std::move(*database));
  }
  return make_error(ErrorCode::bad_request,
                    fmt::format("unknown database URL '{}': use sqlite:PATH or postgresql://USER@HOST:PORT/NAME", url));
}

}  // namespace atrium::storage
