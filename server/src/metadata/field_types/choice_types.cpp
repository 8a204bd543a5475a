// Choices: boolean, enum (one key) and multi-enum (a set of keys), from inline values or
// a run-time picklist (whose keys the record service checks against the database).
#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "atrium/core/json_body.hpp"
#include "support.hpp"

namespace atrium::metadata::field_types {

namespace {

using Kind = records::FilterValue::Kind;
using records::FilterOperator;

bool key_shape(std::string_view key) {
  return !key.empty() && key.size() <= 64 && std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

std::optional<FieldProblem> check_key(std::string_view key, const FieldDefinition& field) {
  if (!field.values.empty()) {
    const bool known = std::any_of(field.values.begin(), field.values.end(), [&](auto& v) { return v.key == key; });
    if (!known) {
      std::string keys;
      for (const auto& value : field.values) keys += (keys.empty() ? "" : ", ") + value.key;
      return problem("FIELD_INVALID_ENUM", fmt::format("one of: {}", keys));
    }
  } else if (!key_shape(key)) {
    return problem("FIELD_INVALID_ENUM", "a picklist key");
  }
  return std::nullopt;
}

class BooleanType final : public ScalarType {
 public:
  std::string_view name() const override { return "boolean"; }
  Columns from_json(const boost::json::value& input, const FieldDefinition&) const override {
    if (!input.is_bool()) return problem("FIELD_INVALID_BOOLEAN", "true or false");
    return std::vector<storage::Value>{input.as_bool() ? 1 : 0};
  }
  bool supports(FilterOperator op) const override {
    return op == FilterOperator::eq || op == FilterOperator::ne || op == FilterOperator::empty ||
           op == FilterOperator::not_empty;
  }
  Operand filter_operand(const records::FilterValue& value, const FieldDefinition&) const override {
    if (value.kind != Kind::boolean) return problem("FILTER_TYPE_MISMATCH", "true or false");
    return storage::Value(value.boolean ? 1 : 0);
  }

 protected:
  ColumnKind column_kind() const override { return ColumnKind::integer; }
  boost::json::value value_to_json(const storage::Value& value, const FieldDefinition&) const override {
    return value.integer() != 0;
  }
};

class EnumType final : public ScalarType {
 public:
  std::string_view name() const override { return "enum"; }
  Columns from_json(const boost::json::value& input, const FieldDefinition& field) const override {
    if (!input.is_string()) return problem("FIELD_INVALID_ENUM", "a key as a string");
    if (auto wrong = check_key(input.as_string(), field)) return *wrong;
    return std::vector<storage::Value>{std::string(input.as_string())};
  }
  bool supports(FilterOperator op) const override {
    return op != FilterOperator::contains && op != FilterOperator::starts;
  }
  Operand filter_operand(const records::FilterValue& value, const FieldDefinition&) const override {
    if (value.kind != Kind::string) return problem("FILTER_TYPE_MISMATCH", "a key as a string");
    return storage::Value(value.text);
  }
};

// A set of picklist keys.
class MultiEnumType final : public StringSetType {
 public:
  std::string_view name() const override { return "multi_enum"; }

 protected:
  Rules rules() const override { return {"FIELD_INVALID_ENUM", "key", 200}; }
  std::optional<FieldProblem> check_element(std::string_view element, const FieldDefinition& field) const override {
    return check_key(element, field);
  }
};

}  // namespace

void add_choice_types(FieldTypeRegistry& registry) {
  registry.add(std::make_unique<BooleanType>());
  registry.add(std::make_unique<EnumType>());
  registry.add(std::make_unique<MultiEnumType>());
}

}  // namespace atrium::metadata::field_types
