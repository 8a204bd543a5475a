#pragma once
// POST /api/v1/pricing/quote: prices lines for a customer on a date, each with the
// explanation of the rules that decided it.
#include "atrium/access/authenticator.hpp"
#include "atrium/access/grants.hpp"
#include "atrium/http/router.hpp"
#include "atrium/records/record_service.hpp"

namespace atrium::sales {

void add_pricing_routes(http::Router& router, records::RecordService& records,
                        const access::Authenticator& authenticator, access::GrantStore& grants);

}  // namespace atrium::sales
