#include "atrium/core/decimal.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <string>

#include "atrium/core/currency.hpp"

namespace atrium {
namespace {

Decimal d(const char* text) {
  auto value = Decimal::parse(text);
  EXPECT_TRUE(value) << text;
  return value.value_or(Decimal());
}

TEST(DecimalTest, ParsesAndPrintsExactly) {
  EXPECT_EQ(d("12.5").units(), 12'500'000);
  EXPECT_EQ(d("-0.000001").units(), -1);
  EXPECT_EQ(d("+3").to_string(), "3");
  EXPECT_EQ(d("3").to_string(2), "3.00");
  EXPECT_EQ(d("1234.5678").to_string(2), "1234.5678");
  EXPECT_EQ(d("-0.10").to_string(), "-0.1");
  for (const char* bad : {"", "-", "1.", ".5", "1.0000001", "1e3", "1,5", "0x10", "9223372036854.775808", " 1"}) {
    EXPECT_FALSE(Decimal::parse(bad)) << bad;
  }
}

TEST(DecimalTest, AddsAndSubtractsWithoutBinaryFractions) {
  // 0.1 + 0.2 is 0.3 here, not 0.30000000000000004.
  EXPECT_EQ(d("0.1").plus(d("0.2")), d("0.3"));
  EXPECT_EQ(d("0.3").minus(d("0.1")), d("0.2"));
  const auto largest = Decimal::from_units(std::numeric_limits<std::int64_t>::max());
  EXPECT_FALSE(largest.plus(d("0.000001")));
  EXPECT_FALSE(Decimal::from_units(std::numeric_limits<std::int64_t>::min()).minus(d("0.000001")));
}

TEST(DecimalTest, MultipliesAndDividesWithTheRoundingAsked) {
  EXPECT_EQ(d("1.5").times(d("2.25")), d("3.375"));
  EXPECT_EQ(d("0.000001").times(d("0.5")), d("0.000001"));                // half up
  EXPECT_EQ(d("0.000001").times(d("0.5"), Rounding::half_even), d("0"));  // half to even
  EXPECT_EQ(d("0.000003").times(d("0.5"), Rounding::half_even), d("0.000002"));
  EXPECT_EQ(d("-0.000001").times(d("0.5")), d("-0.000001"));  // away from zero
  EXPECT_EQ(d("10").divided_by(d("3")), d("3.333333"));
  EXPECT_EQ(d("20").divided_by(d("3")), d("6.666667"));
  EXPECT_EQ(d("20").divided_by(d("3"), Rounding::down), d("6.666666"));
  EXPECT_EQ(d("1").divided_by(d("-8")), d("-0.125"));
  EXPECT_FALSE(d("1").divided_by(d("0")));
  EXPECT_FALSE(d("9000000000000").times(d("2")));
  EXPECT_EQ(d("200").percent_of(d("12.5")), d("25"));
  EXPECT_EQ(d("0.05").percent_of(d("19")), d("0.0095"));
}

TEST(DecimalTest, RoundsToPlacesAndIncrements) {
  EXPECT_EQ(d("2.345").rounded(2), d("2.35"));
  EXPECT_EQ(d("-2.345").rounded(2), d("-2.35"));
  EXPECT_EQ(d("2.345").rounded(2, Rounding::half_even), d("2.34"));
  EXPECT_EQ(d("2.355").rounded(2, Rounding::half_even), d("2.36"));
  EXPECT_EQ(d("2.341").rounded(2, Rounding::up), d("2.35"));
  EXPECT_EQ(d("2.349").rounded(2, Rounding::down), d("2.34"));
  EXPECT_EQ(d("1234.5").rounded(0), d("1235"));
  EXPECT_EQ(d("1.02").rounded_to(d("0.05")), d("1"));
  EXPECT_EQ(d("1.025").rounded_to(d("0.05")), d("1.05"));
  EXPECT_EQ(d("1.07").rounded_to(d("0.05")), d("1.05"));
  EXPECT_EQ(d("1.07").rounded_to(d("0")), d("1.07"));
}

TEST(CurrencyTest, KnowsMinorUnitsAndCodes) {
  EXPECT_EQ(minor_unit("EUR"), 2);
  EXPECT_EQ(minor_unit("JPY"), 0);
  EXPECT_EQ(minor_unit("KWD"), 3);
  EXPECT_TRUE(is_currency_code("USD"));
  EXPECT_FALSE(is_currency_code("usd"));
  EXPECT_FALSE(is_currency_code("EURO"));
}

}  // namespace
}  // namespace atrium
