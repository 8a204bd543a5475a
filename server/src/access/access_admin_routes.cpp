#include "atrium/access/access_admin_routes.hpp"

#include "role_admin_routes.hpp"
#include "user_admin_routes.hpp"

namespace atrium::access {

void add_access_admin_routes(http::Router& router, storage::Database& database, const Authenticator& authenticator,
                             AccessSchema schema) {
  add_user_admin_routes(router, database, authenticator, schema);
  add_role_and_team_admin_routes(router, database, authenticator, schema);
}

}  // namespace atrium::access
