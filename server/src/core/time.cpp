#include "atrium/core/time.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <ctime>

namespace atrium {

std::string to_iso8601(TimePoint time) {
  const auto micros = std::chrono::time_point_cast<std::chrono::microseconds>(time);
  const auto seconds = std::chrono::time_point_cast<std::chrono::seconds>(micros);
  const auto fraction = (micros - seconds).count();
  // fmt 9 formats a time_point in local time; a std::tm from gmtime_r is UTC.
  const std::time_t whole = std::chrono::system_clock::to_time_t(seconds);
  std::tm utc{};
  gmtime_r(&whole, &utc);
  return fmt::format("{:%Y-%m-%dT%H:%M:%S}.{:06d}Z", utc, fraction);
}

std::string utc_now_iso8601() { return to_iso8601(std::chrono::system_clock::now()); }

}  // namespace atrium
