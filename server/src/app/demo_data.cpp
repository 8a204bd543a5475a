#include "atrium/app/demo_data.hpp"

#include <fmt/format.h>

#include <array>
#include <random>

#include "atrium/access/password_hasher.hpp"
#include "atrium/core/time.hpp"
#include "demo_ids.hpp"
#include "atrium/app/schema_setup.hpp"
#include "demo_names.hpp"
#include "atrium/workflow/automation_demo_rules.hpp"
#include "demo_access.hpp"
#include "demo_records.hpp"
#include "demo_sales.hpp"

namespace atrium::app {

namespace {
constexpr std::int64_t kBatch = 5000;  // rows per transaction: big enough to be fast, small enough to be kind

}  // namespace

Result<bool> ensure_instance(storage::Database& database) {
  bool created = false;
  ATRIUM_TRY(database.transact([&](storage::Connection& connection) -> Result<void> {
    auto found = connection.query("SELECT id FROM instance WHERE id = 1");
    if (!found) return found.take_error();
    if (!found->empty()) return {};
    auto inserted = connection.execute("INSERT INTO instance (id, name, created_at) VALUES (1, ?, ?)",
                                       {"Atrium", utc_now_iso8601()});
    if (!inserted) return inserted.take_error();
    created = true;
    return {};
  }));
  return created;
}

Result<bool> has_demo_data(storage::Database& database) {
  bool present = false;
  ATRIUM_TRY(database.read([&](storage::Connection& connection) -> Result<void> {
    auto found = connection.query("SELECT demo_loaded_at FROM instance WHERE id = 1");
    if (!found) return found.take_error();
    present = !found->empty() && !found->rows[0][0].is_null();
    return {};
  }));
  return present;
}

Result<DemoReport> load_demo_data(storage::Database& database, const DemoSize& size) {
  if (auto instance = ensure_instance(database); !instance) return instance.take_error();
  DemoReport report;
  auto already = has_demo_data(database);
  if (!already) return already.take_error();
  if (*already) return report;

  auto demo_hash = access::hash_password(kDemoPassword);
  if (!demo_hash) return demo_hash.take_error();
  auto manager_hash = access::hash_password(kDemoPassword);
  if (!manager_hash) return manager_hash.take_error();
  DemoIds ids;
  const std::string demo_user_id = ids.next();
  std::mt19937_64 random(42);
  const std::string created_at = "2026-01-01T00:00:00.000000Z";
  const char* insert =
      "INSERT INTO users (id, username, name, email, password_hash, is_admin, active, created_at, updated_at, version) "
      "VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, 1) ON CONFLICT DO NOTHING";  // an interrupted load resumes

  ATRIUM_TRY(database.transact([&](storage::Connection& connection) -> Result<void> {
    auto done = connection.execute(insert, {demo_user_id, kDemoUsername, "Demo Administrator", "demo@atrium.example",
                                            *demo_hash, 1, created_at, created_at});
    if (!done) return done.take_error();
    // A second administrator, so a deletion requested by one can be approved by the other.
    auto manager = connection.execute(insert, {ids.next(), kManagerUsername, "Demo Manager", "manager@atrium.example",
                                               *manager_hash, 1, created_at, created_at});
    if (!manager) return manager.take_error();
    report.rows += 2;
    auto access = load_demo_access(connection, ids, *demo_hash, created_at);
    if (!access) return access.take_error();
    report.rows += *access;
    auto named = connection.execute("UPDATE instance SET name = ? WHERE id = 1", {"Atrium Demo"});
    if (!named) return named.take_error();
    return {};
  }));

  for (std::int64_t start = 0; start < size.users; start += kBatch) {
    const std::int64_t end = std::min(size.users, start + kBatch);
    ATRIUM_TRY(database.transact([&](storage::Connection& connection) -> Result<void> {
      for (std::int64_t n = start; n < end; ++n) {
        const auto first = kDemoFirstNames[random() % kDemoFirstNames.size()];
        const auto last = kDemoLastNames[random() % kDemoLastNames.size()];
        const std::string username = fmt::format("user{:07d}", n + 1);
        auto done = connection.execute(insert, {ids.next(), username, fmt::format("{} {}", first, last),
                                                fmt::format("{}@atrium.example", username), nullptr, 0, created_at,
                                                created_at});
        if (!done) return done.take_error();
        ++report.rows;
      }
      return {};
    }));
  }
  auto catalog = builtin_catalog();
  if (!catalog) return catalog.take_error();
  auto records = load_demo_records(database, **catalog, size, ids, demo_user_id);
  if (!records) return records.take_error();
  report.rows += *records;
  // Two follow-up rules (automation rules), so the demo shows follow-ups made by rules.
  ATRIUM_TRY(database.transact([&](storage::Connection& connection) {
    const std::string first = ids.next();
    const std::string second = ids.next();
    return workflow::load_demo_automation_rules(connection, first, second, created_at);
  }));
  ATRIUM_TRY(database.transact([&](storage::Connection& connection) -> Result<void> {
    auto sales = load_demo_sales(connection, ids, created_at);
    if (!sales) return sales.take_error();
    report.rows += *sales;
    return {};
  }));
  // Fresh statistics let the query planner walk the sort index for selective pages
  // instead of sorting every match (SQLite has none until ANALYZE runs).
  ATRIUM_TRY(database.transact([](storage::Connection& connection) { return connection.execute_script("ANALYZE"); }));
  ATRIUM_TRY(database.transact([&](storage::Connection& connection) -> Result<void> {
    auto done = connection.execute("UPDATE instance SET demo_loaded_at = ? WHERE id = 1", {utc_now_iso8601()});
    if (!done) return done.take_error();
    return {};
  }));
  report.loaded = true;
  return report;
}

}  // namespace atrium::app
