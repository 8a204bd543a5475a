#include "atrium/core/log.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace atrium {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

// Logging is process-wide: each test starts configured as `atrium serve` configures it
// (text for people, the access log on) and puts that back.
class LogTest : public ::testing::Test {
 protected:
  void SetUp() override { log::configure(log::Level::info, log::Format::text); }
  void TearDown() override {
    log::configure(log::Level::info, log::Format::text);
    log::set_access_log_enabled(true);
  }

  // What `emit` wrote to standard output, line by line.
  template <class Emit>
  std::vector<std::string> captured(Emit emit) {
    ::testing::internal::CaptureStdout();
    emit();
    log::flush();
    return lines_of(::testing::internal::GetCapturedStdout());
  }
};

TEST_F(LogTest, JsonLinesAreJsonObjectsWithLevelAndMessage) {
  log::configure(log::Level::info, log::Format::json);
  const auto lines = captured([] { log::warn("disk {} is \"full\"", 1); });
  ASSERT_EQ(lines.size(), 1U);
  boost::system::error_code ec;
  const auto parsed = boost::json::parse(lines[0], ec);
  ASSERT_FALSE(ec) << "not JSON: " << lines[0];
  EXPECT_EQ(parsed.at("level").as_string(), "warn");
  EXPECT_EQ(parsed.at("msg").as_string(), "disk 1 is \"full\"");
  EXPECT_TRUE(parsed.at("ts").is_string());
}

TEST_F(LogTest, AccessLinesAreJsonObjects) {
  const auto lines = captured([] { log::access(R"("request_id":"r1","status":200)"); });
  ASSERT_EQ(lines.size(), 1U);
  boost::system::error_code ec;
  const auto parsed = boost::json::parse(lines[0], ec);
  ASSERT_FALSE(ec) << "not JSON: " << lines[0];
  EXPECT_EQ(parsed.at("request_id").as_string(), "r1");
  EXPECT_EQ(parsed.at("status").as_int64(), 200);
}

TEST_F(LogTest, DisabledAccessLogWritesNothing) {
  log::set_access_log_enabled(false);
  EXPECT_FALSE(log::access_log_enabled());
  const auto lines = captured([] { log::access(R"("request_id":"r1")"); });
  EXPECT_TRUE(lines.empty());
}

TEST_F(LogTest, MessagesBelowTheLevelAreDropped) {
  log::configure(log::Level::warn, log::Format::text);
  const auto lines = captured([] {
    log::info("quiet");
    log::error("loud");
  });
  ASSERT_EQ(lines.size(), 1U);
  EXPECT_THAT(lines[0], ::testing::HasSubstr("loud"));
}

}  // namespace
}  // namespace atrium
