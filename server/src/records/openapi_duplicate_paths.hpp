#pragma once
// The OpenAPI paths of duplicates, merges and vCards (served by dataio): per entity the
// duplicates report, the check and the merge; the merges administrators see and undo;
// the vCards of contacts.
#include <boost/json/object.hpp>

#include "atrium/metadata/catalog.hpp"

namespace atrium::records::openapi {

void add_duplicate_paths(boost::json::object& paths, const metadata::EntityDefinition& entity);
void add_merge_paths(boost::json::object& paths);
void add_vcard_paths(boost::json::object& paths, const metadata::Catalog& catalog);

}  // namespace atrium::records::openapi
