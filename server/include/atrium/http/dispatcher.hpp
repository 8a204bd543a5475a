#pragma once
// Between the transport and the handlers: request ids, routing (404/405), JSON bodies,
// the error envelope, metrics and the access log. Never throws.
#include <chrono>

#include "atrium/http/metrics.hpp"
#include "atrium/http/router.hpp"

namespace atrium::http {

class Dispatcher {
 public:
  // `fallback` answers GET/HEAD outside /api/ when no route matches (the web app).
  Dispatcher(const Router& router, Metrics& metrics, Handler fallback);

  Response handle(Request& request) const;
  // Metrics and the access log for answers the transport gives by itself (413, 400).
  void record(const Request& request, std::string_view route, const Response& response,
              std::chrono::steady_clock::duration elapsed) const;

 private:
  Response route(Request& request, std::string_view& route_label) const;

  const Router& router_;
  Metrics& metrics_;
  Handler fallback_;
};

// A request id from the client's X-Request-Id when it is sane, else a new one.
std::string request_id_for(const Request& request);

}  // namespace atrium::http
