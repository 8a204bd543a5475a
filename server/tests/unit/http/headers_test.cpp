#include "atrium/http/headers.hpp"

#include <gtest/gtest.h>

namespace atrium::http {
namespace {

TEST(HeadersTest, GetIgnoresTheCaseOfNames) {
  Headers headers;
  headers.add("Content-Type", "application/json");
  EXPECT_EQ(headers.get("content-type"), "application/json");
  EXPECT_EQ(headers.get("CONTENT-TYPE"), "application/json");
  EXPECT_FALSE(headers.get("Content-Length").has_value());
}

TEST(HeadersTest, GetReturnsTheFirstOfRepeatedFields) {
  Headers headers;
  headers.add("Set-Cookie", "a=1");
  headers.add("set-cookie", "b=2");
  EXPECT_EQ(headers.get("Set-Cookie"), "a=1");
  EXPECT_EQ(headers.fields().size(), 2U);
}

TEST(HeadersTest, SetReplacesEveryFieldOfThatNameWhateverItsCase) {
  Headers headers;
  headers.add("X-Thing", "one");
  headers.add("Other", "kept");
  headers.add("x-thing", "two");
  headers.set("X-THING", "three");
  ASSERT_EQ(headers.fields().size(), 2U);
  EXPECT_EQ(headers.get("x-thing"), "three");
  EXPECT_EQ(headers.get("Other"), "kept");
}

TEST(HeadersTest, KeepsArrivalOrder) {
  Headers headers;
  headers.add("B", "2");
  headers.add("A", "1");
  EXPECT_EQ(headers.fields()[0].first, "B");
  EXPECT_EQ(headers.fields()[1].first, "A");
}

TEST(IequalsTest, ComparesAsciiWithoutCase) {
  EXPECT_TRUE(iequals("Accept-Encoding", "accept-ENCODING"));
  EXPECT_FALSE(iequals("Accept", "Accept-Encoding"));
  EXPECT_FALSE(iequals("a-b", "a_b"));
  EXPECT_TRUE(iequals("", ""));
}

}  // namespace
}  // namespace atrium::http
