// Reads one entity definition file. Strict: an unknown key is an error, so a typo in a
// definition fails at start instead of silently doing nothing.
#include <fmt/format.h>

#include <set>

#include "atrium/core/json_body.hpp"
#include "atrium/metadata/catalog.hpp"

namespace atrium::metadata {

namespace {

class Reader {
 public:
  Reader(const boost::json::object& object, std::string where) : object_(object), where_(std::move(where)) {}

  Error fail(std::string_view message) const {
    return make_error(ErrorCode::internal_error, fmt::format("{}: {}", where_, message));
  }
  Result<void> only(std::initializer_list<std::string_view> keys) const {
    for (const auto& [key, value] : object_) {
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
        return fail(fmt::format("unknown key '{}'", std::string_view(key)));
      }
    }
    return {};
  }
  Result<std::string> text(std::string_view key, std::optional<std::string> fallback = std::nullopt) const {
    const auto* value = object_.if_contains(key);
    if (!value) {
      if (fallback) return *fallback;
      return fail(fmt::format("'{}' is required", key));
    }
    if (!value->is_string()) return fail(fmt::format("'{}' must be a string", key));
    return std::string(value->as_string());
  }
  Result<bool> flag(std::string_view key, bool fallback) const {
    const auto* value = object_.if_contains(key);
    if (!value) return fallback;
    if (!value->is_bool()) return fail(fmt::format("'{}' must be true or false", key));
    return value->as_bool();
  }
  const boost::json::value* get(std::string_view key) const { return object_.if_contains(key); }
  const std::string& where() const { return where_; }

