#include "atrium/core/id.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string_view>
#include <thread>
#include <unordered_set>
#include <vector>

namespace atrium {
namespace {

constexpr std::string_view kCrockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

std::uint64_t decoded_millis(const std::string& id) {
  std::uint64_t millis = 0;
  for (std::size_t i = 0; i < 10; ++i) millis = (millis << 5U) | kCrockford.find(id[i]);
  return millis;
}

std::uint64_t now_millis() {
  return static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                        std::chrono::system_clock::now().time_since_epoch())
                                        .count());
}

TEST(NewIdTest, Is26CrockfordBase32Characters) {
  for (int i = 0; i < 100; ++i) {
    const auto id = new_id();
    ASSERT_EQ(id.size(), 26U) << id;
    for (char c : id) ASSERT_NE(kCrockford.find(c), std::string_view::npos) << id;
  }
}

TEST(NewIdTest, StartsWithTheCurrentTimeInMilliseconds) {
  const auto before = now_millis();
  const auto id = new_id();
  const auto after = now_millis();
  EXPECT_GE(decoded_millis(id), before);
  EXPECT_LE(decoded_millis(id), after);
}

TEST(NewIdTest, LaterIdsSortAfterEarlierOnesAcrossMilliseconds) {
  std::string previous = new_id();
  for (int i = 0; i < 5; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    std::string next = new_id();
    EXPECT_LT(previous, next);
    previous = next;
  }
}

TEST(NewIdTest, HasNoDuplicatesInAHundredThousand) {
  std::unordered_set<std::string> seen;
  seen.reserve(100'000);
  for (int i = 0; i < 100'000; ++i) ASSERT_TRUE(seen.insert(new_id()).second) << "duplicate after " << i;
}

TEST(NewIdTest, RandomPartVaries) {
  // Two ids from the same millisecond still differ in their last 16 characters.
  const auto a = new_id();
  const auto b = new_id();
  EXPECT_NE(a.substr(10), b.substr(10));
}

TEST(RandomHexTest, HasTwoLowercaseHexDigitsPerByte) {
  const auto hex = random_hex(16);
  ASSERT_EQ(hex.size(), 32U);
  for (char c : hex) EXPECT_TRUE((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) << hex;
}

TEST(RandomHexTest, DiffersBetweenCalls) { EXPECT_NE(random_hex(16), random_hex(16)); }

TEST(RandomHexTest, ZeroBytesGiveEmptyText) { EXPECT_EQ(random_hex(0), ""); }

TEST(RandomHexTest, UsesEveryHexDigit) {
  // 4096 random nibbles miss one of the 16 digits with negligible probability; a
  // broken table (e.g. uppercase or a short alphabet) fails here.
  const auto hex = random_hex(2048);
  for (char digit : std::string_view("0123456789abcdef")) {
    EXPECT_NE(hex.find(digit), std::string::npos) << digit;
  }
}

TEST(CorrelationIdTest, IsSixteenLowercaseHexDigits) {
  for (int i = 0; i < 100; ++i) {
    const auto id = correlation_id();
    ASSERT_EQ(id.size(), 16U) << id;
    for (char c : id) ASSERT_TRUE((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) << id;
  }
}

TEST(CorrelationIdTest, RepeatsNeitherWithinAThreadNorAcrossThreads) {
  // Per-thread generators must not start from the same seed.
  std::unordered_set<std::string> seen;
  for (int i = 0; i < 1000; ++i) ASSERT_TRUE(seen.insert(correlation_id()).second);
  std::vector<std::string> from_threads(4);
  std::vector<std::thread> threads;
  for (auto& slot : from_threads) threads.emplace_back([&slot] { slot = correlation_id(); });
  for (auto& thread : threads) thread.join();
  for (const auto& id : from_threads) EXPECT_TRUE(seen.insert(id).second) << id;
}

}  // namespace
}  // namespace atrium
