#include "atrium/app/schema_setup.hpp"

#include "atrium/metadata/schema_sync.hpp"
#include "atrium/storage/migration.hpp"

namespace atrium::app {

Result<const metadata::Catalog*> builtin_catalog() {
  static const Result<metadata::Catalog> catalog = metadata::Catalog::embedded(metadata::FieldTypeRegistry::standard());
  if (!catalog) return catalog.error();
  return &catalog.value();
}

Result<void> prepare_schema(storage::Database& database) {
  auto migrated = storage::apply_migrations(database, storage::embedded_migrations());
  if (!migrated) return migrated.take_error();
  auto catalog = builtin_catalog();
  if (!catalog) return catalog.take_error();
  auto synced = metadata::sync_schema(database, **catalog);
  if (!synced) return synced.take_error();
  // Refreshes the planner's statistics where they went stale; bounded so start stays fast.
  if (database.dialect() == storage::Dialect::sqlite) {
    ATRIUM_TRY(database.transact([](storage::Connection& connection) {
      return connection.execute_script("PRAGMA analysis_limit = 1000; PRAGMA optimize");
    }));
  }
  return {};
}

}  // namespace atrium::app
