#pragma once
// The OpenAPI path of an entity's export (GET /api/v1/{plural}/export, in dataio).
#include <boost/json/object.hpp>

#include "atrium/metadata/catalog.hpp"

namespace atrium::records::openapi {

void add_export_path(boost::json::object& paths, const metadata::EntityDefinition& entity,
                     const metadata::Catalog& catalog);

}  // namespace atrium::records::openapi
