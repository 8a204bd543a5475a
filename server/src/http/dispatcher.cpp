#include "atrium/http/dispatcher.hpp"

#include <fmt/format.h>

#include <exception>

#include "atrium/core/id.hpp"
#include "atrium/core/json_body.hpp"
#include "atrium/core/json_escape.hpp"
#include "atrium/core/log.hpp"
#include "atrium/http/security_headers.hpp"

namespace atrium::http {

namespace {
// Media types compare without case: "Application/JSON; charset=utf-8" is JSON.
bool is_json(std::string_view content_type) {
  std::string type(content_type.substr(0, content_type.find(';')));
  for (auto& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  return type == "application/json" || (type.starts_with("application/") && type.ends_with("+json"));
}

bool sends_body(Method method) { return method == Method::post || method == Method::put || method == Method::patch; }
}  // namespace

std::string request_id_for(const Request& request) {
  if (auto given = request.headers.get("X-Request-Id"); given && !given->empty() && given->size() <= 64) {
    const bool sane = std::all_of(given->begin(), given->end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
    });
    if (sane) return std::string(*given);
  }
  return correlation_id();
}

Dispatcher::Dispatcher(const Router& router, Metrics& metrics, Handler fallback)
    : router_(router), metrics_(metrics), fallback_(std::move(fallback)) {}

Response Dispatcher::route(Request& request, std::string_view& route_label) const {
  Match match = router_.match(request);
  if (match.kind == MatchKind::wrong_method) {
    route_label = "unmatched";
    std::string allow;
    for (auto method : match.allowed) allow += (allow.empty() ? "" : ", ") + std::string(method_name(method));
    Response response = Response::error(
        make_error(ErrorCode::method_not_allowed, fmt::format("{} is not allowed on {}; allowed: {}",
                                                             method_name(request.method), request.path, allow)),
        request.request_id);
    response.headers.set("Allow", allow);
    return response;
  }
  if (match.kind == MatchKind::none) {
    const bool api = request.path == "/api" || request.path.starts_with("/api/");
    if (!api && fallback_ && (request.method == Method::get || request.method == Method::head)) {
      route_label = "static";
      return fallback_(request);
    }
    route_label = "unmatched";
    return Response::error(make_error(ErrorCode::not_found, fmt::format("no route for {} {}",
                                                                       method_name(request.method), request.path)),
                           request.request_id);
  }
  route_label = match.route->pattern;
  if (match.route->body == BodyKind::json && sends_body(request.method) && !request.body.empty()) {
    const auto content_type = request.headers.get("Content-Type").value_or("");
    if (!is_json(content_type)) {
      return Response::error(make_error(ErrorCode::unsupported_media_type,
                                        fmt::format("the body must be application/json, not '{}'", content_type)),
                             request.request_id);
    }
    auto parsed = parse_json(request.body);
    if (!parsed) return Response::error(parsed.error(), request.request_id);
    request.json = std::move(*parsed);
  }
  return match.route->handler(request);
}

Response Dispatcher::handle(Request& request) const {
  const auto started = std::chrono::steady_clock::now();
  request.request_id = request_id_for(request);
  std::string_view route_label = "unmatched";
  Response response;
  try {
    response = route(request, route_label);
  } catch (const std::exception& failure) {
    log::error("request {} {} {} failed: {}", request.request_id, method_name(request.method), request.path,
               failure.what());
    response = Response::error(make_error(ErrorCode::internal_error, "internal error; the request id is in the log"),
                               request.request_id);
  } catch (...) {
    log::error("request {} {} {} failed with a non-standard exception", request.request_id,
               method_name(request.method), request.path);
    response = Response::error(make_error(ErrorCode::internal_error, "internal error; the request id is in the log"),
                               request.request_id);
  }
  response.headers.set("X-Request-Id", request.request_id);
  add_security_headers(response.headers);
  record(request, route_label, response, std::chrono::steady_clock::now() - started);
  return response;
}

void Dispatcher::record(const Request& request, std::string_view route, const Response& response,
                        std::chrono::steady_clock::duration elapsed) const {
  const double seconds = std::chrono::duration<double>(elapsed).count();
  metrics_.record(route, method_name(request.method), response.status, seconds);
  if (log::access_log_enabled()) {
    log::access(fmt::format(
        R"("request_id":"{}","method":"{}","path":"{}","route":"{}","status":{},"duration_ms":{:.3f},"bytes":{},"remote":"{}")",
        json_escape(request.request_id), method_name(request.method), json_escape(request.path), json_escape(route),
        response.status, seconds * 1000.0, response.body.size(), json_escape(request.remote_address)));
  }
}

}  // namespace atrium::http
