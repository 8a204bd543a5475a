#pragma once
// /api/v1/views: each user's saved views of entity lists (name, filter, sort, columns,
// one default per entity). A view is checked like the list it stands for, with the
// caller's rights: a filter, sort or column on a field hidden from them is refused.
#include "atrium/access/authenticator.hpp"
#include "atrium/access/grants.hpp"
#include "atrium/http/router.hpp"
#include "atrium/records/record_service.hpp"

namespace atrium::records {

void add_saved_view_routes(http::Router& router, RecordService& records, const access::Authenticator& authenticator,
                           access::GrantStore& grants);

}  // namespace atrium::records
