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

// The system clock until a test moves it through `serve --test-clock`. Once moved, time
// keeps running, so waiting works as usual, and a jump forward makes every timer due at
// once. A moved clock runs on the steady clock, so a step of the machine's own clock
// (NTP, a resumed virtual machine) cannot shift a time a test has just set; an unmoved
// one follows the system clock, steps included, as a server in production must.
class AdjustableClock final : public Clock {
 public:
  TimePoint now() const override {
    if (!moved_.load()) return std::chrono::system_clock::now();
    return TimePoint(std::chrono::duration_cast<TimePoint::duration>(steady_micros() +
                                                                     std::chrono::microseconds(offset_micros_.load())));
  }
  void set(TimePoint time) {
    const auto target = std::chrono::duration_cast<std::chrono::microseconds>(time.time_since_epoch());
    offset_micros_.store((target - steady_micros()).count());
    moved_.store(true);
  }
  void advance(std::chrono::microseconds by) {
    if (!moved_.load()) set(std::chrono::system_clock::now());
    offset_micros_.fetch_add(by.count());
  }

 private:
  static std::chrono::microseconds steady_micros() {
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now().time_since_epoch());
  }
  std::atomic<bool> moved_{false};
  // Once moved: the time shown minus the steady clock's reading, in microseconds.
  std::atomic<std::int64_t> offset_micros_{0};
};

// "2026-11-22T13:31:21.123456Z": fixed width, so text order is time order.
std::string to_iso8601(TimePoint time);
std::string utc_now_iso8601();
// Reads "YYYY-MM-DDTHH:MM:SS[.fraction]Z" (UTC only); nothing for anything else.
std::optional<TimePoint> from_iso8601(std::string_view text);

}  // namespace atrium
