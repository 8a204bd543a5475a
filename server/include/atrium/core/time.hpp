#pragma once
// Time is UTC in storage and ISO 8601 on the wire. Everything that schedules asks a
// Clock, so tests can move time by hand.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace atrium {

using TimePoint = std::chrono::system_clock::time_point;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint now() const = 0;
};

class SystemClock final : public Clock {
 public:
  TimePoint now() const override { return std::chrono::system_clock::now(); }
};

// "2026-11-22T13:31:21.123456Z": fixed width, so text order is time order.
std::string to_iso8601(TimePoint time);
std::string utc_now_iso8601();
// Reads "YYYY-MM-DDTHH:MM:SS[.fraction]Z" (UTC only); nothing for anything else.
std::optional<TimePoint> from_iso8601(std::string_view text);

}  // namespace atrium
