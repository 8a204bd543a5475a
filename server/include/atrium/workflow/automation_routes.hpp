#pragma once
// /api/v1/automation-rules: administrators list, create, change and delete automation
// rules, and read what each rule did (/runs).
#include "atrium/access/authenticator.hpp"
#include "atrium/access/grants.hpp"
#include "atrium/http/router.hpp"
#include "atrium/records/record_service.hpp"
#include "atrium/workflow/automation_rule_store.hpp"

namespace atrium::workflow {

void add_automation_routes(http::Router& router, AutomationRuleStore& rules, records::RecordService& records,
                           const access::Authenticator& authenticator, access::GrantStore& grants);

}  // namespace atrium::workflow
