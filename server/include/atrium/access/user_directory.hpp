#pragma once
// Users of the platform table: created by `atrium user add` and the demo data now; the
// access-control module builds roles, sessions and rights on the same table.
#include <optional>
#include <string>
#include <vector>

#include "atrium/core/result.hpp"
#include "atrium/storage/database.hpp"

namespace atrium::access {

struct NewUser {
  std::string username;
  std::string name;
  std::string email;
  std::string password;  // empty: the user cannot log in until one is set
  bool is_admin = false;
};

// Validates (FIELD_* codes on the fields) and stores; returns the new id.
Result<std::string> add_user(storage::Connection& connection, const NewUser& user);

// Adds the named roles to the user's roles; LINK_NOT_FOUND on `role` for an unknown name.
Result<void> give_roles(storage::Connection& connection, const std::string& user_id,
                        const std::vector<std::string>& role_names);

}  // namespace atrium::access
