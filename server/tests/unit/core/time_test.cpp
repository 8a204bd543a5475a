#include "atrium/core/time.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>
#include <optional>
#include <string>

namespace atrium {
namespace {

using std::chrono::microseconds;
using std::chrono::seconds;

TimePoint at(std::int64_t unix_seconds, std::int64_t micros = 0) {
  return TimePoint{} + std::chrono::duration_cast<TimePoint::duration>(seconds(unix_seconds) + microseconds(micros));
}

// Sets TZ for one test and puts the previous value back.
class TimeZone {
 public:
  explicit TimeZone(const char* zone) {
    if (const char* old = std::getenv("TZ")) previous_ = old;
    ::setenv("TZ", zone, 1);
    ::tzset();
  }
  ~TimeZone() {
    if (previous_) {
      ::setenv("TZ", previous_->c_str(), 1);
    } else {
      ::unsetenv("TZ");
    }
    ::tzset();
  }
  TimeZone(const TimeZone&) = delete;
  TimeZone& operator=(const TimeZone&) = delete;

 private:
  std::optional<std::string> previous_;
};

// Formatting is checked in UTC here; the local time zone's effect has its own test below.
class ToIso8601Test : public ::testing::Test {
 protected:
  TimeZone utc_{"UTC"};
};

TEST_F(ToIso8601Test, FormatsTheEpoch) {
  EXPECT_EQ(to_iso8601(at(0)), "1970-01-01T00:00:00.000000Z");
}

TEST_F(ToIso8601Test, FormatsAKnownInstantWithMicroseconds) {
  // 2025-11-24T16:00:00Z
  EXPECT_EQ(to_iso8601(at(1764000000, 123456)), "2025-11-24T16:00:00.123456Z");
}

TEST_F(ToIso8601Test, PadsSmallFractionsToSixDigits) {
  EXPECT_EQ(to_iso8601(at(1764000000, 7)), "2025-11-24T16:00:00.000007Z");
}

TEST_F(ToIso8601Test, DropsSubMicrosecondDigits) {
  const auto time = at(1764000000, 5) + std::chrono::duration_cast<TimePoint::duration>(std::chrono::nanoseconds(999));
  EXPECT_EQ(to_iso8601(time), "2025-11-24T16:00:00.000005Z");
}

TEST_F(ToIso8601Test, IsFixedWidthSoTextOrderIsTimeOrder) {
  const auto early = to_iso8601(at(946684799, 999999));  // 1999-12-31T23:59:59.999999Z
  const auto late = to_iso8601(at(946684800, 1));        // 2000-01-01T00:00:00.000001Z
  EXPECT_EQ(early.size(), 27U);
  EXPECT_EQ(late.size(), 27U);
  EXPECT_EQ(early, "1999-12-31T23:59:59.999999Z");
  EXPECT_LT(early, late);
}

TEST(ToIso8601ZoneTest, IsUtcWhateverTheLocalTimeZone) {
  TimeZone zone("EST5");
  EXPECT_EQ(to_iso8601(at(0)), "1970-01-01T00:00:00.000000Z");
}

TEST(UtcNowIso8601Test, IsNowInTheSameFormat) {
  const auto before = to_iso8601(std::chrono::system_clock::now());
  const auto now = utc_now_iso8601();
  const auto after = to_iso8601(std::chrono::system_clock::now());
  EXPECT_EQ(now.size(), 27U);
  EXPECT_LE(before, now);
  EXPECT_LE(now, after);
}

TEST(FromIso8601Test, ReadsWhatToIso8601Writes) {
  for (auto instant : {at(0), at(1'700'000'000, 123'456), at(4'102'444'800)}) {
    EXPECT_EQ(from_iso8601(to_iso8601(instant)), instant) << to_iso8601(instant);
  }
}

TEST(FromIso8601Test, ReadsWholeSecondsAndShortFractions) {
  EXPECT_EQ(from_iso8601("1970-01-01T00:00:01Z"), at(1));
  EXPECT_EQ(from_iso8601("1970-01-01T00:00:01.5Z"), at(1, 500'000));
  EXPECT_EQ(from_iso8601("2024-02-29T23:59:59Z"), at(1'709'251'199));
}

TEST(FromIso8601Test, RefusesOtherShapes) {
  for (const char* text :
       {"", "2024-02-30T00:00:00Z", "2024-01-01 00:00:00Z", "2024-01-01T00:00:00", "2024-01-01T00:00:00+01:00",
        "2024-01-01T24:00:00Z", "2024-01-01T00:00:00.Z", "2024-01-01T00:00:00.1234567Z", "20x4-01-01T00:00:00Z"}) {
    EXPECT_FALSE(from_iso8601(text)) << text;
  }
}

TEST(AdjustableClockTest, FollowsTheSystemClockUntilMovedThenRunsFromWhereItWasSet) {
  using namespace std::chrono_literals;
  AdjustableClock clock;
  EXPECT_LT(std::chrono::abs(clock.now() - std::chrono::system_clock::now()), 1s);
  const auto target = *from_iso8601("2030-01-07T08:00:00Z");
  clock.set(target);
  const auto shown = clock.now();
  EXPECT_GE(shown, target);
  EXPECT_LT(shown - target, 1s);
  clock.advance(3600s);
  EXPECT_GE(clock.now() - target, 3600s);
  EXPECT_LT(clock.now() - target, 3601s);
}

TEST(AdjustableClockTest, AdvancingAnUnmovedClockStartsFromTheSystemTime) {
  using namespace std::chrono_literals;
  AdjustableClock clock;
  const auto before = std::chrono::system_clock::now();
  clock.advance(-86400s);
  EXPECT_LT(std::chrono::abs(clock.now() - (before - 86400s)), 1s);
}

}  // namespace
}  // namespace atrium
