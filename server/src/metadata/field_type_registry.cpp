#include <stdexcept>

#include "atrium/metadata/field_type.hpp"

namespace atrium::metadata {

namespace field_types {
void add_text_types(FieldTypeRegistry& registry);
void add_number_types(FieldTypeRegistry& registry);
void add_time_types(FieldTypeRegistry& registry);
void add_choice_types(FieldTypeRegistry& registry);
void add_link_types(FieldTypeRegistry& registry);
void add_composite_types(FieldTypeRegistry& registry);
}  // namespace field_types

std::string FieldType::search_text(std::span<const storage::Value>, const FieldDefinition&) const { return {}; }

void FieldTypeRegistry::add(std::unique_ptr<FieldType> type) {
  std::string name(type->name());
  if (!types_.emplace(name, std::move(type)).second) throw std::logic_error("field type registered twice: " + name);
}

const FieldType* FieldTypeRegistry::find(std::string_view name) const {
  auto found = types_.find(name);
  return found == types_.end() ? nullptr : found->second.get();
}

std::vector<std::string> FieldTypeRegistry::names() const {
  std::vector<std::string> names;
  for (const auto& [name, type] : types_) names.push_back(name);
  return names;
}

const FieldTypeRegistry& FieldTypeRegistry::standard() {
  static const FieldTypeRegistry registry = [] {
    FieldTypeRegistry built;
    field_types::add_text_types(built);
    field_types::add_number_types(built);
    field_types::add_time_types(built);
    field_types::add_choice_types(built);
    field_types::add_link_types(built);
    field_types::add_composite_types(built);
    return built;
  }();
  return registry;
}

}  // namespace atrium::metadata
