#include "atrium/http/metrics.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>
#include <vector>

namespace atrium::http {
namespace {

using ::testing::HasSubstr;

// The values of the histogram bucket lines of one route, in the order rendered.
std::vector<std::pair<std::string, std::uint64_t>> buckets_of(const std::string& text, const std::string& route) {
  std::vector<std::pair<std::string, std::uint64_t>> buckets;
  const std::string prefix = "atrium_http_request_duration_seconds_bucket{route=\"" + route + "\",le=\"";
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.starts_with(prefix)) continue;
    const auto le_end = line.find('"', prefix.size());
    buckets.emplace_back(line.substr(prefix.size(), le_end - prefix.size()), std::stoull(line.substr(line.rfind(' ') + 1)));
  }
  return buckets;
}

TEST(MetricsTest, CountsRequestsByRouteMethodAndStatus) {
  Metrics metrics;
  metrics.record("/api/v1/things", "GET", 200, 0.001);
  metrics.record("/api/v1/things", "GET", 200, 0.001);
  metrics.record("/api/v1/things", "POST", 422, 0.001);
  const auto text = metrics.render();
  EXPECT_THAT(text, HasSubstr("# TYPE atrium_http_requests_total counter\n"));
  EXPECT_THAT(text, HasSubstr(R"(atrium_http_requests_total{route="/api/v1/things",method="GET",status="200"} 2)"));
  EXPECT_THAT(text, HasSubstr(R"(atrium_http_requests_total{route="/api/v1/things",method="POST",status="422"} 1)"));
}

TEST(MetricsTest, HistogramBucketsAreCumulativeAndInfEqualsTheCount) {
  Metrics metrics;
  for (double seconds : {0.0004, 0.003, 0.003, 0.2, 7.0}) metrics.record("/r", "GET", 200, seconds);
  const auto text = metrics.render();
  EXPECT_THAT(text, HasSubstr("# TYPE atrium_http_request_duration_seconds histogram\n"));
  const auto buckets = buckets_of(text, "/r");
  ASSERT_EQ(buckets.size(), Metrics::kBucketsSeconds.size() + 1);
  for (std::size_t i = 1; i < buckets.size(); ++i) EXPECT_GE(buckets[i].second, buckets[i - 1].second) << i;
  EXPECT_EQ(buckets.front(), (std::pair<std::string, std::uint64_t>{"0.0005", 1}));
  EXPECT_EQ(buckets[3], (std::pair<std::string, std::uint64_t>{"0.005", 3}));
  EXPECT_EQ(buckets[8], (std::pair<std::string, std::uint64_t>{"0.25", 4}));
  EXPECT_EQ(buckets[11].second, 4U);  // le=5: the 7 s request is only in +Inf
  EXPECT_EQ(buckets.back(), (std::pair<std::string, std::uint64_t>{"+Inf", 5}));
  EXPECT_THAT(text, HasSubstr("atrium_http_request_duration_seconds_count{route=\"/r\"} 5\n"));
  EXPECT_THAT(text, HasSubstr("atrium_http_request_duration_seconds_sum{route=\"/r\"} 7.2064"));
}

TEST(MetricsTest, ABoundaryValueFallsIntoItsOwnBucket) {
  Metrics metrics;
  metrics.record("/r", "GET", 200, 0.001);
  const auto buckets = buckets_of(metrics.render(), "/r");
  EXPECT_EQ(buckets[0].second, 0U);  // le=0.0005
  EXPECT_EQ(buckets[1].second, 1U);  // le=0.001
}

TEST(MetricsTest, GaugesAreReadWhenRendered) {
  Metrics metrics;
  double connections = 3;
  metrics.add_gauge("atrium_db_connections", "Open database connections.", [&] { return connections; });
  connections = 5;
  EXPECT_THAT(metrics.render(), HasSubstr("# HELP atrium_db_connections Open database connections.\n"
                                          "# TYPE atrium_db_connections gauge\n"
                                          "atrium_db_connections 5\n"));
}

TEST(MetricsTest, LabelValuesAreEscaped) {
  Metrics metrics;
  metrics.record("/odd\"route\\\n", "GET", 200, 0.1);
  EXPECT_THAT(metrics.render(), HasSubstr(R"(route="/odd\"route\\\n")"));
}

TEST(MetricsTest, RendersOnlyHeadersWhenNothingWasRecorded) {
  Metrics metrics;
  const auto text = metrics.render();
  EXPECT_THAT(text, ::testing::Not(HasSubstr("atrium_http_requests_total{")));
  EXPECT_THAT(text, HasSubstr("# HELP atrium_http_requests_total"));
}

}  // namespace
}  // namespace atrium::http
