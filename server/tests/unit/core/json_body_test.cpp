#include "atrium/core/json_body.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>

namespace atrium {
namespace {

std::string nested_arrays(int depth) { return std::string(depth, '[') + std::string(depth, ']'); }

TEST(ParseJsonTest, ParsesEveryKindOfValue) {
  auto parsed = parse_json(R"({"text":"é","number":2.5,"integer":-3,"list":[true,false,null],"object":{}})");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  const auto& object = parsed->as_object();
  EXPECT_EQ(object.at("text").as_string(), "é");
  EXPECT_DOUBLE_EQ(object.at("number").as_double(), 2.5);
  EXPECT_EQ(object.at("integer").as_int64(), -3);
  EXPECT_EQ(object.at("list").as_array().size(), 3U);
  EXPECT_TRUE(object.at("list").as_array()[2].is_null());
  EXPECT_TRUE(object.at("object").as_object().empty());
}

TEST(ParseJsonTest, ParsesScalarsAtTheTop) {
  auto number = parse_json("42");
  ASSERT_TRUE(number.ok());
  EXPECT_EQ(number->as_int64(), 42);
  auto text = parse_json(R"("x")");
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(text->as_string(), "x");
}

TEST(ParseJsonTest, NamesLineAndColumnOfABreakOnLineTwo) {
  // The stray comma is the 8th character of the second line.
  auto parsed = parse_json("{\n  \"a\": ,\n  \"b\": 1\n}");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().code, ErrorCode::malformed_json);
  EXPECT_NE(parsed.error().message.find("line 2, column 8"), std::string::npos) << parsed.error().message;
}

TEST(ParseJsonTest, NamesTheFirstLineForABreakOnIt) {
  auto parsed = parse_json("[1, }");
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.error().message.find("line 1, column 5"), std::string::npos) << parsed.error().message;
}

TEST(ParseJsonTest, RejectsTrailingJunk) {
  for (const char* text : {R"({"a":1} x)", R"({"a":1}{"b":2})", "1 2", "[] ,"}) {
    auto parsed = parse_json(text);
    ASSERT_FALSE(parsed.ok()) << text;
    EXPECT_EQ(parsed.error().code, ErrorCode::malformed_json) << text;
  }
}

TEST(ParseJsonTest, PointsAtTheTrailingJunk) {
  auto parsed = parse_json("{}\n  oops");
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.error().message.find("line 2, column 3"), std::string::npos) << parsed.error().message;
}

TEST(ParseJsonTest, AcceptsTrailingWhitespace) {
  auto parsed = parse_json("{\"a\":1} \n\t\r\n  ");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed->as_object().at("a").as_int64(), 1);
}

TEST(ParseJsonTest, AcceptsThirtyTwoLevelsOfNesting) {
  auto parsed = parse_json(nested_arrays(32));
  EXPECT_TRUE(parsed.ok()) << parsed.error().message;
}

TEST(ParseJsonTest, RejectsThirtyThreeLevelsOfNesting) {
  auto parsed = parse_json(nested_arrays(33));
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().code, ErrorCode::malformed_json);
}

TEST(ParseJsonTest, RejectsDeepObjectsToo) {
  std::string text;
  for (int i = 0; i < 33; ++i) text += "{\"a\":";
  text += "1" + std::string(33, '}');
  EXPECT_FALSE(parse_json(text).ok());
}

TEST(ParseJsonTest, RejectsEmptyAndTruncatedText) {
  for (const char* text : {"", "   ", "{\"a\":", "[1,2", "\"open"}) {
    auto parsed = parse_json(text);
    ASSERT_FALSE(parsed.ok()) << "'" << text << "'";
    EXPECT_EQ(parsed.error().code, ErrorCode::malformed_json);
  }
}

TEST(ParseJsonTest, RejectsCommentsAndInvalidUtf8) {
  EXPECT_FALSE(parse_json("// note\n{}").ok());
  EXPECT_FALSE(parse_json("\"\xff\xfe\"").ok());
}

}  // namespace
}  // namespace atrium
