#pragma once
// Deterministic demo data: the same flags give the same rows (ids included), from a
// handful for trying Atrium out to millions for benchmarks.
#include <string_view>

#include "atrium/core/result.hpp"
#include "atrium/storage/database.hpp"

namespace atrium::app {

inline constexpr std::string_view kDemoUsername = "demo";
inline constexpr std::string_view kDemoPassword = "atrium-demo-2026";
inline constexpr std::string_view kManagerUsername = "manager";  // same password

struct DemoSize {
  std::int64_t users = 20;  // besides the demo login
  std::int64_t accounts = 200;
  std::int64_t contacts = 400;
  std::int64_t products = 60;
};

struct DemoReport {
  bool loaded = false;  // false when the database had demo data already
  std::int64_t rows = 0;
};

// Creates this installation's row when missing; true when it did (a first start).
Result<bool> ensure_instance(storage::Database& database);
// True once demo data was loaded into this database.
Result<bool> has_demo_data(storage::Database& database);
Result<DemoReport> load_demo_data(storage::Database& database, const DemoSize& size);

}  // namespace atrium::app