 private:
  const boost::json::object& object_;
  std::string where_;
};

bool snake_case(std::string_view name) {
  return !name.empty() && name.size() <= 48 && name[0] >= 'a' && name[0] <= 'z' &&
         std::all_of(name.begin(), name.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

#define ATRIUM_READ(target, expression)        \
  do {                                         \
    auto atrium_read_ = (expression);          \
    if (!atrium_read_) return atrium_read_.take_error(); \
    target = std::move(*atrium_read_);         \
  } while (false)

Result<FieldDefinition> parse_field(const boost::json::value& json, const std::string& where) {
  if (!json.is_object()) return make_error(ErrorCode::internal_error, where + ": a field must be an object");
  Reader read(json.as_object(), where);
  ATRIUM_TRY(read.only({"id", "name", "type", "label", "description", "required", "unique", "indexed", "searchable",
                        "audited", "personal_data", "read_only", "max_length", "pattern", "minimum", "maximum", "scale",
                        "default", "values", "picklist", "entity", "entities"}));
  FieldDefinition field;
  ATRIUM_READ(field.name, read.text("name"));
  ATRIUM_READ(field.id, read.text("id", field.name));
  ATRIUM_READ(field.type, read.text("type"));
  ATRIUM_READ(field.label, read.text("label", field.name));
  ATRIUM_READ(field.description, read.text("description", ""));
  ATRIUM_READ(field.required, read.flag("required", false));
  ATRIUM_READ(field.unique, read.flag("unique", false));
  ATRIUM_READ(field.indexed, read.flag("indexed", field.unique));
  ATRIUM_READ(field.searchable, read.flag("searchable", false));
  ATRIUM_READ(field.audited, read.flag("audited", true));
  ATRIUM_READ(field.personal_data, read.flag("personal_data", false));
  ATRIUM_READ(field.read_only, read.flag("read_only", false));
  ATRIUM_READ(field.picklist, read.text("picklist", ""));
  ATRIUM_READ(field.link_entity, read.text("entity", ""));
  if (const auto* entities = read.get("entities")) {
    if (!entities->is_array() || entities->as_array().empty()) return read.fail("'entities' is a non-empty list");
    for (const auto& name : entities->as_array()) {
      if (!name.is_string()) return read.fail("'entities' lists entity names");
      field.link_entities.emplace_back(name.as_string());
    }
  }
  if (!snake_case(field.name) || !snake_case(field.id)) {
    return read.fail(fmt::format("field '{}': names and ids are snake_case", field.name));
  }
  if (const auto* length = read.get("max_length")) {
    if (!length->is_int64() || length->as_int64() <= 0) return read.fail("'max_length' must be a positive integer");
    field.max_length = static_cast<std::size_t>(length->as_int64());
  }
  if (const auto* scale = read.get("scale")) {
    if (!scale->is_int64() || scale->as_int64() < 0 || scale->as_int64() > 8) return read.fail("'scale' is 0 to 8");
    field.scale = static_cast<int>(scale->as_int64());
  }
  if (read.get("pattern")) ATRIUM_READ(field.pattern, read.text("pattern"));
  if (read.get("minimum")) ATRIUM_READ(field.minimum, read.text("minimum"));
  if (read.get("maximum")) ATRIUM_READ(field.maximum, read.text("maximum"));
  if (const auto* fallback = read.get("default")) field.default_value = *fallback;
  if (const auto* values = read.get("values")) {
    if (!values->is_array()) return read.fail("'values' must be an array");
    for (const auto& item : values->as_array()) {
      if (!item.is_object()) return read.fail("each value is {\"key\", \"label\"}");
      Reader value(item.as_object(), where);
      ATRIUM_TRY(value.only({"key", "label"}));
      EnumValue entry;
      ATRIUM_READ(entry.key, value.text("key"));
      ATRIUM_READ(entry.label, value.text("label", entry.key));
      field.values.push_back(std::move(entry));
    }
  }
  return field;
}

}  // namespace

Result<EntityDefinition> parse_entity_definition(std::string_view json, std::string_view file) {
  auto parsed = parse_json(json);
  if (!parsed) return make_error(ErrorCode::internal_error, fmt::format("{}: {}", file, parsed.error().message));
  if (!parsed->is_object()) return make_error(ErrorCode::internal_error, fmt::format("{}: not an object", file));
  Reader read(parsed->as_object(), std::string(file));
  ATRIUM_TRY(read.only({"name", "plural", "label", "label_plural", "module", "title_field", "master_data", "junction", "fields",
                        "access", "numbering", "lines", "list_columns", "sections", "description",
                        "duplicates", "states"}));
  EntityDefinition entity;
  ATRIUM_READ(entity.name, read.text("name"));
  ATRIUM_READ(entity.plural, read.text("plural"));
  ATRIUM_READ(entity.label, read.text("label", entity.name));
  ATRIUM_READ(entity.label_plural, read.text("label_plural", entity.plural));
  ATRIUM_READ(entity.module, read.text("module", "general"));
  ATRIUM_READ(entity.title_field, read.text("title_field", "name"));
  ATRIUM_READ(entity.master_data, read.flag("master_data", false));
  ATRIUM_READ(entity.junction, read.flag("junction", false));
  if (!snake_case(entity.name) || !snake_case(entity.plural)) return read.fail("name and plural are snake_case");
  entity.table = "r_" + entity.plural;

  const auto* fields = read.get("fields");
  if (!fields || !fields->is_array() || fields->as_array().empty()) return read.fail("'fields' must list the fields");
  for (const auto& json_field : fields->as_array()) {
    auto field = parse_field(json_field, std::string(file));
    if (!field) return field.take_error();
    entity.fields.push_back(std::move(*field));
  }

  // Default deny: an entity that does not say who may do what is not served.
  const auto* access = read.get("access");
  if (!access || !access->is_object()) return read.fail("'access' must declare the entity's rights");
  Reader access_reader(access->as_object(), std::string(file) + " access");
  ATRIUM_TRY(access_reader.only({"actions", "default_scope", "parent", "assignable"}));
  std::string scope;
  ATRIUM_READ(scope, access_reader.text("default_scope", "all"));
  static const std::map<std::string, Scope, std::less<>> kScopes{
      {"all", Scope::all}, {"team", Scope::team}, {"own", Scope::own}, {"rule", Scope::rule}, {"none", Scope::none}};
  auto found_scope = kScopes.find(scope);
  if (found_scope == kScopes.end()) return read.fail("access default_scope is all, team, own, rule or none");
  entity.access.default_scope = found_scope->second;
  ATRIUM_READ(entity.access.parent_field, access_reader.text("parent", ""));
  ATRIUM_READ(entity.access.assignable, access_reader.flag("assignable", false));
  if (const auto* actions = access_reader.get("actions")) {
    entity.access.actions.clear();
    if (!actions->is_array()) return read.fail("access actions must be an array");
    for (const auto& action : actions->as_array()) {
      if (!action.is_string()) return read.fail("access actions are strings");
      entity.access.actions.emplace_back(action.as_string());
    }
  }

  if (const auto* numbering = read.get("numbering")) {
    if (!numbering->is_object()) return read.fail("'numbering' must be an object");
    Reader numbering_reader(numbering->as_object(), std::string(file) + " numbering");
    ATRIUM_TRY(numbering_reader.only({"field", "pattern"}));
    NumberingDefinition definition;
    ATRIUM_READ(definition.field, numbering_reader.text("field"));
    ATRIUM_READ(definition.pattern, numbering_reader.text("pattern"));
    entity.numbering = std::move(definition);
  }
  if (const auto* lines = read.get("lines")) {
    if (!lines->is_object()) return read.fail("'lines' must be an object");
    Reader lines_reader(lines->as_object(), std::string(file) + " lines");
    ATRIUM_TRY(lines_reader.only({"entity", "link"}));
    LinesDefinition definition;
    ATRIUM_READ(definition.entity, lines_reader.text("entity"));
    ATRIUM_READ(definition.link, lines_reader.text("link"));
    entity.lines = std::move(definition);
  }
  if (const auto* columns = read.get("list_columns")) {
    if (!columns->is_array()) return read.fail("'list_columns' must be an array");
    for (const auto& column : columns->as_array()) {
      if (!column.is_string()) return read.fail("list_columns are field names");
      entity.list_columns.emplace_back(column.as_string());
    }
  }
  if (const auto* sections = read.get("sections")) {
    if (!sections->is_array()) return read.fail("'sections' must be an array");
    for (const auto& json_section : sections->as_array()) {
      if (!json_section.is_object()) return read.fail("a section is {\"label\", \"fields\"}");
      Reader section_reader(json_section.as_object(), std::string(file) + " section");
      ATRIUM_TRY(section_reader.only({"label", "fields"}));
      Section section;
      ATRIUM_READ(section.label, section_reader.text("label"));
      const auto* names = section_reader.get("fields");
      if (!names || !names->is_array()) return read.fail("a section lists its fields");
      for (const auto& name : names->as_array()) {
        if (!name.is_string()) return read.fail("section fields are names");
        section.fields.emplace_back(name.as_string());
      }
      entity.sections.push_back(std::move(section));
    }
  }
  if (const auto* duplicates = read.get("duplicates")) {
    if (!duplicates->is_object()) return read.fail("'duplicates' must be an object");
    Reader rule_reader(duplicates->as_object(), std::string(file) + " duplicates");
    ATRIUM_TRY(rule_reader.only({"name", "legal_forms", "email", "phone", "country"}));
    DuplicateRule rule;
    ATRIUM_READ(rule.strip_legal_forms, rule_reader.flag("legal_forms", false));
    ATRIUM_READ(rule.country_field, rule_reader.text("country", ""));
    for (auto [key, target] : {std::pair{"name", &rule.name_fields}, std::pair{"email", &rule.email_fields},
                               std::pair{"phone", &rule.phone_fields}}) {
      const auto* names = rule_reader.get(key);
      if (!names) continue;
      if (!names->is_array()) return read.fail(fmt::format("duplicates {} lists field names", key));
      for (const auto& name : names->as_array()) {
        if (!name.is_string() || !entity.field(name.as_string())) {
          return read.fail(fmt::format("duplicates {} names a field the entity does not have", key));
        }
        target->emplace_back(name.as_string());
      }
    }
    if (!rule.country_field.empty() && !entity.field(rule.country_field)) {
      return read.fail("duplicates country names a field the entity does not have");
    }
    entity.duplicates = std::move(rule);
  }
  if (const auto* states = read.get("states")) {
    auto machine = parse_state_machine(*states, entity, file);
    if (!machine) return machine.take_error();
    entity.states = std::move(*machine);
  }
  return entity;
}

const FieldDefinition* EntityDefinition::field(std::string_view field_name) const {
  for (const auto& candidate : fields) {
    if (candidate.name == field_name) return &candidate;
  }
  return nullptr;
}

const FieldDefinition* EntityDefinition::field_by_id(std::string_view id) const {
  for (const auto& candidate : fields) {
    if (candidate.id == id) return &candidate;
  }
  return nullptr;
}

}  // namespace atrium::metadata
