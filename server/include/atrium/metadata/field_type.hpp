#pragma once
// A field type: how its values are stored, validated, shown and filtered. One class per
// type, found by name in the registry; add a type by adding a class.
#include <boost/json/value.hpp>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "atrium/metadata/field_definition.hpp"
#include "atrium/records/filter.hpp"
#include "atrium/storage/value.hpp"

namespace atrium::metadata {

enum class ColumnKind { text, integer, real };

struct ColumnSpec {
  std::string name;
  ColumnKind kind = ColumnKind::text;
};

// A value a client sent that the field refuses: a stable code (FIELD_INVALID_EMAIL…)
// and a message for people.
struct FieldProblem {
  std::string code;
  std::string message;
};

class FieldType {
 public:
  virtual ~FieldType() = default;
  virtual std::string_view name() const = 0;

  // The API name of the field's value: `name`, or `name_id` for links.
  virtual std::string api_name(const FieldDefinition& field) const { return field.name; }
  virtual std::vector<ColumnSpec> columns(const FieldDefinition& field) const = 0;
  // A client's JSON (never null: the caller handles null and absence) as column values.
  virtual std::variant<std::vector<storage::Value>, FieldProblem> from_json(const boost::json::value& input,
                                                                           const FieldDefinition& field) const = 0;
  virtual boost::json::value to_json(std::span<const storage::Value> columns, const FieldDefinition& field) const = 0;

  // Filtering and sorting work on the first column; composite types expose parts.
  virtual bool supports(records::FilterOperator op) const = 0;
  virtual std::variant<storage::Value, FieldProblem> filter_operand(const records::FilterValue& value,
                                                                    const FieldDefinition& field) const = 0;
  virtual bool sortable() const { return true; }
  // Text that full-text search indexes for this value (empty: nothing).
  virtual std::string search_text(std::span<const storage::Value> columns, const FieldDefinition& field) const;
  // The names of parts a path may reach into (`billing_address.city`).
  virtual std::vector<std::string> parts() const { return {}; }
};

class FieldTypeRegistry {
 public:
  void add(std::unique_ptr<FieldType> type);
  const FieldType* find(std::string_view name) const;
  std::vector<std::string> names() const;

  // Every built-in type.
  static const FieldTypeRegistry& standard();

 private:
  std::map<std::string, std::unique_ptr<FieldType>, std::less<>> types_;
};

}  // namespace atrium::metadata
