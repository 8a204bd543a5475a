// Links to other records: one (`account_id`) or several (`product_ids`). The shape of
// an id is checked here; that the record exists is the record service's check
// (LINK_NOT_FOUND), since it needs the database.
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <set>

#include "atrium/core/json_body.hpp"
#include "support.hpp"

namespace atrium::metadata::field_types {

namespace {

using Kind = records::FilterValue::Kind;
using records::FilterOperator;

bool id_shape(std::string_view id) {
  return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' || c == '_';
  });
}

class LinkType final : public ScalarType {
 public:
  std::string_view name() const override { return "link"; }
  std::string api_name(const FieldDefinition& field) const override { return field.name + "_id"; }
  Columns from_json(const boost::json::value& input, const FieldDefinition&) const override {
    if (!input.is_string() || !id_shape(input.as_string())) return problem("FIELD_INVALID_LINK", "a record id");
    return std::vector<storage::Value>{std::string(input.as_string())};
  }
  bool supports(FilterOperator op) const override {
    return op == FilterOperator::eq || op == FilterOperator::ne || op == FilterOperator::in ||
           op == FilterOperator::empty || op == FilterOperator::not_empty;
  }
  Operand filter_operand(const records::FilterValue& value, const FieldDefinition&) const override {
    if (value.kind != Kind::string) return problem("FILTER_TYPE_MISMATCH", "a record id");
    return storage::Value(value.text);
  }
};

class LinkMultipleType final : public ScalarType {
 public:
  std::string_view name() const override { return "link_multiple"; }
  std::string api_name(const FieldDefinition& field) const override { return field.name + "_ids"; }
  Columns from_json(const boost::json::value& input, const FieldDefinition&) const override {
    if (!input.is_array()) return problem("FIELD_INVALID_LINK", "an array of record ids");
    std::set<std::string> ids;
    for (const auto& item : input.as_array()) {
      if (!item.is_string() || !id_shape(item.as_string())) return problem("FIELD_INVALID_LINK", "record ids");
      ids.insert(std::string(item.as_string()));
    }
    if (ids.size() > 1000) return problem("FIELD_TOO_LONG", "at most 1000 links");
    if (ids.empty()) return std::vector<storage::Value>{storage::Value()};
    boost::json::array sorted;
    for (const auto& id : ids) sorted.emplace_back(id);
    return std::vector<storage::Value>{boost::json::serialize(sorted)};
  }
  bool supports(FilterOperator op) const override {
    return op == FilterOperator::contains || op == FilterOperator::in || op == FilterOperator::empty ||
           op == FilterOperator::not_empty;
  }
  bool sortable() const override { return false; }
  Operand filter_operand(const records::FilterValue& value, const FieldDefinition&) const override {
    if (value.kind != Kind::string) return problem("FILTER_TYPE_MISMATCH", "a record id");
    return storage::Value(value.text);
  }

  // No keys is an empty set, not an unknown value.
  boost::json::value to_json(std::span<const storage::Value> columns, const FieldDefinition& field) const override {
    if (columns.empty() || columns[0].is_null()) return boost::json::array{};
    return value_to_json(columns[0], field);
  }

 protected:
  boost::json::value value_to_json(const storage::Value& value, const FieldDefinition&) const override {
    auto parsed = parse_json(value.text());
    return parsed ? std::move(*parsed) : boost::json::value(boost::json::array{});
  }
};

}  // namespace

void add_link_types(FieldTypeRegistry& registry) {
  registry.add(std::make_unique<LinkType>());
  registry.add(std::make_unique<LinkMultipleType>());
}

}  // namespace atrium::metadata::field_types
