#pragma once
// `GET /api/v1/people?q=`: the active staff users by name (portal users are customers), for every signed-in user — whom to
// give a task, remind or divert to. Only id, name and username leave: the full user
// records stay with the administrators' /api/v1/users.
#include "atrium/access/authenticator.hpp"
#include "atrium/http/router.hpp"
#include "atrium/storage/database.hpp"

namespace atrium::access {

void add_people_routes(http::Router& router, storage::Database& database, const Authenticator& authenticator);

}  // namespace atrium::access
