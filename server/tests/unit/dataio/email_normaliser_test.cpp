#include "atrium/dataio/email_normaliser.hpp"

#include <gtest/gtest.h>

namespace atrium::dataio {
namespace {

TEST(EmailNormaliser, TrimsAndLowerCases) {
  EXPECT_EQ(normalise_email("  Info@ACME.Example \t"), "info@acme.example");
  EXPECT_EQ(normalise_email("mailto:Sales@Acme.example"), "sales@acme.example");
}

TEST(EmailNormaliser, RefusesWhatIsNoAddress) {
  EXPECT_EQ(normalise_email(""), "");
  EXPECT_EQ(normalise_email("   "), "");
  EXPECT_EQ(normalise_email("no address"), "");
  EXPECT_EQ(normalise_email("@acme.example"), "");
  EXPECT_EQ(normalise_email("info@"), "");
}

}  // namespace
}  // namespace atrium::dataio
