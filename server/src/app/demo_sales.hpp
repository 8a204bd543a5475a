#pragma once
// Demo set-up of the sales cycle: rights on its documents for the demo roles, approval
// rules for orders and sample requests, checklists per order type, and the interim reply
// that thanks a customer for an enquiry (a message template sent by an automation rule).
#include <string>

#include "atrium/core/result.hpp"
#include "atrium/storage/database.hpp"
#include "demo_ids.hpp"

namespace atrium::app {

// Rows written. After the demo roles exist (load_demo_access).
Result<std::int64_t> load_demo_sales(storage::Connection& connection, DemoIds& ids, const std::string& created_at);

}  // namespace atrium::app
