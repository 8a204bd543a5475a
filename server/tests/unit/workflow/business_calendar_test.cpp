#include "atrium/workflow/business_calendar.hpp"

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

namespace atrium::workflow {
namespace {

BusinessCalendar calendar(std::string_view json) {
  auto read = read_business_calendar(boost::json::parse(json).as_object());
  EXPECT_TRUE(read.ok()) << (read.ok() ? "" : read.error().fields.front().code);
  return std::move(read).value();
}

TimePoint at(std::string_view text) { return from_iso8601(text).value(); }

const char* const kBerlinOffice =
    R"({"time_zone": "Europe/Berlin", "hours": {"monday": [["08:00", "17:00"]], "tuesday": [["08:00", "17:00"]],
        "wednesday": [["08:00", "17:00"]], "thursday": [["08:00", "17:00"]], "friday": [["08:00", "17:00"]]},
        "holidays": ["2027-12-24", "2027-12-31"]})";

const char* const kAroundTheClock =
    R"({"time_zone": "Europe/Berlin", "hours": {"monday": [["00:00", "24:00"]], "tuesday": [["00:00", "24:00"]],
        "wednesday": [["00:00", "24:00"]], "thursday": [["00:00", "24:00"]], "friday": [["00:00", "24:00"]],
        "saturday": [["00:00", "24:00"]], "sunday": [["00:00", "24:00"]]}})";

TEST(BusinessCalendar, FourHoursFromFridayAfternoonEndOnMondayMorning) {
  const auto office = calendar(kBerlinOffice);
  // Friday 15:00 CET: two hours on Friday, two on Monday from 08:00.
  EXPECT_EQ(office.add_working_minutes(at("2027-01-29T14:00:00Z"), 4 * 60).value(), at("2027-02-01T09:00:00Z"));
  const auto later_start = calendar(
      R"({"time_zone": "Europe/Berlin", "hours": {"monday": [["09:00", "17:00"]], "friday": [["09:00", "17:00"]]}})");
  EXPECT_EQ(later_start.add_working_minutes(at("2027-01-29T14:00:00Z"), 4 * 60).value(), at("2027-02-01T10:00:00Z"));
}

TEST(BusinessCalendar, CountsAcrossAMonthEndAndAWeekend) {
  const auto office = calendar(kBerlinOffice);
  // Friday 30 April 16:00 CEST; Monday 3 May 09:00 CEST.
  EXPECT_EQ(office.add_working_minutes(at("2027-04-30T14:00:00Z"), 120).value(), at("2027-05-03T07:00:00Z"));
  EXPECT_EQ(office.working_minutes_between(at("2027-04-30T14:00:00Z"), at("2027-05-03T07:00:00Z")), 120);
  // A year end: Thursday 30 December 16:00, the 31st is a holiday, then a weekend.
  EXPECT_EQ(office.add_working_minutes(at("2027-12-30T15:00:00Z"), 60 * 3).value(), at("2028-01-03T09:00:00Z"));
}

TEST(BusinessCalendar, SkipsHolidays) {
  const auto office = calendar(kBerlinOffice);
  // Thursday 23 December 16:00: one hour left that day, Friday 24 is a holiday, then the
  // weekend; the second hour is Monday 27 from 08:00.
  EXPECT_EQ(office.add_working_minutes(at("2027-12-23T15:00:00Z"), 120).value(), at("2027-12-27T08:00:00Z"));
  EXPECT_EQ(office.working_minutes_between(at("2027-12-23T00:00:00Z"), at("2027-12-28T00:00:00Z")), 9 * 60 * 2);
}

TEST(BusinessCalendar, SpringsForwardInBerlin) {
  const auto always = calendar(kAroundTheClock);
  // Saturday noon to Sunday noon over the change to summer time is 23 hours of clock time.
  EXPECT_EQ(always.working_minutes_between(at("2027-03-27T11:00:00Z"), at("2027-03-28T10:00:00Z")), 23 * 60);
  // 24 working hours from Saturday noon end on Sunday at 13:00 summer time.
  EXPECT_EQ(always.add_working_minutes(at("2027-03-27T11:00:00Z"), 24 * 60).value(), at("2027-03-28T11:00:00Z"));
}

