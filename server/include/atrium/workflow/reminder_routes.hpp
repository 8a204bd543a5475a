#pragma once
// /api/v1/reminders: the caller's reminders (those they set and those set for them),
// one reminder with its occurrences, create, patch (If-Match or "version"), and DELETE,
// which cancels: the history stays readable.
#include "atrium/access/authenticator.hpp"
#include "atrium/access/grants.hpp"
#include "atrium/http/router.hpp"
#include "atrium/records/record_service.hpp"

namespace atrium::workflow {

class ReminderService;

void add_reminder_routes(http::Router& router, ReminderService& reminders, records::RecordService& records,
                         const access::Authenticator& authenticator, access::GrantStore& grants);

}  // namespace atrium::workflow
