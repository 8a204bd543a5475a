#include "atrium/workflow/automation_rule_store.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include "atrium/core/id.hpp"

namespace atrium::workflow {

namespace {

constexpr const char* kColumns =
    "id, name, entity, trigger_spec, condition, actions, active, created_at, version";
constexpr std::size_t kMaxListed = 1000;

AutomationRule from_row(const storage::Row& row) {
  AutomationRule rule;
  rule.id = row[0].text();
  rule.name = row[1].text();
  rule.entity = row[2].text();
  boost::system::error_code failed;
  const auto trigger = boost::json::parse(row[3].text(), failed);
  if (!failed && trigger.is_object()) rule.trigger = trigger_from_json(trigger.as_object());
  rule.condition = row[4].text();
  const auto actions = boost::json::parse(row[5].text(), failed);
  if (!failed && actions.is_array()) rule.actions = actions_from_json(actions.as_array());
  rule.active = row[6].integer() != 0;
  rule.created_at = row[7].text();
  rule.version = row[8].integer();
  return rule;
}

Error name_taken() {
  return Error{ErrorCode::validation_failed, "the automation rule is not valid",
               {{"name", "UNIQUE_VIOLATION", "another rule has this name"}}};
}

Result<void> check_name_free(storage::Connection& connection, const AutomationRule& rule) {
  auto clash = connection.query("SELECT 1 FROM automation_rules WHERE name = ? AND id <> ?", {rule.name, rule.id});
  if (!clash) return clash.take_error();
  if (!clash->empty()) return name_taken();
  return {};
}

}  // namespace

Result<boost::json::array> AutomationRuleStore::list(const std::string& entity) {
  boost::json::array items;
  ATRIUM_TRY(records_.database().read([&](storage::Connection& connection) -> Result<void> {
    std::string sql = fmt::format("SELECT {} FROM automation_rules", kColumns);
    storage::Params params;
    if (!entity.empty()) {
      sql += " WHERE entity = ?";
      params.emplace_back(entity);
    }
    return connection.each(sql + fmt::format(" ORDER BY name LIMIT {}", kMaxListed), params,
                           [&](const storage::Row& row) {
                             items.push_back(automation_rule_json(from_row(row)));
                             return true;
                           });
  }));
  return items;
}

Result<AutomationRule> AutomationRuleStore::get(storage::Connection& connection, const std::string& id) {
  auto rows = connection.query(fmt::format("SELECT {} FROM automation_rules WHERE id = ?", kColumns), {id});
  if (!rows) return rows.take_error();
  if (rows->empty()) return make_error(ErrorCode::not_found, fmt::format("no automation rule with id {}", id));
  return from_row(rows->rows[0]);
}

Result<AutomationRule> AutomationRuleStore::get(const std::string& id) {
  Result<AutomationRule> found = make_error(ErrorCode::not_found, "no such rule");
  ATRIUM_TRY(records_.database().read([&](storage::Connection& connection) -> Result<void> {
    found = get(connection, id);
    return {};
  }));
  return found;
}

Result<AutomationRule> AutomationRuleStore::create(const boost::json::object& body, const std::string& user_id) {
  Result<AutomationRule> created = make_error(ErrorCode::internal_error, "not written");
  ATRIUM_TRY(records_.database().transact([&](storage::Connection& connection) -> Result<void> {
    auto rule = read_automation_rule(body, AutomationRule{}, true, records_, connection);
    if (!rule) return rule.take_error();
    rule->id = new_id();
    ATRIUM_TRY(check_name_free(connection, *rule));
    const std::string now = to_iso8601(clock_.now());
    auto inserted = connection.execute(
        "INSERT INTO automation_rules (id, name, entity, trigger_kind, trigger_spec, condition, actions, active, "
        "created_by_id, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
        {rule->id, rule->name, rule->entity, std::string(trigger_kind_name(rule->trigger.kind)),
         boost::json::serialize(trigger_json(rule->trigger)), rule->condition,
         boost::json::serialize(actions_json(rule->actions)), rule->active ? 1 : 0,
         user_id.empty() ? storage::Value() : storage::Value(user_id), now, now});
    if (!inserted) return inserted.take_error();
    created = get(connection, rule->id);
    if (!created) return created.error();
    return {};
  }));
  return created;
}

Result<AutomationRule> AutomationRuleStore::update(const std::string& id, const boost::json::object& body) {
  Result<AutomationRule> updated = make_error(ErrorCode::internal_error, "not written");
  ATRIUM_TRY(records_.database().transact([&](storage::Connection& connection) -> Result<void> {
    auto current = get(connection, id);
    if (!current) return current.error();
    if (const auto* version = body.if_contains("version");
        version && (!version->is_int64() || version->as_int64() != current->version)) {
      return make_error(ErrorCode::version_conflict, "the rule changed since you read it");
    }
    auto rule = read_automation_rule(body, *current, false, records_, connection);
    if (!rule) return rule.take_error();
    ATRIUM_TRY(check_name_free(connection, *rule));
    auto changed = connection.execute(
        "UPDATE automation_rules SET name = ?, trigger_kind = ?, trigger_spec = ?, condition = ?, actions = ?, "
        "active = ?, updated_at = ?, version = version + 1 WHERE id = ?",
        {rule->name, std::string(trigger_kind_name(rule->trigger.kind)),
         boost::json::serialize(trigger_json(rule->trigger)), rule->condition,
         boost::json::serialize(actions_json(rule->actions)), rule->active ? 1 : 0, to_iso8601(clock_.now()), id});
    if (!changed) return changed.take_error();
    updated = get(connection, id);
    if (!updated) return updated.error();
    return {};
  }));
  return updated;
}

Result<void> AutomationRuleStore::remove(const std::string& id) {
  return records_.database().transact([&](storage::Connection& connection) -> Result<void> {
    auto deleted = connection.execute("DELETE FROM automation_rules WHERE id = ?", {id});
    if (!deleted) return deleted.take_error();
    if (*deleted == 0) return make_error(ErrorCode::not_found, fmt::format("no automation rule with id {}", id));
    ATRIUM_TRY(connection.execute("DELETE FROM automation_firings WHERE rule_id = ?", {id}));
    return {};
  });
}

Result<std::vector<AutomationRule>> AutomationRuleStore::active_rules(storage::Connection& connection,
                                                                      const std::string& entity,
                                                                      const std::vector<TriggerKind>& kinds) {
  std::vector<AutomationRule> rules;
  std::string marks;
  storage::Params params{entity};
  for (const auto kind : kinds) {
    marks += marks.empty() ? "?" : ", ?";
    params.emplace_back(std::string(trigger_kind_name(kind)));
  }
  ATRIUM_TRY(connection.each(fmt::format("SELECT {} FROM automation_rules WHERE entity = ? AND active = 1 AND "
                                         "trigger_kind IN ({}) ORDER BY created_at, id",
                                         kColumns, marks),
                             params, [&](const storage::Row& row) {
                               rules.push_back(from_row(row));
                               return true;
                             }));
  return rules;
}

Result<std::vector<AutomationRule>> AutomationRuleStore::active_rules(storage::Connection& connection,
                                                                      TriggerKind kind) {
  std::vector<AutomationRule> rules;
  ATRIUM_TRY(connection.each(
      fmt::format("SELECT {} FROM automation_rules WHERE active = 1 AND trigger_kind = ? ORDER BY created_at, id",
                  kColumns),
      {std::string(trigger_kind_name(kind))}, [&](const storage::Row& row) {
        rules.push_back(from_row(row));
        return true;
      }));
  return rules;
}

Result<bool> AutomationRuleStore::mark_fired(storage::Connection& connection, const std::string& rule_id,
                                             const std::string& record_id, const std::string& key) {
  auto inserted = connection.execute(
      "INSERT INTO automation_firings (rule_id, record_id, fire_key, fired_at) VALUES (?, ?, ?, ?) "
      "ON CONFLICT DO NOTHING",
      {rule_id, record_id, key, to_iso8601(clock_.now())});
  if (!inserted) return inserted.take_error();
  return *inserted > 0;
}

Result<void> AutomationRuleStore::log(storage::Connection& connection, const AutomationLogEntry& entry) {
  auto inserted = connection.execute(
      "INSERT INTO automation_log (id, rule_id, entity, record_id, event, detail, depth, at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {new_id(), entry.rule_id, entry.entity, entry.record_id, entry.event, entry.detail,
       static_cast<std::int64_t>(entry.depth), to_iso8601(clock_.now())});
  if (!inserted) return inserted.take_error();
  return {};
}

Result<boost::json::array> AutomationRuleStore::runs(const std::string& rule_id, std::size_t limit) {
  boost::json::array items;
  ATRIUM_TRY(records_.database().read([&](storage::Connection& connection) -> Result<void> {
    return connection.each(
        fmt::format("SELECT entity, record_id, event, detail, depth, at FROM automation_log WHERE rule_id = ? "
                    "ORDER BY at DESC, id DESC LIMIT {}",
                    limit),
        {rule_id}, [&](const storage::Row& row) {
          items.push_back(boost::json::object{{"entity", row[0].text()},
                                              {"record_id", row[1].text()},
                                              {"event", row[2].text()},
                                              {"detail", row[3].text()},
                                              {"depth", row[4].integer()},
                                              {"at", row[5].text()}});
          return true;
        });
  }));
  return items;
}

}  // namespace atrium::workflow
