#pragma once
// `/api/v1/test/clock`, present only when the server runs with --test-clock: tests read
// and move the one clock every service and the job queue ask, so reminders, SLAs and due
// dates are tested without waiting. Never enabled in production: it lets anyone move time.
#include "atrium/core/time.hpp"
#include "atrium/http/router.hpp"

namespace atrium::workflow {

void add_test_clock_routes(http::Router& router, AdjustableClock& clock);

}  // namespace atrium::workflow
