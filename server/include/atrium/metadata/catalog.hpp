#pragma once
// Every entity Atrium knows: the definition files, checked once at start (a broken
// definition stops the server with a message naming the file and field).
#include <boost/json/value.hpp>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "atrium/core/result.hpp"
#include "atrium/metadata/entity_definition.hpp"
#include "atrium/metadata/field_type.hpp"

namespace atrium::metadata {

class Catalog {
 public:
  // Parses and checks definitions: field types exist, ids and names unique, links point
  // at known entities, enums have values or a picklist, access is declared.
  static Result<Catalog> from_json_files(const std::vector<std::pair<std::string, std::string>>& files,
                                         const FieldTypeRegistry& types);
  static Result<Catalog> embedded(const FieldTypeRegistry& types);

  const EntityDefinition* find(std::string_view name) const;
  const EntityDefinition* find_by_plural(std::string_view plural) const;
  const std::vector<EntityDefinition>& entities() const { return entities_; }
  const FieldTypeRegistry& types() const { return *types_; }
  const FieldType& type_of(const FieldDefinition& field) const { return *types_->find(field.type); }

  // Adds or replaces an entity (custom fields are merged by the caller).
  void put(EntityDefinition entity);

 private:
  std::vector<EntityDefinition> entities_;
  const FieldTypeRegistry* types_ = nullptr;
};

Result<EntityDefinition> parse_entity_definition(std::string_view json, std::string_view file);
// The `states` block of a definition, checked against the entity's fields.
Result<StateMachine> parse_state_machine(const boost::json::value& json, const EntityDefinition& entity,
                                         std::string_view file);

}  // namespace atrium::metadata
