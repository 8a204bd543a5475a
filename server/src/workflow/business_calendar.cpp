#include "atrium/workflow/business_calendar.hpp"

#include <boost/json/array.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <optional>

namespace atrium::workflow {

namespace {

using namespace std::chrono;

// Far enough for any SLA; a calendar with no working time at all ends the search here.
constexpr int kSearchDays = 3660;

std::optional<int> parse_clock_time(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  for (const std::size_t index : {0U, 1U, 3U, 4U}) {
    if (text[index] < '0' || text[index] > '9') return std::nullopt;
  }
  const int hour = (text[0] - '0') * 10 + (text[1] - '0');
  const int minute = (text[3] - '0') * 10 + (text[4] - '0');
  if (minute > 59 || hour > 24 || (hour == 24 && minute != 0)) return std::nullopt;
  return hour * 60 + minute;
}

std::string clock_time_text(int minutes) { return fmt::format("{:02}:{:02}", minutes / 60, minutes % 60); }

std::optional<sys_days> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  const std::pair<std::size_t, std::size_t> spans[3] = {{0, 4}, {5, 2}, {8, 2}};
  for (int part = 0; part < 3; ++part) {
    for (std::size_t index = spans[part].first; index < spans[part].first + spans[part].second; ++index) {
      if (text[index] < '0' || text[index] > '9') return std::nullopt;
      parts[part] = parts[part] * 10 + (text[index] - '0');
    }
  }
  const year_month_day date{year(parts[0]), month(static_cast<unsigned>(parts[1])), day(static_cast<unsigned>(parts[2]))};
  if (!date.ok()) return std::nullopt;
  return sys_days(date);
}

std::string date_text(sys_days day) {
  const year_month_day date(day);
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                     static_cast<unsigned>(date.day()));
}

// The working intervals of one local day as instants.
template <class Visit>
bool for_each_interval(const BusinessCalendar& calendar, sys_days day, Visit visit) {
  if (calendar.holidays.contains(day)) return true;
  for (const auto& interval : calendar.hours[weekday(day).c_encoding()]) {
    const TimePoint start = calendar.time_zone.to_instant({day, interval.start});
    const TimePoint end = calendar.time_zone.to_instant({day, interval.end});
    if (end <= start) continue;  // an interval inside a skipped hour
    if (!visit(start, end)) return false;
  }
  return true;
}

}  // namespace

Result<TimePoint> BusinessCalendar::add_working_minutes(TimePoint start, std::int64_t minutes) const {
  auto remaining = duration_cast<TimePoint::duration>(std::chrono::minutes(std::max<std::int64_t>(minutes, 0)));
  // Start a day early: the local day of `start` may begin before it in UTC terms only
  // through the zone's offset, and an interval may have begun the evening before.
  sys_days day = time_zone.to_local(start).day - days(1);
  std::optional<TimePoint> reached;
  for (int step = 0; step < kSearchDays && !reached; ++step, day += days(1)) {
    for_each_interval(*this, day, [&](TimePoint interval_start, TimePoint interval_end) {
      if (interval_end <= start) return true;
      const TimePoint from = std::max(interval_start, start);
      if (remaining <= interval_end - from) {
        reached = from + remaining;
        return false;
      }
      remaining -= interval_end - from;
      return true;
    });
  }
  if (!reached) {
    return Error{ErrorCode::validation_failed, "the calendar has no working time to meet the SLA",
                 {{"calendar_id", "CALENDAR_WITHOUT_WORKING_TIME", "no working time in the next ten years"}}};
  }
  return *reached;
}

std::int64_t BusinessCalendar::working_minutes_between(TimePoint from, TimePoint to) const {
  if (to <= from) return 0;
  TimePoint::duration total{0};
  const sys_days last = time_zone.to_local(to).day + days(1);
  for (sys_days day = time_zone.to_local(from).day - days(1); day <= last; day += days(1)) {
    for_each_interval(*this, day, [&](TimePoint interval_start, TimePoint interval_end) {
      const TimePoint overlap_start = std::max(interval_start, from);
      const TimePoint overlap_end = std::min(interval_end, to);
      if (overlap_end > overlap_start) total += overlap_end - overlap_start;
      return true;
    });
  }
  return duration_cast<std::chrono::minutes>(total).count();
}

