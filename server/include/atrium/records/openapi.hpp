#pragma once
// The OpenAPI 3.1 document of the HTTP API. It is generated from the catalog whenever it
// is asked for, so a new entity or a custom field appears in it without code changes.
#include <boost/json/object.hpp>
#include <string>
#include <vector>

#include "atrium/core/error.hpp"
#include "atrium/http/router.hpp"
#include "atrium/metadata/catalog.hpp"
#include "atrium/records/record_service.hpp"

namespace atrium::records {

struct OpenApiOptions {
  std::string version;                            // the server's, shown as info.version
  std::string session_cookie = "atrium_session";  // __Host-atrium_session behind HTTPS
};

// Every ErrorCode in declaration order: the `code` enum of the Error schema.
std::vector<ErrorCode> all_error_codes();

// The whole document: the platform, authentication and metadata paths, and for every
// entity its schemas and the generic routes of record_routes.cpp.
boost::json::object openapi_document(const metadata::Catalog& catalog, const OpenApiOptions& options);

// GET /api/v1/openapi.json. Public: it describes the API and exposes no data.
void add_openapi_route(http::Router& router, const RecordService& records, OpenApiOptions options);

}  // namespace atrium::records
