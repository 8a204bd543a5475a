#pragma once
// The OpenAPI paths of a user's notifications, dashboard and people search, the outbox,
// and the assignees of assignable entities.
#include <boost/json/object.hpp>

#include "atrium/metadata/catalog.hpp"

namespace atrium::records::openapi {

void add_notification_paths(boost::json::object& paths, const metadata::Catalog& catalog);

}  // namespace atrium::records::openapi
