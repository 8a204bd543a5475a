// The record service's checks of its caller's access: may this actor act on this record,
// do the links they write point at records they can see, and the questions the access
// administration asks of entities (does a rule compile, does a record exist).
#include <fmt/format.h>

#include <algorithm>

#include "atrium/records/filter.hpp"
#include "atrium/records/record_service.hpp"
#include "query_compiler.hpp"
#include "record_access.hpp"
#include "record_codec.hpp"

namespace atrium::records {

Result<void> RecordService::check_rule(std::string_view entity, const std::string& rule) const {
  const EntityLayout* layout = by_name(entity);
  if (!layout) return make_error(ErrorCode::bad_request, fmt::format("no entity '{}'", entity));
  auto tree = parse_filter(rule);
  if (!tree) return tree.take_error();
  // Names only matter here, not values: every attribute a rule may name, with one value.
  access::UserValues values;
  for (const char* name : {"id", "teams", "account", "contact"}) values[name] = {"00000000000000000000000000"};
  for (const auto& name : scope_attributes()) values[name] = {"x"};
  const LayoutLookup lookup = [this](std::string_view name) { return by_name(name); };
  FilterContext context{lookup, database_.dialect(), today()};
  context.user_values = &values;
  auto compiled = compile_filter(**tree, *layout, context);
  if (!compiled) return compiled.take_error();
  return {};
}

std::vector<std::string> RecordService::scope_attributes() const {
  std::vector<std::string> names;
  for (const auto& [plural, layout] : layouts_) {
    for (const auto& field : layout->fields()) {
      if (!field.field->picklist.empty()) names.push_back(field.field->picklist);
    }
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

Result<bool> RecordService::exists(storage::Connection& connection, std::string_view entity,
                                   const std::string& id) const {
  const EntityLayout* layout = by_name(entity);
  if (!layout) return false;
  auto rows = connection.query(fmt::format("SELECT 1 FROM {} WHERE id = ?", layout->entity().table), {id});
  if (!rows) return rows.take_error();
  return !rows->empty();
}

Result<void> RecordService::ensure_allowed(storage::Connection& connection, const EntityLayout& layout,
                                           std::string_view id, const Actor& actor, access::Action action) {
  if (!actor.access || actor.access->unrestricted()) return {};
  auto visible = record_meets(connection, layout, id, actor.access, access::Action::read);
  if (!visible) return visible.take_error();
  if (!*visible) return make_error(ErrorCode::not_found, fmt::format("no {} with id {}", layout.entity().label, id));
  if (!actor.access->may(layout, action)) return access_denied(layout, action);
  return ensure_within_scope(connection, layout, id, actor, action);
}

Result<void> RecordService::ensure_within_scope(storage::Connection& connection, const EntityLayout& layout,
                                                std::string_view id, const Actor& actor, access::Action action) {
  if (!actor.access || actor.access->unrestricted()) return {};
  auto allowed = record_meets(connection, layout, id, actor.access, action);
  if (!allowed) return allowed.take_error();
  if (*allowed) return {};
  return Error{ErrorCode::forbidden,
               fmt::format("the {} is outside what you may {}", layout.entity().label, access::action_name(action)),
               {{"id", "OUT_OF_SCOPE", std::string(access::action_name(action))}}};
}

Result<void> RecordService::check_links_visible(storage::Connection& connection, const DecodedInput& input,
                                                const Actor& actor) {
  if (!actor.access || actor.access->unrestricted()) return {};
  Error invalid{ErrorCode::validation_failed, "the record is not valid", {}};
  for (const FieldLayout* field : input.touched) {
    if (field->field->type == "parent") {
      const storage::Value* entity = nullptr;
      const storage::Value* id = nullptr;
      for (const auto& assignment : input.assignments) {
        if (assignment.column == field->columns[0].name) entity = &assignment.value;
        if (assignment.column == field->columns[1].name) id = &assignment.value;
      }
      const EntityLayout* target = entity && !entity->is_null() ? by_name(entity->text()) : nullptr;
      if (!target || !id || id->is_null()) continue;
      auto visible = record_meets(connection, *target, id->text(), actor.access, access::Action::read);
      if (!visible) return visible.take_error();
      if (!*visible) {
        invalid.fields.push_back(
            {field->api_name, "LINK_NOT_FOUND", fmt::format("no {} with id {}", target->entity().label, id->text())});
      }
      continue;
    }
    if (field->field->type != "link") continue;
    const EntityLayout* target = by_name(field->field->link_entity);
    for (const auto& assignment : input.assignments) {
      if (assignment.column != field->columns[0].name || assignment.value.is_null() || !target) continue;
      // A link to a record the caller cannot see reads as a link to nothing.
      auto visible = record_meets(connection, *target, assignment.value.text(), actor.access, access::Action::read);
      if (!visible) return visible.take_error();
      if (!*visible) {
        invalid.fields.push_back({field->api_name, "LINK_NOT_FOUND",
                                  fmt::format("no {} with id {}", target->entity().label, assignment.value.text())});
      }
    }
  }
  if (invalid.fields.empty()) return {};
  return invalid;
}

}  // namespace atrium::records
