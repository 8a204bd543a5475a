#pragma once
// The OpenAPI paths of approvals: lists and the caller's inbox, one approval's history,
// decisions, manual starts, delegations and the administration of approval rules.
#include <boost/json/object.hpp>

namespace atrium::records::openapi {

void add_approval_paths(boost::json::object& paths);

}  // namespace atrium::records::openapi
