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

class LinkMultipleType final : public StringSetType {
 public:
  std::string_view name() const override { return "link_multiple"; }
  std::string api_name(const FieldDefinition& field) const override { return field.name + "_ids"; }

 protected:
  Rules rules() const override { return {"FIELD_INVALID_LINK", "record id", 1000}; }
  std::optional<FieldProblem> check_element(std::string_view element, const FieldDefinition&) const override {
    if (!id_shape(element)) return problem("FIELD_INVALID_LINK", "record ids");
    return std::nullopt;
  }
};

}  // namespace

void add_link_types(FieldTypeRegistry& registry) {
  registry.add(std::make_unique<LinkType>());
  registry.add(std::make_unique<LinkMultipleType>());
}

}  // namespace atrium::metadata::field_types
