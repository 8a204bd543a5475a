#pragma once
// A user's own notifications (`/api/v1/notifications`: list, unread count, mark read),
// their live event stream (`/api/v1/events`: signed in, it also carries the events
// addressed to them), their dashboard (`/api/v1/dashboard`) and, for administrators, the
// e-mail outbox (`/api/v1/outbox`).
#include "atrium/access/authenticator.hpp"
#include "atrium/access/grants.hpp"
#include "atrium/http/router.hpp"
#include "atrium/records/record_service.hpp"
#include "atrium/workflow/dashboard.hpp"
#include "atrium/workflow/notifications.hpp"
#include "atrium/workflow/outbox.hpp"

namespace atrium::workflow {

void add_notification_routes(http::Router& router, Notifier& notifier, const Dashboard& dashboard, Outbox& outbox,
                             records::RecordService& records, const access::Authenticator& authenticator,
                             access::GrantStore& grants);

}  // namespace atrium::workflow
