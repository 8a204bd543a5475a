// Transitions between the states an entity declares (DESIGN §7): the state field changes
// only here, after the from-state, the role, the guard and the required fields are checked,
// in the same transaction as the write, so two racing transitions cannot both pass.
#include "record_transitions.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "atrium/records/filter.hpp"
#include "atrium/records/record_service.hpp"
#include "query_compiler.hpp"
#include "record_access.hpp"

namespace atrium::records {

namespace {

std::string joined_names(const metadata::StateMachine& machine) {
  std::string names;
  for (const auto& step : machine.transitions) names += (names.empty() ? "" : ", ") + step.name;
  return names;
}

Error no_states(const EntityLayout& layout) {
  return make_error(ErrorCode::not_found, fmt::format("{} records have no states", layout.entity().label));
}

}  // namespace

Result<void> check_state_write(const EntityLayout& layout, const DecodedInput& decoded, WriteMode mode) {
  const auto& machine = layout.entity().states;
  if (!machine || decoded.by_transition || decoded.by_system) return {};
  const FieldLayout* state = layout.find_field(machine->field);
  if (!state) return {};
  for (const auto& assignment : decoded.assignments) {
    if (assignment.column != state->columns[0].name) continue;
    if (mode == WriteMode::create && (assignment.value.is_null() || assignment.value.text() == machine->initial)) {
      continue;
    }
    return Error{ErrorCode::validation_failed, "the record is not valid",
                 {{state->api_name, "STATE_CHANGED_BY_TRANSITION",
                   mode == WriteMode::create
                       ? fmt::format("a new record starts as '{}'", machine->initial)
                       : fmt::format("change it with a transition: {}", joined_names(*machine))}}};
  }
  return {};
}

Result<std::optional<Error>> RecordService::transition_blocker(storage::Connection& connection,
                                                               const EntityLayout& layout, std::string_view id,
                                                               const metadata::StateTransition& step,
                                                               const Actor& actor) const {
  const auto& machine = *layout.entity().states;
  const FieldLayout* state = layout.find_field(machine.field);
  auto current = connection.query(
      fmt::format("SELECT {} FROM {} WHERE id = ?", state->columns[0].name, layout.entity().table), {id});
  if (!current) return current.take_error();
  if (current->empty()) return std::optional<Error>(make_error(ErrorCode::not_found, "no such record"));
  const std::string now = current->rows[0][0].is_null() ? std::string() : current->rows[0][0].text();
  if (!step.from.empty() && std::find(step.from.begin(), step.from.end(), now) == step.from.end()) {
    return std::optional<Error>(Error{
        ErrorCode::illegal_transition,
        fmt::format("'{}' cannot be taken while the {} is '{}'", step.label, layout.entity().label, now),
        {{state->api_name, "ILLEGAL_TRANSITION", fmt::format("it leaves only {}", fmt::join(step.from, ", "))}}});
  }
  if (!step.roles.empty() && actor.access && !actor.access->unrestricted()) {
    const auto& held = actor.access->grants().roles;
    const bool open_to_actor = std::any_of(step.roles.begin(), step.roles.end(), [&held](const std::string& role) {
      return std::find(held.begin(), held.end(), role) != held.end();
    });
    if (!open_to_actor) {
      return std::optional<Error>(Error{ErrorCode::forbidden,
                                        fmt::format("'{}' is for {}", step.label, fmt::join(step.roles, ", ")),
                                        {{"transition", "TRANSITION_FORBIDDEN", std::string(step.name)}}});
    }
  }
  if (!step.guard.empty()) {
    auto tree = parse_filter(step.guard);
    if (!tree) return tree.take_error();
    const LayoutLookup lookup = [this](std::string_view name) { return by_name(name); };
    auto compiled = compile_filter(**tree, layout, FilterContext{lookup, database_.dialect(), today()});
    if (!compiled) return compiled.take_error();
    storage::Params params{std::string(id)};
    params.insert(params.end(), compiled->params.begin(), compiled->params.end());
    auto met = connection.query(
        fmt::format("SELECT 1 FROM {} WHERE id = ? AND ({})", layout.entity().table, compiled->sql), params);
    if (!met) return met.take_error();
    if (met->empty()) {
      return std::optional<Error>(Error{ErrorCode::transition_guard_failed,
                                        fmt::format("the {} does not meet the condition of '{}'",
                                                    layout.entity().label, step.label),
                                        {{"transition", "TRANSITION_GUARD_FAILED", step.guard}}});
    }
  }
  return std::optional<Error>();
}

Result<std::vector<TransitionOption>> RecordService::transitions(const EntityLayout& layout, std::string_view id,
                                                                 const Actor& actor) {
  if (!layout.entity().states) return no_states(layout);
  std::vector<TransitionOption> options;
  ATRIUM_TRY(database_.read([&](storage::Connection& connection) -> Result<void> {
    // Reading the record is the floor; taking a transition also needs the edit right.
    if (actor.access && !actor.access->unrestricted()) {
      auto visible = record_meets(connection, layout, id, actor.access, access::Action::read);
      if (!visible) return visible.take_error();
      if (!*visible) return make_error(ErrorCode::not_found, fmt::format("no {} with id {}", layout.entity().label, id));
    }
    bool editable = true;
    if (actor.access && !actor.access->unrestricted()) {
      editable = actor.access->may(layout, access::Action::edit);
      if (editable) {
        auto within = record_meets(connection, layout, id, actor.access, access::Action::edit);
        if (!within) return within.take_error();
        editable = *within;
      }
    }
    for (const auto& step : layout.entity().states->transitions) {
      TransitionOption option{step.name, step.label, step.to, false, {}, {}};
      if (!editable) {
        option.reason_code = "OUT_OF_SCOPE";
        option.reason = fmt::format("you may not edit this {}", layout.entity().label);
      } else {
        auto blocker = transition_blocker(connection, layout, id, step, actor);
        if (!blocker) return blocker.take_error();
        if (*blocker) {
          option.reason_code = (*blocker)->fields.empty() ? std::string(error_code_name((*blocker)->code))
                                                           : (*blocker)->fields.front().code;
          option.reason = (*blocker)->message;
        } else {
          option.allowed = true;
        }
      }
      options.push_back(std::move(option));
    }
    return {};
  }));
  return options;
}

Result<boost::json::object> RecordService::transition(const EntityLayout& layout, std::string_view id,
                                                      std::string_view name, const boost::json::object& input,
                                                      std::optional<std::int64_t> expected_version,
                                                      const Actor& actor) {
  const auto& machine = layout.entity().states;
  if (!machine) return no_states(layout);
  const auto* step = machine->transition(name);
  if (!step) {
    return Error{ErrorCode::not_found, fmt::format("{} records have no transition '{}'", layout.entity().label, name),
                 {{"transition", "TRANSITION_UNKNOWN", fmt::format("one of {}", joined_names(*machine))}}};
  }
  auto expected = version_in_body(input, expected_version);
  if (!expected) return expected.take_error();
  auto decoded = decode_input(layout, input, WriteMode::patch);
  if (!decoded) return decoded.take_error();
  ATRIUM_TRY(check_state_write(layout, *decoded, WriteMode::patch));
  if (actor.access) ATRIUM_TRY(actor.access->check_writable(layout, decoded->touched));
  const FieldLayout* state = layout.find_field(machine->field);
  decoded->assignments.push_back({state->columns[0].name, step->to});
  decoded->touched.push_back(state);
  decoded->by_transition = true;

  Result<boost::json::object> updated = boost::json::object{};
  ATRIUM_TRY(database_.transact([&](storage::Connection& connection) -> Result<void> {
    ATRIUM_TRY(ensure_allowed(connection, layout, id, actor, access::Action::edit));
    auto blocker = transition_blocker(connection, layout, id, *step, actor);
    if (!blocker) return blocker.take_error();
    if (*blocker) return std::move(**blocker);
    updated = patch_in(connection, layout, id, *decoded, *expected, actor);
    if (!updated) return updated.error();
    // Required once the step is taken: checked on the written record, so a value sent
    // with the transition counts and one already there does too.
    Error missing{ErrorCode::validation_failed, fmt::format("'{}' needs more", step->label), {}};
    for (const auto& field_name : step->required_fields) {
      const FieldLayout* field = layout.find_field(field_name);
      const auto* value = field ? updated->if_contains(field->api_name) : nullptr;
      const bool empty = !value || value->is_null() || (value->is_string() && value->as_string().empty()) ||
                         (value->is_array() && value->as_array().empty());
      if (empty && field) {
        missing.fields.push_back({field->api_name, "FIELD_REQUIRED", fmt::format("'{}' needs it", step->label)});
      }
    }
    if (!missing.fields.empty()) return missing;
    return {};
  }));
  return updated;
}

}  // namespace atrium::records
