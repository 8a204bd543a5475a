#include "atrium/records/numbering.hpp"

#include <fmt/format.h>

namespace atrium::records {

Result<NumberPattern> resolve_number_pattern(std::string_view pattern, TimePoint when) {
  const std::string date = to_iso8601(when);  // "YYYY-MM-DDT…"
  NumberPattern resolved;
  std::string* out = &resolved.prefix;
  int counters = 0;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '{') {
      *out += pattern[i];
      continue;
    }
    const auto close = pattern.find('}', i);
    if (close == std::string_view::npos) break;
    const auto token = pattern.substr(i + 1, close - i - 1);
    if (token == "YYYY") {
      *out += date.substr(0, 4);
    } else if (token == "YY") {
      *out += date.substr(2, 2);
    } else if (token == "MM") {
      *out += date.substr(5, 2);
    } else if (!token.empty() && token.find_first_not_of('#') == std::string_view::npos) {
      ++counters;
      resolved.width = static_cast<int>(token.size());
      out = &resolved.suffix;
    } else {
      return make_error(ErrorCode::internal_error, fmt::format("numbering pattern {}: unknown part {{{}}}", pattern, token));
    }
    i = close;
  }
  if (counters != 1) {
    return make_error(ErrorCode::internal_error, fmt::format("numbering pattern {} needs one {{###}} counter", pattern));
  }
  return resolved;
}

Result<std::string> next_number(storage::Connection& connection, std::string_view key, std::string_view pattern,
                                TimePoint when) {
  auto resolved = resolve_number_pattern(pattern, when);
  if (!resolved) return resolved.take_error();
  // The period is whatever the dates made of the pattern: a new year, a new series row.
  const std::string series = fmt::format("{}:{}#{}", key, resolved->prefix, resolved->suffix);
  // One statement that creates or advances the counter: concurrent creators queue on its
  // row lock (PostgreSQL) or the single writer (SQLite), so no number is given twice.
  auto taken = connection.query(
      "INSERT INTO number_series (series, last_value) VALUES (?, 1) "
      "ON CONFLICT (series) DO UPDATE SET last_value = number_series.last_value + 1 RETURNING last_value",
      {series});
  if (!taken) return taken.take_error();
  const auto value = taken->rows.at(0).at(0).integer();
  return fmt::format("{}{:0{}}{}", resolved->prefix, value, resolved->width, resolved->suffix);
}

}  // namespace atrium::records
