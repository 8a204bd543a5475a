#include "atrium/access/access_admin_routes.hpp"

#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <regex>
#include <set>

#include "atrium/access/grants.hpp"
#include "atrium/access/user_directory.hpp"
#include "atrium/core/id.hpp"
#include "atrium/core/time.hpp"

namespace atrium::access {

namespace {

using http::Request;
using http::Response;
using boost::json::array;
using boost::json::object;
using boost::json::value;

constexpr std::size_t kMaxListItems = 1000;

// Collects field errors while reading a JSON body, so one answer names every problem.
class BodyReader {
 public:
  explicit BodyReader(const object& body) : body_(body) {}

  bool has(std::string_view name) const { return body_.contains(name); }

  std::optional<std::string> text(std::string_view name, std::size_t max_length, bool required, bool nullable = false) {
    const auto* given = body_.if_contains(name);
    if (!given || (nullable && given->is_null())) {
      if (required) fail(name, "FIELD_REQUIRED", "required");
      return std::nullopt;
    }
    if (!given->is_string()) return fail(name, "FIELD_INVALID", "a string"), std::nullopt;
    std::string result(given->as_string());
    if (required && result.empty()) return fail(name, "FIELD_REQUIRED", "required"), std::nullopt;
    if (result.size() > max_length) {
      return fail(name, "FIELD_TOO_LONG", fmt::format("at most {} characters", max_length)), std::nullopt;
    }
    return result;
  }

  std::optional<bool> boolean(std::string_view name) {
    const auto* given = body_.if_contains(name);
    if (!given) return std::nullopt;
    if (!given->is_bool()) return fail(name, "FIELD_INVALID_BOOLEAN", "true or false"), std::nullopt;
    return given->as_bool();
  }

  // A list of strings, or nullopt when absent.
  std::optional<std::vector<std::string>> strings(std::string_view name) {
    const auto* given = body_.if_contains(name);
    if (!given) return std::nullopt;
    if (!given->is_array() || given->as_array().size() > kMaxListItems) {
      return fail(name, "FIELD_INVALID", fmt::format("a list of at most {} strings", kMaxListItems)), std::nullopt;
    }
    std::vector<std::string> items;
    for (const auto& item : given->as_array()) {
      if (!item.is_string() || item.as_string().empty() || item.as_string().size() > 200) {
        return fail(name, "FIELD_INVALID", "a list of non-empty strings"), std::nullopt;
      }
      items.emplace_back(item.as_string());
    }
    std::sort(items.begin(), items.end());
    items.erase(std::unique(items.begin(), items.end()), items.end());
    return items;
  }

  const value* raw(std::string_view name) const { return body_.if_contains(name); }

  void fail(std::string_view field, std::string code, std::string message) {
    errors_.fields.push_back({std::string(field), std::move(code), std::move(message)});
  }
  void only(std::initializer_list<std::string_view> known) {
    for (const auto& [key, ignored] : body_) {
      if (std::find(known.begin(), known.end(), std::string_view(key)) == known.end()) {
        fail(key, "UNKNOWN_FIELD", "not a field of this resource");
      }
    }
  }
  bool ok() const { return errors_.fields.empty(); }
  Error error(std::string message) const {
    Error error = errors_;
    error.code = ErrorCode::validation_failed;
    error.message = std::move(message);
    return error;
  }

