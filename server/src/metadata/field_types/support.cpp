#include "support.hpp"

#include <fmt/format.h>

#include <boost/json/serialize.hpp>
#include <limits>
#include <map>
#include <memory>
#include <regex>
#include <set>

#include "atrium/core/json_body.hpp"

namespace atrium::metadata::field_types {

namespace {
// Compiling a std::regex costs far more than matching with it: each thread keeps the
// patterns it has compiled (nullptr for one that does not compile).
const std::regex* compiled_pattern(const std::string& pattern) {
  thread_local std::map<std::string, std::unique_ptr<std::regex>> cache;
  auto found = cache.find(pattern);
  if (found == cache.end()) {
    std::unique_ptr<std::regex> compiled;
    try {
      compiled = std::make_unique<std::regex>(pattern, std::regex::ECMAScript);
    } catch (const std::regex_error&) {
    }
    found = cache.emplace(pattern, std::move(compiled)).first;
  }
  return found->second.get();
}
}  // namespace

std::size_t utf8_length(std::string_view text) {
  std::size_t length = 0;
  for (unsigned char c : text) length += (c & 0xC0U) != 0x80U ? 1 : 0;
  return length;
}

std::optional<std::string> decimal_text(const boost::json::value& input) {
  if (input.is_string()) return std::string(input.as_string());
  if (input.is_int64()) return std::to_string(input.as_int64());
  if (input.is_uint64()) return std::to_string(input.as_uint64());
  return std::nullopt;
}

std::optional<FieldProblem> check_range(std::int64_t value, int scale, const FieldDefinition& field) {
  if (field.minimum) {
    if (auto minimum = parse_scaled(*field.minimum, scale); minimum && value < *minimum) {
      return problem("FIELD_TOO_SMALL", fmt::format("at least {}", *field.minimum));
    }
  }
  if (field.maximum) {
    if (auto maximum = parse_scaled(*field.maximum, scale); maximum && value > *maximum) {
      return problem("FIELD_TOO_LARGE", fmt::format("at most {}", *field.maximum));
    }
  }
  return std::nullopt;
}

boost::json::value ScalarType::value_to_json(const storage::Value& value, const FieldDefinition&) const {
  if (value.is_integer()) return value.integer();
  if (value.is_real()) return value.real();
  if (value.is_text()) return boost::json::string(value.text());
  return nullptr;
}

boost::json::value ScalarType::to_json(std::span<const storage::Value> columns, const FieldDefinition& field) const {
  if (columns.empty() || columns[0].is_null()) return nullptr;
  return value_to_json(columns[0], field);
}

Columns TextLikeType::from_json(const boost::json::value& input, const FieldDefinition& field) const {
  if (!input.is_string()) return problem("FIELD_INVALID_TYPE", "a string");
  std::string text(input.as_string());
  // Leading and trailing blanks are never meant; inner ones are kept.
  const auto first = text.find_first_not_of(" \t\r\n");
  text = first == std::string::npos ? "" : text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
  if (text.empty()) return std::vector<storage::Value>{storage::Value()};
  if (text.find('\0') != std::string::npos) return problem("FIELD_INVALID", "contains a NUL character");
  const std::size_t limit = field.max_length.value_or(default_max_length());
  if (utf8_length(text) > limit) return problem("FIELD_TOO_LONG", fmt::format("at most {} characters", limit));
  if (auto wrong = check(text)) return *wrong;
  if (field.pattern) {
    const std::regex* compiled = compiled_pattern(*field.pattern);
    if (!compiled) return problem("FIELD_PATTERN_MISMATCH", "the field's pattern is not valid");
    if (!std::regex_match(text, *compiled)) {
      return problem("FIELD_PATTERN_MISMATCH", fmt::format("must match {}", *field.pattern));
    }
  }
  return std::vector<storage::Value>{storage::Value(normalise(std::move(text)))};
}

bool TextLikeType::supports(records::FilterOperator) const {
  return true;
}

Operand TextLikeType::filter_operand(const records::FilterValue& value, const FieldDefinition&) const {
  using Kind = records::FilterValue::Kind;
  if (value.kind == Kind::string || value.kind == Kind::number) return storage::Value(value.text);
  return problem("FILTER_TYPE_MISMATCH", "a string");
}

std::string TextLikeType::search_text(std::span<const storage::Value> columns, const FieldDefinition&) const {
  return !columns.empty() && columns[0].is_text() ? columns[0].text() : std::string();
}

Columns StringSetType::from_json(const boost::json::value& input, const FieldDefinition& field) const {
  const Rules rule = rules();
  if (!input.is_array()) return problem(std::string(rule.invalid_code), fmt::format("an array of {}s", rule.element));
  std::set<std::string> elements;
  for (const auto& item : input.as_array()) {
    if (!item.is_string()) return problem(std::string(rule.invalid_code), fmt::format("{}s as strings", rule.element));
    if (auto wrong = check_element(item.as_string(), field)) return *wrong;
    elements.insert(std::string(item.as_string()));
  }
  if (elements.size() > rule.max_elements) {
    return problem("FIELD_TOO_LONG", fmt::format("at most {} {}s", rule.max_elements, rule.element));
  }
  if (elements.empty()) return std::vector<storage::Value>{storage::Value()};
  boost::json::array sorted;
  for (const auto& element : elements) sorted.emplace_back(element);
  return std::vector<storage::Value>{boost::json::serialize(sorted)};
}

bool StringSetType::supports(records::FilterOperator op) const {
  using records::FilterOperator;
  return op == FilterOperator::contains || op == FilterOperator::in || op == FilterOperator::empty ||
         op == FilterOperator::not_empty;
}

Operand StringSetType::filter_operand(const records::FilterValue& value, const FieldDefinition&) const {
  if (value.kind != records::FilterValue::Kind::string) {
    return problem("FILTER_TYPE_MISMATCH", fmt::format("a {} as a string", rules().element));
  }
  return storage::Value(value.text);
}

boost::json::value StringSetType::to_json(std::span<const storage::Value> columns, const FieldDefinition& field) const {
  if (columns.empty() || columns[0].is_null()) return boost::json::array{};
  return value_to_json(columns[0], field);
}

boost::json::value StringSetType::value_to_json(const storage::Value& value, const FieldDefinition&) const {
  auto parsed = parse_json(value.text());
  return parsed ? std::move(*parsed) : boost::json::value(boost::json::array{});
}

}  // namespace atrium::metadata::field_types
