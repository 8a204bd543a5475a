#pragma once
// The OpenAPI paths of routing: business calendars and routing paths (administration),
// and each entity's `/{id}/routing` with its moves.
#include <boost/json/object.hpp>

#include "atrium/metadata/catalog.hpp"

namespace atrium::records::openapi {

void add_routing_paths(boost::json::object& paths, const metadata::Catalog& catalog);

}  // namespace atrium::records::openapi
