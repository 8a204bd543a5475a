#pragma once
// The OpenAPI paths of authentication (/api/v1/auth/…) and of the access administration
// (/api/v1/users, /teams, /roles, /scope-attributes).
#include <boost/json/object.hpp>

namespace atrium::records::openapi {

void add_auth_paths(boost::json::object& paths);
void add_access_admin_paths(boost::json::object& paths);

}  // namespace atrium::records::openapi
