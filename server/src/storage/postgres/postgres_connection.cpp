#include "postgres_connection.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <memory>

#include "atrium/storage/dialect.hpp"

namespace atrium::storage {

namespace {
// Type OIDs from pg_type.h: the ones whose text form we turn into numbers or bytes.
constexpr Oid kBool = 16;
constexpr Oid kBytea = 17;
constexpr Oid kInt8 = 20;
constexpr Oid kInt2 = 21;
constexpr Oid kInt4 = 23;
constexpr Oid kFloat4 = 700;
constexpr Oid kFloat8 = 701;

struct ResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};
using ResultHandle = std::unique_ptr<PGresult, ResultDeleter>;

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return 0;
}

Value read_cell(const PGresult* result, int row, int column) {
  if (PQgetisnull(result, row, column)) return Value();
  const char* text = PQgetvalue(result, row, column);
  const auto length = static_cast<std::size_t>(PQgetlength(result, row, column));
  switch (PQftype(result, column)) {
    case kBool: return Value(std::int64_t{text[0] == 't' ? 1 : 0});
    case kInt2:
    case kInt4:
    case kInt8: return Value(static_cast<std::int64_t>(std::strtoll(text, nullptr, 10)));
    case kFloat4:
    case kFloat8: return Value(std::strtod(text, nullptr));
    case kBytea: {
      Blob blob;  // text form "\x0a1b…"
      for (std::size_t i = 2; i + 1 < length; i += 2) {
        blob.bytes.push_back(static_cast<std::uint8_t>(hex_digit(text[i]) * 16 + hex_digit(text[i + 1])));
      }
      return Value(std::move(blob));
    }
    default: return Value(std::string_view(text, length));
  }
}
}  // namespace

Result<std::unique_ptr<PostgresConnection>> PostgresConnection::open(const std::string& url) {
  PGconn* connection = PQconnectdb(url.c_str());
  if (PQstatus(connection) != CONNECTION_OK) {
    std::string message = PQerrorMessage(connection);
    PQfinish(connection);
    while (!message.empty() && message.back() == '\n') message.pop_back();
    return make_error(ErrorCode::database_unavailable, fmt::format("cannot connect to PostgreSQL: {}", message));
  }
  std::unique_ptr<PostgresConnection> result(new PostgresConnection(connection));
  ATRIUM_TRY(result->execute_script("SET client_min_messages = warning; SET TIME ZONE 'UTC'"));
  return result;
}

PostgresConnection::~PostgresConnection() { PQfinish(connection_); }

Result<void> PostgresConnection::ensure_alive() {
  if (PQstatus(connection_) == CONNECTION_OK) return {};
  PQreset(connection_);
  statements_.clear();
  if (PQstatus(connection_) != CONNECTION_OK) {
    return make_error(ErrorCode::database_unavailable,
                      fmt::format("lost the PostgreSQL connection: {}", PQerrorMessage(connection_)));
  }
  return {};
}

Error PostgresConnection::error_of(const PGresult* result, std::string_view what) const {
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  std::string message = result ? PQresultErrorMessage(result) : PQerrorMessage(connection_);
  while (!message.empty() && message.back() == '\n') message.pop_back();
  ErrorCode code = ErrorCode::database_error;
  if (state && std::string_view(state).starts_with("23")) code = ErrorCode::conflict;
  if (state && std::string_view(state).starts_with("08")) code = ErrorCode::database_unavailable;
  return make_error(code, fmt::format("{}: {} (sqlstate {})", what, message, state ? state : "none"));
}

