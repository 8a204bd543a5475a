#include "atrium/core/time.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

namespace atrium {

std::string to_iso8601(TimePoint time) {
  const auto micros = std::chrono::time_point_cast<std::chrono::microseconds>(time);
  const auto seconds = std::chrono::time_point_cast<std::chrono::seconds>(micros);
  const auto fraction = (micros - seconds).count();
  return fmt::format("{:%Y-%m-%dT%H:%M:%S}.{:06d}Z", seconds, fraction);
}

std::string utc_now_iso8601() { return to_iso8601(std::chrono::system_clock::now()); }

}  // namespace atrium
