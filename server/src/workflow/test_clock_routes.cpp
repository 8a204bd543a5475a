#include "atrium/workflow/test_clock_routes.hpp"

#include <boost/json/serialize.hpp>

#include "atrium/core/result.hpp"

namespace atrium::workflow {

namespace {

using http::Request;
using http::Response;

// A year either way covers every test; more is a typo.
constexpr std::int64_t kMaxAdvanceSeconds = 366LL * 24 * 3600;

Response clock_response(const Clock& clock) {
  return Response::json(200, boost::json::serialize(boost::json::object{{"now", to_iso8601(clock.now())}}));
}

}  // namespace

void add_test_clock_routes(http::Router& router, AdjustableClock& clock) {
  router.add(http::Method::get, "/api/v1/test/clock", [&clock](Request&) { return clock_response(clock); });

  // {"now": "2027-01-31T09:00:00Z"} sets the time; {"advance_seconds": 3600} moves it.
  router.add(http::Method::post, "/api/v1/test/clock", [&clock](Request& request) {
    if (!request.json.is_object()) {
      return Response::error(make_error(ErrorCode::bad_request, "the body must be a JSON object"), request.request_id);
    }
    const auto& body = request.json.as_object();
    if (const auto* now = body.if_contains("now")) {
      auto time = now->is_string() ? from_iso8601(now->as_string()) : std::nullopt;
      if (!time) {
        return Response::error(Error{ErrorCode::validation_failed, "now is an ISO 8601 UTC time",
                                     {{"now", "FIELD_INVALID", "e.g. 2027-01-31T09:00:00Z"}}},
                               request.request_id);
      }
      clock.set(*time);
      return clock_response(clock);
    }
    if (const auto* advance = body.if_contains("advance_seconds")) {
      if (!advance->is_int64() || advance->as_int64() < -kMaxAdvanceSeconds || advance->as_int64() > kMaxAdvanceSeconds) {
        return Response::error(Error{ErrorCode::validation_failed, "advance_seconds is a whole number of seconds",
                                     {{"advance_seconds", "FIELD_INVALID", "at most a year either way"}}},
                               request.request_id);
      }
      clock.advance(std::chrono::seconds(advance->as_int64()));
      return clock_response(clock);
    }
    return Response::error(Error{ErrorCode::validation_failed, "give now or advance_seconds",
                                 {{"now", "FIELD_REQUIRED", "now or advance_seconds"}}},
                           request.request_id);
  });
}

}  // namespace atrium::workflow
