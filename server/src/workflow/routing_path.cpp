#include "atrium/workflow/routing_path.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include <cmath>

namespace atrium::workflow {

namespace {

constexpr std::size_t kMaxName = 200;
constexpr std::size_t kMaxId = 64;

// Hours as a positive number, to the minute.
std::optional<std::int64_t> hours_to_minutes(const boost::json::value& value) {
  double hours = 0;
  if (value.is_int64()) hours = static_cast<double>(value.as_int64());
  else if (value.is_uint64()) hours = static_cast<double>(value.as_uint64());
  else if (value.is_double()) hours = value.as_double();
  else return std::nullopt;
  if (!std::isfinite(hours) || hours <= 0) return std::nullopt;
  const double minutes = std::round(hours * 60.0);
  if (minutes < 1 || minutes > static_cast<double>(kMaxSlaMinutes)) return std::nullopt;
  return static_cast<std::int64_t>(minutes);
}

std::string_view overdue_name(OverdueAction action) { return action == OverdueAction::manager ? "manager" : "next_step"; }

}  // namespace

double minutes_to_hours(std::int64_t minutes) { return static_cast<double>(minutes) / 60.0; }

Result<RoutingPath> read_routing_path(const boost::json::object& body, const metadata::Catalog& catalog) {
  Error invalid{ErrorCode::validation_failed, "the routing path is not valid", {}};
  const auto fail = [&](std::string field, std::string code, std::string message) {
    invalid.fields.push_back({std::move(field), std::move(code), std::move(message)});
  };
  for (const auto& [key, ignored] : body) {
    const std::string_view name(key);
    if (name != "name" && name != "entity" && name != "field" && name != "value" && name != "calendar_id" &&
        name != "steps" && name != "overall_sla_hours" && name != "active" && name != "version") {
      fail(std::string(name.substr(0, 64)), "UNKNOWN_FIELD", "not a field of a routing path");
    }
  }
  const auto text = [&](std::string_view name, std::size_t max) -> std::string {
    const auto* value = body.if_contains(name);
    if (!value || !value->is_string() || value->as_string().empty()) {
      fail(std::string(name), "FIELD_REQUIRED", "required text");
      return {};
    }
    if (value->as_string().size() > max) {
      fail(std::string(name), "FIELD_TOO_LONG", fmt::format("at most {} characters", max));
      return {};
    }
    return std::string(value->as_string());
  };
  RoutingPath path;
  path.name = text("name", kMaxName);
  path.entity = text("entity", 100);
  path.field = text("field", 100);
  path.value = text("value", 200);
  path.calendar_id = text("calendar_id", kMaxId);
  if (!path.entity.empty()) {
    const auto* entity = catalog.find(path.entity);
    if (!entity) {
      fail("entity", "UNKNOWN_ENTITY", fmt::format("no entity '{}' (the singular name, e.g. task)", path.entity));
    } else if (!path.field.empty()) {
      const auto* field = entity->field(path.field);
      if (!field || (field->type != "enum" && field->type != "text")) {
        fail("field", "FIELD_NOT_ROUTABLE", "an enum or text field of the entity");
      } else if (!path.value.empty() && field->type == "enum" && field->picklist.empty()) {
        bool known = false;
        for (const auto& option : field->values) known = known || option.key == path.value;
        if (!known) fail("value", "VALUE_UNKNOWN", fmt::format("not a value of {}.{}", path.entity, path.field));
      }
    }
  }
  if (const auto* overall = body.if_contains("overall_sla_hours"); overall && !overall->is_null()) {
    path.overall_sla_minutes = hours_to_minutes(*overall);
    if (!path.overall_sla_minutes) fail("overall_sla_hours", "FIELD_INVALID", "a positive number of working hours");
  }
  if (const auto* active = body.if_contains("active")) {
    if (!active->is_bool()) fail("active", "FIELD_INVALID_BOOLEAN", "true or false");
    else path.active = active->as_bool();
  }
  const auto* steps = body.if_contains("steps");
  if (!steps || !steps->is_array() || steps->as_array().empty() || steps->as_array().size() > kMaxRoutingSteps) {
    fail("steps", "FIELD_REQUIRED", fmt::format("a list of 1 to {} steps", kMaxRoutingSteps));
  } else {
    std::size_t index = 0;
    for (const auto& item : steps->as_array()) {
      const std::string where = fmt::format("steps[{}]", index++);
      if (!item.is_object()) {
        fail(where, "FIELD_INVALID", "a step: {\"name\", \"user_id\" or \"role_id\", \"sla_hours\"}");
        continue;
      }
      const auto& step_body = item.as_object();
      RoutingStep step;
      for (const auto& [key, ignored] : step_body) {
        const std::string_view name(key);
        if (name != "name" && name != "user_id" && name != "role_id" && name != "sla_hours" && name != "on_overdue") {
          fail(where + "." + std::string(name.substr(0, 64)), "UNKNOWN_FIELD", "not a field of a step");
        }
      }
      const auto step_text = [&](std::string_view name, std::size_t max) -> std::string {
        const auto* value = step_body.if_contains(name);
        if (!value || value->is_null()) return {};
        if (!value->is_string() || value->as_string().size() > max) {
          fail(where + "." + std::string(name), "FIELD_INVALID", fmt::format("text of at most {} characters", max));
          return {};
        }
        return std::string(value->as_string());
      };
      step.name = step_text("name", kMaxName);
      step.user_id = step_text("user_id", kMaxId);
      step.role_id = step_text("role_id", kMaxId);
      if (step.name.empty()) fail(where + ".name", "FIELD_REQUIRED", "required");
      if (step.user_id.empty() == step.role_id.empty()) {
        fail(where + ".user_id", "STEP_ASSIGNEE_REQUIRED", "either a user_id or a role_id");
      }
      const auto* sla = step_body.if_contains("sla_hours");
      auto minutes = sla ? hours_to_minutes(*sla) : std::nullopt;
      if (!minutes) fail(where + ".sla_hours", "FIELD_REQUIRED", "a positive number of working hours");
      else step.sla_minutes = *minutes;
      const std::string overdue = step_text("on_overdue", 20);
      if (overdue == "manager") step.on_overdue = OverdueAction::manager;
      else if (!overdue.empty() && overdue != "next_step") {
        fail(where + ".on_overdue", "FIELD_INVALID", "next_step or manager");
      }
      path.steps.push_back(std::move(step));
    }
  }
  if (!invalid.fields.empty()) return invalid;
  return path;
}

boost::json::array steps_json(const std::vector<RoutingStep>& steps) {
  boost::json::array items;
  for (const auto& step : steps) {
    items.push_back({{"name", step.name},
                     {"user_id", step.user_id.empty() ? boost::json::value(nullptr) : boost::json::value(step.user_id)},
                     {"role_id", step.role_id.empty() ? boost::json::value(nullptr) : boost::json::value(step.role_id)},
                     {"sla_hours", minutes_to_hours(step.sla_minutes)},
                     {"on_overdue", overdue_name(step.on_overdue)}});
  }
  return items;
}

std::string steps_text(const std::vector<RoutingStep>& steps) {
  boost::json::array items;
  for (const auto& step : steps) {
    items.push_back({{"name", step.name},
                     {"user_id", step.user_id},
                     {"role_id", step.role_id},
                     {"sla_minutes", step.sla_minutes},
                     {"on_overdue", overdue_name(step.on_overdue)}});
  }
  return boost::json::serialize(items);
}

std::vector<RoutingStep> steps_from_text(std::string_view text) {
  std::vector<RoutingStep> steps;
  boost::system::error_code error;
  const auto parsed = boost::json::parse(text, error);
  if (error || !parsed.is_array()) return steps;
  for (const auto& item : parsed.as_array()) {
    if (!item.is_object()) continue;
    const auto& object = item.as_object();
    const auto string_at = [&](std::string_view key) -> std::string {
      const auto* value = object.if_contains(key);
      return value && value->is_string() ? std::string(value->as_string()) : std::string();
    };
    RoutingStep step;
    step.name = string_at("name");
    step.user_id = string_at("user_id");
    step.role_id = string_at("role_id");
    const auto* minutes = object.if_contains("sla_minutes");
    step.sla_minutes = minutes && minutes->is_int64() ? minutes->as_int64() : 0;
    step.on_overdue = string_at("on_overdue") == "manager" ? OverdueAction::manager : OverdueAction::next_step;
    steps.push_back(std::move(step));
  }
  return steps;
}

}  // namespace atrium::workflow
