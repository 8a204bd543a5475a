#include "atrium/http/event_hub.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <algorithm>
#include <vector>

namespace atrium::http {
namespace {

using ::testing::MatchesRegex;

// The JSON after "data: " in a frame.
boost::json::value data_of(const std::string& frame) {
  const auto start = frame.find("\ndata: ") + 7;
  return boost::json::parse(frame.substr(start, frame.size() - 2 - start));
}

TEST(SseFrameTest, HasTheDocumentedFormatWithNullsForMissingParts) {
  const auto frame = sse_frame(Event{"heartbeat", "", "", ""});
  EXPECT_THAT(frame, MatchesRegex("event: heartbeat\n"
                                  "data: \\{\"type\":\"heartbeat\",\"entity\":null,\"id\":null,"
                                  "\"at\":\"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{6}Z\","
                                  "\"payload\":\\{\\}\\}\n\n"));
}

TEST(SseFrameTest, CarriesEntityIdAndPayload) {
  const auto frame = sse_frame(Event{"record.updated", "account", "01J0000000000000000000000A", R"({"version":3})"});
  EXPECT_TRUE(frame.starts_with("event: record.updated\n"));
  const auto data = data_of(frame);
  EXPECT_EQ(data.at("type").as_string(), "record.updated");
  EXPECT_EQ(data.at("entity").as_string(), "account");
  EXPECT_EQ(data.at("id").as_string(), "01J0000000000000000000000A");
  EXPECT_EQ(data.at("payload").at("version").as_int64(), 3);
}

TEST(SseFrameTest, EscapesEntityAndIdSoTheDataStaysOneJsonLine) {
  const auto frame = sse_frame(Event{"record.updated", "acc\"ount\n", "id\\1", "{}"});
  EXPECT_EQ(std::count(frame.begin(), frame.end(), '\n'), 3);  // event line, data line, blank line
  const auto data = data_of(frame);
  EXPECT_EQ(data.at("entity").as_string(), "acc\"ount\n");
  EXPECT_EQ(data.at("id").as_string(), "id\\1");
}

TEST(EventHubTest, PublishReachesEverySubscriber) {
  EventHub hub;
  std::vector<std::string> first;
  std::vector<std::string> second;
  hub.subscribe([&](const std::string& frame) { first.push_back(frame); });
  hub.subscribe([&](const std::string& frame) { second.push_back(frame); });
  EXPECT_EQ(hub.subscribers(), 2);
  hub.publish(Event{"ping", "", "", "{}"});
  ASSERT_EQ(first.size(), 1U);
  ASSERT_EQ(second.size(), 1U);
  EXPECT_TRUE(first[0].starts_with("event: ping\n"));
  EXPECT_EQ(first[0], second[0]);
}

TEST(EventHubTest, UnsubscribedListenersHearNothingMore) {
  EventHub hub;
  int kept = 0;
  int dropped = 0;
  hub.subscribe([&](const std::string&) { ++kept; });
  const auto subscription = hub.subscribe([&](const std::string&) { ++dropped; });
  hub.publish(Event{"one", "", "", "{}"});
  hub.unsubscribe(subscription);
  EXPECT_EQ(hub.subscribers(), 1);
  hub.publish(Event{"two", "", "", "{}"});
  EXPECT_EQ(kept, 2);
  EXPECT_EQ(dropped, 1);
}

TEST(EventHubTest, SubscriptionsHaveDistinctIds) {
  EventHub hub;
  const auto a = hub.subscribe([](const std::string&) {});
  const auto b = hub.subscribe([](const std::string&) {});
  EXPECT_NE(a, b);
  hub.unsubscribe(a);
  hub.unsubscribe(a);  // twice is harmless
  EXPECT_EQ(hub.subscribers(), 1);
}

TEST(EventHubTest, AListenerMayUnsubscribeWhileBeingCalled) {
  EventHub hub;
  std::uint64_t self = 0;
  int calls = 0;
  self = hub.subscribe([&](const std::string&) {
    ++calls;
    hub.unsubscribe(self);
  });
  hub.publish(Event{"one", "", "", "{}"});
  hub.publish(Event{"two", "", "", "{}"});
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(hub.subscribers(), 0);
}

}  // namespace
}  // namespace atrium::http
