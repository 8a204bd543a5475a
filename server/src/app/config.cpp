#include "atrium/app/config.hpp"

#include <fmt/format.h>

namespace atrium::app {

std::filesystem::path find_web_root(const std::string& configured, const std::filesystem::path& executable) {
  if (!configured.empty()) return configured;
  std::error_code ignored;
  const auto beside_build = std::filesystem::weakly_canonical(executable, ignored).parent_path() / ".." / "web" / "dist";
  if (std::filesystem::is_directory(beside_build, ignored)) return beside_build.lexically_normal();
  return std::filesystem::current_path(ignored) / "web" / "dist";
}

std::filesystem::path files_directory(const ServeConfig& config) {
  if (!config.files_directory.empty()) return config.files_directory;
  const std::string& url = config.database_url;
  if (url.starts_with("sqlite:") && url != "sqlite::memory:") {
    const std::filesystem::path file(url.substr(7));
    return (file.has_parent_path() ? file.parent_path() : std::filesystem::path(".")) / "files";
  }
  return std::filesystem::path("var") / "files";
}

Result<void> prepare_database_location(const std::string& database_url) {
  if (!database_url.starts_with("sqlite:")) return {};
  const std::filesystem::path file(database_url.substr(7));
  if (!file.has_parent_path()) return {};
  std::error_code error;
  std::filesystem::create_directories(file.parent_path(), error);
  if (error) {
    return make_error(ErrorCode::database_unavailable,
                      fmt::format("cannot create {}: {}", file.parent_path().string(), error.message()));
  }
  return {};
}

}  // namespace atrium::app
