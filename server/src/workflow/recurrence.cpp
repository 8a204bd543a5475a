#include "atrium/workflow/recurrence.hpp"

#include <fmt/format.h>
#include <libical/ical.h>

#include <charconv>
#include <cstdlib>
#include <ctime>
#include <chrono>
#include <mutex>

#include "atrium/workflow/libical_lock.hpp"

namespace atrium::workflow {

namespace {

// A guard against rules that libical steps through for long without a match; a daily
// rule reaches 270 years before it.
constexpr int kMaxSteps = 100'000;
constexpr std::size_t kMaxRuleLength = 500;

using Seconds = std::chrono::seconds;

// Local times as seconds on a zone-less scale (the local time read as if it were UTC),
// where adding an offset is plain arithmetic.
std::int64_t local_seconds(const LocalDateTime& local) {
  const std::chrono::year_month_day date{std::chrono::year(local.year),
                                         std::chrono::month(static_cast<unsigned>(local.month)),
                                         std::chrono::day(static_cast<unsigned>(local.day))};
  return std::chrono::duration_cast<Seconds>(std::chrono::sys_days(date).time_since_epoch()).count() +
         local.hour * 3600 + local.minute * 60 + local.second;
}

LocalDateTime local_from_seconds(std::int64_t seconds) {
  const auto days = std::chrono::floor<std::chrono::days>(std::chrono::sys_seconds(Seconds(seconds)));
  const std::chrono::year_month_day date(days);
  const auto rest = seconds - std::chrono::duration_cast<Seconds>(days.time_since_epoch()).count();
  return {static_cast<int>(date.year()), static_cast<int>(static_cast<unsigned>(date.month())),
          static_cast<int>(static_cast<unsigned>(date.day())), static_cast<int>(rest / 3600),
          static_cast<int>(rest % 3600 / 60), static_cast<int>(rest % 60)};
}

icaltimezone* find_zone(std::string_view name) {
  if (name.empty() || name.size() > 64) return nullptr;
  if (name == "UTC") return icaltimezone_get_utc_timezone();
  return icaltimezone_get_builtin_timezone(std::string(name).c_str());
}

// Seconds east of UTC in force at an instant. Caller holds the lock.
int offset_at(icaltimezone* zone, std::int64_t utc_seconds) {
  icaltimetype time = icaltime_from_timet_with_zone(static_cast<time_t>(utc_seconds), 0,
                                                    icaltimezone_get_utc_timezone());
  int daylight = 0;
  return icaltimezone_get_utc_offset_of_utc_time(zone, &time, &daylight);
}

// Caller holds the lock.
std::int64_t to_utc_seconds(icaltimezone* zone, std::int64_t local) {
  // At most one change of offset lies within a day of any local time, so the offsets a
  // day before and a day after are the only candidates.
  const int before = offset_at(zone, local - 86'400);
  const int after = offset_at(zone, local + 86'400);
  const std::int64_t earlier = local - std::max(before, after);
  const std::int64_t later = local - std::min(before, after);
  const bool earlier_fits = offset_at(zone, earlier) == local - earlier;
  const bool later_fits = offset_at(zone, later) == local - later;
  if (earlier_fits) return earlier;  // also the first of a repeated hour
  if (later_fits) return later;
  return local - before;  // in the gap: the offset before it
}

LocalDateTime from_ical(const icaltimetype& time) {
  return {time.year, time.month, time.day, time.is_date ? 0 : time.hour, time.is_date ? 0 : time.minute,
          time.is_date ? 0 : time.second};
}

icaltimetype to_ical(const LocalDateTime& local) {
  icaltimetype time = icaltime_null_time();
  time.year = local.year;
  time.month = local.month;
  time.day = local.day;
  time.hour = local.hour;
  time.minute = local.minute;
  time.second = local.second;
  time.is_date = 0;
  return time;
}

TimePoint instant_of(std::int64_t utc_seconds) {
  return TimePoint(std::chrono::duration_cast<TimePoint::duration>(Seconds(utc_seconds)));
}

Error rule_error(std::string message) {
  return Error{ErrorCode::validation_failed, "the recurrence is not valid", {{"rrule", "RRULE_INVALID", std::move(message)}}};
}

struct ParsedRule {
  icalrecurrencetype rule;
  // The end the rule names, applied here rather than by libical: libical compares an
  // UNTIL in UTC with local occurrences as if they were UTC too.
  enum class Until { none, instant, local } until = Until::none;
  std::int64_t until_seconds = 0;  // UTC seconds, or local seconds for a local UNTIL
};

// Caller holds the lock.
Result<ParsedRule> parse_rule(const std::string& text) {
  icalerror_clear_errno();
  ParsedRule parsed{icalrecurrencetype_from_string(text.c_str())};
  if (icalerrno != ICAL_NO_ERROR || parsed.rule.freq == ICAL_NO_RECURRENCE) {
    icalerror_clear_errno();
    return rule_error("not an RFC 5545 recurrence rule, e.g. FREQ=WEEKLY;BYDAY=MO,WE");
  }
  switch (parsed.rule.freq) {
    case ICAL_DAILY_RECURRENCE:
    case ICAL_WEEKLY_RECURRENCE:
    case ICAL_MONTHLY_RECURRENCE:
    case ICAL_YEARLY_RECURRENCE:
      break;
    default:
      return rule_error("the frequency must be DAILY, WEEKLY, MONTHLY or YEARLY");
  }
  if (parsed.rule.interval < 1 || parsed.rule.interval > 1000) {
    return rule_error("INTERVAL must be between 1 and 1000");
  }
  if (parsed.rule.count < 0 || parsed.rule.count > 100'000) return rule_error("COUNT must be between 1 and 100000");
  if (!icaltime_is_null_time(parsed.rule.until)) {
    if (parsed.rule.count > 0) return rule_error("a rule has COUNT or UNTIL, not both");
    const icaltimetype until = parsed.rule.until;
    if (icaltime_is_utc(until)) {
      parsed.until = ParsedRule::Until::instant;
      parsed.until_seconds = local_seconds(from_ical(until));
    } else {
      parsed.until = ParsedRule::Until::local;
      // A date alone ends with that whole day.
      parsed.until_seconds = local_seconds(from_ical(until)) + (until.is_date ? 86'399 : 0);
    }
    parsed.rule.until = icaltime_null_time();
  }
  return parsed;
}

// Walks the occurrences in order, handing each instant to `visit` until it returns
// false. Caller holds the lock.
template <class Visit>
void each_occurrence(const ParsedRule& parsed, icaltimezone* zone, const LocalDateTime& start, Visit visit) {
  icalrecur_iterator* iterator = icalrecur_iterator_new(parsed.rule, to_ical(start));
  if (!iterator) return;
  for (int step = 0; step < kMaxSteps; ++step) {
    const icaltimetype next = icalrecur_iterator_next(iterator);
    if (icaltime_is_null_time(next)) break;
    const std::int64_t local = local_seconds(from_ical(next));
    const std::int64_t utc = to_utc_seconds(zone, local);
    if (parsed.until == ParsedRule::Until::instant && utc > parsed.until_seconds) break;
    if (parsed.until == ParsedRule::Until::local && local > parsed.until_seconds) break;
    if (!visit(utc)) break;
  }
  icalrecur_iterator_free(iterator);
}

std::int64_t utc_seconds_of(TimePoint time) {
  return std::chrono::floor<Seconds>(time.time_since_epoch()).count();
}

bool valid(const LocalDateTime& local) {
  const std::chrono::year_month_day date{std::chrono::year(local.year),
                                         std::chrono::month(static_cast<unsigned>(local.month)),
                                         std::chrono::day(static_cast<unsigned>(local.day))};
  return local.year >= 1970 && local.year <= 9999 && date.ok() && local.hour >= 0 && local.hour <= 23 &&
         local.minute >= 0 && local.minute <= 59 && local.second >= 0 && local.second <= 59;
}

}  // namespace

std::string to_text(const LocalDateTime& local) {
  return fmt::format("{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}", local.year, local.month, local.day, local.hour,
                     local.minute, local.second);
}

std::optional<LocalDateTime> parse_local_date_time(std::string_view text) {
  if (text.size() != 16 && text.size() != 19) return std::nullopt;
  auto number = [&](std::size_t at, std::size_t count) -> std::optional<int> {
    int value = 0;
    const auto* end = text.data() + at + count;
    const auto [stop, problem] = std::from_chars(text.data() + at, end, value);
    if (problem != std::errc() || stop != end) return std::nullopt;
    for (std::size_t i = at; i < at + count; ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
    }
    return value;
  };
  if (text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':') return std::nullopt;
  if (text.size() == 19 && text[16] != ':') return std::nullopt;
  const auto year = number(0, 4), month = number(5, 2), day = number(8, 2), hour = number(11, 2),
             minute = number(14, 2);
  const auto second = text.size() == 19 ? number(17, 2) : std::optional<int>(0);
  if (!year || !month || !day || !hour || !minute || !second) return std::nullopt;
  LocalDateTime local{*year, *month, *day, *hour, *minute, *second};
  if (!valid(local)) return std::nullopt;
  return local;
}

bool time_zone_known(std::string_view name) {
  const std::lock_guard lock(libical_lock());
  return find_zone(name) != nullptr;
}

std::optional<TimePoint> local_to_instant(std::string_view time_zone, const LocalDateTime& local) {
  const std::lock_guard lock(libical_lock());
  icaltimezone* zone = find_zone(time_zone);
  if (!zone) return std::nullopt;
  return instant_of(to_utc_seconds(zone, local_seconds(local)));
}

std::optional<LocalDateTime> instant_to_local(std::string_view time_zone, TimePoint instant) {
  const std::lock_guard lock(libical_lock());
  icaltimezone* zone = find_zone(time_zone);
  if (!zone) return std::nullopt;
  const std::int64_t utc = utc_seconds_of(instant);
  return local_from_seconds(utc + offset_at(zone, utc));
}

Result<Recurrence> Recurrence::make(const LocalDateTime& start, std::string_view time_zone, std::string_view rule) {
  if (!valid(start)) {
    return Error{ErrorCode::validation_failed, "the start is not valid",
                 {{"starts_at", "DATETIME_INVALID", "a local date and time, YYYY-MM-DDTHH:MM"}}};
  }
  const std::lock_guard lock(libical_lock());
  icaltimezone* zone = find_zone(time_zone);
  if (!zone) {
    return Error{ErrorCode::validation_failed, "the time zone is not known",
                 {{"time_zone", "TIMEZONE_UNKNOWN", "an IANA time zone name such as Europe/Berlin"}}};
  }
  std::string text(rule);
  if (text.starts_with("RRULE:")) text.erase(0, 6);
  if (text.empty()) return Recurrence(start, std::string(time_zone), "");
  if (text.size() > kMaxRuleLength) return rule_error(fmt::format("at most {} characters", kMaxRuleLength));
  auto parsed = parse_rule(text);
  if (!parsed) return parsed.take_error();
  bool occurs = false;
  each_occurrence(*parsed, zone, start, [&](std::int64_t) {
    occurs = true;
    return false;
  });
  if (!occurs) return rule_error("the rule never occurs from this start");
  // libical's own spelling, so equal rules read the same; UNTIL as it was given.
  icalrecurrencetype normalised = icalrecurrencetype_from_string(text.c_str());
  char* spelled = icalrecurrencetype_as_string_r(&normalised);
  std::string canonical = spelled ? spelled : text;
  free(spelled);  // NOLINT: libical's _r functions hand over malloc'ed text
  return Recurrence(start, std::string(time_zone), std::move(canonical));
}

std::optional<TimePoint> Recurrence::next_after(TimePoint time) const {
  auto found = occurrences_after(time, 1);
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<TimePoint> Recurrence::occurrences_after(TimePoint time, std::size_t limit) const {
  std::vector<TimePoint> found;
  if (limit == 0) return found;
  const std::lock_guard lock(libical_lock());
  icaltimezone* zone = find_zone(time_zone_);
  if (!zone) return found;
  // Occurrences fall on whole seconds, so comparing with the whole second of `time` is
  // exact.
  const std::int64_t after = utc_seconds_of(time);
  const auto later = [after](std::int64_t utc) { return utc > after; };
  if (rule_.empty()) {
    const std::int64_t only = to_utc_seconds(zone, local_seconds(start_));
    if (later(only)) found.push_back(instant_of(only));
    return found;
  }
  auto parsed = parse_rule(rule_);
  if (!parsed) return found;
  each_occurrence(*parsed, zone, start_, [&](std::int64_t utc) {
    if (later(utc)) found.push_back(instant_of(utc));
    return found.size() < limit;
  });
  return found;
}

}  // namespace atrium::workflow
