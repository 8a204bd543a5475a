#include "atrium/http/request.hpp"

#include <gtest/gtest.h>

namespace atrium::http {
namespace {

Request with_query(const std::string& query_string) {
  Request request;
  request.query_string = query_string;
  return request;
}

TEST(ParseTargetTest, SplitsPathAndQuery) {
  auto target = parse_target("/api/v1/accounts?limit=10&after=abc");
  ASSERT_TRUE(target.has_value());
  EXPECT_EQ(target->path, "/api/v1/accounts");
  EXPECT_EQ(target->query_string, "limit=10&after=abc");
}

TEST(ParseTargetTest, DecodesThePathButLeavesTheQueryEncoded) {
  auto target = parse_target("/files/a%20b%C3%A9?q=x%26y");
  ASSERT_TRUE(target.has_value());
  EXPECT_EQ(target->path, "/files/a bé");
  EXPECT_EQ(target->query_string, "q=x%26y");
}

TEST(ParseTargetTest, APathWithoutQueryHasAnEmptyQueryString) {
  auto target = parse_target("/");
  ASSERT_TRUE(target.has_value());
  EXPECT_EQ(target->path, "/");
  EXPECT_EQ(target->query_string, "");
}

TEST(ParseTargetTest, RejectsInvalidTargets) {
  EXPECT_FALSE(parse_target("/a%zz").has_value());
  EXPECT_FALSE(parse_target("/a%2").has_value());
  EXPECT_FALSE(parse_target("no-slash").has_value());
  EXPECT_FALSE(parse_target("http://example.org/absolute").has_value());
  EXPECT_FALSE(parse_target("/with space").has_value());
  EXPECT_FALSE(parse_target("").has_value());
}

TEST(RequestQueryTest, ReturnsTheDecodedFirstOccurrence) {
  const auto request = with_query("name=J%C3%BCrgen&tag=a&tag=b&sign=x%26y%3Dz");
  EXPECT_EQ(request.query("name"), "Jürgen");
  EXPECT_EQ(request.query("tag"), "a");
  EXPECT_EQ(request.query("sign"), "x&y=z");
}

TEST(RequestQueryTest, MissingParametersAreAbsentAndEmptyOnesAreEmpty) {
  const auto request = with_query("empty=&flag");
  EXPECT_FALSE(request.query("missing").has_value());
  EXPECT_EQ(request.query("empty"), "");
  EXPECT_EQ(request.query("flag"), "");
  EXPECT_FALSE(with_query("").query("anything").has_value());
}

TEST(RequestPathParamTest, ReturnsTheValueOrEmpty) {
  Request request;
  request.path_params["id"] = "42";
  EXPECT_EQ(request.path_param("id"), "42");
  EXPECT_EQ(request.path_param("other"), "");
}

TEST(MethodTest, ParsesAndNamesEveryMethod) {
  for (auto method : {Method::get, Method::head, Method::post, Method::put, Method::patch, Method::del,
                      Method::options}) {
    EXPECT_EQ(parse_method(method_name(method)), method) << method_name(method);
  }
  EXPECT_EQ(method_name(Method::del), "DELETE");
  EXPECT_EQ(parse_method("get"), Method::other);  // methods are case-sensitive
  EXPECT_EQ(parse_method("BREW"), Method::other);
}

}  // namespace
}  // namespace atrium::http
