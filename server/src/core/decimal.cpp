#include "atrium/core/decimal.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

namespace atrium {

namespace {

// 128-bit intermediates so 64-bit overflow is detected, not suffered.
__extension__ using Int128 = __int128;
__extension__ using UInt128 = unsigned __int128;

constexpr std::int64_t kOne = 1'000'000;  // 10^Decimal::kScale

constexpr std::int64_t power_of_ten(int exponent) {
  std::int64_t value = 1;
  for (int i = 0; i < exponent; ++i) value *= 10;
  return value;
}

bool fits(Int128 value) {
  return value >= std::numeric_limits<std::int64_t>::min() && value <= std::numeric_limits<std::int64_t>::max();
}

// numerator / denominator (denominator > 0) rounded to a whole number as asked.
Int128 divide_rounded(Int128 numerator, Int128 denominator, Rounding rounding) {
  Int128 quotient = numerator / denominator;  // truncates towards zero
  const Int128 remainder = numerator % denominator;
  if (remainder == 0) return quotient;
  const int sign = numerator < 0 ? -1 : 1;
  const Int128 twice = (remainder < 0 ? -remainder : remainder) * 2;
  bool away = false;
  switch (rounding) {
    case Rounding::down: away = false; break;
    case Rounding::up: away = true; break;
    case Rounding::half_up: away = twice >= denominator; break;
    case Rounding::half_even: away = twice > denominator || (twice == denominator && quotient % 2 != 0); break;
  }
  return away ? quotient + sign : quotient;
}

}  // namespace

std::optional<std::int64_t> parse_scaled(std::string_view text, int scale) {
  if (text.empty()) return std::nullopt;
  bool negative = false;
  std::size_t i = 0;
  if (text[0] == '-' || text[0] == '+') {
    negative = text[0] == '-';
    i = 1;
  }
  if (i >= text.size()) return std::nullopt;
  Int128 value = 0;
  int places = -1;  // -1 until the point
  bool digits = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '.') {
      if (places >= 0 || !digits) return std::nullopt;
      places = 0;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    digits = true;
    if (places >= 0 && ++places > scale) return std::nullopt;
    value = value * 10 + (c - '0');
    if (value > std::numeric_limits<std::int64_t>::max()) return std::nullopt;
  }
  if (!digits || places == 0) return std::nullopt;  // "12." is not a decimal
  for (int p = std::max(places, 0); p < scale; ++p) {
    value *= 10;
    if (value > std::numeric_limits<std::int64_t>::max()) return std::nullopt;
  }
  return static_cast<std::int64_t>(negative ? -value : value);
}

std::string format_scaled(std::int64_t value, int scale, int min_places) {
  const bool negative = value < 0;
  const UInt128 magnitude = negative ? static_cast<UInt128>(-static_cast<Int128>(value)) : static_cast<UInt128>(value);
  UInt128 divisor = 1;
  for (int i = 0; i < scale; ++i) divisor *= 10;
  const auto whole = static_cast<std::uint64_t>(magnitude / divisor);
  auto fraction = static_cast<std::uint64_t>(magnitude % divisor);
  std::string places = scale > 0 ? fmt::format("{:0{}}", fraction, scale) : "";
  while (static_cast<int>(places.size()) > min_places && !places.empty() && places.back() == '0') places.pop_back();
  return fmt::format("{}{}{}{}", negative ? "-" : "", whole, places.empty() ? "" : ".", places);
}

std::optional<Decimal> Decimal::from_integer(std::int64_t whole) {
  const Int128 units = static_cast<Int128>(whole) * kOne;
  if (!fits(units)) return std::nullopt;
  return Decimal(static_cast<std::int64_t>(units));
}

std::optional<Decimal> Decimal::parse(std::string_view text) {
  auto units = parse_scaled(text, kScale);
  if (!units) return std::nullopt;
  return Decimal(*units);
}

std::string Decimal::to_string(int min_places) const {
  return format_scaled(units_, kScale, min_places);
}

std::optional<Decimal> Decimal::plus(Decimal other) const {
  std::int64_t sum = 0;
  if (__builtin_add_overflow(units_, other.units_, &sum)) return std::nullopt;
  return Decimal(sum);
}

std::optional<Decimal> Decimal::minus(Decimal other) const {
  std::int64_t difference = 0;
  if (__builtin_sub_overflow(units_, other.units_, &difference)) return std::nullopt;
  return Decimal(difference);
}

std::optional<Decimal> Decimal::times(Decimal other, Rounding rounding) const {
  const Int128 product = divide_rounded(static_cast<Int128>(units_) * other.units_, kOne, rounding);
  if (!fits(product)) return std::nullopt;
  return Decimal(static_cast<std::int64_t>(product));
}

std::optional<Decimal> Decimal::divided_by(Decimal other, Rounding rounding) const {
  if (other.units_ == 0) return std::nullopt;
  Int128 numerator = static_cast<Int128>(units_) * kOne;
  Int128 denominator = other.units_;
  if (denominator < 0) {
    numerator = -numerator;
    denominator = -denominator;
  }
  const Int128 quotient = divide_rounded(numerator, denominator, rounding);
  if (!fits(quotient)) return std::nullopt;
  return Decimal(static_cast<std::int64_t>(quotient));
}

std::optional<Decimal> Decimal::percent_of(Decimal percent, Rounding rounding) const {
  const Int128 product = divide_rounded(static_cast<Int128>(units_) * percent.units_, Int128{kOne} * 100, rounding);
  if (!fits(product)) return std::nullopt;
  return Decimal(static_cast<std::int64_t>(product));
}

Decimal Decimal::rounded(int places, Rounding rounding) const {
  places = std::clamp(places, 0, kScale);
  const std::int64_t step = power_of_ten(kScale - places);
  // |units| / step × step never leaves the range of the original value's magnitude,
  // except rounding up at the very edge, which saturates instead of wrapping.
  const Int128 result = divide_rounded(units_, step, rounding) * step;
  if (!fits(result)) return *this;
  return Decimal(static_cast<std::int64_t>(result));
}

Decimal Decimal::rounded_to(Decimal increment, Rounding rounding) const {
  if (increment.units_ <= 0) return *this;
  const Int128 result = divide_rounded(units_, increment.units_, rounding) * increment.units_;
  if (!fits(result)) return *this;
  return Decimal(static_cast<std::int64_t>(result));
}

}  // namespace atrium
