#pragma once
// Helpers shared by the field types: decimal text ↔ scaled integers, UTF-8 length,
// and the shapes of a field type's answers.
#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "atrium/core/decimal.hpp"
#include "atrium/metadata/field_type.hpp"

namespace atrium::metadata::field_types {

using Columns = std::variant<std::vector<storage::Value>, FieldProblem>;
using Operand = std::variant<storage::Value, FieldProblem>;

inline FieldProblem problem(std::string code, std::string message) {
  return {std::move(code), std::move(message)};
}

// Decimal text ↔ scaled integers (core/decimal.hpp).
using atrium::format_scaled;
using atrium::parse_scaled;
std::size_t utf8_length(std::string_view text);

// A decimal from JSON: a string ("12.50") or an integer; never a binary float.
std::optional<std::string> decimal_text(const boost::json::value& input);

// Checks minimum/maximum of a numeric field against a scaled value.
std::optional<FieldProblem> check_range(std::int64_t value, int scale, const FieldDefinition& field);

// Single-column scalar types share storage and most filter rules.
class ScalarType : public FieldType {
 public:
  std::vector<ColumnSpec> columns(const FieldDefinition& field) const override {
    return {{field.column(), column_kind()}};
  }
  boost::json::value to_json(std::span<const storage::Value> columns, const FieldDefinition& field) const override;

 protected:
  virtual ColumnKind column_kind() const { return ColumnKind::text; }
  virtual boost::json::value value_to_json(const storage::Value& value, const FieldDefinition& field) const;
};

// Text-like types: stored as given, compared as text, contains/starts folded.
class TextLikeType : public ScalarType {
 public:
  Columns from_json(const boost::json::value& input, const FieldDefinition& field) const override;
  bool supports(records::FilterOperator op) const override;
  Operand filter_operand(const records::FilterValue& value, const FieldDefinition& field) const override;
  std::string search_text(std::span<const storage::Value> columns, const FieldDefinition& field) const override;

 protected:
  virtual std::size_t default_max_length() const { return 255; }
  // Extra checks of the type (e-mail shape, URL scheme); the text is already trimmed.
  virtual std::optional<FieldProblem> check(const std::string& text) const {
    (void)text;
    return std::nullopt;
  }
  virtual std::string normalise(std::string text) const { return text; }
};

// A set of strings (picklist keys, record ids) stored as a sorted JSON array without
// duplicates: `contains` finds one element, `in` any of several; not sortable.
class StringSetType : public ScalarType {
 public:
  Columns from_json(const boost::json::value& input, const FieldDefinition& field) const override;
  bool supports(records::FilterOperator op) const override;
  bool sortable() const override { return false; }
  Operand filter_operand(const records::FilterValue& value, const FieldDefinition& field) const override;
  // No elements is an empty set, not an unknown value.
  boost::json::value to_json(std::span<const storage::Value> columns, const FieldDefinition& field) const override;

 protected:
  struct Rules {
    std::string_view invalid_code;  // FIELD_INVALID_ENUM, FIELD_INVALID_LINK
    std::string_view element;       // "key", "record id"
    std::size_t max_elements;
  };
  virtual Rules rules() const = 0;
  virtual std::optional<FieldProblem> check_element(std::string_view element, const FieldDefinition& field) const = 0;
  boost::json::value value_to_json(const storage::Value& value, const FieldDefinition& field) const override;
};

}  // namespace atrium::metadata::field_types
