#include "atrium/access/grants.hpp"

#include <algorithm>
#include <array>
#include <set>

namespace atrium::access {

namespace {

constexpr std::array<std::pair<Action, std::string_view>, 7> kActionNames{{
    {Action::create, "create"},
    {Action::read, "read"},
    {Action::edit, "edit"},
    {Action::remove, "delete"},
    {Action::export_records, "export"},
    {Action::approve, "approve"},
    {Action::administer, "admin"},
}};

constexpr std::array<std::pair<RightScope, std::string_view>, 4> kScopeNames{{
    {RightScope::all, "all"},
    {RightScope::team, "team"},
    {RightScope::own, "own"},
    {RightScope::rule, "rule"},
}};

std::string key(std::string_view entity, std::string_view rest, char separator) {
  std::string joined(entity);
  joined += separator;
  joined += rest;
  return joined;
}

Result<std::vector<std::string>> column_of(storage::Connection& connection, const std::string& sql,
                                           const storage::Params& params) {
  std::vector<std::string> values;
  ATRIUM_TRY(connection.each(sql, params, [&](const storage::Row& row) {
    values.push_back(row[0].text());
    return true;
  }));
  return values;
}

}  // namespace

std::string_view action_name(Action action) {
  for (const auto& [value, name] : kActionNames) {
    if (value == action) return name;
  }
  return "read";
}

std::optional<Action> action_from_name(std::string_view name) {
  for (const auto& [value, text] : kActionNames) {
    if (text == name) return value;
  }
  return std::nullopt;
}

std::string_view scope_name(RightScope scope) {
  for (const auto& [value, name] : kScopeNames) {
    if (value == scope) return name;
  }
  return "all";
}

std::optional<RightScope> scope_from_name(std::string_view name) {
  for (const auto& [value, text] : kScopeNames) {
    if (text == name) return value;
  }
  return std::nullopt;
}

std::string_view field_mode_name(FieldMode mode) {
  switch (mode) {
    case FieldMode::hidden: return "hidden";
    case FieldMode::read_only: return "read_only";
    case FieldMode::full: break;
  }
  return "full";
}

const std::vector<Right>& UserGrants::rights_for(std::string_view entity, Action action) const {
  static const std::vector<Right> none;
  auto found = rights.find(key(entity, action_name(action), '/'));
  return found == rights.end() ? none : found->second;
}

FieldMode UserGrants::field_mode(std::string_view entity, std::string_view field) const {
  if (administrator) return FieldMode::full;
  auto found = fields.find(key(entity, field, '.'));
  return found == fields.end() ? FieldMode::full : found->second;
}

Result<UserGrants> load_grants(storage::Connection& connection, const std::string& user_id) {
  UserGrants grants;
  grants.user_id = user_id;
  auto user = connection.query(
      "SELECT is_admin, kind, portal_account_id, portal_contact_id, active FROM users WHERE id = ?", {user_id});
  if (!user) return user.take_error();
  if (user->empty() || user->rows[0][4].integer() == 0) {
    return make_error(ErrorCode::unauthenticated, "the user does not exist or is not active");
  }
  const auto& row = user->rows[0];
  grants.administrator = row[0].integer() != 0;
  grants.portal = row[1].text() == "portal";
  grants.values["id"] = {user_id};
  grants.values["account"] = row[2].is_null() ? std::vector<std::string>{} : std::vector{row[2].text()};
  grants.values["contact"] = row[3].is_null() ? std::vector<std::string>{} : std::vector{row[3].text()};

  auto teams = column_of(connection, "SELECT team_id FROM team_members WHERE user_id = ? ORDER BY team_id", {user_id});
  if (!teams) return teams.take_error();
  grants.teams = std::move(*teams);
  grants.values["teams"] = grants.teams;
  // UNION (not UNION ALL) stops at a cycle in the reporting line.
  auto below = column_of(connection,
                         "WITH RECURSIVE below(id) AS (SELECT id FROM users WHERE id = ? "
                         "UNION SELECT u.id FROM users u JOIN below b ON u.manager_id = b.id) "
                         "SELECT id FROM below ORDER BY id",
                         {user_id});
  if (!below) return below.take_error();
  grants.own_ids = std::move(*below);
  auto mates = column_of(connection,
                         "SELECT DISTINCT m.user_id FROM team_members m JOIN team_members mine "
                         "ON mine.team_id = m.team_id WHERE mine.user_id = ? ORDER BY m.user_id",
                         {user_id});
  if (!mates) return mates.take_error();
  grants.team_mates = std::move(*mates);
  if (std::find(grants.team_mates.begin(), grants.team_mates.end(), user_id) == grants.team_mates.end()) {
    grants.team_mates.push_back(user_id);
  }
  ATRIUM_TRY(connection.each("SELECT attribute, value FROM user_attributes WHERE user_id = ? ORDER BY attribute, value",
                             {user_id}, [&](const storage::Row& attribute) {
                               grants.values[attribute[0].text()].push_back(attribute[1].text());
                               return true;
                             }));
  ATRIUM_TRY(connection.each(
      "SELECT r.name FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = ? ORDER BY r.name",
      {user_id}, [&](const storage::Row& role) {
        grants.roles.push_back(role[0].text());
        return true;
      }));
  std::map<std::string, std::set<std::string>, std::less<>> roles_by_entity;
  ATRIUM_TRY(connection.each(
      "SELECT r.name, rr.entity, rr.action, rr.scope, rr.rule FROM user_roles ur JOIN roles r ON r.id = ur.role_id "
      "JOIN role_rights rr ON rr.role_id = r.id WHERE ur.user_id = ? ORDER BY r.name, rr.entity, rr.action",
      {user_id}, [&](const storage::Row& right) {
        const auto scope = scope_from_name(right[3].text());
        if (!scope) return true;  // written by the admin API, which accepts only known scopes
        grants.rights[key(right[1].text(), right[2].text(), '/')].push_back(
            Right{right[0].text(), *scope, right[4].is_null() ? std::string() : right[4].text()});
        roles_by_entity[right[1].text()].insert(right[0].text());
        return true;
      }));
  // Per field, the modes of the roles that have any right on the entity; a role without
  // a row for the field leaves it fully open, and the most open role wins.
  std::map<std::string, std::pair<std::string, std::vector<FieldMode>>, std::less<>> modes;
  ATRIUM_TRY(connection.each(
      "SELECT r.name, fr.entity, fr.field, fr.mode FROM user_roles ur JOIN roles r ON r.id = ur.role_id "
      "JOIN field_rights fr ON fr.role_id = r.id WHERE ur.user_id = ?",
      {user_id}, [&](const storage::Row& field) {
        auto& entry = modes[key(field[1].text(), field[2].text(), '.')];
        entry.first = field[1].text();
        const auto& granting = roles_by_entity[field[1].text()];
        if (!granting.contains(field[0].text())) return true;
        entry.second.push_back(field[3].text() == "hidden" ? FieldMode::hidden : FieldMode::read_only);
        return true;
      }));
  for (const auto& [field_key, entry] : modes) {
    const auto& [entity, list] = entry;
    if (list.empty() || list.size() < roles_by_entity[entity].size()) continue;
    const bool any_read_only = std::find(list.begin(), list.end(), FieldMode::read_only) != list.end();
    grants.fields[field_key] = any_read_only ? FieldMode::read_only : FieldMode::hidden;
  }
  return grants;
}

Result<std::shared_ptr<const UserGrants>> GrantStore::for_user(const std::string& user_id) {
  std::shared_ptr<const UserGrants> result;
  ATRIUM_TRY(database_.read([&](storage::Connection& connection) -> Result<void> {
    auto generation = connection.query("SELECT generation FROM access_generation WHERE id = 1", {});
    if (!generation) return generation.take_error();
    const std::int64_t current = generation->empty() ? 0 : generation->rows[0][0].integer();
    {
      std::lock_guard lock(mutex_);
      if (current != generation_) {
        by_user_.clear();
        generation_ = current;
      }
      auto found = by_user_.find(user_id);
      if (found != by_user_.end()) {
        result = found->second;
        return {};
      }
    }
    auto loaded = load_grants(connection, user_id);
    if (!loaded) return loaded.take_error();
    result = std::make_shared<const UserGrants>(std::move(*loaded));
    std::lock_guard lock(mutex_);
    if (generation_ == current) by_user_[user_id] = result;
    return {};
  }));
  return result;
}

Result<void> bump_access_generation(storage::Connection& connection) {
  auto bumped = connection.execute(
      "INSERT INTO access_generation (id, generation) VALUES (1, 1) "
      "ON CONFLICT (id) DO UPDATE SET generation = access_generation.generation + 1",
      {});
  if (!bumped) return bumped.take_error();
  return {};
}

}  // namespace atrium::access
