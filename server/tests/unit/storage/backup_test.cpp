#include "atrium/storage/backup.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "atrium/storage/migration.hpp"
#include "atrium/storage/table_checksum.hpp"
#include "support/database_helpers.hpp"
#include "support/temp_dir.hpp"

namespace atrium::storage {
namespace {

using atrium::testing::count_rows;
using atrium::testing::run;

// The platform's migrations are the whole schema these tests need.
const SchemaPreparer migrations_only = [](Database& database) -> Result<void> {
  auto migrated = apply_migrations(database, embedded_migrations());
  if (!migrated) return migrated.take_error();
  return {};
};

std::vector<TableChecksum> checksums(Database& database) {
  auto sums = table_checksums(database);
  if (!sums) throw std::runtime_error(sums.error().message);
  return *sums;
}

void expect_same_data(Database& a, Database& b) {
  const auto left = checksums(a);
  const auto right = checksums(b);
  ASSERT_EQ(left.size(), right.size());
  for (std::size_t i = 0; i < left.size(); ++i) {
    EXPECT_EQ(left[i].table, right[i].table);
    EXPECT_EQ(left[i].rows, right[i].rows) << left[i].table;
    EXPECT_EQ(left[i].digest, right[i].digest) << left[i].table;
  }
}

class BackupTest : public ::testing::Test {
 protected:
  void SetUp() override {
    source_ = migrated("source.db");
    run(*source_, "INSERT INTO instance (id, name, created_at) VALUES (1, 'Backed up', '2026-01-01T00:00:00.000000Z')");
    for (int i = 0; i < 50; ++i) {
      run(*source_,
          "INSERT INTO users (id, username, name, email, password_hash, is_admin, active, created_at, updated_at, "
          "version) VALUES (?, ?, ?, ?, NULL, ?, 1, ?, ?, 1)",
          {"ID" + std::to_string(1000 + i), "user" + std::to_string(i), "Zoë " + std::to_string(i),
           i % 3 == 0 ? Value() : Value("u" + std::to_string(i) + "@example.org"), i % 2,
           "2026-01-01T00:00:00.000000Z", "2026-01-02T00:00:00.000000Z"});
    }
  }

  std::unique_ptr<Database> migrated(const std::string& name) {
    auto database = atrium::testing::open_sqlite(dir_, name);
    auto report = apply_migrations(*database, embedded_migrations());
    if (!report) throw std::runtime_error(report.error().message);
    return database;
  }

  atrium::testing::TempDir dir_;
  std::unique_ptr<Database> source_;
};

TEST_F(BackupTest, ABackupHoldsTheSameDataAsItsSource) {
  const auto path = dir_.file("backup.atrium");
  auto report = backup_to(*source_, path, migrations_only);
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->rows, 51 + count_rows(*source_, "schema_migrations"));
  EXPECT_FALSE(std::filesystem::exists(path + ".partial"));
  EXPECT_FALSE(std::filesystem::exists(path + "-wal"));

  auto backup = open_database("sqlite:" + path);
  ASSERT_TRUE(backup.ok()) << backup.error().message;
  expect_same_data(*source_, **backup);
}

TEST_F(BackupTest, ABackupRestoresIntoAnEqualDatabase) {
  const auto path = dir_.file("backup.atrium");
  ASSERT_TRUE(backup_to(*source_, path, migrations_only).ok());
  auto target = migrated("target.db");
  auto report = restore_from(*target, path, migrations_only);
  ASSERT_TRUE(report.ok()) << report.error().message;
  expect_same_data(*source_, *target);
}

// A backup is a migrated SQLite file, so the source's own file serves as one below.
TEST_F(BackupTest, RestoreIntoAnEmptyDatabaseReproducesTheSource) {
  auto target = migrated("target.db");
  auto report = restore_from(*target, dir_.file("source.db"), migrations_only);
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->rows, 51 + count_rows(*source_, "schema_migrations"));
  EXPECT_EQ(count_rows(*target, "users"), 50);
  expect_same_data(*source_, *target);
}

TEST_F(BackupTest, RestoreIntoADatabaseWithRowsIsRefusedAndChangesNothing) {
  auto target = migrated("target.db");
  run(*target, "INSERT INTO instance (id, name, created_at) VALUES (1, 'Mine', '2026-01-01T00:00:00.000000Z')");
  const auto before = checksums(*target);
  auto report = restore_from(*target, dir_.file("source.db"), migrations_only);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().code, ErrorCode::conflict);
  const auto after = checksums(*target);
  ASSERT_EQ(before.size(), after.size());
  for (std::size_t i = 0; i < before.size(); ++i) EXPECT_EQ(before[i].digest, after[i].digest) << before[i].table;
}

TEST_F(BackupTest, RestoreFromADifferentSchemaVersionIsRefused) {
  run(*source_, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'future', 'now')");
  auto target = migrated("target.db");
  auto report = restore_from(*target, dir_.file("source.db"), migrations_only);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().code, ErrorCode::conflict);
  EXPECT_EQ(count_rows(*target, "users"), 0);
}

TEST_F(BackupTest, RestoreFromAMissingFileIsNotFound) {
  auto target = migrated("target.db");
  auto report = restore_from(*target, dir_.file("nothing-here.atrium"), migrations_only);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().code, ErrorCode::not_found);
}

TEST_F(BackupTest, ABackupNeverOverwritesAnExistingFile) {
  const auto path = dir_.file("precious.txt");
  {
    std::ofstream(path) << "keep me";
  }
  auto report = backup_to(*source_, path, migrations_only);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().code, ErrorCode::conflict);
  std::ifstream in(path);
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(content, "keep me");
}

TEST_F(BackupTest, ASecondBackupToTheSamePathIsRefused) {
  const auto path = dir_.file("backup.atrium");
  ASSERT_TRUE(backup_to(*source_, path, migrations_only).ok());
  auto again = backup_to(*source_, path, migrations_only);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::conflict);
}

TEST_F(BackupTest, ABackupOfAnUnmigratedDatabaseIsRefused) {
  auto bare = atrium::testing::open_sqlite(dir_, "bare.db");
  auto report = backup_to(*bare, dir_.file("bare.atrium"), migrations_only);
  EXPECT_FALSE(report.ok());
  EXPECT_FALSE(std::filesystem::exists(dir_.file("bare.atrium")));
}

}  // namespace
}  // namespace atrium::storage
