#pragma once
// Time is UTC in storage and ISO 8601 on the wire. Everything that schedules asks a
// Clock, so tests can move time by hand.
#include <atomic>
#include <chrono>
#include <cstdint>
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

// The system clock moved by an offset that tests set through `serve --test-clock`: time
// keeps running, so waiting works as usual, and a jump forward makes every timer due at
// once. Without the flag the offset stays zero.
class AdjustableClock final : public Clock {
 public:
  TimePoint now() const override {
    return std::chrono::system_clock::now() + std::chrono::microseconds(offset_micros_.load());
  }
  void set(TimePoint time) {
    offset_micros_.store(
        std::chrono::duration_cast<std::chrono::microseconds>(time - std::chrono::system_clock::now()).count());
  }
  void advance(std::chrono::microseconds by) { offset_micros_.fetch_add(by.count()); }

 private:
  std::atomic<std::int64_t> offset_micros_{0};
};

// "2026-11-22T13:31:21.123456Z": fixed width, so text order is time order.
std::string to_iso8601(TimePoint time);
std::string utc_now_iso8601();
// Reads "YYYY-MM-DDTHH:MM:SS[.fraction]Z" (UTC only); nothing for anything else.
std::optional<TimePoint> from_iso8601(std::string_view text);

}  // namespace atrium
