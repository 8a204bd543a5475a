// /api/v1/users and /api/v1/scope-attributes: people with their manager, roles, teams
// and the attribute values their rules compare against.
#include "user_admin_routes.hpp"

#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <regex>
#include <set>

#include "admin_support.hpp"
#include "atrium/access/grants.hpp"
#include "atrium/core/id.hpp"
#include "atrium/core/time.hpp"
#include "atrium/access/user_directory.hpp"

namespace atrium::access {

namespace {

using namespace admin;

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

}  // namespace

void add_user_admin_routes(http::Router& router, storage::Database& database, const Authenticator& authenticator,
                           const AccessSchema& schema) {
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
}

}  // namespace atrium::access
