#pragma once
// /api/v1/import-files (upload and preview), /api/v1/imports (start, progress, cancel,
// error report) and /api/v1/import-templates (saved mappings).
#include "atrium/access/authenticator.hpp"
#include "atrium/access/grants.hpp"
#include "atrium/dataio/file_store.hpp"
#include "atrium/dataio/import_service.hpp"
#include "atrium/http/router.hpp"
#include "atrium/records/record_service.hpp"

namespace atrium::dataio {

void add_import_routes(http::Router& router, ImportService& imports, FileStore& files,
                       records::RecordService& records, const access::Authenticator& authenticator,
                       access::GrantStore& grants);

void add_import_template_routes(http::Router& router, records::RecordService& records,
                                const access::Authenticator& authenticator, access::GrantStore& grants);

}  // namespace atrium::dataio
