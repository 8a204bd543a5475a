// /api/v1/roles (the rights matrix and field rights) and /api/v1/teams (members).
#include "role_admin_routes.hpp"

#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <regex>
#include <set>

#include "admin_support.hpp"
#include "atrium/access/grants.hpp"
#include "atrium/core/id.hpp"
#include "atrium/core/time.hpp"

namespace atrium::access {

namespace {

using namespace admin;

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

// Roles and teams share name and description: what the body gives, with a new version.
Result<void> write_name_and_description(storage::Connection& connection, std::string_view table,
                                        const std::string& id, BodyReader& read) {
  std::string sets = "updated_at = ?, version = version + 1";
  storage::Params params{utc_now_iso8601()};
  if (read.has("name")) {
    sets += ", name = ?";
    params.emplace_back(read.raw("name")->as_string());
  }
  if (read.has("description")) {
    sets += ", description = ?";
    const auto* description = read.raw("description");
    // Two statements, not a conditional expression: gcc 12 at -O3 takes the variant
    // temporary of `?:` for uninitialized (a false positive that -Werror turns fatal).
    if (description->is_string()) {
      params.emplace_back(std::string(description->as_string()));
    } else {
      params.emplace_back(nullptr);
    }
  }
  params.emplace_back(id);
  auto updated = connection.execute(fmt::format("UPDATE {} SET {} WHERE id = ?", table, sets), params);
  if (!updated) return updated.take_error();
  return {};
}

Result<void> write_role(storage::Connection& connection, const std::string& id, BodyReader& read,
                        const std::optional<std::vector<RoleRight>>& rights,
                        const std::optional<std::vector<RoleFieldRight>>& field_rights) {
  ATRIUM_TRY(write_name_and_description(connection, "roles", id, read));
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
  ATRIUM_TRY(write_name_and_description(connection, "teams", id, read));
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

void add_role_and_team_admin_routes(http::Router& router, storage::Database& database,
                                    const Authenticator& authenticator, const AccessSchema& schema) {
  auto& db = database;
  auto& auth = authenticator;

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
