#pragma once
// An IANA time zone ("Europe/Berlin") for turning wall-clock times of a local day into
// instants and back. gcc 12's library has no time-zone database, so libical's (the
// system's zoneinfo) does the work behind this small interface.
#include <chrono>
#include <string>
#include <string_view>

#include "atrium/core/result.hpp"
#include "atrium/core/time.hpp"

namespace atrium::workflow {

// A wall-clock time: a calendar day and the minutes since its midnight (0..1440).
struct LocalTime {
  std::chrono::sys_days day;
  int minute = 0;
};

class TimeZone {
 public:
  // VALIDATION_FAILED naming `time_zone` for a name the database does not know.
  static Result<TimeZone> named(std::string_view name);

  const std::string& name() const { return name_; }
  // The instant a wall clock in this zone shows `local`. Minute 1440 is the next day's
  // midnight. A time skipped by a change to summer time maps to the instant just before
  // the gap; a time that repeats when summer time ends maps to its later occurrence.
  TimePoint to_instant(const LocalTime& local) const;
  // What a wall clock in this zone shows at `instant` (to the minute, rounded down).
  LocalTime to_local(TimePoint instant) const;

 private:
  explicit TimeZone(std::string name, const void* zone) : name_(std::move(name)), zone_(zone) {}
  std::string name_;
  const void* zone_;  // libical's icaltimezone, owned by libical for the process's life
};

}  // namespace atrium::workflow
