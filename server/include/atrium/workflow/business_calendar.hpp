#pragma once
// A business-hours calendar: a time zone, working intervals per weekday (several a day)
// and holidays. SLAs count working minutes on it: the pure functions below add working
// minutes to an instant and count the working minutes between two instants. Intervals
// are turned into instants day by day in the calendar's zone, so a day on which summer
// time starts or ends has as many working minutes as the clocks really run.
#include <array>
#include <boost/json/object.hpp>
#include <chrono>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "atrium/core/result.hpp"
#include "atrium/core/time.hpp"
#include "atrium/workflow/time_zone.hpp"

namespace atrium::workflow {

// Minutes since local midnight; `end` may be 1440 (the day's end).
struct WorkingInterval {
  int start = 0;
  int end = 0;
};

inline constexpr std::array<const char*, 7> kWeekdayNames{"sunday",   "monday", "tuesday", "wednesday",
                                                          "thursday", "friday", "saturday"};
inline constexpr std::size_t kMaxHolidays = 1000;
inline constexpr std::size_t kMaxIntervalsPerDay = 12;

struct BusinessCalendar {
  TimeZone time_zone;
  // By weekday, Sunday first (std::chrono::weekday's encoding); sorted, not overlapping.
  std::array<std::vector<WorkingInterval>, 7> hours;
  std::set<std::chrono::sys_days> holidays;

  // The instant `minutes` working minutes after `start`; with zero minutes, the first
  // working instant from `start` on. VALIDATION_FAILED when the calendar has no working
  // time in the next ten years to reach it.
  Result<TimePoint> add_working_minutes(TimePoint start, std::int64_t minutes) const;
  // Working minutes between two instants (zero when `to` is not after `from`), rounded
  // down to whole minutes.
  std::int64_t working_minutes_between(TimePoint from, TimePoint to) const;
};

// Reads `time_zone`, `hours` ({"monday": [["08:00","12:00"], ["13:00","17:00"]], …}; a
// missing weekday has no working time) and `holidays` (["2027-12-25", …]), naming every
// field at fault. At least one working interval is required.
Result<BusinessCalendar> read_business_calendar(const boost::json::object& body);
// The `hours` and `holidays` as the API shows them.
boost::json::object hours_json(const BusinessCalendar& calendar);
boost::json::array holidays_json(const BusinessCalendar& calendar);

}  // namespace atrium::workflow
