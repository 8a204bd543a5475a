#pragma once
// Brings the database's tables, columns and indexes in line with the entity
// definitions, in one transaction on either backend. Adds, never drops: a column whose
// field left the definitions keeps its data until an admin removes the field.
#include "atrium/core/result.hpp"
#include "atrium/metadata/catalog.hpp"
#include "atrium/storage/database.hpp"

namespace atrium::metadata {

struct SyncReport {
  int tables_created = 0;
  int columns_added = 0;
  int indexes_created = 0;
  bool changed() const { return tables_created + columns_added + indexes_created > 0; }
};

Result<SyncReport> sync_schema(storage::Database& database, const Catalog& catalog);

// The columns every record table has, in order.
const std::vector<std::string>& standard_columns();

}  // namespace atrium::metadata
