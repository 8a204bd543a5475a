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

std::optional<TimePoint> from_iso8601(std::string_view text) {
  auto digits = [&](std::size_t at, std::size_t count) -> std::optional<int> {
    if (at + count > text.size()) return std::nullopt;
    int value = 0;
    for (std::size_t i = at; i < at + count; ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      value = value * 10 + (text[i] - '0');
    }
    return value;
  };
  if (text.size() < 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
      text[16] != ':' || text.back() != 'Z') {
    return std::nullopt;
  }
  const auto year = digits(0, 4), month = digits(5, 2), day = digits(8, 2);
  const auto hour = digits(11, 2), minute = digits(14, 2), second = digits(17, 2);
  if (!year || !month || !day || !hour || !minute || !second || *hour > 23 || *minute > 59 || *second > 59) {
    return std::nullopt;
  }
  const std::chrono::year_month_day date{std::chrono::year(*year), std::chrono::month(static_cast<unsigned>(*month)),
                                         std::chrono::day(static_cast<unsigned>(*day))};
  if (!date.ok()) return std::nullopt;
  std::chrono::microseconds fraction{0};
  if (text.size() > 20) {
    // ".d…dZ": up to six digits of fraction.
    const std::size_t count = text.size() - 21;
    if (text[19] != '.' || count == 0 || count > 6) return std::nullopt;
    auto value = digits(20, count);
    if (!value) return std::nullopt;
    long long micros = *value;
    for (std::size_t i = count; i < 6; ++i) micros *= 10;
    fraction = std::chrono::microseconds(micros);
  }
  return TimePoint(std::chrono::sys_days(date).time_since_epoch() + std::chrono::hours(*hour) +
                   std::chrono::minutes(*minute) + std::chrono::seconds(*second) + fraction);
}

}  // namespace atrium
