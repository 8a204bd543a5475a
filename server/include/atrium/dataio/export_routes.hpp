#pragma once
// GET /api/v1/{plural}/export?format=csv|xlsx: any list, with its filter, sort and
// columns, as a file streamed to the client. Registered before the record routes, so
// `export` is never taken for a record id.
#include <filesystem>

#include "atrium/access/authenticator.hpp"
#include "atrium/access/grants.hpp"
#include "atrium/http/router.hpp"
#include "atrium/records/record_service.hpp"

namespace atrium::dataio {

// `work_directory` takes the XLSX files while they are written.
void add_export_routes(http::Router& router, records::RecordService& records,
                       const access::Authenticator& authenticator, access::GrantStore& grants,
                       std::filesystem::path work_directory);

}  // namespace atrium::dataio
