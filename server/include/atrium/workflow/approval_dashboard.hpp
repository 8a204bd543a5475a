#pragma once
// The dashboard's "approvals waiting" section: what waits for the caller's decision.
#include "atrium/workflow/approval_engine.hpp"
#include "atrium/workflow/dashboard.hpp"

namespace atrium::workflow {

DashboardSection approvals_waiting_section(ApprovalEngine& engine);

}  // namespace atrium::workflow
