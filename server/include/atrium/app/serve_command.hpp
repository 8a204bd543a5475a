#pragma once
#include <filesystem>

#include "atrium/app/config.hpp"

namespace atrium::app {

// `atrium serve`: migrate, set up on first start (with demo data unless switched off),
// serve until SIGTERM/SIGINT. Returns the process exit code.
int run_serve(const ServeConfig& config, const std::filesystem::path& executable, const std::string& version);

}  // namespace atrium::app
