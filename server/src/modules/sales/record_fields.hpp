#pragma once
// Reading fields of records as the record service answers them (ids, dates, enum keys and
// decimals are strings; integers are numbers), and the small pieces every file of the
// sales module uses around them: a field's column, a money amount, a value in a filter,
// a field's error.
#include <boost/json/object.hpp>
#include <string>
#include <string_view>

#include "atrium/core/decimal.hpp"
#include "atrium/core/result.hpp"
#include "atrium/records/entity_layout.hpp"

namespace atrium::sales {

// The field as text: a string as it is, an integer in decimal; empty when absent or null.
inline std::string text_of(const boost::json::object& record, std::string_view field) {
  const auto* value = record.if_contains(field);
  if (!value) return {};
  if (value->is_string()) return std::string(value->as_string());
  if (value->is_int64()) return std::to_string(value->as_int64());
  return {};
}

// A money field's amount (zero when unset).
inline Decimal money_amount(const boost::json::object& record, std::string_view field) {
  const auto* value = record.if_contains(field);
  if (!value || !value->is_object()) return Decimal();
  return Decimal::parse(text_of(value->as_object(), "amount")).value_or(Decimal());
}

// Money as stored (scaled by 10^4, as SQL sums it) as a Decimal (six places).
inline Decimal stored_money(std::int64_t scaled) {
  return Decimal::from_units(scaled * 100);
}

// The (first) column of a field, for SQL over a module's own tables.
inline std::string column_of(const records::EntityLayout& layout, std::string_view field) {
  return layout.find_field(field)->columns.at(0).name;
}

// A text as a value in the filter language: quoted, with quotes and backslashes escaped.
inline std::string filter_literal(std::string_view text) {
  std::string result = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') result += '\\';
    result += c;
  }
  return result + "\"";
}

// 422 naming one field with its code.
inline Error field_error(std::string field, std::string code, std::string message) {
  return Error{ErrorCode::validation_failed, message, {{std::move(field), std::move(code), message}}};
}

}  // namespace atrium::sales
