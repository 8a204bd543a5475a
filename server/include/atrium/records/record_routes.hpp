#pragma once
// The generic REST API of every entity (DESIGN §4) and the metadata the web app renders
// from.
#include "atrium/access/authenticator.hpp"
#include "atrium/access/grants.hpp"
#include "atrium/http/router.hpp"
#include "atrium/records/deletion_approvals.hpp"
#include "atrium/records/record_service.hpp"

namespace atrium::records {

void add_record_routes(http::Router& router, RecordService& records, DeletionApprovals& approvals,
                       const access::Authenticator& authenticator, access::GrantStore& grants);

}  // namespace atrium::records