 private:
  const object& body_;
  Error errors_{ErrorCode::validation_failed, "", {}};
};

Response json_response(int status, const value& body) { return Response::json(status, boost::json::serialize(body)); }

Response data_response(array data) { return json_response(200, object{{"data", std::move(data)}}); }

value nullable(const storage::Value& stored) {
  if (stored.is_null()) return nullptr;
  if (stored.is_integer()) return stored.integer();
  return value(stored.text());
}

Result<const object*> object_body(const Request& request) {
  if (!request.json.is_object()) return make_error(ErrorCode::bad_request, "the body must be a JSON object");
  return &request.json.as_object();
}

Error not_found(std::string_view what, std::string_view id) {
  return make_error(ErrorCode::not_found, fmt::format("no {} with id {}", what, id));
}

// Runs `body` only for administrators.
template <class Body>
Response administrator(const Authenticator& authenticator, Request& request, Body body) {
  auto principal = authenticator.authenticate(request);
  if (!principal) return Response::error(principal.error(), request.request_id);
  if (!principal->user.is_admin) {
    return Response::error(make_error(ErrorCode::forbidden, "only administrators manage users, teams and roles"),
                           request.request_id);
  }
  return body(*principal);
}

Result<array> column_json(storage::Connection& connection, const std::string& sql, const storage::Params& params) {
  array values;
  ATRIUM_TRY(connection.each(sql, params, [&](const storage::Row& row) {
    values.emplace_back(row[0].text());
    return true;
  }));
  return values;
}

// --- users -------------------------------------------------------------------------------

constexpr const char* kUserColumns =
    "id, username, name, email, is_admin, active, locale, time_zone, manager_id, kind, portal_account_id, "
    "portal_contact_id, created_at, updated_at, version";

Result<object> user_json(storage::Connection& connection, const storage::Row& row) {
  object user{{"id", row[0].text()},
              {"username", row[1].text()},
              {"name", row[2].text()},
              {"email", nullable(row[3])},
              {"is_admin", row[4].integer() != 0},
              {"active", row[5].integer() != 0},
              {"locale", row[6].text()},
              {"time_zone", row[7].text()},
              {"manager_id", nullable(row[8])},
              {"kind", row[9].text()},
              {"portal_account_id", nullable(row[10])},
              {"portal_contact_id", nullable(row[11])},
              {"created_at", row[12].text()},
              {"updated_at", row[13].text()},
              {"version", row[14].integer()}};
  const std::string id = row[0].text();
  auto roles = column_json(connection,
                           "SELECT r.name FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = ? "
                           "ORDER BY r.name",
                           {id});
  if (!roles) return roles.take_error();
  user["roles"] = std::move(*roles);
  auto teams = column_json(connection, "SELECT team_id FROM team_members WHERE user_id = ? ORDER BY team_id", {id});
  if (!teams) return teams.take_error();
  user["teams"] = std::move(*teams);
  object attributes;
  ATRIUM_TRY(connection.each("SELECT attribute, value FROM user_attributes WHERE user_id = ? ORDER BY attribute, value",
                             {id}, [&](const storage::Row& attribute) {
                               auto& list = attributes[attribute[0].text()];
                               if (!list.is_array()) list = array{};
                               list.as_array().emplace_back(attribute[1].text());
                               return true;
                             }));
  user["attributes"] = std::move(attributes);
  return user;
}

Result<object> read_user(storage::Connection& connection, std::string_view id) {
  auto rows = connection.query(fmt::format("SELECT {} FROM users WHERE id = ?", kUserColumns), {id});
  if (!rows) return rows.take_error();
  if (rows->empty()) return not_found("user", id);
  return user_json(connection, rows->rows[0]);
}

struct UserChanges {
  std::vector<std::pair<std::string, storage::Value>> columns;
  std::optional<std::vector<std::string>> roles;  // names
  std::optional<std::vector<std::string>> teams;  // ids
  std::optional<std::map<std::string, std::vector<std::string>>> attributes;
};

// Reads and checks the writable properties of a user (those of POST and PATCH alike).
Result<UserChanges> read_user_changes(storage::Connection& connection, BodyReader& read, const AccessSchema& schema,
                                      std::string_view own_id) {
  UserChanges changes;
  if (auto name = read.text("name", 200, false)) changes.columns.emplace_back("name", *name);
  if (read.has("email")) {
    auto email = read.text("email", 254, false, true);
    if (email && !email->empty() && email->find('@') == std::string::npos) {
      read.fail("email", "FIELD_INVALID_EMAIL", "an e-mail address");
    }
    changes.columns.emplace_back("email", email && !email->empty() ? storage::Value(*email) : storage::Value());
  }
  if (auto admin = read.boolean("is_admin")) changes.columns.emplace_back("is_admin", *admin ? 1 : 0);
  if (auto active = read.boolean("active")) changes.columns.emplace_back("active", *active ? 1 : 0);
  if (auto locale = read.text("locale", 16, false)) {
    static const std::regex pattern("^[a-z]{2,3}(-[A-Z]{2})?$");
    if (!std::regex_match(*locale, pattern)) read.fail("locale", "FIELD_INVALID", "a language tag such as en or de-CH");
    changes.columns.emplace_back("locale", *locale);
  }
  if (auto zone = read.text("time_zone", 64, false)) {
    static const std::regex pattern("^(UTC|[A-Z][A-Za-z_]+(/[A-Za-z0-9_+-]+){1,2})$");
    if (!std::regex_match(*zone, pattern)) read.fail("time_zone", "FIELD_INVALID", "an IANA zone such as Europe/Berlin");
    changes.columns.emplace_back("time_zone", *zone);
  }
  if (auto kind = read.text("kind", 16, false)) {
    if (*kind != "staff" && *kind != "portal") read.fail("kind", "FIELD_INVALID_ENUM", "staff or portal");
    changes.columns.emplace_back("kind", *kind);
  }
  for (const auto& [field, entity] : {std::pair{"portal_account_id", "account"}, std::pair{"portal_contact_id", "contact"}}) {
    if (!read.has(field)) continue;
    auto id = read.text(field, 64, false, true);
    if (id && !id->empty()) {
      auto exists = schema.has_record(connection, entity, *id);
      if (!exists) return exists.take_error();
      if (!*exists) read.fail(field, "LINK_NOT_FOUND", fmt::format("no {} with id {}", entity, *id));
    }
    changes.columns.emplace_back(field, id && !id->empty() ? storage::Value(*id) : storage::Value());
  }
  if (read.has("manager_id")) {
    auto manager = read.text("manager_id", 64, false, true);
    if (manager && !manager->empty()) {
      // Walk up from the new manager: meeting the user closes a loop.
      std::string at = *manager;
      for (int depth = 0; depth < 100 && !at.empty(); ++depth) {
        if (at == own_id) {
          read.fail("manager_id", "MANAGER_CYCLE", "the user would report to themself");
          break;
        }
        auto up = connection.query("SELECT manager_id FROM users WHERE id = ?", {at});
        if (!up) return up.take_error();
        if (up->empty()) {
          if (at == *manager) read.fail("manager_id", "LINK_NOT_FOUND", fmt::format("no user with id {}", *manager));
          break;
        }
        at = up->rows[0][0].is_null() ? std::string() : up->rows[0][0].text();
      }
    }
    changes.columns.emplace_back("manager_id", manager && !manager->empty() ? storage::Value(*manager) : storage::Value());
  }
  if ((changes.roles = read.strings("roles"))) {
    for (const auto& role : *changes.roles) {
      auto found = connection.query("SELECT 1 FROM roles WHERE name = ?", {role});
      if (!found) return found.take_error();
      if (found->empty()) read.fail("roles", "LINK_NOT_FOUND", fmt::format("no role '{}'", role));
    }
  }
  if ((changes.teams = read.strings("teams"))) {
    for (const auto& team : *changes.teams) {
      auto found = connection.query("SELECT 1 FROM teams WHERE id = ?", {team});
      if (!found) return found.take_error();
      if (found->empty()) read.fail("teams", "LINK_NOT_FOUND", fmt::format("no team with id {}", team));
    }
  }
  if (const auto* attributes = read.raw("attributes")) {
    if (!attributes->is_object()) {
      read.fail("attributes", "FIELD_INVALID", R"({"areas": ["north", …], …})");
    } else {
      changes.attributes.emplace();
      for (const auto& [name, values] : attributes->as_object()) {
        const std::string field = "attributes." + std::string(name);
        const auto known_attributes = schema.scope_attributes();
        if (std::find(known_attributes.begin(), known_attributes.end(), std::string_view(name)) ==
            known_attributes.end()) {
          read.fail(field, "UNKNOWN_ATTRIBUTE", "not a scope attribute (GET /api/v1/scope-attributes)");
          continue;
        }
        // An attribute's values are keys of the picklist of the same name.
        const std::string picklist(name);
        if (!values.is_array() || values.as_array().size() > kMaxListItems) {
          read.fail(field, "FIELD_INVALID", "a list of picklist keys");
          continue;
        }
        std::set<std::string> keys;
        for (const auto& key : values.as_array()) {
          if (!key.is_string()) {
            read.fail(field, "FIELD_INVALID", "a list of picklist keys");
            break;
          }
          auto known = connection.query("SELECT 1 FROM picklist_values WHERE picklist = ? AND key = ?",
                                        {picklist, std::string(key.as_string())});
          if (!known) return known.take_error();
          if (known->empty()) {
            read.fail(field, "FIELD_INVALID_ENUM",
                      fmt::format("'{}' is not in the picklist {}", std::string_view(key.as_string()),
                                  picklist));
          }
          keys.emplace(key.as_string());
        }
        (*changes.attributes)[std::string(name)] = std::vector<std::string>(keys.begin(), keys.end());
      }
    }
  }
  return changes;
}

Result<void> apply_user_changes(storage::Connection& connection, const std::string& id, const UserChanges& changes) {
  std::string sets = "updated_at = ?, version = version + 1";
  storage::Params params{utc_now_iso8601()};
  for (const auto& [column, stored] : changes.columns) {
    sets += ", " + column + " = ?";
    params.push_back(stored);
  }
  params.emplace_back(id);
  auto updated = connection.execute(fmt::format("UPDATE users SET {} WHERE id = ?", sets), params);
  if (!updated) return updated.take_error();
  if (changes.roles) {
    ATRIUM_TRY(connection.execute("DELETE FROM user_roles WHERE user_id = ?", {id}));
    for (const auto& role : *changes.roles) {
      ATRIUM_TRY(connection.execute(
          "INSERT INTO user_roles (user_id, role_id) SELECT ?, id FROM roles WHERE name = ?", {id, role}));
    }
  }
  if (changes.teams) {
    ATRIUM_TRY(connection.execute("DELETE FROM team_members WHERE user_id = ?", {id}));
    for (const auto& team : *changes.teams) {
      ATRIUM_TRY(connection.execute("INSERT INTO team_members (team_id, user_id) VALUES (?, ?)", {team, id}));
    }
  }
  if (changes.attributes) {
    for (const auto& [name, values] : *changes.attributes) {
      ATRIUM_TRY(connection.execute("DELETE FROM user_attributes WHERE user_id = ? AND attribute = ?", {id, name}));
      for (const auto& key : values) {
        ATRIUM_TRY(connection.execute("INSERT INTO user_attributes (user_id, attribute, value) VALUES (?, ?, ?)",
                                      {id, name, key}));
      }
    }
  }
  return bump_access_generation(connection);
}

// --- roles -------------------------------------------------------------------------------

Result<object> read_role(storage::Connection& connection, std::string_view id) {
  auto rows = connection.query(
      "SELECT id, name, description, created_at, updated_at, version FROM roles WHERE id = ?", {id});
  if (!rows) return rows.take_error();
  if (rows->empty()) return not_found("role", id);
  const auto& row = rows->rows[0];
  object role{{"id", row[0].text()},          {"name", row[1].text()},       {"description", nullable(row[2])},
              {"created_at", row[3].text()}, {"updated_at", row[4].text()}, {"version", row[5].integer()}};
  array rights;
  ATRIUM_TRY(connection.each("SELECT entity, action, scope, rule FROM role_rights WHERE role_id = ? ORDER BY entity, action",
                             {id}, [&](const storage::Row& right) {
                               object item{{"entity", right[0].text()}, {"action", right[1].text()},
                                           {"scope", right[2].text()}};
                               if (!right[3].is_null()) item["rule"] = right[3].text();
                               rights.push_back(std::move(item));
                               return true;
                             }));
  role["rights"] = std::move(rights);
  array fields;
  ATRIUM_TRY(connection.each("SELECT entity, field, mode FROM field_rights WHERE role_id = ? ORDER BY entity, field",
                             {id}, [&](const storage::Row& field) {
                               fields.push_back(object{{"entity", field[0].text()}, {"field", field[1].text()},
                                                       {"mode", field[2].text()}});
                               return true;
                             }));
  role["field_rights"] = std::move(fields);
  auto users = column_json(connection, "SELECT user_id FROM user_roles WHERE role_id = ? ORDER BY user_id", {id});
  if (!users) return users.take_error();
  role["users"] = std::move(*users);
  return role;
}

struct RoleRight {
  std::string entity, action, scope, rule;
};
struct RoleFieldRight {
  std::string entity, field, mode;
};

std::optional<std::vector<RoleRight>> read_rights(BodyReader& read, const AccessSchema& schema) {
  const auto* given = read.raw("rights");
  if (!given) return std::nullopt;
  std::vector<RoleRight> rights;
  if (!given->is_array() || given->as_array().size() > kMaxListItems) {
    read.fail("rights", "FIELD_INVALID", R"([{"entity": "account", "action": "read", "scope": "rule", "rule": "…"}])");
    return rights;
  }
  std::set<std::pair<std::string, std::string>> seen;
  for (std::size_t i = 0; i < given->as_array().size(); ++i) {
    const auto& item = given->as_array()[i];
    const std::string at = fmt::format("rights[{}]", i);
    const auto* fields = item.if_object();
    auto text = [&](std::string_view name) -> std::string {
      const auto* part = fields ? fields->if_contains(name) : nullptr;
      return part && part->is_string() && part->as_string().size() <= 2000 ? std::string(part->as_string()) : "";
    };
    RoleRight right{text("entity"), text("action"), text("scope"), text("rule")};
    if (!schema.has_entity(right.entity)) {
      read.fail(at + ".entity", "UNKNOWN_ENTITY", "an entity name such as account");
      continue;
    }
    if (!action_from_name(right.action)) {
      read.fail(at + ".action", "FIELD_INVALID_ENUM", "create, read, edit, delete, export, approve or admin");
      continue;
    }
    const auto scope = scope_from_name(right.scope);
    if (!scope) {
      read.fail(at + ".scope", "FIELD_INVALID_ENUM", "all, team, own or rule");
      continue;
    }
    if (!seen.emplace(right.entity, right.action).second) {
      read.fail(at, "DUPLICATE_RIGHT", "one right per entity and action");
      continue;
    }
    if (*scope == RightScope::rule) {
      if (right.rule.empty()) {
        read.fail(at + ".rule", "FIELD_REQUIRED", "the rule of a rule scope, e.g. area in user.areas");
        continue;
      }
      if (auto checked = schema.check_rule(right.entity, right.rule); !checked) {
        read.fail(at + ".rule", "RULE_INVALID", checked.error().fields.empty() ? checked.error().message
                                                                               : checked.error().fields[0].message);
        continue;
      }
    } else {
      right.rule.clear();
    }
    rights.push_back(std::move(right));
  }
  return rights;
}

std::optional<std::vector<RoleFieldRight>> read_field_rights(BodyReader& read, const AccessSchema& schema) {
  const auto* given = read.raw("field_rights");
  if (!given) return std::nullopt;
  std::vector<RoleFieldRight> rights;
  if (!given->is_array() || given->as_array().size() > kMaxListItems) {
    read.fail("field_rights", "FIELD_INVALID", R"([{"entity": "account", "field": "credit_limit", "mode": "hidden"}])");
    return rights;
  }
  std::set<std::pair<std::string, std::string>> seen;
  for (std::size_t i = 0; i < given->as_array().size(); ++i) {
    const auto* fields = given->as_array()[i].if_object();
    const std::string at = fmt::format("field_rights[{}]", i);
    auto text = [&](std::string_view name) -> std::string {
      const auto* part = fields ? fields->if_contains(name) : nullptr;
      return part && part->is_string() && part->as_string().size() <= 200 ? std::string(part->as_string()) : "";
    };
    RoleFieldRight right{text("entity"), text("field"), text("mode")};
    if (!schema.has_entity(right.entity)) {
      read.fail(at + ".entity", "UNKNOWN_ENTITY", "an entity name such as account");
    } else if (!schema.has_field(right.entity, right.field)) {
      read.fail(at + ".field", "UNKNOWN_FIELD", fmt::format("{} has no field '{}'", right.entity, right.field));
    } else if (right.mode != "hidden" && right.mode != "read_only") {
      read.fail(at + ".mode", "FIELD_INVALID_ENUM", "hidden or read_only");
    } else if (!seen.emplace(right.entity, right.field).second) {
      read.fail(at, "DUPLICATE_RIGHT", "one right per entity and field");
    } else {
      rights.push_back(std::move(right));
    }
  }
  return rights;
}

Result<void> write_role(storage::Connection& connection, const std::string& id, BodyReader& read,
                        const std::optional<std::vector<RoleRight>>& rights,
                        const std::optional<std::vector<RoleFieldRight>>& field_rights) {
  std::string sets = "updated_at = ?, version = version + 1";
  storage::Params params{utc_now_iso8601()};
  if (read.has("name")) {
    sets += ", name = ?";
    params.emplace_back(read.raw("name")->as_string());
  }
  if (read.has("description")) {
    sets += ", description = ?";
    const auto* description = read.raw("description");
    params.push_back(description->is_string() ? storage::Value(std::string(description->as_string())) : storage::Value());
  }
  params.emplace_back(id);
  ATRIUM_TRY(connection.execute(fmt::format("UPDATE roles SET {} WHERE id = ?", sets), params));
  if (rights) {
    ATRIUM_TRY(connection.execute("DELETE FROM role_rights WHERE role_id = ?", {id}));
    for (const auto& right : *rights) {
      ATRIUM_TRY(connection.execute(
          "INSERT INTO role_rights (role_id, entity, action, scope, rule) VALUES (?, ?, ?, ?, ?)",
          {id, right.entity, right.action, right.scope, right.rule.empty() ? storage::Value() : storage::Value(right.rule)}));
    }
  }
  if (field_rights) {
    ATRIUM_TRY(connection.execute("DELETE FROM field_rights WHERE role_id = ?", {id}));
    for (const auto& right : *field_rights) {
      ATRIUM_TRY(connection.execute("INSERT INTO field_rights (role_id, entity, field, mode) VALUES (?, ?, ?, ?)",
                                    {id, right.entity, right.field, right.mode}));
    }
  }
  return bump_access_generation(connection);
}

Result<void> check_unique_name(storage::Connection& connection, BodyReader& read, std::string_view table,
                               std::string_view own_id) {
  if (!read.has("name")) return {};
  const auto* name = read.raw("name");
  if (!name->is_string()) return {};
  auto existing = connection.query(fmt::format("SELECT id FROM {} WHERE name = ? AND id <> ?", table),
                                   {std::string(name->as_string()), std::string(own_id)});
  if (!existing) return existing.take_error();
  if (!existing->empty()) read.fail("name", "UNIQUE_VIOLATION", "the name is taken");
  return {};
}

// --- teams -------------------------------------------------------------------------------

Result<object> read_team(storage::Connection& connection, std::string_view id) {
  auto rows = connection.query(
      "SELECT id, name, description, created_at, updated_at, version FROM teams WHERE id = ?", {id});
  if (!rows) return rows.take_error();
  if (rows->empty()) return not_found("team", id);
  const auto& row = rows->rows[0];
  object team{{"id", row[0].text()},          {"name", row[1].text()},       {"description", nullable(row[2])},
              {"created_at", row[3].text()}, {"updated_at", row[4].text()}, {"version", row[5].integer()}};
  auto members = column_json(connection, "SELECT user_id FROM team_members WHERE team_id = ? ORDER BY user_id", {id});
  if (!members) return members.take_error();
  team["members"] = std::move(*members);
  return team;
}

Result<void> write_team(storage::Connection& connection, const std::string& id, BodyReader& read,
                        const std::optional<std::vector<std::string>>& members) {
  std::string sets = "updated_at = ?, version = version + 1";
  storage::Params params{utc_now_iso8601()};
  if (read.has("name")) {
    sets += ", name = ?";
    params.emplace_back(read.raw("name")->as_string());
  }
  if (read.has("description")) {
    sets += ", description = ?";
    const auto* description = read.raw("description");
    params.push_back(description->is_string() ? storage::Value(std::string(description->as_string())) : storage::Value());
  }
  params.emplace_back(id);
  ATRIUM_TRY(connection.execute(fmt::format("UPDATE teams SET {} WHERE id = ?", sets), params));
  if (members) {
    ATRIUM_TRY(connection.execute("DELETE FROM team_members WHERE team_id = ?", {id}));
    for (const auto& user : *members) {
      ATRIUM_TRY(connection.execute("INSERT INTO team_members (team_id, user_id) VALUES (?, ?)", {id, user}));
    }
  }
  return bump_access_generation(connection);
}

Result<void> check_members(storage::Connection& connection, BodyReader& read,
                           const std::optional<std::vector<std::string>>& members) {
  if (!members) return {};
  for (const auto& user : *members) {
    auto found = connection.query("SELECT 1 FROM users WHERE id = ?", {user});
    if (!found) return found.take_error();
    if (found->empty()) read.fail("members", "LINK_NOT_FOUND", fmt::format("no user with id {}", user));
  }
  return {};
}

void check_name_text(BodyReader& read, bool required) {
  if (auto name = read.text("name", 100, required)) {
    static const std::regex pattern("^[A-Za-z0-9][A-Za-z0-9 ._-]*$");
    if (!std::regex_match(*name, pattern)) {
      read.fail("name", "FIELD_INVALID", "letters, digits, spaces and . _ -, starting with a letter or digit");
    }
  }
  if (read.has("description") && !read.raw("description")->is_null()) read.text("description", 2000, false);
}

}  // namespace

void add_access_admin_routes(http::Router& router, storage::Database& database, const Authenticator& authenticator,
                             AccessSchema schema) {
  auto& db = database;
  auto& auth = authenticator;

  // Users: everyone signed in may list them (pickers, assignees); details of rights and
  // attributes are for administrators.
  router.add(http::Method::get, "/api/v1/users", [&db, &auth](Request& request) {
    auto principal = auth.authenticate(request);
    if (!principal) return Response::error(principal.error(), request.request_id);
    const bool admin = principal->user.is_admin;
    array users;
    auto read = db.read([&](storage::Connection& connection) -> Result<void> {
      return connection.each(fmt::format("SELECT {} FROM users ORDER BY username LIMIT 5000", kUserColumns), {},
                             [&](const storage::Row& row) {
                               if (admin) {
                                 auto user = user_json(connection, row);
                                 if (user) users.push_back(std::move(*user));
                               } else {
                                 users.push_back(object{{"id", row[0].text()},
                                                        {"username", row[1].text()},
                                                        {"name", row[2].text()},
                                                        {"active", row[5].integer() != 0}});
                               }
                               return true;
                             });
    });
    if (!read) return Response::error(read.error(), request.request_id);
    return data_response(std::move(users));
  });

  router.add(http::Method::get, "/api/v1/users/{id}", [&db, &auth](Request& request) {
    return administrator(auth, request, [&](const Principal&) {
      Result<object> user = object{};
      auto read = db.read([&](storage::Connection& connection) -> Result<void> {
        user = read_user(connection, request.path_param("id"));
        return {};
      });
      if (!read) return Response::error(read.error(), request.request_id);
      if (!user) return Response::error(user.error(), request.request_id);
      return json_response(200, *user);
    });
  });

  router.add(http::Method::post, "/api/v1/users", [&db, &auth, schema](Request& request) {
    return administrator(auth, request, [&](const Principal&) {
      auto body = object_body(request);
      if (!body) return Response::error(body.error(), request.request_id);
      Result<object> created = object{};
      auto written = db.transact([&](storage::Connection& connection) -> Result<void> {
        BodyReader read(**body);
        read.only({"username", "password", "name", "email", "is_admin", "active", "locale", "time_zone", "manager_id",
                   "kind", "portal_account_id", "portal_contact_id", "roles", "teams", "attributes"});
        NewUser user;
        user.username = read.text("username", 64, true).value_or("");
        user.password = read.text("password", 1024, false).value_or("");
        user.name = read.text("name", 200, false).value_or("");
        auto changes = read_user_changes(connection, read, schema, "");
        if (!changes) return changes.take_error();
        if (!read.ok()) return read.error("the user is not valid");
        auto id = add_user(connection, user);
        if (!id) return id.take_error();
        ATRIUM_TRY(apply_user_changes(connection, *id, *changes));
        created = read_user(connection, *id);
        if (!created) return created.error();
        return {};
      });
      if (!written) return Response::error(written.error(), request.request_id);
      Response response = json_response(201, *created);
      response.headers.set("Location", "/api/v1/users/" + std::string(created->at("id").as_string()));
      return response;
    });
  });

  router.add(http::Method::patch, "/api/v1/users/{id}", [&db, &auth, schema](Request& request) {
    return administrator(auth, request, [&](const Principal&) {
      auto body = object_body(request);
      if (!body) return Response::error(body.error(), request.request_id);
      const std::string id(request.path_param("id"));
      Result<object> updated = object{};
      auto written = db.transact([&](storage::Connection& connection) -> Result<void> {
        auto current = read_user(connection, id);
        if (!current) return current.take_error();
        BodyReader read(**body);
        read.only({"name", "email", "is_admin", "active", "locale", "time_zone", "manager_id", "kind",
                   "portal_account_id", "portal_contact_id", "roles", "teams", "attributes", "version"});
        if (const auto* version = read.raw("version");
            version && (!version->is_int64() || version->as_int64() != current->at("version").as_int64())) {
          return make_error(ErrorCode::version_conflict, "the user changed since you read it");
        }
        auto changes = read_user_changes(connection, read, schema, id);
        if (!changes) return changes.take_error();
        if (!read.ok()) return read.error("the user is not valid");
        ATRIUM_TRY(apply_user_changes(connection, id, *changes));
        // A deactivated user is signed out everywhere at once.
        if (const auto* active = read.raw("active"); active && active->is_bool() && !active->as_bool()) {
          ATRIUM_TRY(connection.execute("DELETE FROM sessions WHERE user_id = ?", {id}));
        }
        updated = read_user(connection, id);
        if (!updated) return updated.error();
        return {};
      });
      if (!written) return Response::error(written.error(), request.request_id);
      return json_response(200, *updated);
    });
  });

  router.add(http::Method::get, "/api/v1/scope-attributes", [&auth, schema](Request& request) {
    auto principal = auth.authenticate(request);
    if (!principal) return Response::error(principal.error(), request.request_id);
    array attributes;
    for (const auto& name : schema.scope_attributes()) {
      std::string label = name;
      std::replace(label.begin(), label.end(), '_', ' ');
      if (!label.empty()) label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
      attributes.push_back(object{{"name", name}, {"label", label}, {"picklist", name}});
    }
    return data_response(std::move(attributes));
  });

  // Roles and teams share their shape: list, create, read, change, delete.
  struct Resource {
    std::string_view path;
    std::string_view table;
    std::string_view label;
  };
  for (const Resource resource : {Resource{"roles", "roles", "role"}, Resource{"teams", "teams", "team"}}) {
    const bool roles = resource.table == "roles";
    const std::string base = fmt::format("/api/v1/{}", resource.path);
    auto read_one = [roles](storage::Connection& connection, std::string_view id) {
      return roles ? read_role(connection, id) : read_team(connection, id);
    };
    // Checks the body and writes it; `id` exists already.
    auto write = [roles, schema](storage::Connection& connection, const std::string& id, BodyReader& read,
                                 bool creating) -> Result<void> {
      check_name_text(read, creating);
      ATRIUM_TRY(check_unique_name(connection, read, roles ? "roles" : "teams", id));
      if (roles) {
        read.only({"name", "description", "rights", "field_rights", "version"});
        auto rights = read_rights(read, schema);
        auto field_rights = read_field_rights(read, schema);
        if (!read.ok()) return read.error("the role is not valid");
        return write_role(connection, id, read, rights, field_rights);
      }
      read.only({"name", "description", "members", "version"});
      auto members = read.strings("members");
      ATRIUM_TRY(check_members(connection, read, members));
      if (!read.ok()) return read.error("the team is not valid");
      return write_team(connection, id, read, members);
    };

    router.add(http::Method::get, base, [&db, &auth, resource, read_one](Request& request) {
      return administrator(auth, request, [&](const Principal&) {
        array items;
        auto read = db.read([&](storage::Connection& connection) -> Result<void> {
          auto ids = column_json(connection, fmt::format("SELECT id FROM {} ORDER BY name", resource.table), {});
          if (!ids) return ids.take_error();
          for (const auto& id : *ids) {
            auto item = read_one(connection, std::string_view(id.as_string()));
            if (!item) return item.take_error();
            items.push_back(std::move(*item));
          }
          return {};
        });
        if (!read) return Response::error(read.error(), request.request_id);
        return data_response(std::move(items));
      });
    });

    router.add(http::Method::get, base + "/{id}", [&db, &auth, read_one](Request& request) {
      return administrator(auth, request, [&](const Principal&) {
        Result<object> item = object{};
        auto read = db.read([&](storage::Connection& connection) -> Result<void> {
          item = read_one(connection, request.path_param("id"));
          return {};
        });
        if (!read) return Response::error(read.error(), request.request_id);
        if (!item) return Response::error(item.error(), request.request_id);
        return json_response(200, *item);
      });
    });

    router.add(http::Method::post, base, [&db, &auth, resource, read_one, write, base](Request& request) {
      return administrator(auth, request, [&](const Principal&) {
        auto body = object_body(request);
        if (!body) return Response::error(body.error(), request.request_id);
        const std::string id = new_id();
        Result<object> created = object{};
        auto written = db.transact([&](storage::Connection& connection) -> Result<void> {
          const std::string now = utc_now_iso8601();
          // A placeholder name, replaced by the body's in the same transaction.
          ATRIUM_TRY(connection.execute(
              fmt::format("INSERT INTO {} (id, name, created_at, updated_at, version) VALUES (?, ?, ?, ?, 0)",
                          resource.table),
              {id, id, now, now}));
          BodyReader read(**body);
          ATRIUM_TRY(write(connection, id, read, true));
          created = read_one(connection, id);
          if (!created) return created.error();
          return {};
        });
        if (!written) return Response::error(written.error(), request.request_id);
        Response response = json_response(201, *created);
        response.headers.set("Location", base + "/" + id);
        return response;
      });
    });

    router.add(http::Method::patch, base + "/{id}", [&db, &auth, read_one, write](Request& request) {
      return administrator(auth, request, [&](const Principal&) {
        auto body = object_body(request);
        if (!body) return Response::error(body.error(), request.request_id);
        const std::string id(request.path_param("id"));
        Result<object> updated = object{};
        auto written = db.transact([&](storage::Connection& connection) -> Result<void> {
          auto current = read_one(connection, id);
          if (!current) return current.take_error();
          if (const auto* version = (*body)->if_contains("version");
              version && (!version->is_int64() || version->as_int64() != current->at("version").as_int64())) {
            return make_error(ErrorCode::version_conflict, "it changed since you read it");
          }
          BodyReader read(**body);
          ATRIUM_TRY(write(connection, id, read, false));
          updated = read_one(connection, id);
          if (!updated) return updated.error();
          return {};
        });
        if (!written) return Response::error(written.error(), request.request_id);
        return json_response(200, *updated);
      });
    });

    router.add(http::Method::del, base + "/{id}", [&db, &auth, resource, roles](Request& request) {
      return administrator(auth, request, [&](const Principal&) {
        const std::string id(request.path_param("id"));
        auto written = db.transact([&](storage::Connection& connection) -> Result<void> {
          if (roles) {
            ATRIUM_TRY(connection.execute("DELETE FROM user_roles WHERE role_id = ?", {id}));
            ATRIUM_TRY(connection.execute("DELETE FROM role_rights WHERE role_id = ?", {id}));
            ATRIUM_TRY(connection.execute("DELETE FROM field_rights WHERE role_id = ?", {id}));
          } else {
            ATRIUM_TRY(connection.execute("DELETE FROM team_members WHERE team_id = ?", {id}));
          }
          auto deleted = connection.execute(fmt::format("DELETE FROM {} WHERE id = ?", resource.table), {id});
          if (!deleted) return deleted.take_error();
          if (*deleted == 0) return not_found(resource.label, id);
          return bump_access_generation(connection);
        });
        if (!written) return Response::error(written.error(), request.request_id);
        Response response;
        response.status = 204;
        return response;
      });
    });
  }
}

}  // namespace atrium::access
