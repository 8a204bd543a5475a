#include "atrium/core/log.hpp"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <atomic>

#include "atrium/core/json_escape.hpp"

namespace atrium::log {

namespace {
std::atomic<bool> g_access_enabled{true};
Format g_format = Format::text;

constexpr const char* kJsonPattern = R"({"ts":"%Y-%m-%dT%H:%M:%S.%eZ",%v})";

std::shared_ptr<spdlog::logger> make_logger(const char* name, const char* pattern) {
  auto logger = std::make_shared<spdlog::logger>(name, std::make_shared<spdlog::sinks::stdout_sink_mt>());
  logger->set_pattern(pattern, spdlog::pattern_time_type::utc);
  return logger;
}

spdlog::logger& app_logger() {
  static auto logger = make_logger("atrium", "%Y-%m-%d %H:%M:%S %^%l%$ %v");
  return *logger;
}

spdlog::logger& access_logger() {
  // Access lines are JSON from the first one, configured or not.
  static auto logger = make_logger("access", kJsonPattern);
  return *logger;
}

spdlog::level::level_enum to_spdlog(Level level) {
  switch (level) {
    case Level::debug: return spdlog::level::debug;
    case Level::info: return spdlog::level::info;
    case Level::warn: return spdlog::level::warn;
    case Level::error: return spdlog::level::err;
  }
  return spdlog::level::info;
}

std::string_view level_name(Level level) {
  switch (level) {
    case Level::debug: return "debug";
    case Level::info: return "info";
    case Level::warn: return "warn";
    case Level::error: return "error";
  }
  return "info";
}
}  // namespace

void configure(Level level, Format format) {
  app_logger().set_level(to_spdlog(level));
  g_format = format;
  if (format == Format::json) {
    app_logger().set_pattern(kJsonPattern, spdlog::pattern_time_type::utc);
  } else {
    app_logger().set_pattern("%Y-%m-%d %H:%M:%S %^%l%$ %v", spdlog::pattern_time_type::utc);
  }
}

void write(Level level, std::string_view message) {
  if (g_format == Format::json) {
    app_logger().log(to_spdlog(level), R"("level":"{}","msg":"{}")", level_name(level), json_escape(message));
  } else {
    app_logger().log(to_spdlog(level), "{}", message);
  }
}

void access(std::string_view json_members) {
  if (g_access_enabled.load(std::memory_order_relaxed)) access_logger().info("{}", json_members);
}

void set_access_log_enabled(bool enabled) { g_access_enabled = enabled; }
bool access_log_enabled() { return g_access_enabled.load(std::memory_order_relaxed); }

void flush() {
  app_logger().flush();
  access_logger().flush();
}

}  // namespace atrium::log
