#include "atrium/http/dispatcher.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <stdexcept>

#include "atrium/core/log.hpp"

namespace atrium::http {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;

boost::json::value json_of(const Response& response) { return boost::json::parse(response.body); }

std::string error_code_of(const Response& response) {
  return std::string(json_of(response).at("error").at("code").as_string());
}

class DispatcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    log::set_access_log_enabled(false);
    router_.add(Method::get, "/api/v1/things/{id}", [this](Request& request) {
      ++handled_;
      return Response::json(200, R"({"id":")" + std::string(request.path_param("id")) + "\"}");
    });
    router_.add(Method::post, "/api/v1/things", [this](Request& request) {
      ++handled_;
      seen_json_ = request.json;
      return Response::json(201, "{}");
    });
    router_.add(Method::get, "/api/v1/broken", [](Request&) -> Response { throw std::runtime_error("bug"); });
    router_.add(Method::get, "/api/v1/odd", [](Request&) -> Response { throw 42; });
  }
  void TearDown() override { log::set_access_log_enabled(true); }

  Response send(Method method, std::string path, std::string body = {}, std::string content_type = {},
                std::string request_id = {}) {
    Request request;
    request.method = method;
    request.path = std::move(path);
    request.body = std::move(body);
    if (!content_type.empty()) request.headers.set("Content-Type", content_type);
    if (!request_id.empty()) request.headers.set("X-Request-Id", request_id);
    return dispatcher_.handle(request);
  }

  Router router_;
  Metrics metrics_;
  int handled_ = 0;
  int fallback_calls_ = 0;
  boost::json::value seen_json_;
  Dispatcher dispatcher_{router_, metrics_, [this](Request&) {
                           ++fallback_calls_;
                           return Response::text(200, "<html>", "text/html");
                         }};
};

TEST_F(DispatcherTest, RunsTheMatchingHandler) {
  const auto response = send(Method::get, "/api/v1/things/42");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, R"({"id":"42"})");
  EXPECT_EQ(handled_, 1);
}

TEST_F(DispatcherTest, AnUnknownApiRouteIsA404EnvelopeCarryingTheRequestId) {
  const auto response = send(Method::get, "/api/v1/nothing");
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.headers.get("Content-Type"), "application/json");
  const auto header = response.headers.get("X-Request-Id");
  ASSERT_TRUE(header.has_value());
  EXPECT_FALSE(header->empty());
  const auto body = json_of(response);
  EXPECT_EQ(body.at("error").at("code").as_string(), "NOT_FOUND");
  EXPECT_EQ(body.at("error").at("request_id").as_string(), *header);
}

TEST_F(DispatcherTest, AWrongMethodIsA405WithAllow) {
  const auto response = send(Method::del, "/api/v1/things/1");
  EXPECT_EQ(response.status, 405);
  EXPECT_EQ(error_code_of(response), "METHOD_NOT_ALLOWED");
  EXPECT_EQ(response.headers.get("Allow"), "GET");
  EXPECT_EQ(handled_, 0);
}

TEST_F(DispatcherTest, AJsonBodyReachesTheHandlerParsed) {
  const auto response = send(Method::post, "/api/v1/things", R"({"name":"x"})", "application/json; charset=utf-8");
  EXPECT_EQ(response.status, 201);
  ASSERT_TRUE(seen_json_.is_object());
  EXPECT_EQ(seen_json_.at("name").as_string(), "x");
}

TEST_F(DispatcherTest, AcceptsStructuredJsonMediaTypes) {
  const auto response = send(Method::post, "/api/v1/things", "{}", "application/merge-patch+json");
  EXPECT_EQ(response.status, 201);
}

TEST_F(DispatcherTest, MediaTypesCompareWithoutCase) {
  const auto response = send(Method::post, "/api/v1/things", "{}", "Application/JSON");
  EXPECT_EQ(response.status, 201);
}

TEST_F(DispatcherTest, MalformedJsonIs400NamingLineAndColumnAndSkipsTheHandler) {
  const auto response = send(Method::post, "/api/v1/things", "{\n  \"name\": }", "application/json");
  EXPECT_EQ(response.status, 400);
  const auto body = json_of(response);
  EXPECT_EQ(body.at("error").at("code").as_string(), "MALFORMED_JSON");
  EXPECT_THAT(std::string(body.at("error").at("message").as_string()), HasSubstr("line 2, column 11"));
  EXPECT_EQ(handled_, 0);
}

TEST_F(DispatcherTest, ABodyThatIsNotJsonIs415AndSkipsTheHandler) {
  const auto response = send(Method::post, "/api/v1/things", "name=x", "application/x-www-form-urlencoded");
  EXPECT_EQ(response.status, 415);
  EXPECT_EQ(error_code_of(response), "UNSUPPORTED_MEDIA_TYPE");
  EXPECT_EQ(handled_, 0);
}

