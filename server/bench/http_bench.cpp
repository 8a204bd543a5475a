#include <benchmark/benchmark.h>

#include "atrium/core/log.hpp"
#include "atrium/http/dispatcher.hpp"
#include "atrium/http/event_hub.hpp"
#include "atrium/http/metrics.hpp"
#include "atrium/http/router.hpp"

namespace {

using namespace atrium::http;

// A router the size the full product will have: ~40 entities × 6 routes.
Router make_router() {
  Router router;
  for (int entity = 0; entity < 40; ++entity) {
    const std::string base = "/api/v1/entity" + std::to_string(entity);
    for (auto method : {Method::get, Method::post}) router.add(method, base, [](Request&) { return Response{}; });
    router.add(Method::get, base + "/{id}", [](Request&) { return Response{}; });
    router.add(Method::patch, base + "/{id}", [](Request&) { return Response{}; });
    router.add(Method::post, base + "/{id}/archive", [](Request&) { return Response{}; });
    router.add(Method::get, base + "/{id}/{related}", [](Request&) { return Response{}; });
  }
  return router;
}

void route_match_last_entity(benchmark::State& state) {
  const Router router = make_router();
  Request request;
  request.method = Method::get;
  request.path = "/api/v1/entity39/01KDVDNA00AXAMZA5CW6RJPMKC";
  for (auto _ : state) {
    request.path_params.clear();
    benchmark::DoNotOptimize(router.match(request));
  }
}
BENCHMARK(route_match_last_entity);

void dispatch_small_json(benchmark::State& state) {
  Router router;
  router.add(Method::get, "/healthz", [](Request&) { return Response::json(200, R"({"status":"ok"})"); });
  Metrics metrics;
  Dispatcher dispatcher(router, metrics, nullptr);
  atrium::log::set_access_log_enabled(false);
  for (auto _ : state) {
    Request request;
    request.method = Method::get;
    request.path = "/healthz";
    benchmark::DoNotOptimize(dispatcher.handle(request));
  }
}
BENCHMARK(dispatch_small_json);

void error_envelope(benchmark::State& state) {
  const atrium::Error error{atrium::ErrorCode::validation_failed, "the record is not valid",
                            {{"name", "FIELD_REQUIRED", "required"}, {"email", "FIELD_INVALID_EMAIL", "not an e-mail"}}};
  for (auto _ : state) benchmark::DoNotOptimize(error_body(error, "0123456789abcdef"));
}
BENCHMARK(error_envelope);

void sse_frame_of_record_event(benchmark::State& state) {
  const Event event{"record.updated", "account", "01KDVDNA00AXAMZA5CW6RJPMKC", R"({"fields":["name","area"]})"};
  for (auto _ : state) benchmark::DoNotOptimize(sse_frame(event));
}
BENCHMARK(sse_frame_of_record_event);

}  // namespace
