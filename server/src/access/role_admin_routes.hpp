#pragma once
// The administration routes of roles and teams (see access_admin_routes.hpp).
#include "atrium/access/access_admin_routes.hpp"

namespace atrium::access {

void add_role_and_team_admin_routes(http::Router& router, storage::Database& database, const Authenticator& authenticator,
                                    const AccessSchema& schema);

}  // namespace atrium::access
