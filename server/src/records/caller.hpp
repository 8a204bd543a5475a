#pragma once
// The signed-in caller of a records route, with their access compiled for the request:
// what every route of this module starts from.
#include "atrium/access/authenticator.hpp"
#include "atrium/access/grants.hpp"
#include "atrium/http/request.hpp"
#include "atrium/http/response.hpp"
#include "atrium/records/record_service.hpp"
#include "record_access.hpp"

namespace atrium::records {

struct RouteContext {
  RecordService& records;
  const access::Authenticator& authenticator;
  access::GrantStore& grants;
};

// Runs `body(actor)` for a signed-in caller; the error answer otherwise.
template <class Body>
http::Response as_caller(const RouteContext& context, http::Request& request, Body body) {
  auto principal = context.authenticator.authenticate(request);
  if (!principal) return http::Response::error(principal.error(), request.request_id);
  auto grants = context.grants.for_user(principal->user.id);
  if (!grants) return http::Response::error(grants.error(), request.request_id);
  const RecordAccess access = access_for(context.records, *grants);
  return body(Actor{principal->user.id, &access});
}

}  // namespace atrium::records
