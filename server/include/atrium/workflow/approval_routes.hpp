#pragma once
// The approvals API: `/api/v1/approvals` (lists, the caller's inbox, one approval's
// history, approve and reject, starting a manual rule), `/api/v1/approval-delegations`
// (the caller's stand-ins while away) and, for administrators, `/api/v1/approval-rules`.
#include "atrium/access/authenticator.hpp"
#include "atrium/access/grants.hpp"
#include "atrium/http/router.hpp"
#include "atrium/records/record_service.hpp"
#include "atrium/workflow/approval_delegations.hpp"
#include "atrium/workflow/approval_engine.hpp"
#include "atrium/workflow/approval_rules.hpp"

namespace atrium::workflow {

void add_approval_routes(http::Router& router, ApprovalEngine& engine, ApprovalRules& rules,
                         ApprovalDelegations& delegations, records::RecordService& records,
                         const access::Authenticator& authenticator, access::GrantStore& grants);

void add_approval_rule_routes(http::Router& router, ApprovalRules& rules, records::RecordService& records,
                              const access::Authenticator& authenticator, access::GrantStore& grants);

}  // namespace atrium::workflow