Result<BusinessCalendar> read_business_calendar(const boost::json::object& body) {
  Error invalid{ErrorCode::validation_failed, "the calendar is not valid", {}};
  const auto fail = [&](std::string field, std::string code, std::string message) {
    invalid.fields.push_back({std::move(field), std::move(code), std::move(message)});
  };
  std::optional<TimeZone> zone;
  const auto* zone_value = body.if_contains("time_zone");
  if (!zone_value || !zone_value->is_string()) {
    fail("time_zone", "FIELD_REQUIRED", "an IANA time zone, e.g. Europe/Berlin");
  } else {
    auto named = TimeZone::named(zone_value->as_string());
    if (named) zone = *named;
    else invalid.fields.push_back(named.error().fields.front());
  }
  std::array<std::vector<WorkingInterval>, 7> hours;
  std::size_t interval_count = 0;
  const auto* hours_value = body.if_contains("hours");
  if (!hours_value || !hours_value->is_object()) {
    fail("hours", "FIELD_REQUIRED", "working intervals per weekday: {\"monday\": [[\"08:00\", \"17:00\"]], …}");
  } else {
    for (const auto& [key, intervals] : hours_value->as_object()) {
      const auto found = std::find(kWeekdayNames.begin(), kWeekdayNames.end(), std::string_view(key));
      const std::string field = fmt::format("hours.{}", std::string_view(key).substr(0, 20));
      if (found == kWeekdayNames.end()) {
        fail(field, "UNKNOWN_FIELD", "a weekday in lower case: monday … sunday");
        continue;
      }
      auto& day = hours[static_cast<std::size_t>(found - kWeekdayNames.begin())];
      if (!intervals.is_array() || intervals.as_array().size() > kMaxIntervalsPerDay) {
        fail(field, "FIELD_INVALID", fmt::format("a list of at most {} [start, end] pairs", kMaxIntervalsPerDay));
        continue;
      }
      bool day_valid = true;
      for (const auto& pair : intervals.as_array()) {
        std::optional<int> start, end;
        if (pair.is_array() && pair.as_array().size() == 2 && pair.as_array()[0].is_string() &&
            pair.as_array()[1].is_string()) {
          start = parse_clock_time(pair.as_array()[0].as_string());
          end = parse_clock_time(pair.as_array()[1].as_string());
        }
        if (!start || !end || *start >= *end) {
          fail(field, "INTERVAL_INVALID", "each interval is [\"HH:MM\", \"HH:MM\"] with the start before the end");
          day_valid = false;
          break;
        }
        day.push_back({*start, *end});
      }
      if (!day_valid) continue;
      std::sort(day.begin(), day.end(), [](const auto& a, const auto& b) { return a.start < b.start; });
      for (std::size_t index = 1; index < day.size(); ++index) {
        if (day[index].start < day[index - 1].end) {
          fail(field, "INTERVALS_OVERLAP", "the intervals of a day must not overlap");
          break;
        }
      }
      interval_count += day.size();
    }
    if (interval_count == 0 && invalid.fields.empty()) {
      fail("hours", "CALENDAR_WITHOUT_WORKING_TIME", "at least one working interval");
    }
  }
  std::set<sys_days> holidays;
  if (const auto* holidays_value = body.if_contains("holidays")) {
    if (!holidays_value->is_array() || holidays_value->as_array().size() > kMaxHolidays) {
      fail("holidays", "FIELD_INVALID", fmt::format("a list of at most {} dates (YYYY-MM-DD)", kMaxHolidays));
    } else {
      for (const auto& item : holidays_value->as_array()) {
        const auto date = item.is_string() ? parse_date(item.as_string()) : std::nullopt;
        if (!date) {
          fail("holidays", "FIELD_INVALID_DATE", "each holiday is a date, YYYY-MM-DD");
          break;
        }
        holidays.insert(*date);
      }
    }
  }
  if (!invalid.fields.empty()) return invalid;
  return BusinessCalendar{*zone, std::move(hours), std::move(holidays)};
}

boost::json::object hours_json(const BusinessCalendar& calendar) {
  boost::json::object hours;
  // Monday first, as people read a week.
  for (const std::size_t index : {1U, 2U, 3U, 4U, 5U, 6U, 0U}) {
    boost::json::array intervals;
    for (const auto& interval : calendar.hours[index]) {
      intervals.push_back(boost::json::array{boost::json::string(clock_time_text(interval.start)),
                                             boost::json::string(clock_time_text(interval.end))});
    }
    hours[kWeekdayNames[index]] = std::move(intervals);
  }
  return hours;
}

boost::json::array holidays_json(const BusinessCalendar& calendar) {
  boost::json::array holidays;
  for (const auto day : calendar.holidays) holidays.emplace_back(date_text(day));
  return holidays;
}

}  // namespace atrium::workflow
