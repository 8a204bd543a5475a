#pragma once
// POST /api/v1/attachment-files (upload a file onto a record) and
// GET /api/v1/attachments/{id}/content (its bytes).
#include "atrium/access/authenticator.hpp"
#include "atrium/access/grants.hpp"
#include "atrium/dataio/attachments.hpp"
#include "atrium/http/router.hpp"
#include "atrium/records/record_service.hpp"

namespace atrium::dataio {

void add_attachment_routes(http::Router& router, Attachments& attachments, records::RecordService& records,
                           const access::Authenticator& authenticator, access::GrantStore& grants);

}  // namespace atrium::dataio
