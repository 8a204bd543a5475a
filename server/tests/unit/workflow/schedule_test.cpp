#include "atrium/workflow/schedule.hpp"

#include <gtest/gtest.h>

namespace atrium::workflow {
namespace {

TimePoint at(const char* text) {
  return *from_iso8601(text);
}

std::string next(const char* schedule, const char* after) {
  auto parsed = parse_schedule(schedule);
  EXPECT_TRUE(parsed.ok()) << schedule;
  return parsed.ok() ? to_iso8601((*parsed)->next_after(at(after))) : "";
}

TEST(ScheduleTest, IntervalSlotsAreAlignedToTheEpoch) {
  EXPECT_EQ(next("every 5 minutes", "2026-03-01T12:03:10Z"), "2026-03-01T12:05:00.000000Z");
  EXPECT_EQ(next("every 30 seconds", "2026-03-01T12:03:10Z"), "2026-03-01T12:03:30.000000Z");
  EXPECT_EQ(next("every hour", "2026-03-01T12:03:10Z"), "2026-03-01T13:00:00.000000Z");
  EXPECT_EQ(next("every 2 hours", "2026-03-01T12:03:10Z"), "2026-03-01T14:00:00.000000Z");
}

TEST(ScheduleTest, ASlotIsStrictlyAfterTheTimeGiven) {
  EXPECT_EQ(next("every 5 minutes", "2026-03-01T12:05:00Z"), "2026-03-01T12:10:00.000000Z");
  EXPECT_EQ(next("every day at 03:00", "2026-03-01T03:00:00Z"), "2026-03-02T03:00:00.000000Z");
}

TEST(ScheduleTest, DaysRunAtTheirTimeOfDay) {
  EXPECT_EQ(next("every day at 03:00", "2026-03-01T02:59:59Z"), "2026-03-01T03:00:00.000000Z");
  EXPECT_EQ(next("every day at 03:00", "2026-03-01T04:00:00Z"), "2026-03-02T03:00:00.000000Z");
  EXPECT_EQ(next("every 1 days at 23:45", "2026-12-31T23:50:00Z"), "2027-01-01T23:45:00.000000Z");
  EXPECT_EQ(next("every day", "2026-02-28T10:00:00Z"), "2026-03-01T00:00:00.000000Z");
}

TEST(ScheduleTest, KeepsItsText) {
  auto parsed = parse_schedule("every 7 days at 22:30");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ((*parsed)->text(), "every 7 days at 22:30");
}

TEST(ScheduleTest, RefusesWhatItCannotRead) {
  for (const char* text :
       {"", "every", "every 0 minutes", "every 5 fortnights", "each 5 minutes", "every 5 minutes at 03:00",
        "every day at 3:00", "every day at 24:00", "every day at 03:00 sharp", "every -1 hours"}) {
    auto parsed = parse_schedule(text);
    ASSERT_FALSE(parsed.ok()) << text;
    EXPECT_EQ(parsed.error().code, ErrorCode::validation_failed);
  }
}

}  // namespace
}  // namespace atrium::workflow
