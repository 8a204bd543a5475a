#pragma once
#include <libpq-fe.h>

#include <string>
#include <unordered_map>

#include "atrium/storage/database.hpp"

namespace atrium::storage {

// One libpq connection with its prepared statements (named per connection).
class PostgresConnection final : public Connection {
 public:
  static Result<std::unique_ptr<PostgresConnection>> open(const std::string& url);
  ~PostgresConnection() override;
  PostgresConnection(const PostgresConnection&) = delete;
  PostgresConnection& operator=(const PostgresConnection&) = delete;

  Dialect dialect() const override { return Dialect::postgresql; }
  Result<Rows> query(std::string_view sql, const Params& params) override;
  Result<void> each(std::string_view sql, const Params& params, const RowVisitor& visit) override;
  Result<std::int64_t> execute(std::string_view sql, const Params& params) override;
  Result<void> execute_script(std::string_view sql) override;

  // Reconnects a connection the server dropped; prepared statements are gone with it.
  Result<void> ensure_alive();

 private:
  explicit PostgresConnection(PGconn* connection) : connection_(connection) {}
  struct PreparedStatement {
    std::string name;
    std::vector<std::string> columns;
  };
  Result<const PreparedStatement*> prepared(std::string_view sql, std::size_t parameter_count);
  Result<void> send(std::string_view sql, const Params& params);
  Error error_of(const PGresult* result, std::string_view what) const;

  PGconn* connection_;
  struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  std::unordered_map<std::string, PreparedStatement, TextHash, std::equal_to<>> statements_;
};

}  // namespace atrium::storage
