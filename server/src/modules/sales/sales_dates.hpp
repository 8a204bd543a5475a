#pragma once
// Calendar arithmetic on the "YYYY-MM-DD" dates records hold: due dates, ageing,
// warranties.
#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <optional>
#include <string>

namespace atrium::sales {

inline std::optional<std::chrono::sys_days> parse_date(const std::string& date) {
  int y = 0;
  unsigned m = 0, d = 0;
  if (date.size() < 10 || std::sscanf(date.c_str(), "%4d-%2u-%2u", &y, &m, &d) != 3) return std::nullopt;
  const std::chrono::year_month_day day{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (!day.ok()) return std::nullopt;
  return std::chrono::sys_days{day};
}

// The date plus whole days; empty when it is not a date.
inline std::string plus_days(const std::string& date, std::int64_t days) {
  auto start = parse_date(date);
  if (!start) return {};
  const std::chrono::year_month_day due{*start + std::chrono::days{days}};
  return fmt::format("{:04d}-{:02d}-{:02d}", static_cast<int>(due.year()), static_cast<unsigned>(due.month()),
                     static_cast<unsigned>(due.day()));
}

// Whole days from one date to another (negative when `to` is earlier; 0 when either is
// not a date).
inline std::int64_t days_between(const std::string& from, const std::string& to) {
  auto a = parse_date(from);
  auto b = parse_date(to);
  if (!a || !b) return 0;
  return (*b - *a).count();
}

}  // namespace atrium::sales
