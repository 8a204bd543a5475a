#pragma once
// The duplicates API of every entity that declares duplicate detection:
// `GET|POST /api/v1/{plural}/duplicates/check` (candidates for values about to be saved)
// and `GET /api/v1/{plural}/duplicates` (the report: groups sharing a key). Registered
// before the record routes, whose `/{id}` would otherwise take these paths.
#include "atrium/access/authenticator.hpp"
#include "atrium/access/grants.hpp"
#include "atrium/dataio/duplicate_finder.hpp"
#include "atrium/http/router.hpp"
#include "atrium/records/record_service.hpp"

namespace atrium::dataio {

void add_duplicate_routes(http::Router& router, records::RecordService& records, const DuplicateFinder& finder,
                          const access::Authenticator& authenticator, access::GrantStore& grants);

}  // namespace atrium::dataio
