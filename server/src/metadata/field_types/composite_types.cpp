// Composite and internal types: a postal address (five columns, each filterable as
// `billing_address.city`) and internal JSON (stored, never filtered).
#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include <array>

#include "atrium/core/json_body.hpp"
#include "support.hpp"

namespace atrium::metadata::field_types {

namespace {

using Kind = records::FilterValue::Kind;
using records::FilterOperator;

constexpr std::array<std::string_view, 5> kAddressParts{"street", "city", "postal_code", "region", "country"};

class AddressType final : public FieldType {
 public:
  std::string_view name() const override { return "address"; }
  std::vector<ColumnSpec> columns(const FieldDefinition& field) const override {
    std::vector<ColumnSpec> specs;
    for (auto part : kAddressParts) specs.push_back({fmt::format("{}_{}", field.column(), part), ColumnKind::text});
    return specs;
  }
  Columns from_json(const boost::json::value& input, const FieldDefinition&) const override {
    const auto* object = input.if_object();
    if (!object) return problem("FIELD_INVALID_ADDRESS", "an object with street, city, postal_code, region, country");
    std::vector<storage::Value> values;
    for (const auto& [key, value] : *object) {
      if (std::find(kAddressParts.begin(), kAddressParts.end(), key) == kAddressParts.end()) {
        return problem("UNKNOWN_FIELD", fmt::format("an address has no part '{}'", std::string_view(key)));
      }
      if (!value.is_null() && !value.is_string()) return problem("FIELD_INVALID_ADDRESS", "parts are strings");
    }
    for (auto part : kAddressParts) {
      const auto* value = object->if_contains(part);
      if (!value || value->is_null() || value->as_string().empty()) {
        values.emplace_back();
        continue;
      }
      std::string text(value->as_string());
      if (utf8_length(text) > (part == "street" ? 500U : 120U)) {
        return problem("FIELD_TOO_LONG", fmt::format("{}: too long", part));
      }
      if (part == "country") {
        for (auto& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (text.size() != 2 || !std::isalpha(static_cast<unsigned char>(text[0])) ||
            !std::isalpha(static_cast<unsigned char>(text[1]))) {
          return problem("FIELD_INVALID_COUNTRY", "country: an ISO 3166 alpha-2 code such as DE");
        }
      }
      values.emplace_back(std::move(text));
    }
    return values;
  }
  boost::json::value to_json(std::span<const storage::Value> columns, const FieldDefinition&) const override {
    boost::json::object address;
    bool any = false;
    for (std::size_t i = 0; i < kAddressParts.size() && i < columns.size(); ++i) {
      if (columns[i].is_text()) {
        address[kAddressParts[i]] = columns[i].text();
        any = true;
      } else {
        address[kAddressParts[i]] = nullptr;
      }
    }
    return any ? boost::json::value(std::move(address)) : boost::json::value(nullptr);
  }
  bool supports(FilterOperator) const override { return true; }
  bool sortable() const override { return false; }
  Operand filter_operand(const records::FilterValue& value, const FieldDefinition&) const override {
    if (value.kind != Kind::string) return problem("FILTER_TYPE_MISMATCH", "a string");
    return storage::Value(value.text);
  }
  std::string search_text(std::span<const storage::Value> columns, const FieldDefinition&) const override {
    std::string text;
    for (const auto& column : columns) {
      if (column.is_text()) text += (text.empty() ? "" : " ") + column.text();
    }
    return text;
  }
  std::vector<std::string> parts() const override { return {kAddressParts.begin(), kAddressParts.end()}; }
};

class JsonType final : public ScalarType {
 public:
  std::string_view name() const override { return "json"; }
  Columns from_json(const boost::json::value& input, const FieldDefinition& field) const override {
    std::string text = boost::json::serialize(input);
    if (text.size() > field.max_length.value_or(65'536)) return problem("FIELD_TOO_LONG", "the JSON is too large");
    return std::vector<storage::Value>{std::move(text)};
  }
  bool supports(FilterOperator op) const override {
    return op == FilterOperator::empty || op == FilterOperator::not_empty;
  }
  bool sortable() const override { return false; }
  Operand filter_operand(const records::FilterValue&, const FieldDefinition&) const override {
    return problem("FILTER_NOT_SUPPORTED", "internal JSON cannot be compared");
  }

 protected:
  boost::json::value value_to_json(const storage::Value& value, const FieldDefinition&) const override {
    auto parsed = parse_json(value.text());
    return parsed ? std::move(*parsed) : boost::json::value(nullptr);
  }
};

}  // namespace

void add_composite_types(FieldTypeRegistry& registry) {
  registry.add(std::make_unique<AddressType>());
  registry.add(std::make_unique<JsonType>());
}

}  // namespace atrium::metadata::field_types
