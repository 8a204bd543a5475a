#pragma once
// The administration of access (DESIGN §6): users with their manager, roles, teams and
// scope attributes; teams with members; roles with the rights matrix and field rights.
// Every change moves the access generation, so every process reloads the rights.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "atrium/access/authenticator.hpp"
#include "atrium/http/router.hpp"
#include "atrium/storage/database.hpp"

namespace atrium::access {

// What the access module needs to know about entities, without depending on them.
struct AccessSchema {
  std::function<bool(std::string_view entity)> has_entity;
  std::function<bool(std::string_view entity, std::string_view field)> has_field;
  // Whether a scope rule compiles against the entity's fields (RULE_INVALID otherwise).
  std::function<Result<void>(std::string_view entity, const std::string& rule)> check_rule;
  // Whether a record of the entity exists (portal users' account and contact).
  std::function<Result<bool>(storage::Connection&, std::string_view entity, const std::string& id)> has_record;
  // What `user.<name>` may name in rules besides id, teams, account and contact: the
  // picklists entities' fields draw from (areas, product_groups, …), sorted.
  std::function<std::vector<std::string>()> scope_attributes;
};

void add_access_admin_routes(http::Router& router, storage::Database& database, const Authenticator& authenticator,
                             AccessSchema schema);

}  // namespace atrium::access
