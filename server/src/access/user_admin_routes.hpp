#pragma once
// The administration routes of users and scope attributes (see access_admin_routes.hpp).
#include "atrium/access/access_admin_routes.hpp"

namespace atrium::access {

void add_user_admin_routes(http::Router& router, storage::Database& database, const Authenticator& authenticator,
                           const AccessSchema& schema);

}  // namespace atrium::access
