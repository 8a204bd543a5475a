#include "atrium/workflow/time_zone.hpp"

#include <fmt/format.h>
#include <libical/ical.h>

#include <mutex>

#include "atrium/workflow/libical_lock.hpp"

namespace atrium::workflow {

namespace {

icaltimezone* zone_of(const void* zone) { return static_cast<icaltimezone*>(const_cast<void*>(zone)); }

}  // namespace

Result<TimeZone> TimeZone::named(std::string_view name) {
  const auto invalid = [&] {
    return Error{ErrorCode::validation_failed, "the time zone is not valid",
                 {{"time_zone", "TIMEZONE_UNKNOWN", fmt::format("no time zone '{}' (an IANA name, e.g. Europe/Berlin)",
                                                                 name.substr(0, 100))}}};
  };
  if (name.empty() || name.size() > 64) return invalid();
  for (const char character : name) {
    const bool allowed = (character >= 'A' && character <= 'Z') || (character >= 'a' && character <= 'z') ||
                         (character >= '0' && character <= '9') || character == '/' || character == '_' ||
                         character == '-' || character == '+';
    if (!allowed) return invalid();
  }
  if (name.find("..") != std::string_view::npos || name.front() == '/') return invalid();
  const std::string text(name);
  std::lock_guard lock(libical_lock());
  icaltimezone* zone = text == "UTC" ? icaltimezone_get_utc_timezone() : icaltimezone_get_builtin_timezone(text.c_str());
  if (!zone) return invalid();
  return TimeZone(text, zone);
}

TimePoint TimeZone::to_instant(const LocalTime& local) const {
  const std::chrono::sys_days day = local.day + std::chrono::days(local.minute / 1440);
  const int minute = local.minute % 1440;
  const std::chrono::year_month_day date(day);
  icaltimetype time = icaltime_null_time();
  time.year = static_cast<int>(date.year());
  time.month = static_cast<int>(static_cast<unsigned>(date.month()));
  time.day = static_cast<int>(static_cast<unsigned>(date.day()));
  time.hour = minute / 60;
  time.minute = minute % 60;
  time.second = 0;
  time_t seconds = 0;
  {
    std::lock_guard lock(libical_lock());
    time.zone = zone_of(zone_);
    seconds = icaltime_as_timet_with_zone(time, zone_of(zone_));
  }
  return TimePoint(std::chrono::seconds(seconds));
}

LocalTime TimeZone::to_local(TimePoint instant) const {
  const auto seconds = std::chrono::floor<std::chrono::seconds>(instant).time_since_epoch().count();
  icaltimetype time;
  {
    std::lock_guard lock(libical_lock());
    time = icaltime_from_timet_with_zone(static_cast<time_t>(seconds), 0, zone_of(zone_));
  }
  const std::chrono::year_month_day date{std::chrono::year(time.year),
                                         std::chrono::month(static_cast<unsigned>(time.month)),
                                         std::chrono::day(static_cast<unsigned>(time.day))};
  return LocalTime{std::chrono::sys_days(date), time.hour * 60 + time.minute};
}

}  // namespace atrium::workflow
