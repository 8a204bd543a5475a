#pragma once
// Exact decimal numbers for money, quantities and rates: never binary floating point.
// A Decimal is a 64-bit integer scaled by 10^6, enough places for unit prices and
// percentages and for amounts up to nine trillion. Arithmetic that would leave that
// range answers nothing instead of a wrong number; rounding is always explicit.
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace atrium {

// "-12.5" at scale 2 → -1250. nullopt when not a plain decimal, when it has more places
// than `scale`, or when it does not fit in 64 bits.
std::optional<std::int64_t> parse_scaled(std::string_view text, int scale);
// -1250 at scale 2 → "-12.50"; at least `min_places` places, trailing zeros beyond trimmed.
std::string format_scaled(std::int64_t value, int scale, int min_places);

enum class Rounding {
  half_up,    // commercial rounding: halves away from zero (2.345 → 2.35, -2.345 → -2.35)
  half_even,  // banker's rounding: halves to the even neighbour (2.345 → 2.34)
  down,       // towards zero
  up,         // away from zero
};

class Decimal {
 public:
  static constexpr int kScale = 6;

  constexpr Decimal() = default;
  static constexpr Decimal from_units(std::int64_t units) { return Decimal(units); }
  static std::optional<Decimal> from_integer(std::int64_t whole);
  // "12.50", "-3", "0.125"; at most six places.
  static std::optional<Decimal> parse(std::string_view text);

  // The scaled integer: value × 10^6.
  constexpr std::int64_t units() const { return units_; }
  // At least `min_places` places; more only where the value has them.
  std::string to_string(int min_places = 0) const;

  std::optional<Decimal> plus(Decimal other) const;
  std::optional<Decimal> minus(Decimal other) const;
  // Products and quotients keep six places, rounded as asked.
  std::optional<Decimal> times(Decimal other, Rounding rounding = Rounding::half_up) const;
  std::optional<Decimal> divided_by(Decimal other, Rounding rounding = Rounding::half_up) const;
  // value × percent / 100.
  std::optional<Decimal> percent_of(Decimal percent, Rounding rounding = Rounding::half_up) const;
  // To `places` digits after the point (0–6).
  Decimal rounded(int places, Rounding rounding = Rounding::half_up) const;
  // To a multiple of `increment` (e.g. 0.05 for Swiss cash amounts); a zero or negative
  // increment leaves the value as it is.
  Decimal rounded_to(Decimal increment, Rounding rounding = Rounding::half_up) const;

  constexpr bool is_zero() const { return units_ == 0; }
  constexpr bool is_negative() const { return units_ < 0; }
  constexpr auto operator<=>(const Decimal&) const = default;

 private:
  constexpr explicit Decimal(std::int64_t units) : units_(units) {}
  std::int64_t units_ = 0;
};

}  // namespace atrium
