#pragma once
// Administration of routing: /api/v1/business-calendars and /api/v1/routing-paths (list,
// create, read, change with the version read, delete), for administrators only.
#include "atrium/access/authenticator.hpp"
#include "atrium/core/time.hpp"
#include "atrium/http/router.hpp"
#include "atrium/metadata/catalog.hpp"
#include "atrium/storage/database.hpp"

namespace atrium::workflow {

void add_business_calendar_routes(http::Router& router, storage::Database& database,
                                  const access::Authenticator& authenticator, const Clock& clock);
void add_routing_path_routes(http::Router& router, storage::Database& database, const metadata::Catalog& catalog,
                             const access::Authenticator& authenticator, const Clock& clock);

}  // namespace atrium::workflow
