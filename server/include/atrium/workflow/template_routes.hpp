#pragma once
// /api/v1/templates: message templates (administrators change them; everyone signed in
// reads them and previews them against the records they may read), and
// /api/v1/templates/preview for a template not yet saved.
#include "atrium/access/authenticator.hpp"
#include "atrium/access/grants.hpp"
#include "atrium/http/router.hpp"
#include "atrium/records/record_service.hpp"
#include "atrium/workflow/message_templates.hpp"

namespace atrium::workflow {

void add_template_routes(http::Router& router, MessageTemplates& templates, records::RecordService& records,
                         const access::Authenticator& authenticator, access::GrantStore& grants);

}  // namespace atrium::workflow
