#include "atrium/http/metrics.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace atrium::http {

namespace {
// Label values are route patterns and method names; escaped anyway per the format.
std::string label(std::string_view value) {
  std::string out;
  for (char c : value) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}
}  // namespace

void Metrics::record(std::string_view route, std::string_view method, int status, double seconds) {
  std::lock_guard lock(mutex_);
  auto found = routes_.find(route);
  if (found == routes_.end()) found = routes_.emplace(std::string(route), RouteStats{}).first;
  RouteStats& stats = found->second;
  auto outcome = std::find_if(stats.outcomes.begin(), stats.outcomes.end(),
                              [&](const Outcome& o) { return o.status == status && o.method == method; });
  if (outcome == stats.outcomes.end()) {
    stats.outcomes.push_back(Outcome{std::string(method), status, 0});
    outcome = std::prev(stats.outcomes.end());
  }
  ++outcome->count;
  for (std::size_t i = 0; i < kBucketsSeconds.size(); ++i) {
    if (seconds <= kBucketsSeconds[i]) ++stats.buckets[i];
  }
  stats.sum += seconds;
  ++stats.count;
}

void Metrics::add_gauge(std::string name, std::string help, std::function<double()> read) {
  std::lock_guard lock(mutex_);
  gauges_[std::move(name)] = Gauge{std::move(help), std::move(read)};
}

std::string Metrics::render() const {
  std::lock_guard lock(mutex_);
  std::string out;
  out += "# HELP atrium_http_requests_total HTTP requests answered, by route pattern, method and status.\n";
  out += "# TYPE atrium_http_requests_total counter\n";
  for (const auto& [route, stats] : routes_) {
    for (const auto& outcome : stats.outcomes) {
      out += fmt::format("atrium_http_requests_total{{route=\"{}\",method=\"{}\",status=\"{}\"}} {}\n", label(route),
                         label(outcome.method), outcome.status, outcome.count);
    }
  }
  out += "# HELP atrium_http_request_duration_seconds Time from a complete request to its response, by route.\n";
  out += "# TYPE atrium_http_request_duration_seconds histogram\n";
  for (const auto& [route, stats] : routes_) {
    for (std::size_t i = 0; i < kBucketsSeconds.size(); ++i) {
      out += fmt::format("atrium_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n", label(route),
                         kBucketsSeconds[i], stats.buckets[i]);
    }
    out += fmt::format("atrium_http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n", label(route),
                       stats.count);
    out += fmt::format("atrium_http_request_duration_seconds_sum{{route=\"{}\"}} {}\n", label(route), stats.sum);
    out += fmt::format("atrium_http_request_duration_seconds_count{{route=\"{}\"}} {}\n", label(route), stats.count);
  }
  for (const auto& [name, gauge] : gauges_) {
    out += fmt::format("# HELP {} {}\n# TYPE {} gauge\n{} {}\n", name, gauge.help, name, name, gauge.read());
  }
  return out;
}

}  // namespace atrium::http
