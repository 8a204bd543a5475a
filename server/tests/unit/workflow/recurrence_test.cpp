#include "atrium/workflow/recurrence.hpp"

#include <gtest/gtest.h>

namespace atrium::workflow {
namespace {

TimePoint at(const char* text) {
  return *from_iso8601(text);
}

LocalDateTime local(const char* text) {
  auto parsed = parse_local_date_time(text);
  EXPECT_TRUE(parsed.has_value()) << text;
  return parsed.value_or(LocalDateTime{});
}

// The first `count` occurrences from (and including) the start, as UTC text.
std::vector<std::string> first(const char* start, const char* zone, const char* rule, std::size_t count) {
  auto recurrence = Recurrence::make(local(start), zone, rule);
  EXPECT_TRUE(recurrence.ok()) << rule << ": " << (recurrence.ok() ? "" : recurrence.error().fields[0].message);
  std::vector<std::string> found;
  if (!recurrence.ok()) return found;
  for (const TimePoint time : recurrence->occurrences_after(at("1970-01-01T00:00:00Z"), count)) {
    found.push_back(to_iso8601(time).substr(0, 19) + "Z");
  }
  return found;
}

using Texts = std::vector<std::string>;

std::string field_code(const Result<Recurrence>& result) {
  if (result.ok() || result.error().fields.empty()) return "";
  return result.error().fields[0].field + ":" + result.error().fields[0].code;
}

TEST(RecurrenceTest, TheThirtyFirstSkipsMonthsWithoutOne) {
  EXPECT_EQ(first("2027-01-31T09:00", "UTC", "FREQ=MONTHLY;BYMONTHDAY=31", 5),
            (Texts{"2027-01-31T09:00:00Z", "2027-03-31T09:00:00Z", "2027-05-31T09:00:00Z", "2027-07-31T09:00:00Z",
                   "2027-08-31T09:00:00Z"}));
}

TEST(RecurrenceTest, TheLastDayOfEveryMonthFollowsLeapYears) {
  EXPECT_EQ(first("2027-12-31T09:00", "UTC", "FREQ=MONTHLY;BYMONTHDAY=-1", 4),
            (Texts{"2027-12-31T09:00:00Z", "2028-01-31T09:00:00Z", "2028-02-29T09:00:00Z", "2028-03-31T09:00:00Z"}));
  EXPECT_EQ(first("2027-01-31T09:00", "UTC", "FREQ=MONTHLY;BYMONTHDAY=-1", 2),
            (Texts{"2027-01-31T09:00:00Z", "2027-02-28T09:00:00Z"}));
}

TEST(RecurrenceTest, TheTwentyNinthOfFebruaryComesInLeapYearsOnly) {
  EXPECT_EQ(first("2028-02-29T08:00", "UTC", "FREQ=YEARLY", 3),
            (Texts{"2028-02-29T08:00:00Z", "2032-02-29T08:00:00Z", "2036-02-29T08:00:00Z"}));
  // 2100 is not a leap year: 2096 is followed by 2104.
  auto recurrence = Recurrence::make(local("2096-02-29T08:00"), "UTC", "FREQ=YEARLY");
  ASSERT_TRUE(recurrence.ok());
  EXPECT_EQ(to_iso8601(*recurrence->next_after(at("2096-03-01T00:00:00Z"))), "2104-02-29T08:00:00.000000Z");
}

TEST(RecurrenceTest, NineInTheMorningStaysNineAcrossDaylightSavingInBerlin) {
  // Clocks go forward on 28 March 2027 and back on 31 October 2027.
  EXPECT_EQ(first("2027-03-27T09:00", "Europe/Berlin", "FREQ=DAILY", 2),
            (Texts{"2027-03-27T08:00:00Z", "2027-03-28T07:00:00Z"}));
  EXPECT_EQ(first("2027-10-30T09:00", "Europe/Berlin", "FREQ=DAILY", 2),
            (Texts{"2027-10-30T07:00:00Z", "2027-10-31T08:00:00Z"}));
}

TEST(RecurrenceTest, ATimeInTheSkippedHourTakesTheOffsetBeforeTheGap) {
  // New York skips 02:00–03:00 on 14 March 2027: 02:30 is read as EST, i.e. 03:30 EDT.
  EXPECT_EQ(first("2027-03-13T02:30", "America/New_York", "FREQ=DAILY", 3),
            (Texts{"2027-03-13T07:30:00Z", "2027-03-14T07:30:00Z", "2027-03-15T06:30:00Z"}));
  // Berlin skips 02:00–03:00 on 28 March 2027.
  auto instant = local_to_instant("Europe/Berlin", local("2027-03-28T02:30"));
  ASSERT_TRUE(instant.has_value());
  EXPECT_EQ(to_iso8601(*instant), "2027-03-28T01:30:00.000000Z");
}

TEST(RecurrenceTest, ARepeatedHourMeansItsFirstPass) {
  // New York's clocks go back at 02:00 EDT on 7 November 2027: 01:30 happens twice.
  auto instant = local_to_instant("America/New_York", local("2027-11-07T01:30"));
  ASSERT_TRUE(instant.has_value());
  EXPECT_EQ(to_iso8601(*instant), "2027-11-07T05:30:00.000000Z");
  auto back = instant_to_local("America/New_York", *instant);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(to_text(*back), "2027-11-07T01:30:00");
}

TEST(RecurrenceTest, EveryOtherWeekOnMondayAndWednesdayWithACount) {
  // 4 January 2027 is a Monday.
  EXPECT_EQ(first("2027-01-04T09:00", "UTC", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=5", 10),
            (Texts{"2027-01-04T09:00:00Z", "2027-01-06T09:00:00Z", "2027-01-18T09:00:00Z", "2027-01-20T09:00:00Z",
                   "2027-02-01T09:00:00Z"}));
}

TEST(RecurrenceTest, UntilInUtcIncludesAnOccurrenceAtThatInstant) {
  EXPECT_EQ(first("2027-01-01T09:00", "Europe/Berlin", "FREQ=DAILY;UNTIL=20270103T080000Z", 10),
            (Texts{"2027-01-01T08:00:00Z", "2027-01-02T08:00:00Z", "2027-01-03T08:00:00Z"}));
}

TEST(RecurrenceTest, UntilAsADateIncludesThatDay) {
  EXPECT_EQ(first("2027-01-01T18:00", "America/New_York", "FREQ=DAILY;UNTIL=20270102", 10),
            (Texts{"2027-01-01T23:00:00Z", "2027-01-02T23:00:00Z"}));
}

TEST(RecurrenceTest, ACountedRuleEnds) {
  auto recurrence = Recurrence::make(local("2027-01-01T09:00"), "UTC", "FREQ=DAILY;COUNT=2");
  ASSERT_TRUE(recurrence.ok());
  EXPECT_EQ(to_iso8601(*recurrence->next_after(at("2027-01-01T09:00:00Z"))), "2027-01-02T09:00:00.000000Z");
  EXPECT_FALSE(recurrence->next_after(at("2027-01-02T09:00:00Z")).has_value());
}

TEST(RecurrenceTest, WithoutARuleTheStartIsTheOnlyOccurrence) {
  auto recurrence = Recurrence::make(local("2027-06-01T12:00"), "Europe/Berlin", "");
  ASSERT_TRUE(recurrence.ok());
  EXPECT_FALSE(recurrence->repeats());
  EXPECT_EQ(to_iso8601(*recurrence->next_after(at("2027-06-01T09:59:59.5Z"))), "2027-06-01T10:00:00.000000Z");
  EXPECT_FALSE(recurrence->next_after(at("2027-06-01T10:00:00Z")).has_value());
}

TEST(RecurrenceTest, MonthlyOnALateDayKeepsItsLocalTime) {
  // Monthly on the 15th at 09:00 New York: EST in winter, EDT in summer.
  EXPECT_EQ(first("2027-02-15T09:00", "America/New_York", "RRULE:FREQ=MONTHLY;BYMONTHDAY=15", 2),
            (Texts{"2027-02-15T14:00:00Z", "2027-03-15T13:00:00Z"}));
}

TEST(RecurrenceTest, BadRulesAndZonesAreNamed) {
  const LocalDateTime start = local("2027-01-01T09:00");
  EXPECT_EQ(field_code(Recurrence::make(start, "UTC", "FREQ=SOMETIMES")), "rrule:RRULE_INVALID");
  EXPECT_EQ(field_code(Recurrence::make(start, "UTC", "FREQ=DAILY;BYDAY=XX")), "rrule:RRULE_INVALID");
  EXPECT_EQ(field_code(Recurrence::make(start, "UTC", "FREQ=DAILY;COUNT=2;UNTIL=20270301T000000Z")),
            "rrule:RRULE_INVALID");
  EXPECT_EQ(field_code(Recurrence::make(start, "UTC", "FREQ=MINUTELY")), "rrule:RRULE_INVALID");
  EXPECT_EQ(field_code(Recurrence::make(start, "UTC", "FREQ=DAILY;UNTIL=20261231T000000Z")), "rrule:RRULE_INVALID");
  EXPECT_EQ(field_code(Recurrence::make(start, "UTC", std::string(600, 'F'))), "rrule:RRULE_INVALID");
  EXPECT_EQ(field_code(Recurrence::make(start, "Mars/Olympus_Mons", "FREQ=DAILY")), "time_zone:TIMEZONE_UNKNOWN");
  EXPECT_EQ(field_code(Recurrence::make(start, "", "")), "time_zone:TIMEZONE_UNKNOWN");
}

TEST(RecurrenceTest, LocalTimesAreReadStrictly) {
  EXPECT_TRUE(parse_local_date_time("2027-01-01T09:00").has_value());
  EXPECT_EQ(to_text(*parse_local_date_time("2027-01-01T09:00:05")), "2027-01-01T09:00:05");
  EXPECT_FALSE(parse_local_date_time("2027-02-30T09:00").has_value());
  EXPECT_FALSE(parse_local_date_time("2027-01-01T24:00").has_value());
  EXPECT_FALSE(parse_local_date_time("2027-01-01 09:00").has_value());
  EXPECT_FALSE(parse_local_date_time("2027-01-01T09:00Z").has_value());
  EXPECT_FALSE(parse_local_date_time("+027-01-01T09:00").has_value());
}

}  // namespace
}  // namespace atrium::workflow
