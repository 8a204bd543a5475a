// Links to other records: one (`account_id`), several (`product_ids`), or a parent of
// one of several entities (`parent`: {"entity": "account", "id": …}, for notes and
// activities on any record). The shape of an id is checked here; that the record exists is the record service's check
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

// Two columns: the entity's name, then the record's id. Filterable as `parent.entity`
// and `parent.id`; not sortable.
class ParentType final : public FieldType {
 public:
  std::string_view name() const override { return "parent"; }
  std::vector<ColumnSpec> columns(const FieldDefinition& field) const override {
    return {{field.column() + "_entity", ColumnKind::text}, {field.column() + "_id", ColumnKind::text}};
  }
  std::variant<std::vector<storage::Value>, FieldProblem> from_json(const boost::json::value& input,
                                                                   const FieldDefinition& field) const override {
    const auto* object = input.if_object();
    const auto* entity = object ? object->if_contains("entity") : nullptr;
    const auto* id = object ? object->if_contains("id") : nullptr;
    if (!entity || !entity->is_string() || !id || !id->is_string() || object->size() != 2) {
      return problem("FIELD_INVALID_PARENT", R"({"entity": "account", "id": "…"})");
    }
    const std::string target(entity->as_string());
    if (std::find(field.link_entities.begin(), field.link_entities.end(), target) == field.link_entities.end()) {
      std::string allowed;
      for (const auto& name : field.link_entities) allowed += (allowed.empty() ? "" : ", ") + name;
      return problem("FIELD_INVALID_PARENT", "the entity is one of " + allowed);
    }
    if (!id_shape(id->as_string())) return problem("FIELD_INVALID_LINK", "a record id");
    return std::vector<storage::Value>{target, std::string(id->as_string())};
  }
  boost::json::value to_json(std::span<const storage::Value> columns, const FieldDefinition&) const override {
    if (columns.size() < 2 || columns[0].is_null() || columns[1].is_null()) return nullptr;
    return boost::json::object{{"entity", columns[0].text()}, {"id", columns[1].text()}};
  }
  bool supports(FilterOperator op) const override {
    return op == FilterOperator::eq || op == FilterOperator::ne || op == FilterOperator::in ||
           op == FilterOperator::empty || op == FilterOperator::not_empty;
  }
  std::variant<storage::Value, FieldProblem> filter_operand(const records::FilterValue& value,
                                                            const FieldDefinition&) const override {
    if (value.kind != Kind::string) return problem("FILTER_TYPE_MISMATCH", "an entity name");
    return storage::Value(value.text);
  }
  bool sortable() const override { return false; }
  std::vector<std::string> parts() const override { return {"entity", "id"}; }
};

}  // namespace

void add_link_types(FieldTypeRegistry& registry) {
  registry.add(std::make_unique<LinkType>());
  registry.add(std::make_unique<LinkMultipleType>());
  registry.add(std::make_unique<ParentType>());
}

}  // namespace atrium::metadata::field_types
