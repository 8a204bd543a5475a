#pragma once
// The dashboard's task sections: my tasks (given to me, or mine with nobody assigned),
// follow-ups due within a week or overdue, and recent activity on records I can see.
#include "atrium/records/record_service.hpp"
#include "atrium/workflow/dashboard.hpp"

namespace atrium::workflow {

void add_task_dashboard_sections(Dashboard& dashboard, records::RecordService& records, const Clock& clock);

}  // namespace atrium::workflow
