#include "atrium/http/response.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "atrium/core/result.hpp"

namespace atrium::http {
namespace {

TEST(ResponseTest, JsonSetsStatusContentTypeAndBody) {
  const auto response = Response::json(201, R"({"id":"1"})");
  EXPECT_EQ(response.status, 201);
  EXPECT_EQ(response.headers.get("Content-Type"), "application/json");
  EXPECT_EQ(response.body, R"({"id":"1"})");
  EXPECT_FALSE(response.event_stream);
  EXPECT_FALSE(response.close_connection);
}

TEST(ResponseTest, TextSetsTheGivenContentType) {
  const auto response = Response::text(200, "hello", "text/plain; charset=utf-8");
  EXPECT_EQ(response.headers.get("content-type"), "text/plain; charset=utf-8");
  EXPECT_EQ(response.body, "hello");
}

TEST(ResponseTest, ErrorHasExactlyTheDocumentedShape) {
  const Error error{ErrorCode::validation_failed,
                    "the account is not valid",
                    {{"name", "FIELD_REQUIRED", "a name is required"}, {"email", "FIELD_INVALID", "not an \"email\""}}};
  const auto response = Response::error(error, "req-1");
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(response.headers.get("Content-Type"), "application/json");
  const auto expected = boost::json::parse(R"({"error":{
      "code":"VALIDATION_FAILED",
      "message":"the account is not valid",
      "fields":[{"field":"name","code":"FIELD_REQUIRED","message":"a name is required"},
                {"field":"email","code":"FIELD_INVALID","message":"not an \"email\""}],
      "request_id":"req-1"}})");
  EXPECT_EQ(boost::json::parse(response.body), expected) << response.body;
}

TEST(ResponseTest, ErrorWithoutFieldsHasAnEmptyList) {
  const auto response = Response::error(make_error(ErrorCode::not_found, "no such account"), "r");
  EXPECT_EQ(response.status, 404);
  const auto expected =
      boost::json::parse(R"({"error":{"code":"NOT_FOUND","message":"no such account","fields":[],"request_id":"r"}})");
  EXPECT_EQ(boost::json::parse(response.body), expected);
}

TEST(ResponseTest, ErrorStatusFollowsTheCode) {
  EXPECT_EQ(Response::error(make_error(ErrorCode::version_conflict, ""), "r").status, 412);
  EXPECT_EQ(Response::error(make_error(ErrorCode::payload_too_large, ""), "r").status, 413);
  EXPECT_EQ(Response::error(make_error(ErrorCode::internal_error, ""), "r").status, 500);
}

TEST(ErrorBodyTest, IsTheSameBodyResponseErrorSends) {
  const auto error = make_error(ErrorCode::payload_too_large, "too big");
  EXPECT_EQ(error_body(error, "x"), Response::error(error, "x").body);
}

}  // namespace
}  // namespace atrium::http
