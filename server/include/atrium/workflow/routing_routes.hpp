#pragma once
// A record's routing: GET /api/v1/{plural}/{id}/routing, and POST …/routing/start,
// …/routing/forward, …/routing/divert and …/routing/return for every entity. Added
// before the record routes, whose `/{plural}/{id}/{related}` would take `routing`.
#include "atrium/access/authenticator.hpp"
#include "atrium/access/grants.hpp"
#include "atrium/http/router.hpp"
#include "atrium/records/record_service.hpp"
#include "atrium/workflow/routing_service.hpp"

namespace atrium::workflow {

void add_routing_routes(http::Router& router, RoutingService& routing, records::RecordService& records,
                        const access::Authenticator& authenticator, access::GrantStore& grants);

}  // namespace atrium::workflow
