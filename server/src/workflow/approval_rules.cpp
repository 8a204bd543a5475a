#include "atrium/workflow/approval_rules.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include "atrium/core/id.hpp"

namespace atrium::workflow {

namespace {

constexpr const char* kColumns =
    "id, entity, name, trigger_kind, condition, levels, active, created_at, updated_at, version";
constexpr std::size_t kMaxNameLength = 200;
constexpr std::size_t kMaxConditionLength = 4000;

Result<ApprovalRule> rule_of(const storage::Row& row) {
  ApprovalRule rule;
  rule.id = row[0].text();
  rule.entity = row[1].text();
  rule.name = row[2].text();
  rule.trigger = trigger_from_name(row[3].text()).value_or(ApprovalTrigger::manual);
  rule.condition = row[4].text();
  boost::system::error_code parse_error;
  const auto levels = boost::json::parse(row[5].text(), parse_error);
  if (parse_error) return make_error(ErrorCode::internal_error, fmt::format("approval rule {} has unreadable levels", rule.id));
  auto chain = chain_from_json(levels);
  if (!chain) return chain.take_error();
  rule.levels = std::move(*chain);
  rule.active = row[6].integer() != 0;
  rule.created_at = row[7].text();
  rule.updated_at = row[8].text();
  rule.version = row[9].integer();
  return rule;
}

Error invalid(std::string field, std::string code, std::string message) {
  return Error{ErrorCode::validation_failed, "the approval rule is not valid",
               {{std::move(field), std::move(code), std::move(message)}}};
}

}  // namespace

boost::json::object rule_json(const ApprovalRule& rule) {
  return {{"id", rule.id},
          {"entity", rule.entity},
          {"name", rule.name},
          {"trigger", trigger_name(rule.trigger)},
          {"condition", rule.condition},
          {"levels", chain_to_json(rule.levels)},
          {"active", rule.active},
          {"created_at", rule.created_at},
          {"updated_at", rule.updated_at},
          {"version", rule.version}};
}

Result<void> ApprovalRules::apply(storage::Connection& connection, ApprovalRule& rule,
                                  const boost::json::object& input) const {
  for (const auto& [key, value] : input) {
    if (key != "entity" && key != "name" && key != "trigger" && key != "condition" && key != "levels" &&
        key != "active" && key != "version") {
      return invalid(std::string(key), "FIELD_UNKNOWN", "entity, name, trigger, condition, levels or active");
    }
  }
  if (const auto* entity = input.if_contains("entity")) {
    const records::EntityLayout* layout = nullptr;
    if (entity->is_string()) {
      layout = records_.by_name(entity->as_string());
      if (!layout) layout = records_.by_plural(entity->as_string());
    }
    if (!layout) return invalid("entity", "UNKNOWN_ENTITY", "the name of an entity, e.g. account");
    rule.entity = layout->entity().name;
  }
  if (const auto* name = input.if_contains("name")) {
    if (!name->is_string() || name->as_string().empty() || name->as_string().size() > kMaxNameLength) {
      return invalid("name", "FIELD_REQUIRED", fmt::format("text of 1 to {} characters", kMaxNameLength));
    }
    rule.name = std::string(name->as_string());
  }
  if (const auto* trigger = input.if_contains("trigger")) {
    const auto parsed = trigger->is_string() ? trigger_from_name(trigger->as_string()) : std::nullopt;
    if (!parsed) return invalid("trigger", "FIELD_INVALID", "on_create, on_update, on_delete or manual");
    rule.trigger = *parsed;
  }
  if (const auto* condition = input.if_contains("condition")) {
    if (!condition->is_null() && (!condition->is_string() || condition->as_string().size() > kMaxConditionLength)) {
      return invalid("condition", "FIELD_INVALID", fmt::format("a filter of at most {} characters", kMaxConditionLength));
    }
    rule.condition = condition->is_null() ? std::string() : std::string(condition->as_string());
  }
  if (const auto* levels = input.if_contains("levels")) {
    auto chain = chain_from_json(*levels);
    if (!chain) return chain.take_error();
    rule.levels = std::move(*chain);
  }
  if (const auto* active = input.if_contains("active")) {
    if (!active->is_bool()) return invalid("active", "FIELD_INVALID", "true or false");
    rule.active = active->as_bool();
  }
  if (rule.entity.empty()) return invalid("entity", "FIELD_REQUIRED", "the name of an entity, e.g. account");
  if (rule.name.empty()) return invalid("name", "FIELD_REQUIRED", "the rule's name");
  if (rule.levels.empty()) return invalid("levels", "FIELD_REQUIRED", "at least one level");
  const records::EntityLayout* layout = records_.by_name(rule.entity);
  if (rule.trigger == ApprovalTrigger::on_delete && !layout->entity().master_data) {
    return invalid("trigger", "TRIGGER_NOT_AVAILABLE",
                   fmt::format("{} records are deleted at once, without approval", layout->entity().label));
  }
  // The same compiler as the lists: the condition is checked against the entity's fields.
  if (auto checked = records_.check_condition(*layout, rule.condition); !checked) {
    Error error{ErrorCode::validation_failed, "the condition is not valid", {}};
    for (auto field : checked.error().fields) {
      field.field = "condition";
      error.fields.push_back(std::move(field));
    }
    if (error.fields.empty()) error.fields.push_back({"condition", "FILTER_INVALID", checked.error().message});
    return error;
  }
  for (std::size_t index = 0; index < rule.levels.size(); ++index) {
    const auto& level = rule.levels[index];
    if (level.kind == ApproverKind::role) {
      auto role = connection.query("SELECT id FROM roles WHERE name = ?", {level.role});
      if (!role) return role.take_error();
      if (role->empty()) {
        return invalid(fmt::format("levels[{}].role", index), "ROLE_NOT_FOUND", fmt::format("no role '{}'", level.role));
      }
    }
    for (const auto& user_id : level.user_ids) {
      auto user = connection.query("SELECT id FROM users WHERE id = ? AND active = 1", {user_id});
      if (!user) return user.take_error();
      if (user->empty()) {
        return invalid(fmt::format("levels[{}].user_ids", index), "USER_NOT_FOUND",
                       fmt::format("no active user with id {}", user_id));
      }
    }
  }
  return {};
}

Result<std::vector<ApprovalRule>> ApprovalRules::list(const std::string& entity) {
  std::vector<ApprovalRule> rules;
  ATRIUM_TRY(database_.read([&](storage::Connection& connection) -> Result<void> {
    std::string sql = fmt::format("SELECT {} FROM approval_rules", kColumns);
    storage::Params params;
    if (!entity.empty()) {
      sql += " WHERE entity = ?";
      params.emplace_back(entity);
    }
    sql += fmt::format(" ORDER BY entity, name, id LIMIT {}", kMaxApprovalRules);
    auto rows = connection.query(sql, params);
    if (!rows) return rows.take_error();
    for (const auto& row : rows->rows) {
      auto rule = rule_of(row);
      if (!rule) return rule.take_error();
      rules.push_back(std::move(*rule));
    }
    return {};
  }));
  return rules;
}

Result<ApprovalRule> ApprovalRules::get(const std::string& id) {
  Result<ApprovalRule> rule = ApprovalRule{};
  ATRIUM_TRY(database_.read([&](storage::Connection& connection) -> Result<void> {
    auto found = find(connection, id);
    if (!found) return found.take_error();
    if (!*found) return make_error(ErrorCode::not_found, fmt::format("no approval rule with id {}", id));
    rule = std::move(**found);
    return {};
  }));
  return rule;
}

Result<ApprovalRule> ApprovalRules::create(const boost::json::object& input, const std::string& actor_id) {
  ApprovalRule rule;
  ATRIUM_TRY(database_.transact([&](storage::Connection& connection) -> Result<void> {
    ATRIUM_TRY(apply(connection, rule, input));
    auto count = connection.query("SELECT COUNT(*) FROM approval_rules");
    if (!count) return count.take_error();
    if (count->rows[0][0].integer() >= static_cast<std::int64_t>(kMaxApprovalRules)) {
      return make_error(ErrorCode::conflict, fmt::format("at most {} approval rules", kMaxApprovalRules));
    }
    rule.id = new_id();
    rule.created_at = rule.updated_at = to_iso8601(clock_.now());
    auto inserted = connection.execute(
        "INSERT INTO approval_rules (id, entity, name, trigger_kind, condition, levels, active, created_at, "
        "created_by_id, updated_at, updated_by_id, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
        {rule.id, rule.entity, rule.name, std::string(trigger_name(rule.trigger)), rule.condition,
         boost::json::serialize(chain_to_json(rule.levels)), rule.active ? 1 : 0, rule.created_at, actor_id,
         rule.updated_at, actor_id});
    if (!inserted) return inserted.take_error();
    return {};
  }));
  return rule;
}

Result<ApprovalRule> ApprovalRules::update(const std::string& id, const boost::json::object& input,
                                           std::optional<std::int64_t> expected_version, const std::string& actor_id) {
  if (const auto* version = input.if_contains("version")) {
    if (!version->is_int64()) return invalid("version", "FIELD_INVALID", "the version you read");
    expected_version = version->as_int64();
  }
  Result<ApprovalRule> updated = ApprovalRule{};
  ATRIUM_TRY(database_.transact([&](storage::Connection& connection) -> Result<void> {
    auto found = find(connection, id);
    if (!found) return found.take_error();
    if (!*found) return make_error(ErrorCode::not_found, fmt::format("no approval rule with id {}", id));
    ApprovalRule rule = std::move(**found);
    if (expected_version && *expected_version != rule.version) {
      return make_error(ErrorCode::version_conflict,
                        fmt::format("the rule changed since you read it (version {}, now {})", *expected_version,
                                    rule.version));
    }
    ATRIUM_TRY(apply(connection, rule, input));
    rule.updated_at = to_iso8601(clock_.now());
    auto changed = connection.execute(
        "UPDATE approval_rules SET entity = ?, name = ?, trigger_kind = ?, condition = ?, levels = ?, active = ?, "
        "updated_at = ?, updated_by_id = ?, version = version + 1 WHERE id = ? AND version = ?",
        {rule.entity, rule.name, std::string(trigger_name(rule.trigger)), rule.condition,
         boost::json::serialize(chain_to_json(rule.levels)), rule.active ? 1 : 0, rule.updated_at, actor_id, rule.id,
         rule.version});
    if (!changed) return changed.take_error();
    if (*changed != 1) return make_error(ErrorCode::version_conflict, "changed concurrently; read it again");
    ++rule.version;
    updated = std::move(rule);
    return {};
  }));
  return updated;
}

Result<void> ApprovalRules::remove(const std::string& id) {
  return database_.transact([&](storage::Connection& connection) -> Result<void> {
    auto deleted = connection.execute("DELETE FROM approval_rules WHERE id = ?", {id});
    if (!deleted) return deleted.take_error();
    if (*deleted == 0) return make_error(ErrorCode::not_found, fmt::format("no approval rule with id {}", id));
    return {};
  });
}

Result<std::vector<ApprovalRule>> ApprovalRules::active(storage::Connection& connection, std::string_view entity,
                                                        ApprovalTrigger trigger) {
  std::vector<ApprovalRule> rules;
  auto rows = connection.query(
      fmt::format("SELECT {} FROM approval_rules WHERE entity = ? AND trigger_kind = ? AND active = 1 "
                  "ORDER BY created_at, id",
                  kColumns),
      {entity, trigger_name(trigger)});
  if (!rows) return rows.take_error();
  for (const auto& row : rows->rows) {
    auto rule = rule_of(row);
    if (!rule) return rule.take_error();
    rules.push_back(std::move(*rule));
  }
  return rules;
}

Result<std::optional<ApprovalRule>> ApprovalRules::find(storage::Connection& connection, std::string_view id) {
  auto rows = connection.query(fmt::format("SELECT {} FROM approval_rules WHERE id = ?", kColumns), {id});
  if (!rows) return rows.take_error();
  if (rows->empty()) return std::optional<ApprovalRule>();
  auto rule = rule_of(rows->rows[0]);
  if (!rule) return rule.take_error();
  return std::optional<ApprovalRule>(std::move(*rule));
}

}  // namespace atrium::workflow
