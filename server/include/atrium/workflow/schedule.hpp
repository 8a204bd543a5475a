#pragma once
// When a recurring job runs, as text an operator can read and the database can store:
//   "every 30 seconds", "every 5 minutes", "every 2 hours", "every day at 03:00",
//   "every 7 days at 22:30" (times UTC).
// Slots are aligned to the Unix epoch, so every process computes the same slots and a
// slot's time can name the job that runs it. Other forms (RRULE with time zones) plug in
// behind the same interface.
#include <memory>
#include <string>
#include <string_view>

#include "atrium/core/result.hpp"
#include "atrium/core/time.hpp"

namespace atrium::workflow {

class Schedule {
 public:
  virtual ~Schedule() = default;
  // The first slot strictly after `time`.
  virtual TimePoint next_after(TimePoint time) const = 0;
  // The text it was read from.
  virtual const std::string& text() const = 0;
};

// validation_failed, naming the form expected, for anything else.
Result<std::unique_ptr<Schedule>> parse_schedule(std::string_view text);

}  // namespace atrium::workflow
