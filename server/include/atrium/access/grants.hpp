#pragma once
// What one user may do (DESIGN §6): the rights of all their roles, their teams, the
// people reporting to them and their scope attributes, loaded once and kept until an
// administrator changes any of it (the access generation moves).
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "atrium/core/result.hpp"
#include "atrium/storage/database.hpp"

namespace atrium::access {

enum class Action { create, read, edit, remove, export_records, approve, administer };
inline constexpr Action kAllActions[] = {Action::create,         Action::read,    Action::edit,      Action::remove,
                                         Action::export_records, Action::approve, Action::administer};
// "create", "read", "edit", "delete", "export", "approve", "admin".
std::string_view action_name(Action action);
std::optional<Action> action_from_name(std::string_view name);

enum class RightScope { all, team, own, rule };
std::string_view scope_name(RightScope scope);
std::optional<RightScope> scope_from_name(std::string_view name);

struct Right {
  std::string role;  // the granting role's name, for explanations
  RightScope scope = RightScope::all;
  std::string rule;  // a filter with user.<attribute> values, for RightScope::rule
};

enum class FieldMode { full, read_only, hidden };
std::string_view field_mode_name(FieldMode mode);

using UserValues = std::map<std::string, std::vector<std::string>, std::less<>>;

struct UserGrants {
  std::string user_id;
  bool administrator = false;  // every right on everything
  bool portal = false;
  std::vector<std::string> roles;      // names
  std::vector<std::string> teams;      // ids
  std::vector<std::string> own_ids;    // the user and everyone reporting to them, at any depth
  std::vector<std::string> team_mates; // members of the user's teams, the user included
  // user.<name> in rules: id, teams, account, contact, and every scope attribute.
  UserValues values;
  std::map<std::string, std::vector<Right>, std::less<>> rights;  // "entity/action"
  // "entity.field" → the most permissive mode over the roles with any right on the
  // entity (several roles are OR-ed); absent: full.
  std::map<std::string, FieldMode, std::less<>> fields;

  // Empty when no role grants the action.
  const std::vector<Right>& rights_for(std::string_view entity, Action action) const;
  FieldMode field_mode(std::string_view entity, std::string_view field) const;
};

// Loads a user's grants (not cached).
Result<UserGrants> load_grants(storage::Connection& connection, const std::string& user_id);

// Grants by user, reloaded when the access generation changed since they were loaded.
class GrantStore {
 public:
  explicit GrantStore(storage::Database& database) : database_(database) {}
  Result<std::shared_ptr<const UserGrants>> for_user(const std::string& user_id);

 private:
  storage::Database& database_;
  std::mutex mutex_;
  std::int64_t generation_ = -1;
  std::map<std::string, std::shared_ptr<const UserGrants>, std::less<>> by_user_;
};

// Every change to users' roles, teams, managers, attributes, roles' rights or field
// rights calls this in its transaction, so every process reloads.
Result<void> bump_access_generation(storage::Connection& connection);

}  // namespace atrium::access
