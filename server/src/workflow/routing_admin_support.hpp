#pragma once
// What the routing administration routes share: the administrators-only gate, the body
// as an object, and the version a change was made against.
#include <boost/json/serialize.hpp>

#include <optional>

#include "atrium/access/authenticator.hpp"
#include "atrium/http/request.hpp"
#include "atrium/http/response.hpp"

namespace atrium::workflow::routing_admin {

// Runs `body()` only for administrators.
template <class Body>
http::Response administrator(const access::Authenticator& authenticator, http::Request& request, Body body) {
  auto principal = authenticator.authenticate(request);
  if (!principal) return http::Response::error(principal.error(), request.request_id);
  if (!principal->user.is_admin) {
    return http::Response::error(make_error(ErrorCode::forbidden, "routing is set up by administrators"),
                                 request.request_id);
  }
  return body();
}

inline Result<const boost::json::object*> object_body(const http::Request& request) {
  if (!request.json.is_object()) return make_error(ErrorCode::bad_request, "the body must be a JSON object");
  return &request.json.as_object();
}

// The `version` of a change, when the body names one: it must be the current one.
inline Result<void> check_version(const boost::json::object& body, std::int64_t current) {
  const auto* version = body.if_contains("version");
  if (!version) return {};
  if (!version->is_int64()) {
    return Error{ErrorCode::validation_failed, "the version is not valid",
                 {{"version", "FIELD_INVALID", "the version you read, a whole number"}}};
  }
  if (version->as_int64() != current) {
    return make_error(ErrorCode::version_conflict, "changed by someone else since you read it: read it again");
  }
  return {};
}

// `stored` with the body's fields laid over it: a change names only what it changes.
inline boost::json::object merged(boost::json::object stored, const boost::json::object& body) {
  for (const auto& [key, value] : body) stored[key] = value;
  for (const char* key : {"id", "created_at", "updated_at", "version"}) stored.erase(key);
  return stored;
}

inline http::Response json_answer(int status, const boost::json::value& body) {
  return http::Response::json(status, boost::json::serialize(body));
}

}  // namespace atrium::workflow::routing_admin
