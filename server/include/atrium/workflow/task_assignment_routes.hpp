#pragma once
// `/api/v1/{plural}/{id}/assignees` for every assignable entity: read (GET), replace the
// set of assignees (PUT {"user_ids": [...]}), and an assignee's own status, progress and
// report (PATCH .../assignees/{user_id}). Registered before the record routes, whose
// related lists would otherwise take the path.
#include "atrium/access/authenticator.hpp"
#include "atrium/access/grants.hpp"
#include "atrium/http/router.hpp"
#include "atrium/workflow/task_assignments.hpp"

namespace atrium::workflow {

void add_task_assignment_routes(http::Router& router, TaskAssignments& assignments, records::RecordService& records,
                                const access::Authenticator& authenticator, access::GrantStore& grants);

}  // namespace atrium::workflow
