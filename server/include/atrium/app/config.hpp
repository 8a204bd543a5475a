#pragma once
// Settings shared by the commands. Sources, strongest first: flags, the config file
// (--config, TOML/INI), ATRIUM_* environment variables, defaults.
#include <filesystem>
#include <string>

#include "atrium/core/log.hpp"
#include "atrium/core/result.hpp"
#include "atrium/http/server.hpp"

namespace atrium::app {

inline constexpr const char* kDefaultDatabaseUrl = "sqlite:var/atrium.db";

struct ServeConfig {
  std::string database_url = kDefaultDatabaseUrl;
  http::ServerOptions server;
  std::string web_root;  // empty: next to the binary (../web/dist), then ./web/dist
  // Uploads and generated files; empty: files/ beside a SQLite database, else var/files.
  std::string files_directory;
  bool load_demo = true;
  bool access_log = true;
  log::Format log_format = log::Format::text;
  int read_connections = 0;  // 0: one per worker thread
  // The address users reach Atrium at, when a proxy in front terminates TLS: an https
  // URL makes session cookies Secure.
  std::string public_url;
  // Sessions end after this long without a request, and this long after sign-in anyway.
  int session_idle_minutes = 30;
  int session_absolute_hours = 12;
  // Passwords on this list are refused (john-data's list; missing: length only).
  std::string common_password_file = "/usr/share/john/password.lst";
  // A folder of more entity definitions (site-specific or test-only entities); empty: none.
  std::string extra_definitions;
  // Background jobs: worker threads (-1: one per core; 0: this process runs none), how
  // long a claimed job stays a worker's before another may retry it, and how long done
  // jobs are kept.
  int job_workers = -1;
  int job_lease_seconds = 300;
  int job_retention_days = 7;
  // Tests only: POST /api/v1/test/clock moves the server's clock.
  bool test_clock = false;
};

// The built web app: an explicit root, else web/dist beside the build tree or below the
// working directory.
std::filesystem::path find_web_root(const std::string& configured, const std::filesystem::path& executable);

// Where uploads and generated files go: the configured folder, else files/ beside a SQLite
// database (so each database keeps its own), else var/files.
std::filesystem::path files_directory(const ServeConfig& config);

// Creates the folder of a SQLite database file, so `sqlite:var/atrium.db` works on a
// fresh checkout.
Result<void> prepare_database_location(const std::string& database_url);

}  // namespace atrium::app
