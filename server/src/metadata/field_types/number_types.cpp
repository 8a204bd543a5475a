// The numeric field types: integer, decimal, percent (exact, as scaled integers) and
// money (an exact amount with its ISO 4217 currency).
#include <fmt/format.h>

#include "atrium/core/currency.hpp"
#include "support.hpp"

namespace atrium::metadata::field_types {

namespace {

using Kind = records::FilterValue::Kind;
using records::FilterOperator;

bool numeric_operator(FilterOperator op) {
  return op != FilterOperator::contains && op != FilterOperator::starts;
}

class IntegerType final : public ScalarType {
 public:
  std::string_view name() const override { return "integer"; }
  Columns from_json(const boost::json::value& input, const FieldDefinition& field) const override {
    std::optional<std::int64_t> value;
    if (input.is_int64()) value = input.as_int64();
    if (input.is_uint64() && input.as_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
      value = static_cast<std::int64_t>(input.as_uint64());
    }
    if (input.is_string()) value = parse_scaled(input.as_string(), 0);
    if (!value) return problem("FIELD_INVALID_INTEGER", "a whole number");
    if (auto wrong = check_range(*value, 0, field)) return *wrong;
    return std::vector<storage::Value>{*value};
  }
  bool supports(FilterOperator op) const override { return numeric_operator(op); }
  Operand filter_operand(const records::FilterValue& value, const FieldDefinition&) const override {
    auto parsed = value.kind == Kind::number ? parse_scaled(value.text, 0) : std::nullopt;
    if (!parsed) return problem("FILTER_TYPE_MISMATCH", "a whole number");
    return storage::Value(*parsed);
  }

 protected:
  ColumnKind column_kind() const override { return ColumnKind::integer; }
};

// Decimals travel as strings ("12.50") and are stored as integers scaled by the field's
// scale: exact, and ordered correctly by the database.
class DecimalType : public ScalarType {
 public:
  std::string_view name() const override { return "decimal"; }
  Columns from_json(const boost::json::value& input, const FieldDefinition& field) const override {
    auto text = decimal_text(input);
    auto value = text ? parse_scaled(*text, field.scale) : std::nullopt;
    if (!value) {
      return problem("FIELD_INVALID_DECIMAL",
                     fmt::format("a decimal as a string, e.g. \"12.50\", with at most {} places", field.scale));
    }
    if (auto wrong = check_range(*value, field.scale, field)) return *wrong;
    return std::vector<storage::Value>{*value};
  }
  bool supports(FilterOperator op) const override { return numeric_operator(op); }
  Operand filter_operand(const records::FilterValue& value, const FieldDefinition& field) const override {
    auto parsed =
        value.kind == Kind::number || value.kind == Kind::string ? parse_scaled(value.text, field.scale) : std::nullopt;
    if (!parsed) return problem("FILTER_TYPE_MISMATCH", "a decimal number");
    return storage::Value(*parsed);
  }

 protected:
  ColumnKind column_kind() const override { return ColumnKind::integer; }
  boost::json::value value_to_json(const storage::Value& value, const FieldDefinition& field) const override {
    return boost::json::string(format_scaled(value.integer(), field.scale, field.scale));
  }
};

class PercentType final : public DecimalType {
 public:
  std::string_view name() const override { return "percent"; }
};

constexpr int kMoneyScale = 4;

class MoneyType final : public FieldType {
 public:
  std::string_view name() const override { return "money"; }
  std::vector<ColumnSpec> columns(const FieldDefinition& field) const override {
    return {{field.column() + "_amount", ColumnKind::integer}, {field.column() + "_currency", ColumnKind::text}};
  }
  Columns from_json(const boost::json::value& input, const FieldDefinition& field) const override {
    const auto* object = input.if_object();
    const auto* amount = object ? object->if_contains("amount") : nullptr;
    const auto* currency = object ? object->if_contains("currency") : nullptr;
    if (!amount || !currency || object->size() != 2) {
      return problem("FIELD_INVALID_MONEY", R"({"amount": "1234.50", "currency": "EUR"})");
    }
    auto text = decimal_text(*amount);
    auto scaled = text ? parse_scaled(*text, kMoneyScale) : std::nullopt;
    if (!scaled) return problem("FIELD_INVALID_MONEY", "amount: a decimal string with at most 4 places");
    if (!currency->is_string() || !is_currency_code(currency->as_string())) {
      return problem("FIELD_INVALID_CURRENCY", "currency: an ISO 4217 code such as EUR");
    }
    if (auto wrong = check_range(*scaled, kMoneyScale, field)) return *wrong;
    return std::vector<storage::Value>{*scaled, std::string(currency->as_string())};
  }
  boost::json::value to_json(std::span<const storage::Value> columns, const FieldDefinition&) const override {
    if (columns.size() < 2 || columns[0].is_null()) return nullptr;
    const std::string currency = columns[1].is_text() ? columns[1].text() : "";
    return boost::json::object{{"amount", format_scaled(columns[0].integer(), kMoneyScale, minor_unit(currency))},
                               {"currency", currency}};
  }
  bool supports(FilterOperator op) const override { return numeric_operator(op); }
  Operand filter_operand(const records::FilterValue& value, const FieldDefinition&) const override {
    auto parsed =
        value.kind == Kind::number || value.kind == Kind::string ? parse_scaled(value.text, kMoneyScale) : std::nullopt;
    if (!parsed) return problem("FILTER_TYPE_MISMATCH", "an amount");
    return storage::Value(*parsed);
  }
  std::vector<std::string> parts() const override { return {"amount", "currency"}; }
};

}  // namespace

void add_number_types(FieldTypeRegistry& registry) {
  registry.add(std::make_unique<IntegerType>());
  registry.add(std::make_unique<DecimalType>());
  registry.add(std::make_unique<PercentType>());
  registry.add(std::make_unique<MoneyType>());
}

}  // namespace atrium::metadata::field_types