TEST_F(DispatcherTest, ABodyWithoutContentTypeIs415) {
  const auto response = send(Method::post, "/api/v1/things", R"({"name":"x"})");
  EXPECT_EQ(response.status, 415);
  EXPECT_EQ(handled_, 0);
}

TEST_F(DispatcherTest, AnEmptyBodyNeedsNoContentType) {
  const auto response = send(Method::post, "/api/v1/things");
  EXPECT_EQ(response.status, 201);
  EXPECT_TRUE(seen_json_.is_null());
}

TEST_F(DispatcherTest, AHandlerThatThrowsIs500AndTheNextRequestStillWorks) {
  const auto failed = send(Method::get, "/api/v1/broken");
  EXPECT_EQ(failed.status, 500);
  EXPECT_EQ(error_code_of(failed), "INTERNAL_ERROR");
  EXPECT_THAT(failed.body, ::testing::Not(HasSubstr("bug")));  // internals stay in the log
  const auto odd = send(Method::get, "/api/v1/odd");
  EXPECT_EQ(odd.status, 500);
  EXPECT_EQ(send(Method::get, "/api/v1/things/1").status, 200);
}

TEST_F(DispatcherTest, TheFallbackAnswersGetAndHeadOutsideTheApi) {
  EXPECT_EQ(send(Method::get, "/accounts/123").body, "<html>");
  EXPECT_EQ(send(Method::head, "/").status, 200);
  EXPECT_EQ(fallback_calls_, 2);
}

TEST_F(DispatcherTest, TheFallbackNeverAnswersApiPaths) {
  EXPECT_EQ(send(Method::get, "/api/v2/anything").status, 404);
  EXPECT_EQ(send(Method::get, "/api").status, 404);
  EXPECT_EQ(send(Method::get, "/api/").status, 404);
  EXPECT_EQ(fallback_calls_, 0);
}

TEST_F(DispatcherTest, TheFallbackNeverAnswersOtherMethods) {
  EXPECT_EQ(send(Method::post, "/accounts", "{}", "application/json").status, 404);
  EXPECT_EQ(fallback_calls_, 0);
}

TEST_F(DispatcherTest, ASaneClientRequestIdIsEchoed) {
  const auto response = send(Method::get, "/api/v1/nothing", {}, {}, "client-42_a.b");
  EXPECT_EQ(response.headers.get("X-Request-Id"), "client-42_a.b");
  EXPECT_EQ(json_of(response).at("error").at("request_id").as_string(), "client-42_a.b");
}

TEST_F(DispatcherTest, AnInsaneClientRequestIdIsReplaced) {
  for (const std::string& given :
       std::vector<std::string>{"has space", "quote\"", std::string(65, 'a'), "new\nline", "semi;colon"}) {
    const auto response = send(Method::get, "/api/v1/things/1", {}, {}, given);
    const auto header = response.headers.get("X-Request-Id");
    ASSERT_TRUE(header.has_value());
    EXPECT_NE(*header, given);
    EXPECT_THAT(std::string(*header), MatchesRegex("[0-9a-f]{16}"));
  }
}

TEST_F(DispatcherTest, EachRequestGetsItsOwnId) {
  const auto first = send(Method::get, "/api/v1/things/1");
  const auto second = send(Method::get, "/api/v1/things/1");
  EXPECT_NE(first.headers.get("X-Request-Id"), second.headers.get("X-Request-Id"));
}

TEST_F(DispatcherTest, RecordsMetricsByRoutePattern) {
  (void)send(Method::get, "/api/v1/things/1");
  (void)send(Method::get, "/api/v1/things/2");
  (void)send(Method::get, "/api/v1/nothing");
  const auto text = metrics_.render();
  EXPECT_THAT(text, HasSubstr(R"(atrium_http_requests_total{route="/api/v1/things/{id}",method="GET",status="200"} 2)"));
  EXPECT_THAT(text, HasSubstr(R"(atrium_http_requests_total{route="unmatched",method="GET",status="404"} 1)"));
}

TEST_F(DispatcherTest, EveryAnswerCarriesTheSecurityHeaders) {
  // A handler's answer, a 404, a 405, a 500 and the web app's fallback alike.
  for (const auto& response : {send(Method::get, "/api/v1/things/1"), send(Method::get, "/api/v1/nothing"),
                               send(Method::del, "/api/v1/things/1"), send(Method::get, "/api/v1/broken"),
                               send(Method::get, "/contacts")}) {
    EXPECT_THAT(std::string(response.headers.get("Content-Security-Policy").value_or("")),
                HasSubstr("frame-ancestors 'none'"))
        << response.status;
    EXPECT_THAT(std::string(response.headers.get("Content-Security-Policy").value_or("")),
                HasSubstr("default-src 'self'"));
    EXPECT_EQ(response.headers.get("X-Content-Type-Options").value_or(""), "nosniff");
    EXPECT_EQ(response.headers.get("X-Frame-Options").value_or(""), "DENY");
    EXPECT_EQ(response.headers.get("Referrer-Policy").value_or(""), "same-origin");
  }
}

}  // namespace
}  // namespace atrium::http
