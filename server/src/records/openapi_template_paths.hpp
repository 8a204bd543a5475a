#pragma once
// The OpenAPI paths of message templates (/api/v1/templates) and their previews.
#include <boost/json/object.hpp>

namespace atrium::records::openapi {

void add_template_paths(boost::json::object& paths);

}  // namespace atrium::records::openapi
