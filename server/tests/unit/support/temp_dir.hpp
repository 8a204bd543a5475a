#pragma once
// A fresh folder under the system's temporary directory, removed with everything in it
// when the test ends.
#include <filesystem>
#include <memory>
#include <string>

#include "atrium/core/id.hpp"
#include "atrium/storage/database.hpp"

namespace atrium::testing {

class TempDir {
 public:
  TempDir() : path_(std::filesystem::temp_directory_path() / ("atrium-unit-" + random_hex(8))) {
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// A SQLite database in `dir`; aborts the test with the error when it cannot be opened.
inline std::unique_ptr<storage::Database> open_sqlite(const TempDir& dir, const std::string& name = "test.db") {
  auto database = storage::open_database("sqlite:" + dir.file(name));
  if (!database) throw std::runtime_error("cannot open test database: " + database.error().message);
  return std::move(*database);
}

}  // namespace atrium::testing
