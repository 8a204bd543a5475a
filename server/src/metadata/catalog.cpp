#include "atrium/metadata/catalog.hpp"

#include <fmt/format.h>

#include <set>

#include "atrium/metadata/embedded_definitions.hpp"

namespace atrium::metadata {

namespace {

// Every record has these; a definition may not declare them again.
const std::set<std::string, std::less<>> kStandardNames{
    "id", "owner_id", "team_id", "created_at", "created_by_id", "updated_at", "updated_by_id", "archived_at", "version"};

Error invalid(const EntityDefinition& entity, std::string_view message) {
  return make_error(ErrorCode::internal_error, fmt::format("definition of {}: {}", entity.name, message));
}

Result<void> check_entity(const EntityDefinition& entity, const std::set<std::string, std::less<>>& entity_names,
                          const FieldTypeRegistry& types) {
  std::set<std::string, std::less<>> ids;
  std::set<std::string, std::less<>> api_names;
  for (const auto& field : entity.fields) {
    const FieldType* type = types.find(field.type);
    if (!type) return invalid(entity, fmt::format("field {} has the unknown type '{}'", field.name, field.type));
    if (!ids.insert(field.id).second) return invalid(entity, fmt::format("field id {} is used twice", field.id));
    const std::string api_name = type->api_name(field);
    if (kStandardNames.contains(api_name) || !api_names.insert(api_name).second) {
      return invalid(entity, fmt::format("field name {} is taken", api_name));
    }
    const bool linking = field.type == "link" || field.type == "link_multiple";
    if (linking && !entity_names.contains(field.link_entity)) {
      return invalid(entity, fmt::format("field {} links to the unknown entity '{}'", field.name, field.link_entity));
    }
    if (!linking && !field.link_entity.empty()) return invalid(entity, fmt::format("field {} is no link", field.name));
    if (field.type == "parent") {
      if (field.link_entities.empty()) {
        return invalid(entity, fmt::format("field {} names the entities its records hang under", field.name));
      }
      for (const auto& target : field.link_entities) {
        if (!entity_names.contains(target)) {
          return invalid(entity, fmt::format("field {} links to the unknown entity '{}'", field.name, target));
        }
      }
    } else if (!field.link_entities.empty()) {
      return invalid(entity, fmt::format("field {} is no parent link", field.name));
    }
    const bool choice = field.type == "enum" || field.type == "multi_enum";
    if (choice && field.values.empty() && field.picklist.empty()) {
      return invalid(entity, fmt::format("field {} needs values or a picklist", field.name));
    }
    if (field.unique && !type->sortable()) return invalid(entity, fmt::format("field {} cannot be unique", field.name));
    if (!field.default_value.is_null() && field.type != "json") {
      auto converted = type->from_json(field.default_value, field);
      if (std::holds_alternative<FieldProblem>(converted)) {
        return invalid(entity, fmt::format("the default of {} is not valid: {}", field.name,
                                           std::get<FieldProblem>(converted).message));
      }
    }
  }
  if (!entity.field(entity.title_field)) return invalid(entity, fmt::format("title field {} is unknown", entity.title_field));
  for (const auto& column : entity.list_columns) {
    if (!entity.field(column)) return invalid(entity, fmt::format("list column {} is unknown", column));
  }
  for (const auto& section : entity.sections) {
    for (const auto& name : section.fields) {
      if (!entity.field(name)) return invalid(entity, fmt::format("section field {} is unknown", name));
    }
  }
  if (!entity.access.parent_field.empty()) {
    const auto* parent = entity.field(entity.access.parent_field);
    if (!parent || (parent->type != "link" && parent->type != "parent")) {
      return invalid(entity, "the access parent must be a link or parent field");
    }
  }
  if (entity.numbering) {
    const auto* target = entity.field(entity.numbering->field);
    if (!target || target->type != "text") return invalid(entity, "numbering writes into a text field");
    const auto& pattern = entity.numbering->pattern;
    const auto counter = pattern.find("{#");
    if (counter == std::string::npos || pattern.find("{#", counter + 1) != std::string::npos) {
      return invalid(entity, "a numbering pattern has exactly one {###} counter");
    }
  }
  return {};
}

}  // namespace

Result<Catalog> Catalog::from_json_files(const std::vector<std::pair<std::string, std::string>>& files,
                                         const FieldTypeRegistry& types) {
  Catalog catalog;
  catalog.types_ = &types;
  std::set<std::string, std::less<>> names;
  std::set<std::string, std::less<>> plurals;
  for (const auto& [file, json] : files) {
    auto entity = parse_entity_definition(json, file);
    if (!entity) return entity.take_error();
    if (!names.insert(entity->name).second || !plurals.insert(entity->plural).second) {
      return make_error(ErrorCode::internal_error, fmt::format("{}: entity {} is defined twice", file, entity->name));
    }
    catalog.entities_.push_back(std::move(*entity));
  }
  for (const auto& entity : catalog.entities_) ATRIUM_TRY(check_entity(entity, names, types));
  for (const auto& entity : catalog.entities_) {
    if (!entity.lines) continue;
    const auto* line = catalog.find(entity.lines->entity);
    const auto* link = line ? line->field(entity.lines->link) : nullptr;
    if (!link || link->type != "link" || link->link_entity != entity.name) {
      return invalid(entity, fmt::format("its lines need an entity {} with a link {} to it", entity.lines->entity,
                                         entity.lines->link));
    }
  }
  return catalog;
}

Result<Catalog> Catalog::embedded(const FieldTypeRegistry& types) {
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& definition : embedded_definitions()) files.emplace_back(definition.file, definition.json);
  return from_json_files(files, types);
}

const EntityDefinition* Catalog::find(std::string_view name) const {
  for (const auto& entity : entities_) {
    if (entity.name == name) return &entity;
  }
  return nullptr;
}

const EntityDefinition* Catalog::find_by_plural(std::string_view plural) const {
  for (const auto& entity : entities_) {
    if (entity.plural == plural) return &entity;
  }
  return nullptr;
}

void Catalog::put(EntityDefinition entity) {
  for (auto& existing : entities_) {
    if (existing.name == entity.name) {
      existing = std::move(entity);
      return;
    }
  }
  entities_.push_back(std::move(entity));
}

}  // namespace atrium::metadata
