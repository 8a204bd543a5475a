#include "atrium/access/user_directory.hpp"

#include <algorithm>

#include "atrium/access/grants.hpp"
#include "atrium/access/password_hasher.hpp"
#include "atrium/access/password_policy.hpp"
#include "atrium/core/id.hpp"
#include "atrium/core/time.hpp"

namespace atrium::access {

namespace {
bool valid_username(const std::string& username) {
  return !username.empty() && username.size() <= 64 && std::all_of(username.begin(), username.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-' || c == '@';
  });
}
}  // namespace

Result<std::string> add_user(storage::Connection& connection, const NewUser& user) {
  std::string username = user.username;
  std::transform(username.begin(), username.end(), username.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  Error invalid{ErrorCode::validation_failed, "the user is not valid", {}};
  if (!valid_username(username)) {
    invalid.fields.push_back({"username", "FIELD_INVALID", "1-64 characters: letters, digits and . _ - @"});
  }
  if (!user.password.empty()) {
    if (auto weak = password_policy().check(user.password)) invalid.fields.push_back(std::move(*weak));
  }
  if (!invalid.fields.empty()) return invalid;

  auto existing = connection.query("SELECT id FROM users WHERE username = ?", {username});
  if (!existing) return existing.take_error();
  if (!existing->empty()) {
    return Error{ErrorCode::validation_failed,
                 "the user is not valid",
                 {{"username", "UNIQUE_VIOLATION", "a user with this username exists"}}};
  }
  std::string hash;
  if (!user.password.empty()) {
    auto hashed = hash_password(user.password);
    if (!hashed) return hashed.take_error();
    hash = std::move(*hashed);
  }
  const std::string id = new_id();
  const std::string now = utc_now_iso8601();
  auto inserted = connection.execute(
      "INSERT INTO users (id, username, name, email, password_hash, is_admin, active, created_at, updated_at, version) "
      "VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, 1)",
      {id, username, user.name.empty() ? username : user.name,
       user.email.empty() ? storage::Value() : storage::Value(user.email),
       hash.empty() ? storage::Value() : storage::Value(hash), user.is_admin ? 1 : 0, now, now});
  if (!inserted) return inserted.take_error();
  return id;
}

Result<void> give_roles(storage::Connection& connection, const std::string& user_id,
                        const std::vector<std::string>& role_names) {
  Error unknown{ErrorCode::validation_failed, "the roles are not valid", {}};
  for (const auto& name : role_names) {
    auto role = connection.query("SELECT id FROM roles WHERE name = ?", {name});
    if (!role) return role.take_error();
    if (role->empty()) {
      unknown.fields.push_back({"role", "LINK_NOT_FOUND", "no role '" + name + "'"});
      continue;
    }
    auto given = connection.execute("INSERT INTO user_roles (user_id, role_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                                    {user_id, role->rows[0][0].text()});
    if (!given) return given.take_error();
  }
  if (!unknown.fields.empty()) return unknown;
  return bump_access_generation(connection);
}

}  // namespace atrium::access
