#pragma once
// The OpenAPI paths of imports (in dataio): upload and preview, imports with progress,
// cancel and the error report, and the mapping templates.
#include <boost/json/object.hpp>

namespace atrium::records::openapi {

void add_import_paths(boost::json::object& paths);

}  // namespace atrium::records::openapi
