#include "atrium/storage/value.hpp"

#include <gtest/gtest.h>

namespace atrium::storage {
namespace {

TEST(ValueTest, KnowsItsKind) {
  EXPECT_TRUE(Value().is_null());
  EXPECT_TRUE(Value(nullptr).is_null());
  EXPECT_TRUE(Value(3).is_integer());
  EXPECT_TRUE(Value(std::int64_t{3}).is_integer());
  EXPECT_TRUE(Value(2.5).is_real());
  EXPECT_TRUE(Value("x").is_text());
  EXPECT_TRUE(Value(std::string_view("x")).is_text());
  EXPECT_TRUE(Value(Blob{{1}}).is_blob());
}

TEST(ValueTest, EqualityComparesKindAndContent) {
  EXPECT_EQ(Value(1), Value(std::int64_t{1}));
  EXPECT_NE(Value(1), Value(1.0));
  EXPECT_NE(Value("1"), Value(1));
  EXPECT_EQ(Value(Blob{{1, 2}}), Value(Blob{{1, 2}}));
  EXPECT_NE(Value(Blob{{1, 2}}), Value(Blob{{2, 1}}));
}

TEST(ValueTest, CanonicalTextOfEachKind) {
  EXPECT_EQ(Value().to_canonical_text(), "\\N");
  EXPECT_EQ(Value(-42).to_canonical_text(), "-42");
  EXPECT_EQ(Value(std::int64_t{9007199254740993}).to_canonical_text(), "9007199254740993");
  EXPECT_EQ(Value(2.5).to_canonical_text(), "2.5");
  EXPECT_EQ(Value("héllo").to_canonical_text(), "héllo");
  EXPECT_EQ(Value(Blob{{0x00, 0xab, 0xff}}).to_canonical_text(), "\\x00abff");
}

TEST(ValueTest, CanonicalTextOfARealKeepsFullPrecision) {
  // The shortest text that reads back as the same double: 0.1 + 0.2 is not 0.3.
  EXPECT_EQ(Value(0.1 + 0.2).to_canonical_text(), "0.30000000000000004");
}

}  // namespace
}  // namespace atrium::storage
