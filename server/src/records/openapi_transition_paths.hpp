#pragma once
// The OpenAPI paths of an entity's transitions, for entities that declare states.
#include <boost/json/object.hpp>

#include "atrium/metadata/entity_definition.hpp"

namespace atrium::records::openapi {

void add_transition_paths(boost::json::object& paths, const metadata::EntityDefinition& entity);

}  // namespace atrium::records::openapi
