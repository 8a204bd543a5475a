#pragma once
// Demo access control: a sales team whose members see the accounts of their area, their
// lead, and a read-only viewer who does not see credit limits. Shows scopes, teams, the
// reporting line and field rights on the demo data.
#include <string>

#include "atrium/core/result.hpp"
#include "atrium/storage/database.hpp"
#include "demo_ids.hpp"

namespace atrium::app {

inline constexpr std::string_view kDemoSalesUsername = "sales.north";
inline constexpr std::string_view kDemoLeadUsername = "sales.lead";
inline constexpr std::string_view kDemoViewerUsername = "viewer";

// Rows written; `password_hash` is the demo password's hash (hashing is slow by design).
Result<std::int64_t> load_demo_access(storage::Connection& connection, DemoIds& ids, const std::string& password_hash,
                                      const std::string& created_at);

}  // namespace atrium::app
