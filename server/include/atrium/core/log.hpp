#pragma once
// The one logging entry point. spdlog stays behind this header (it costs seconds per
// file that includes it); fmt's core header is cheap.
#include <fmt/core.h>

#include <string>
#include <string_view>

namespace atrium::log {

enum class Level { debug, info, warn, error };

// Format: JSON lines (for machines) or plain text (for people at a terminal).
enum class Format { json, text };

void configure(Level level, Format format);
void write(Level level, std::string_view message);
// One access-log line: the JSON members after the timestamp, without braces
// (`"request_id":"…","status":200`); the logger adds `{"ts":…,` and `}`.
void access(std::string_view json_members);
void set_access_log_enabled(bool enabled);
bool access_log_enabled();
void flush();

template <class... Args>
void info(fmt::format_string<Args...> format, Args&&... args) {
  write(Level::info, fmt::format(format, std::forward<Args>(args)...));
}
template <class... Args>
void warn(fmt::format_string<Args...> format, Args&&... args) {
  write(Level::warn, fmt::format(format, std::forward<Args>(args)...));
}
template <class... Args>
void error(fmt::format_string<Args...> format, Args&&... args) {
  write(Level::error, fmt::format(format, std::forward<Args>(args)...));
}
template <class... Args>
void debug(fmt::format_string<Args...> format, Args&&... args) {
  write(Level::debug, fmt::format(format, std::forward<Args>(args)...));
}

}  // namespace atrium::log
