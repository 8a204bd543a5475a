#include "atrium/http/router.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>

namespace atrium::http {
namespace {

using ::testing::UnorderedElementsAre;

Handler answering(int status) {
  return [status](Request&) { return Response::json(status, "{}"); };
}

Request request_for(Method method, std::string path) {
  Request request;
  request.method = method;
  request.path = std::move(path);
  return request;
}

class RouterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router_.add(Method::get, "/api/v1/accounts", answering(200));
    router_.add(Method::post, "/api/v1/accounts", answering(201));
    router_.add(Method::get, "/api/v1/accounts/{id}", answering(202));
    router_.add(Method::get, "/api/v1/accounts/{account}/contacts/{contact}", answering(203));
    router_.add(Method::get, "/", answering(204));
  }

  int status_of(const Match& match) {
    Request ignored;
    return match.route->handler(ignored).status;
  }

  Router router_;
};

TEST_F(RouterTest, MatchesAStaticPath) {
  auto request = request_for(Method::get, "/api/v1/accounts");
  const auto match = router_.match(request);
  ASSERT_EQ(match.kind, MatchKind::found);
  EXPECT_EQ(match.route->pattern, "/api/v1/accounts");
  EXPECT_EQ(status_of(match), 200);
  EXPECT_TRUE(request.path_params.empty());
}

TEST_F(RouterTest, PicksTheRouteOfTheRequestMethod) {
  auto request = request_for(Method::post, "/api/v1/accounts");
  const auto match = router_.match(request);
  ASSERT_EQ(match.kind, MatchKind::found);
  EXPECT_EQ(status_of(match), 201);
}

TEST_F(RouterTest, FillsPathParameters) {
  auto request = request_for(Method::get, "/api/v1/accounts/A1/contacts/C2");
  const auto match = router_.match(request);
  ASSERT_EQ(match.kind, MatchKind::found);
  EXPECT_EQ(match.route->pattern, "/api/v1/accounts/{account}/contacts/{contact}");
  EXPECT_EQ(request.path_param("account"), "A1");
  EXPECT_EQ(request.path_param("contact"), "C2");
}

TEST_F(RouterTest, AParameterNeverMatchesAnEmptySegment) {
  auto request = request_for(Method::get, "/api/v1/accounts/");
  EXPECT_EQ(router_.match(request).kind, MatchKind::none);
}

TEST_F(RouterTest, SegmentCountsMustAgree) {
  auto longer = request_for(Method::get, "/api/v1/accounts/1/extra");
  EXPECT_EQ(router_.match(longer).kind, MatchKind::none);
  auto shorter = request_for(Method::get, "/api/v1");
  EXPECT_EQ(router_.match(shorter).kind, MatchKind::none);
}

TEST_F(RouterTest, MatchesTheRoot) {
  auto request = request_for(Method::get, "/");
  const auto match = router_.match(request);
  ASSERT_EQ(match.kind, MatchKind::found);
  EXPECT_EQ(status_of(match), 204);
}

TEST_F(RouterTest, HeadMatchesGet) {
  auto request = request_for(Method::head, "/api/v1/accounts/7");
  const auto match = router_.match(request);
  ASSERT_EQ(match.kind, MatchKind::found);
  EXPECT_EQ(match.route->method, Method::get);
  EXPECT_EQ(request.path_param("id"), "7");
}

TEST_F(RouterTest, AWrongMethodListsTheAllowedOnes) {
  auto request = request_for(Method::del, "/api/v1/accounts");
  const auto match = router_.match(request);
  EXPECT_EQ(match.kind, MatchKind::wrong_method);
  EXPECT_THAT(match.allowed, UnorderedElementsAre(Method::get, Method::post));
}

TEST_F(RouterTest, AnUnknownPathMatchesNothing) {
  auto request = request_for(Method::get, "/api/v1/nothing");
  const auto match = router_.match(request);
  EXPECT_EQ(match.kind, MatchKind::none);
  EXPECT_EQ(match.route, nullptr);
  EXPECT_TRUE(match.allowed.empty());
}

TEST_F(RouterTest, SegmentsCompareExactly) {
  auto request = request_for(Method::get, "/API/v1/accounts");
  EXPECT_EQ(router_.match(request).kind, MatchKind::none);
}

TEST(RouterPatternTest, APatternMustStartWithASlash) {
  Router router;
  EXPECT_THROW(router.add(Method::get, "api/v1", answering(200)), std::invalid_argument);
  EXPECT_THROW(router.add(Method::get, "", answering(200)), std::invalid_argument);
}

TEST(RouterPatternTest, ALaterRouteOfTheRightMethodWinsOverAnEarlierWrongOne) {
  Router router;
  router.add(Method::post, "/things/{id}", answering(201));
  router.add(Method::get, "/things/{id}", answering(200));
  auto request = request_for(Method::get, "/things/1");
  const auto match = router.match(request);
  ASSERT_EQ(match.kind, MatchKind::found);
  EXPECT_EQ(match.route->method, Method::get);
}

}  // namespace
}  // namespace atrium::http
