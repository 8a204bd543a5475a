#pragma once
// The whole schema of a database: the platform's migrations, then the tables the
// entity definitions describe.
#include "atrium/core/result.hpp"
#include "atrium/metadata/catalog.hpp"
#include "atrium/storage/database.hpp"

namespace atrium::app {

// The built-in entities, checked; a broken definition is a startup error.
Result<const metadata::Catalog*> builtin_catalog();

Result<void> prepare_schema(storage::Database& database);

}  // namespace atrium::app
