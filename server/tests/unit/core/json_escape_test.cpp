#include "atrium/core/json_escape.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>

namespace atrium {
namespace {

TEST(JsonEscapeTest, EscapesQuotesAndBackslashes) { EXPECT_EQ(json_escape(R"(say "hi" \o/)"), R"(say \"hi\" \\o/)"); }

TEST(JsonEscapeTest, EscapesCommonControlCharactersShort) { EXPECT_EQ(json_escape("a\nb\rc\td"), R"(a\nb\rc\td)"); }

TEST(JsonEscapeTest, EscapesOtherControlCharactersAsUnicode) {
  EXPECT_EQ(json_escape(std::string("\x01", 1)), R"(\u0001)");
  EXPECT_EQ(json_escape(std::string("\x1f", 1)), R"(\u001f)");
  EXPECT_EQ(json_escape(std::string("\0", 1)), R"(\u0000)");
  EXPECT_EQ(json_escape("\b\f"), R"(\u0008\u000c)");
}

TEST(JsonEscapeTest, LeavesUtf8AndPrintableTextAlone) {
  EXPECT_EQ(json_escape("Grüße, 東京 🙂 / <tag> \x7f"), "Grüße, 東京 🙂 / <tag> \x7f");
}

TEST(JsonEscapeTest, EveryAsciiCharacterRoundTripsThroughAJsonParser) {
  std::string all;
  for (int c = 0; c < 128; ++c) all.push_back(static_cast<char>(c));
  const auto parsed = boost::json::parse("\"" + json_escape(all) + "\"");
  EXPECT_EQ(parsed.as_string(), boost::json::string_view(all));
}

}  // namespace
}  // namespace atrium
