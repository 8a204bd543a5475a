#include "atrium/http/metrics.hpp"

#include <fmt/format.h>

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
  ++requests_[{std::string(route), std::string(method), status}];
  auto& histogram = durations_[std::string(route)];
  for (std::size_t i = 0; i < kBucketsSeconds.size(); ++i) {
    if (seconds <= kBucketsSeconds[i]) ++histogram.buckets[i];
  }
  histogram.sum += seconds;
  ++histogram.count;
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
  for (const auto& [key, count] : requests_) {
    const auto& [route, method, status] = key;
    out += fmt::format("atrium_http_requests_total{{route=\"{}\",method=\"{}\",status=\"{}\"}} {}\n", label(route),
                       label(method), status, count);
  }
  out += "# HELP atrium_http_request_duration_seconds Time from a complete request to its response, by route.\n";
  out += "# TYPE atrium_http_request_duration_seconds histogram\n";
  for (const auto& [route, histogram] : durations_) {
    for (std::size_t i = 0; i < kBucketsSeconds.size(); ++i) {
      out += fmt::format("atrium_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n", label(route),
                         kBucketsSeconds[i], histogram.buckets[i]);
    }
    out += fmt::format("atrium_http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n", label(route),
                       histogram.count);
    out += fmt::format("atrium_http_request_duration_seconds_sum{{route=\"{}\"}} {}\n", label(route), histogram.sum);
    out += fmt::format("atrium_http_request_duration_seconds_count{{route=\"{}\"}} {}\n", label(route),
                       histogram.count);
  }
  for (const auto& [name, gauge] : gauges_) {
    out += fmt::format("# HELP {} {}\n# TYPE {} gauge\n{} {}\n", name, gauge.help, name, name, gauge.read());
  }
  return out;
}

}  // namespace atrium::http
