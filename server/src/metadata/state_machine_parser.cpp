// Reads an entity's `states` block: the enum field that holds the state, the state new
// records start in, and the named transitions between states.
#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>

#include "atrium/metadata/catalog.hpp"

namespace atrium::metadata {

namespace {

Error invalid(std::string_view file, std::string_view message) {
  return make_error(ErrorCode::internal_error, fmt::format("{} states: {}", file, message));
}

Result<std::vector<std::string>> names(const boost::json::object& object, std::string_view key, std::string_view file) {
  std::vector<std::string> result;
  const auto* value = object.if_contains(key);
  if (!value) return result;
  if (!value->is_array()) return invalid(file, fmt::format("'{}' is a list of names", key));
  for (const auto& item : value->as_array()) {
    if (!item.is_string()) return invalid(file, fmt::format("'{}' is a list of names", key));
    result.emplace_back(item.as_string());
  }
  return result;
}

Result<std::string> text(const boost::json::object& object, std::string_view key, std::string_view file,
                         bool required) {
  const auto* value = object.if_contains(key);
  if (!value) {
    if (required) return invalid(file, fmt::format("'{}' is required", key));
    return std::string();
  }
  if (!value->is_string()) return invalid(file, fmt::format("'{}' must be a string", key));
  return std::string(value->as_string());
}

Result<void> only(const boost::json::object& object, std::initializer_list<std::string_view> keys,
                  std::string_view file) {
  for (const auto& [key, value] : object) {
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
      return invalid(file, fmt::format("unknown key '{}'", std::string_view(key)));
    }
  }
  return {};
}

}  // namespace

Result<StateMachine> parse_state_machine(const boost::json::value& json, const EntityDefinition& entity,
                                         std::string_view file) {
  if (!json.is_object()) return invalid(file, "must be an object");
  const auto& object = json.as_object();
  if (auto known = only(object, {"field", "initial", "transitions"}, file); !known) return known.error();
  StateMachine machine;
  auto field_name = text(object, "field", file, true);
  if (!field_name) return field_name.take_error();
  machine.field = *field_name;
  const FieldDefinition* field = entity.field(machine.field);
  if (!field || field->type != "enum") return invalid(file, "'field' must name an enum field of the entity");
  // With inline values every state is checked here; a picklist's values change at run time.
  const auto is_state = [field](std::string_view state) {
    return field->values.empty() || std::any_of(field->values.begin(), field->values.end(),
                                                [state](const EnumValue& value) { return value.key == state; });
  };
  auto initial = text(object, "initial", file, true);
  if (!initial) return initial.take_error();
  if (!is_state(*initial)) return invalid(file, fmt::format("initial state '{}' is not a value of the field", *initial));
  machine.initial = *initial;

  const auto* transitions = object.if_contains("transitions");
  if (!transitions || !transitions->is_array() || transitions->as_array().empty()) {
    return invalid(file, "'transitions' lists at least one transition");
  }
  for (const auto& item : transitions->as_array()) {
    if (!item.is_object()) return invalid(file, "a transition is an object");
    const auto& declared = item.as_object();
    if (auto known = only(declared, {"name", "label", "from", "to", "guard", "requires", "roles"}, file); !known) {
      return known.error();
    }
    StateTransition transition;
    auto name = text(declared, "name", file, true);
    auto label = text(declared, "label", file, false);
    auto to = text(declared, "to", file, true);
    auto guard = text(declared, "guard", file, false);
    auto from = names(declared, "from", file);
    auto required_fields = names(declared, "requires", file);
    auto roles = names(declared, "roles", file);
    for (const auto* failed : {&name, &label, &to, &guard}) {
      if (!*failed) return failed->error();
    }
    for (const auto* failed : {&from, &required_fields, &roles}) {
      if (!*failed) return failed->error();
    }
    transition.name = *name;
    const bool snake = !transition.name.empty() && std::all_of(transition.name.begin(), transition.name.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || c == '_';
    });
    if (!snake) return invalid(file, fmt::format("transition name '{}' is not snake_case", transition.name));
    if (machine.transition(transition.name)) {
      return invalid(file, fmt::format("transition '{}' is declared twice", transition.name));
    }
    transition.label = label->empty() ? transition.name : *label;
    transition.to = *to;
    transition.guard = *guard;
    transition.from = std::move(*from);
    transition.required_fields = std::move(*required_fields);
    transition.roles = std::move(*roles);
    if (!is_state(transition.to)) {
      return invalid(file, fmt::format("transition '{}' goes to '{}', not a value of the field", transition.name,
                                       transition.to));
    }
    for (const auto& state : transition.from) {
      if (!is_state(state)) {
        return invalid(file, fmt::format("transition '{}' leaves '{}', not a value of the field", transition.name,
                                         state));
      }
    }
    for (const auto& required : transition.required_fields) {
      if (!entity.field(required)) {
        return invalid(file, fmt::format("transition '{}' requires '{}', not a field of the entity", transition.name,
                                         required));
      }
    }
    machine.transitions.push_back(std::move(transition));
  }
  return machine;
}

const StateTransition* StateMachine::transition(std::string_view name) const {
  for (const auto& candidate : transitions) {
    if (candidate.name == name) return &candidate;
  }
  return nullptr;
}

}  // namespace atrium::metadata
