#pragma once
// Demo master data: picklists, products, accounts of every type, contacts and their
// places at accounts. Deterministic for the same sizes.
#include "atrium/app/demo_data.hpp"
#include "atrium/metadata/catalog.hpp"
#include "demo_ids.hpp"

namespace atrium::app {

Result<std::int64_t> load_demo_records(storage::Database& database, const metadata::Catalog& catalog,
                                       const DemoSize& size, DemoIds& ids, const std::string& owner_id);

}  // namespace atrium::app
