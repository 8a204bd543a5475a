#include "atrium/access/totp.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace atrium::access {
namespace {

std::vector<unsigned char> bytes_of(std::string_view text) {
  return {text.begin(), text.end()};
}

TimePoint at_seconds(std::int64_t seconds) {
  return TimePoint(std::chrono::seconds(seconds));
}

// RFC 4648 §10, without the padding.
TEST(Base32Test, EncodesTheRfcVectors) {
  EXPECT_EQ(base32_encode(bytes_of("")), "");
  EXPECT_EQ(base32_encode(bytes_of("f")), "MY");
  EXPECT_EQ(base32_encode(bytes_of("fo")), "MZXQ");
  EXPECT_EQ(base32_encode(bytes_of("foo")), "MZXW6");
  EXPECT_EQ(base32_encode(bytes_of("foob")), "MZXW6YQ");
  EXPECT_EQ(base32_encode(bytes_of("fooba")), "MZXW6YTB");
  EXPECT_EQ(base32_encode(bytes_of("foobar")), "MZXW6YTBOI");
}

TEST(Base32Test, DecodesWhatItEncodesWhateverTheCaseAndPadding) {
  EXPECT_EQ(base32_decode("MZXW6YTBOI"), bytes_of("foobar"));
  EXPECT_EQ(base32_decode("mzxw6ytboi======"), bytes_of("foobar"));
  EXPECT_EQ(base32_decode("MZXW 6YTB OI"), bytes_of("foobar"));
  const auto secret = bytes_of("12345678901234567890");
  EXPECT_EQ(base32_decode(base32_encode(secret)), secret);
}

TEST(Base32Test, RefusesCharactersOutsideTheAlphabet) {
  EXPECT_FALSE(base32_decode("MZXW1").has_value());  // 1 is not base32
  EXPECT_FALSE(base32_decode("MZ-XW").has_value());
}

// RFC 4226 appendix D.
TEST(HotpTest, MatchesTheRfc4226Vectors) {
  const auto secret = bytes_of("12345678901234567890");
  const char* expected[] = {"755224", "287082", "359152", "969429", "338314",
                            "254676", "287922", "162583", "399871", "520489"};
  for (std::uint64_t counter = 0; counter < 10; ++counter) EXPECT_EQ(hotp(secret, counter), expected[counter]);
}

// RFC 6238 appendix B, SHA-1 rows: eight digits at the given Unix times.
TEST(TotpTest, MatchesTheRfc6238Vectors) {
  const auto secret = bytes_of("12345678901234567890");
  const std::pair<std::int64_t, const char*> vectors[] = {{59, "94287082"},         {1111111109, "07081804"},
                                                          {1111111111, "14050471"}, {1234567890, "89005924"},
                                                          {2000000000, "69279037"}, {20000000000, "65353130"}};
  // The last instant is beyond a nanosecond TimePoint (year 2603): its step is computed
  // by hand; totp_step is checked on the others.
  for (const auto& [seconds, code] : vectors) {
    EXPECT_EQ(hotp(secret, static_cast<std::uint64_t>(seconds / kTotpStepSeconds), 8), code) << seconds;
    if (seconds < 9'000'000'000) {
      EXPECT_EQ(totp_step(at_seconds(seconds)), seconds / kTotpStepSeconds);
    }
  }
}

TEST(TotpTest, AcceptsTheCurrentStepAndOneEitherSide) {
  const auto secret = bytes_of("12345678901234567890");
  const auto now = at_seconds(1234567890);
  const auto step = totp_step(now);
  for (std::int64_t drift : {-1, 0, 1}) {
    const auto code = hotp(secret, static_cast<std::uint64_t>(step + drift));
    EXPECT_EQ(match_totp(secret, code, now, 0), step + drift) << drift;
  }
  EXPECT_FALSE(match_totp(secret, hotp(secret, static_cast<std::uint64_t>(step - 2)), now, 0));
  EXPECT_FALSE(match_totp(secret, hotp(secret, static_cast<std::uint64_t>(step + 2)), now, 0));
}

TEST(TotpTest, ACodeIsNotAcceptedTwice) {
  const auto secret = bytes_of("12345678901234567890");
  const auto now = at_seconds(1234567890);
  const auto code = hotp(secret, static_cast<std::uint64_t>(totp_step(now)));
  const auto used = match_totp(secret, code, now, 0);
  ASSERT_TRUE(used);
  EXPECT_FALSE(match_totp(secret, code, now, *used));
  // Nor an older one once a newer was used.
  EXPECT_FALSE(match_totp(secret, hotp(secret, static_cast<std::uint64_t>(*used - 1)), now, *used));
}

TEST(TotpTest, RefusesCodesOfTheWrongShape) {
  const auto secret = bytes_of("12345678901234567890");
  const auto now = at_seconds(1234567890);
  const auto code = hotp(secret, static_cast<std::uint64_t>(totp_step(now)));
  EXPECT_FALSE(match_totp(secret, code + "0", now, 0));
  EXPECT_FALSE(match_totp(secret, code.substr(1), now, 0));
  EXPECT_FALSE(match_totp(secret, "", now, 0));
}

}  // namespace
}  // namespace atrium::access
