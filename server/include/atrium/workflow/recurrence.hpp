#pragma once
// When a reminder occurs: a first local time in an IANA time zone and, optionally, an
// RFC 5545 RRULE, expanded by libical in local time and only then turned into instants.
// So 09:00 Europe/Berlin stays 09:00 on both sides of a daylight-saving change.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "atrium/core/result.hpp"
#include "atrium/core/time.hpp"

namespace atrium::workflow {

// A wall-clock time without a zone.
struct LocalDateTime {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  bool operator==(const LocalDateTime&) const = default;
};

// "2027-03-28T02:30:00".
std::string to_text(const LocalDateTime& local);
// "YYYY-MM-DDTHH:MM[:SS]" as a local time; nothing for anything else.
std::optional<LocalDateTime> parse_local_date_time(std::string_view text);

// Whether the system's zone database knows the IANA name ("Europe/Berlin", "UTC").
bool time_zone_known(std::string_view name);
// The instant of a local time in the zone. A local time that does not exist (the hour
// skipped when clocks go forward) is read with the offset in force before the gap, and
// one that exists twice (clocks go back) means the first of the two: RFC 5545 §3.3.5.
// Nothing for an unknown zone.
std::optional<TimePoint> local_to_instant(std::string_view time_zone, const LocalDateTime& local);
// The wall-clock time in the zone at an instant (whole seconds).
std::optional<LocalDateTime> instant_to_local(std::string_view time_zone, TimePoint instant);

class Recurrence {
 public:
  // VALIDATION_FAILED naming the field at fault: `time_zone` TIMEZONE_UNKNOWN, `rrule`
  // RRULE_INVALID (not RFC 5545, a frequency other than daily, weekly, monthly or
  // yearly, or a rule that never occurs). An empty rule: the start is the only
  // occurrence. A leading "RRULE:" is dropped.
  static Result<Recurrence> make(const LocalDateTime& start, std::string_view time_zone, std::string_view rule);

  // The first occurrence strictly after `time`; nothing once the rule has ended.
  std::optional<TimePoint> next_after(TimePoint time) const;
  // Up to `limit` occurrences strictly after `time`, in order.
  std::vector<TimePoint> occurrences_after(TimePoint time, std::size_t limit) const;

  const LocalDateTime& start() const { return start_; }
  const std::string& time_zone() const { return time_zone_; }
  const std::string& rule() const { return rule_; }
  bool repeats() const { return !rule_.empty(); }

 private:
  Recurrence(LocalDateTime start, std::string time_zone, std::string rule)
      : start_(start), time_zone_(std::move(time_zone)), rule_(std::move(rule)) {}

  LocalDateTime start_;
  std::string time_zone_;
  std::string rule_;
};

}  // namespace atrium::workflow
