#pragma once
// /api/v1/picklists: the run-time value lists enum fields draw from (areas, industries,
// …). Administrators add, relabel, reorder and deactivate values; a key never changes
// or disappears, so old records keep their meaning.
#include "atrium/access/authenticator.hpp"
#include "atrium/http/router.hpp"
#include "atrium/storage/database.hpp"

namespace atrium::records {

void add_picklist_routes(http::Router& router, storage::Database& database, const access::Authenticator& authenticator);

}  // namespace atrium::records
