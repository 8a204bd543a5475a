#pragma once
#include "atrium/access/authenticator.hpp"
#include "atrium/access/grants.hpp"
#include "atrium/http/router.hpp"
#include "atrium/records/record_service.hpp"

namespace atrium::records {

// GET /api/v1/metadata: the entities, their fields, enums, picklists and the caller's
// rights — everything the web app needs to render any entity.
void add_metadata_routes(http::Router& router, RecordService& records, storage::Database& database,
                         const access::Authenticator& authenticator, access::GrantStore& grants);

}  // namespace atrium::records
