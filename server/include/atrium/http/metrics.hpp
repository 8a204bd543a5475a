#pragma once
// Request counters and latency histograms in the Prometheus text format.
#include <array>
#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace atrium::http {

class Metrics {
 public:
  static constexpr std::array<double, 12> kBucketsSeconds{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                          0.05,   0.1,   0.25,   0.5,   1.0,  5.0};

  void record(std::string_view route, std::string_view method, int status, double seconds);
  // A value read when /metrics is scraped (pool sizes, open streams, …).
  void add_gauge(std::string name, std::string help, std::function<double()> read);
  std::string render() const;

 private:
  struct Outcome {
    std::string method;
    int status = 0;
    std::uint64_t count = 0;
  };
  // Per route: a few (method, status) pairs searched in place and one histogram, so a
  // request allocates nothing once its route has been seen.
  struct RouteStats {
    std::vector<Outcome> outcomes;
    std::array<std::uint64_t, kBucketsSeconds.size()> buckets{};
    double sum = 0;
    std::uint64_t count = 0;
  };
  struct Gauge {
    std::string help;
    std::function<double()> read;
  };

  mutable std::mutex mutex_;
  std::map<std::string, RouteStats, std::less<>> routes_;
  std::map<std::string, Gauge> gauges_;
};

}  // namespace atrium::http
