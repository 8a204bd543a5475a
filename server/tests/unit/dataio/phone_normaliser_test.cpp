#include "atrium/dataio/phone_normaliser.hpp"

#include <gtest/gtest.h>

namespace atrium::dataio {
namespace {

TEST(PhoneNormaliser, InternationalFormsAreOneKey) {
  const std::string key = "+442071234567";
  EXPECT_EQ(normalise_phone("+44 20 7123 4567", ""), key);
  EXPECT_EQ(normalise_phone("0044 20 7123 4567", ""), key);
  EXPECT_EQ(normalise_phone("+44 (0)20 7123-4567", ""), key);
  EXPECT_EQ(normalise_phone("+44.20.7123.4567", "DE"), key);
}

TEST(PhoneNormaliser, NationalNumbersTakeTheCountrysCode) {
  EXPECT_EQ(normalise_phone("(020) 7123 4567", "GB"), "+442071234567");
  EXPECT_EQ(normalise_phone("020 7123 4567", "gb"), "+442071234567");
  EXPECT_EQ(normalise_phone("030 1234 5678", "DE"), "+493012345678");
  EXPECT_EQ(normalise_phone("(212) 555-0123", "US"), "+12125550123");
  EXPECT_EQ(normalise_phone("1 212 555 0123", "US"), "+12125550123");
  // Italy dials its leading zero after the country code too.
  EXPECT_EQ(normalise_phone("02 1234 5678", "IT"), "+390212345678");
}

TEST(PhoneNormaliser, WithoutACountryANationalNumberStaysNational) {
  EXPECT_EQ(normalise_phone("(020) 7123 4567", ""), "2071234567");
  EXPECT_EQ(normalise_phone("020 7123 4567", "XX"), "2071234567");
}

TEST(PhoneNormaliser, ExtensionsAndShortTextAreNoNumbers) {
  EXPECT_EQ(normalise_phone("+44 20 7123 4567 ext. 12", ""), "+442071234567");
  EXPECT_EQ(normalise_phone("+44 20 7123 4567 x12", ""), "+442071234567");
  EXPECT_EQ(normalise_phone("12", "GB"), "");
  EXPECT_EQ(normalise_phone("", "GB"), "");
  EXPECT_EQ(normalise_phone("call me", "GB"), "");
  EXPECT_EQ(normalise_phone("123456789012345678901", ""), "");
}

TEST(PhoneNormaliser, CallingCodes) {
  EXPECT_EQ(calling_code("DE"), "49");
  EXPECT_EQ(calling_code("us"), "1");
  EXPECT_FALSE(calling_code("XX").has_value());
  EXPECT_FALSE(calling_code("GBR").has_value());
}

}  // namespace
}  // namespace atrium::dataio
