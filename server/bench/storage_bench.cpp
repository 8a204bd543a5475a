#include <benchmark/benchmark.h>

#include <filesystem>

#include "atrium/storage/database.hpp"
#include "atrium/storage/dialect.hpp"
#include "atrium/storage/migration.hpp"

namespace {

using namespace atrium::storage;

std::unique_ptr<Database> bench_database(const char* name) {
  const auto path = std::filesystem::temp_directory_path() / name;
  std::filesystem::remove(path);
  std::filesystem::remove(path.string() + "-wal");
  std::filesystem::remove(path.string() + "-shm");
  auto database = open_database("sqlite:" + path.string(), DatabaseOptions{2});
  (void)apply_migrations(**database, embedded_migrations());
  (void)(*database)->transact([](Connection& connection) -> atrium::Result<void> {
    (void)connection.execute("INSERT INTO instance (id, name, created_at) VALUES (1, 'Bench', '2026-01-01')");
    return {};
  });
  return std::move(*database);
}

void sqlite_point_select(benchmark::State& state) {
  auto database = bench_database("atrium-bench-select.db");
  for (auto _ : state) {
    (void)database->read([](Connection& connection) -> atrium::Result<void> {
      auto rows = connection.query("SELECT name, created_at FROM instance WHERE id = ?", {1});
      benchmark::DoNotOptimize(rows);
      return {};
    });
  }
}
BENCHMARK(sqlite_point_select);

// Durable (synchronous=FULL) single-row transactions; with several threads the writer
// groups them into one commit.
void sqlite_durable_insert(benchmark::State& state) {
  static std::unique_ptr<Database> database;
  if (state.thread_index() == 0) database = bench_database("atrium-bench-insert.db");
  std::int64_t n = state.thread_index() * 100'000'000LL;
  for (auto _ : state) {
    (void)database->transact([&](Connection& connection) -> atrium::Result<void> {
      auto done = connection.execute(
          "INSERT INTO users (id, username, name, created_at, updated_at) VALUES (?, ?, 'Bench', 'x', 'x')",
          {std::to_string(n), "u" + std::to_string(n)});
      ++n;
      if (!done) return done.take_error();
      return {};
    });
  }
  if (state.thread_index() == 0) state.SetItemsProcessed(state.iterations() * state.threads());
}
BENCHMARK(sqlite_durable_insert)->Threads(1)->Threads(16)->UseRealTime();

void numbered_placeholders(benchmark::State& state) {
  const std::string sql = "SELECT id, name FROM accounts WHERE area = ? AND name LIKE ? AND 'a?b' <> ? ORDER BY id LIMIT ?";
  for (auto _ : state) benchmark::DoNotOptimize(to_numbered_placeholders(sql));
}
BENCHMARK(numbered_placeholders);

}  // namespace
