#pragma once
// The whole schema of a database: the platform's migrations, then the tables the
// entity definitions describe.
#include <filesystem>

#include "atrium/core/result.hpp"
#include "atrium/metadata/catalog.hpp"
#include "atrium/storage/database.hpp"

namespace atrium::app {

// The built-in entities and those of the extra definitions folder, checked; a broken
// definition is a startup error.
Result<const metadata::Catalog*> builtin_catalog();
// A folder of more definition files (*.json, the same format as the built-in ones) for
// site-specific and test-only entities: set before the catalog is first read.
void use_extra_definitions(std::filesystem::path directory);

Result<void> prepare_schema(storage::Database& database);

}  // namespace atrium::app
