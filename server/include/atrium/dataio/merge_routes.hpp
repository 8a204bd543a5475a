#pragma once
// `POST /api/v1/{plural}/merge` for every entity, and the merges administrators see and
// undo: `GET /api/v1/merges`, `GET /api/v1/merges/{id}`, `POST /api/v1/merges/{id}/undo`.
#include "atrium/access/authenticator.hpp"
#include "atrium/access/grants.hpp"
#include "atrium/dataio/merge_service.hpp"
#include "atrium/http/router.hpp"

namespace atrium::dataio {

void add_merge_routes(http::Router& router, records::RecordService& records, MergeService& merges,
                      const access::Authenticator& authenticator, access::GrantStore& grants);

}  // namespace atrium::dataio
