#include "atrium/workflow/approval_chain.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace atrium::workflow {

namespace {

constexpr std::pair<ApprovalTrigger, std::string_view> kTriggers[] = {{ApprovalTrigger::on_create, "on_create"},
                                                                      {ApprovalTrigger::on_update, "on_update"},
                                                                      {ApprovalTrigger::on_delete, "on_delete"},
                                                                      {ApprovalTrigger::manual, "manual"}};
constexpr std::pair<ApproverKind, std::string_view> kKinds[] = {{ApproverKind::role, "role"},
                                                                {ApproverKind::manager, "manager"},
                                                                {ApproverKind::users, "users"},
                                                                {ApproverKind::approve_right, "approve_right"}};

Error level_error(std::size_t index, std::string_view field, std::string code, std::string message) {
  const std::string where = field.empty() ? fmt::format("levels[{}]", index) : fmt::format("levels[{}].{}", index, field);
  return Error{ErrorCode::validation_failed, "the approval levels are not valid",
               {{where, std::move(code), std::move(message)}}};
}

Result<ApprovalLevel> level_from_json(const boost::json::value& value, std::size_t index, ChainSource source) {
  if (!value.is_object()) return level_error(index, "", "FIELD_INVALID", "each level is an object");
  const auto& object = value.as_object();
  ApprovalLevel level;
  const auto* kind = object.if_contains("kind");
  const auto found = kind && kind->is_string()
                         ? std::find_if(std::begin(kKinds), std::end(kKinds),
                                        [&](const auto& entry) { return entry.second == kind->as_string(); })
                         : std::end(kKinds);
  if (found == std::end(kKinds) || (found->first == ApproverKind::approve_right && source == ChainSource::rule)) {
    return level_error(index, "kind", "FIELD_INVALID", "role, manager or users");
  }
  level.kind = found->first;
  if (const auto* mode = object.if_contains("mode"); mode && !mode->is_null()) {
    if (!mode->is_string() || (mode->as_string() != "any" && mode->as_string() != "all")) {
      return level_error(index, "mode", "FIELD_INVALID", "any (one approver decides) or all (every approver approves)");
    }
    level.mode = mode->as_string() == "all" ? LevelMode::all : LevelMode::any;
  }
  switch (level.kind) {
    case ApproverKind::role: {
      const auto* role = object.if_contains("role");
      if (!role || !role->is_string() || role->as_string().empty() || role->as_string().size() > 100) {
        return level_error(index, "role", "FIELD_REQUIRED", "the name of a role");
      }
      level.role = std::string(role->as_string());
      break;
    }
    case ApproverKind::manager: {
      const auto* depth = object.if_contains("depth");
      if (depth && !depth->is_null()) {
        if (!depth->is_int64() || depth->as_int64() < 1 || depth->as_int64() > kMaxManagerDepth) {
          return level_error(index, "depth", "FIELD_INVALID",
                             fmt::format("how many levels up the reporting line: 1 to {}", kMaxManagerDepth));
        }
        level.depth = static_cast<int>(depth->as_int64());
      }
      break;
    }
    case ApproverKind::users: {
      const auto* users = object.if_contains("user_ids");
      if (!users || !users->is_array() || users->as_array().empty() ||
          users->as_array().size() > kMaxUsersPerLevel) {
        return level_error(index, "user_ids", "FIELD_REQUIRED", fmt::format("1 to {} user ids", kMaxUsersPerLevel));
      }
      for (const auto& user : users->as_array()) {
        if (!user.is_string() || user.as_string().empty() || user.as_string().size() > 64) {
          return level_error(index, "user_ids", "FIELD_INVALID", "user ids");
        }
        const std::string id(user.as_string());
        if (std::find(level.user_ids.begin(), level.user_ids.end(), id) == level.user_ids.end()) {
          level.user_ids.push_back(id);
        }
      }
      break;
    }
    case ApproverKind::approve_right: break;
  }
  return level;
}

}  // namespace

std::string_view trigger_name(ApprovalTrigger trigger) {
  for (const auto& [value, name] : kTriggers) {
    if (value == trigger) return name;
  }
  return "manual";
}

std::optional<ApprovalTrigger> trigger_from_name(std::string_view name) {
  for (const auto& [value, text] : kTriggers) {
    if (text == name) return value;
  }
  return std::nullopt;
}

std::string_view approval_kind(ApprovalTrigger trigger) {
  switch (trigger) {
    case ApprovalTrigger::on_create: return "create";
    case ApprovalTrigger::on_update: return "update";
    case ApprovalTrigger::on_delete: return "delete";
    case ApprovalTrigger::manual: return "manual";
  }
  return "manual";
}

std::string_view approver_kind_name(ApproverKind kind) {
  for (const auto& [value, name] : kKinds) {
    if (value == kind) return name;
  }
  return "role";
}

std::string_view level_mode_name(LevelMode mode) { return mode == LevelMode::all ? "all" : "any"; }

Result<ApprovalChain> chain_from_json(const boost::json::value& levels, ChainSource source) {
  if (!levels.is_array() || levels.as_array().empty() || levels.as_array().size() > kMaxApprovalLevels) {
    return Error{ErrorCode::validation_failed, "the approval levels are not valid",
                 {{"levels", "FIELD_REQUIRED", fmt::format("1 to {} levels", kMaxApprovalLevels)}}};
  }
  ApprovalChain chain;
  for (std::size_t index = 0; index < levels.as_array().size(); ++index) {
    auto level = level_from_json(levels.as_array()[index], index, source);
    if (!level) return level.take_error();
    chain.push_back(std::move(*level));
  }
  return chain;
}

boost::json::array chain_to_json(const ApprovalChain& chain) {
  boost::json::array levels;
  for (const auto& level : chain) {
    boost::json::object object{{"kind", approver_kind_name(level.kind)}, {"mode", level_mode_name(level.mode)}};
    if (level.kind == ApproverKind::role) object["role"] = level.role;
    if (level.kind == ApproverKind::manager) object["depth"] = level.depth;
    if (level.kind == ApproverKind::users) {
      boost::json::array users;
      for (const auto& id : level.user_ids) users.emplace_back(id);
      object["user_ids"] = std::move(users);
    }
    levels.emplace_back(std::move(object));
  }
  return levels;
}

ApprovalChain default_deletion_chain() {
  ApprovalLevel level;
  level.kind = ApproverKind::approve_right;
  return {level};
}

}  // namespace atrium::workflow
