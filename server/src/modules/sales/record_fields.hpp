#pragma once
// Reading fields of records as the record service answers them (ids, dates, enum keys and
// decimals are strings; integers are numbers), for the sales module's files.
#include <boost/json/object.hpp>
#include <string>
#include <string_view>

namespace atrium::sales {

// The field as text: a string as it is, an integer in decimal; empty when absent or null.
inline std::string text_of(const boost::json::object& record, std::string_view field) {
  const auto* value = record.if_contains(field);
  if (!value) return {};
  if (value->is_string()) return std::string(value->as_string());
  if (value->is_int64()) return std::to_string(value->as_int64());
  return {};
}

}  // namespace atrium::sales
