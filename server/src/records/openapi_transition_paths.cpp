#include "openapi_transition_paths.hpp"

#include <fmt/format.h>

#include "openapi_operations.hpp"
#include "openapi_schemas.hpp"

namespace atrium::records::openapi {

namespace json = boost::json;

void add_transition_paths(json::object& paths, const metadata::EntityDefinition& entity) {
  if (!entity.states) return;
  const auto& machine = *entity.states;
  const std::string type = pascal_case(entity.name);
  const std::string& tag = entity.label_plural;
  const std::string base = "/api/v1/" + entity.plural + "/{id}/transitions";
  const json::array id_parameter{component_ref("parameters", "RecordId")};

  std::string steps;
  json::array names;
  for (const auto& step : machine.transitions) {
    steps += fmt::format("\n- `{}` ({}): {} → `{}`{}{}{}", step.name, step.label,
                         step.from.empty() ? std::string("any state") : "`" + fmt::format("{}", fmt::join(step.from, "`, `")) + "`",
                         step.to,
                         step.required_fields.empty() ? "" : fmt::format("; requires {}", fmt::join(step.required_fields, ", ")),
                         step.roles.empty() ? "" : fmt::format("; only for {}", fmt::join(step.roles, ", ")),
                         step.guard.empty() ? "" : fmt::format("; when `{}`", step.guard));
    names.emplace_back(step.name);
  }

  json::object list = operation("list" + type + "Transitions",
                                "The transitions of a record of " + entity.label_plural + " from its state", tag);
  list["description"] = "Every transition with whether the caller may take it now; when not, `reason.code` says why "
                        "(ILLEGAL_TRANSITION, TRANSITION_FORBIDDEN, TRANSITION_GUARD_FAILED, OUT_OF_SCOPE). Records "
                        "outside the caller's read scope answer 404.";
  json::object option{
      {"type", "object"},
      {"required", json::array{"name", "label", "to", "allowed"}},
      {"properties",
       {{"name", {{"type", "string"}, {"enum", names}}},
        {"label", {{"type", "string"}}},
        {"to", {{"type", "string"}}},
        {"allowed", {{"type", "boolean"}}},
        {"reason",
         {{"type", "object"},
          {"properties", {{"code", {{"type", "string"}}}, {"message", {{"type", "string"}}}}}}}}}};
  list["responses"] = {
      {"200", answer_of("The transitions.", json::object{{"type", "object"},
                                                         {"required", json::array{"data"}},
                                                         {"properties", {{"data", {{"type", "array"}, {"items", option}}}}}})}};
  add_errors(list, {"401", "404"});
  set_security(list, false);
  paths[base] = {{"parameters", id_parameter}, {"get", std::move(list)}};

  json::object take =
      operation("take" + type + "Transition", "Move a record of " + entity.label_plural + " to another state", tag);
  take["description"] =
      "The `" + machine.field + "` field changes only here (a create starts in `" + machine.initial +
      "`; writing it otherwise answers 422 STATE_CHANGED_BY_TRANSITION). The body may set other fields in the same "
      "step, with `version` (or If-Match) against changes made meanwhile. Needs the edit right within scope. 409 "
      "ILLEGAL_TRANSITION when the record is not in a state the step leaves, 409 TRANSITION_GUARD_FAILED when it does "
      "not meet the step's condition, 403 TRANSITION_FORBIDDEN for a role the step is not open to, 422 FIELD_REQUIRED "
      "for a required field still empty, 404 TRANSITION_UNKNOWN for another name. The steps:" +
      steps;
  take["parameters"] = json::array{
      json::object{{"name", "transition"},
                   {"in", "path"},
                   {"required", true},
                   {"description", "The transition's name."},
                   {"schema", {{"type", "string"}, {"enum", names}}}},
      component_ref("parameters", "IfMatch")};
  json::object body = body_of(type + "Patch");
  body["required"] = false;
  take["requestBody"] = std::move(body);
  take["responses"] = {{"200", record_answer("The record in its new state.", type)}};
  add_errors(take, {"400", "401", "403", "404", "409", "412", "422"});
  set_security(take, true);
  paths[base + "/{transition}"] = {{"parameters", id_parameter}, {"post", std::move(take)}};
}

}  // namespace atrium::records::openapi
