#include <benchmark/benchmark.h>

#include "atrium/core/id.hpp"
#include "atrium/core/json_body.hpp"
#include "atrium/core/time.hpp"

namespace {

void new_id(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(atrium::new_id());
}
BENCHMARK(new_id);

// A record-sized body, as a create or update sends it.
void parse_record_json(benchmark::State& state) {
  const std::string body =
      R"({"code":"ACME-0042","name":"Acme Trading GmbH","type":"customer","area":"north","industry":"chemicals",)"
      R"("credit_limit":{"amount":"250000.00","currency":"EUR"},"billing_address":{"street":"Hauptstraße 1",)"
      R"("city":"Köln","postal_code":"50667","region":"NRW","country":"DE"},"tags":["key","export","2026"]})";
  for (auto _ : state) benchmark::DoNotOptimize(atrium::parse_json(body));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * body.size()));
}
BENCHMARK(parse_record_json);

void iso8601_now(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(atrium::utc_now_iso8601());
}
BENCHMARK(iso8601_now);

}  // namespace
