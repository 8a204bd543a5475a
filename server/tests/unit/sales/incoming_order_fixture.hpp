#pragma once
// The incoming-order tests read their example files from server/tests/fixtures/, found
// from the working directory upwards: ctest runs the tests inside the build tree, a
// person may run them from the checkout's root.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace atrium::sales::testing {

inline std::string read_order_fixture(const std::string& relative_path) {
  const std::filesystem::path wanted = std::filesystem::path("server/tests/fixtures") / relative_path;
  for (auto directory = std::filesystem::current_path();; directory = directory.parent_path()) {
    const auto candidate = directory / wanted;
    if (std::filesystem::exists(candidate)) {
      std::ifstream file(candidate, std::ios::binary);
      std::stringstream bytes;
      bytes << file.rdbuf();
      return bytes.str();
    }
    if (directory == directory.parent_path()) break;
  }
  return {};
}

}  // namespace atrium::sales::testing