TEST(BusinessCalendar, FallsBackInBerlin) {
  const auto always = calendar(kAroundTheClock);
  EXPECT_EQ(always.working_minutes_between(at("2027-10-30T10:00:00Z"), at("2027-10-31T11:00:00Z")), 25 * 60);
  const auto office = calendar(kBerlinOffice);
  // Friday 16:00 CEST plus two hours: Monday 09:00 CET.
  EXPECT_EQ(office.add_working_minutes(at("2027-10-29T14:00:00Z"), 120).value(), at("2027-11-01T08:00:00Z"));
}

TEST(BusinessCalendar, FollowsNewYorkAcrossBothChanges) {
  const auto office = calendar(
      R"({"time_zone": "America/New_York", "hours": {"monday": [["09:00", "17:00"]], "friday": [["09:00", "17:00"]]}})");
  // Friday 12 March 16:00 EST; summer time starts on Sunday 14th; Monday 10:00 EDT.
  EXPECT_EQ(office.add_working_minutes(at("2027-03-12T21:00:00Z"), 120).value(), at("2027-03-15T14:00:00Z"));
  // Friday 5 November 16:00 EDT; it ends on Sunday 7th; Monday 10:00 EST.
  EXPECT_EQ(office.add_working_minutes(at("2027-11-05T20:00:00Z"), 120).value(), at("2027-11-08T15:00:00Z"));
  EXPECT_EQ(office.working_minutes_between(at("2027-11-05T20:00:00Z"), at("2027-11-08T15:00:00Z")), 120);
}

TEST(BusinessCalendar, SeveralIntervalsADayOverSeveralDays) {
  const auto split = calendar(R"({"time_zone": "UTC", "hours": {"monday": [["13:00", "17:00"], ["08:00", "12:00"]],
      "tuesday": [["08:00", "12:00"], ["13:00", "17:00"]], "wednesday": [["08:00", "12:00"], ["13:00", "17:00"]]}})");
  // Monday 11:00: 1 + 4 hours on Monday, 4 on Tuesday morning, the tenth at 14:00.
  EXPECT_EQ(split.add_working_minutes(at("2027-02-01T11:00:00Z"), 10 * 60).value(), at("2027-02-02T14:00:00Z"));
  EXPECT_EQ(split.working_minutes_between(at("2027-02-01T11:00:00Z"), at("2027-02-03T10:00:00Z")), 15 * 60);
  // The lunch hour counts nothing.
  EXPECT_EQ(split.working_minutes_between(at("2027-02-01T12:00:00Z"), at("2027-02-01T13:00:00Z")), 0);
}

TEST(BusinessCalendar, ZeroMinutesIsTheNextWorkingInstant) {
  const auto office = calendar(kBerlinOffice);
  EXPECT_EQ(office.add_working_minutes(at("2027-01-30T12:00:00Z"), 0).value(), at("2027-02-01T07:00:00Z"));
  EXPECT_EQ(office.working_minutes_between(at("2027-02-01T12:00:00Z"), at("2027-02-01T11:00:00Z")), 0);
}

TEST(BusinessCalendar, RefusesWhatItCannotRead) {
  const auto refused = [](std::string_view json) {
    auto read = read_business_calendar(boost::json::parse(json).as_object());
    EXPECT_FALSE(read.ok());
    return read.ok() ? std::string() : read.error().fields.front().code;
  };
  EXPECT_EQ(refused(R"({"time_zone": "Europe/Atlantis", "hours": {"monday": [["08:00", "17:00"]]}})"),
            "TIMEZONE_UNKNOWN");
  EXPECT_EQ(refused(R"({"time_zone": "../../etc/passwd", "hours": {"monday": [["08:00", "17:00"]]}})"),
            "TIMEZONE_UNKNOWN");
  EXPECT_EQ(refused(R"({"time_zone": "UTC", "hours": {}})"), "CALENDAR_WITHOUT_WORKING_TIME");
  EXPECT_EQ(refused(R"({"time_zone": "UTC", "hours": {"monday": [["08:00", "24:30"]]}})"), "INTERVAL_INVALID");
  EXPECT_EQ(refused(R"({"time_zone": "UTC", "hours": {"monday": [["17:00", "08:00"]]}})"), "INTERVAL_INVALID");
  EXPECT_EQ(refused(R"({"time_zone": "UTC", "hours": {"monday": [["08:00", "17:00"]]}, "holidays": ["2027-13-01"]})"),
            "FIELD_INVALID_DATE");
}

}  // namespace
}  // namespace atrium::workflow
