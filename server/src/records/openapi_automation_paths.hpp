#pragma once
// The OpenAPI paths of automation rules (/api/v1/automation-rules) and their logs.
#include <boost/json/object.hpp>

namespace atrium::records::openapi {

void add_automation_paths(boost::json::object& paths);

}  // namespace atrium::records::openapi