Result<const PostgresConnection::PreparedStatement*> PostgresConnection::prepared(std::string_view sql,
                                                                                  std::size_t parameter_count) {
  auto found = statements_.find(sql);
  if (found != statements_.end()) return &found->second;
  PreparedStatement statement{fmt::format("s{}", statements_.size()), {}};
  const std::string numbered = to_numbered_placeholders(sql);
  ResultHandle result(
      PQprepare(connection_, statement.name.c_str(), numbered.c_str(), static_cast<int>(parameter_count), nullptr));
  if (PQresultStatus(result.get()) != PGRES_COMMAND_OK) return error_of(result.get(), fmt::format("prepare `{}`", sql));
  // Column names are known once per statement, so a query with no rows still has them.
  ResultHandle description(PQdescribePrepared(connection_, statement.name.c_str()));
  if (PQresultStatus(description.get()) == PGRES_COMMAND_OK) {
    for (int c = 0; c < PQnfields(description.get()); ++c) statement.columns.emplace_back(PQfname(description.get(), c));
  }
  auto inserted = statements_.emplace(std::string(sql), std::move(statement));
  return &inserted.first->second;
}

Result<void> PostgresConnection::send(std::string_view sql, const Params& params) {
  auto statement = prepared(sql, params.size());
  if (!statement) return statement.take_error();
  std::vector<std::string> texts(params.size());
  std::vector<const char*> values(params.size(), nullptr);
  std::vector<int> lengths(params.size(), 0);
  std::vector<int> formats(params.size(), 0);
  for (std::size_t i = 0; i < params.size(); ++i) {
    const Value& value = params[i];
    if (value.is_null()) continue;
    if (value.is_blob()) {  // bytes go in binary format, no escaping
      values[i] = reinterpret_cast<const char*>(value.blob().bytes.data());
      lengths[i] = static_cast<int>(value.blob().bytes.size());
      formats[i] = 1;
      continue;
    }
    texts[i] = value.is_text() ? value.text() : value.to_canonical_text();
    values[i] = texts[i].c_str();
    lengths[i] = static_cast<int>(texts[i].size());
  }
  if (!PQsendQueryPrepared(connection_, (*statement)->name.c_str(), static_cast<int>(params.size()), values.data(),
                           lengths.data(), formats.data(), 0)) {
    return error_of(nullptr, fmt::format("send `{}`", sql));
  }
  return {};
}

Result<void> PostgresConnection::each(std::string_view sql, const Params& params, const RowVisitor& visit) {
  ATRIUM_TRY(send(sql, params));
  // Single-row mode streams large results instead of holding them whole in memory.
  PQsetSingleRowMode(connection_);
  Result<void> outcome;
  bool stopped = false;
  Row row;
  while (ResultHandle result{PQgetResult(connection_)}) {
    const auto status = PQresultStatus(result.get());
    if (status == PGRES_SINGLE_TUPLE && !stopped && outcome.ok()) {
      const int columns = PQnfields(result.get());
      row.clear();
      for (int c = 0; c < columns; ++c) row.push_back(read_cell(result.get(), 0, c));
      stopped = !visit(row);
    } else if (status != PGRES_SINGLE_TUPLE && status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK &&
               outcome.ok()) {
      outcome = error_of(result.get(), fmt::format("run `{}`", sql));
    }
  }  // results are drained to the end even after a stop, so the connection stays usable
  return outcome;
}

Result<Rows> PostgresConnection::query(std::string_view sql, const Params& params) {
  auto statement = prepared(sql, params.size());
  if (!statement) return statement.take_error();
  Rows rows;
  rows.columns = (*statement)->columns;
  ATRIUM_TRY(each(sql, params, [&](const Row& row) {
    rows.rows.push_back(row);
    return true;
  }));
  return rows;
}

Result<std::int64_t> PostgresConnection::execute(std::string_view sql, const Params& params) {
  ATRIUM_TRY(send(sql, params));
  Result<std::int64_t> changed = std::int64_t{0};
  while (ResultHandle result{PQgetResult(connection_)}) {
    const auto status = PQresultStatus(result.get());
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
      if (changed.ok()) changed = static_cast<std::int64_t>(std::strtoll(PQcmdTuples(result.get()), nullptr, 10));
    } else if (changed.ok()) {
      changed = error_of(result.get(), fmt::format("run `{}`", sql));
    }
  }
  return changed;
}

Result<void> PostgresConnection::execute_script(std::string_view sql) {
  ResultHandle result(PQexec(connection_, std::string(sql).c_str()));
  const auto status = PQresultStatus(result.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) return error_of(result.get(), "script");
  return {};
}

}  // namespace atrium::storage
