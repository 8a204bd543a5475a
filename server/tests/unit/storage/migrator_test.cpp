#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include "atrium/storage/migration.hpp"
#include "support/database_helpers.hpp"
#include "support/temp_dir.hpp"

namespace atrium::storage {
namespace {

using atrium::testing::count_rows;
using atrium::testing::run;
using atrium::testing::select;

std::set<std::int64_t> recorded_versions(Database& database) {
  std::set<std::int64_t> versions;
  for (const auto& row : select(database, "SELECT version FROM schema_migrations").rows) versions.insert(row[0].integer());
  return versions;
}

bool table_exists(Database& database, const std::string& name) {
  auto names = database.table_names();
  if (!names) throw std::runtime_error(names.error().message);
  return std::find(names->begin(), names->end(), name) != names->end();
}

class MigratorTest : public ::testing::Test {
 protected:
  void SetUp() override { database_ = atrium::testing::open_sqlite(dir_); }

  atrium::testing::TempDir dir_;
  std::unique_ptr<Database> database_;
};

TEST_F(MigratorTest, AppliesEveryEmbeddedMigrationToAnEmptyDatabase) {
  const auto& migrations = embedded_migrations();
  ASSERT_FALSE(migrations.empty());
  auto report = apply_migrations(*database_, migrations);
  ASSERT_TRUE(report.ok()) << report.error().message;
  int for_sqlite = 0;
  for (const auto& migration : migrations) for_sqlite += migration.dialect != MigrationDialect::postgresql ? 1 : 0;
  EXPECT_EQ(report->applied, for_sqlite);
  EXPECT_EQ(report->current_version, latest_version(migrations));
  EXPECT_EQ(static_cast<int>(recorded_versions(*database_).size()), for_sqlite);
  EXPECT_TRUE(table_exists(*database_, "users"));
  EXPECT_TRUE(table_exists(*database_, "instance"));
}

TEST_F(MigratorTest, ApplyingAgainAppliesNothing) {
  ASSERT_TRUE(apply_migrations(*database_, embedded_migrations()).ok());
  auto again = apply_migrations(*database_, embedded_migrations());
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(again->applied, 0);
  EXPECT_EQ(again->current_version, latest_version(embedded_migrations()));
}

TEST_F(MigratorTest, RefusesADatabaseNewerThanItsMigrations) {
  ASSERT_TRUE(apply_migrations(*database_, embedded_migrations()).ok());
  run(*database_, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'future', 'now')");
  auto report = apply_migrations(*database_, embedded_migrations());
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().code, ErrorCode::migration_failed);
  EXPECT_NE(report.error().message.find("9999"), std::string::npos) << report.error().message;
}

TEST_F(MigratorTest, AFailingMigrationLeavesNoTraceAndKeepsEarlierOnes) {
  const std::vector<Migration> migrations{
      {1, "0001_first", MigrationDialect::both, "CREATE TABLE first_table (x INTEGER);"},
      {2, "0002_broken", MigrationDialect::both, "CREATE TABLE second_table (x INTEGER); THIS IS NOT SQL;"},
      {3, "0003_never", MigrationDialect::both, "CREATE TABLE third_table (x INTEGER);"},
  };
  auto report = apply_migrations(*database_, migrations);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().code, ErrorCode::migration_failed);
  EXPECT_NE(report.error().message.find("0002_broken"), std::string::npos) << report.error().message;
  EXPECT_EQ(recorded_versions(*database_), (std::set<std::int64_t>{1}));
  EXPECT_TRUE(table_exists(*database_, "first_table"));
  EXPECT_FALSE(table_exists(*database_, "second_table"));
  EXPECT_FALSE(table_exists(*database_, "third_table"));
}

TEST_F(MigratorTest, ResumesAfterTheBrokenMigrationIsFixed) {
  std::vector<Migration> migrations{
      {1, "0001_first", MigrationDialect::both, "CREATE TABLE first_table (x INTEGER);"},
      {2, "0002_second", MigrationDialect::both, "NOT SQL"},
  };
  ASSERT_FALSE(apply_migrations(*database_, migrations).ok());
  migrations[1].sql = "CREATE TABLE second_table (x INTEGER);";
  auto report = apply_migrations(*database_, migrations);
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->applied, 1);
  EXPECT_EQ(report->current_version, 2);
}

TEST_F(MigratorTest, AppliesInVersionOrderWhateverTheListOrder) {
  const std::vector<Migration> migrations{
      {2, "0002_uses", MigrationDialect::both, "INSERT INTO base (x) VALUES (1);"},
      {1, "0001_base", MigrationDialect::both, "CREATE TABLE base (x INTEGER);"},
  };
  auto report = apply_migrations(*database_, migrations);
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->applied, 2);
  EXPECT_EQ(count_rows(*database_, "base"), 1);
}

TEST_F(MigratorTest, SkipsMigrationsForTheOtherDialect) {
  const std::vector<Migration> migrations{
      {1, "0001_values", MigrationDialect::postgresql, "CREATE TABLE t (x SERIAL PRIMARY KEY) -- not for SQLite"},
      {1, "0001_values", MigrationDialect::sqlite, "CREATE TABLE t (x INTEGER PRIMARY KEY AUTOINCREMENT);"},
  };
  auto report = apply_migrations(*database_, migrations);
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->applied, 1);
  EXPECT_EQ(report->current_version, 1);
  EXPECT_TRUE(table_exists(*database_, "t"));
}

TEST(EmbeddedMigrationsTest, VersionsMatchTheNumbersInTheirFileNames) {
  // The number comes from the file name; a leading zero must not turn it into octal.
  for (const auto& migration : embedded_migrations()) {
    const auto digits = migration.name.substr(0, migration.name.find('_'));
    EXPECT_EQ(std::stoi(std::string(digits)), migration.version) << migration.name;
  }
}

TEST(EmbeddedMigrationsTest, EveryVersionHasAMigrationForEachDatabase) {
  std::set<int> for_sqlite;
  std::set<int> for_postgresql;
  for (const auto& migration : embedded_migrations()) {
    if (migration.dialect != MigrationDialect::postgresql) for_sqlite.insert(migration.version);
    if (migration.dialect != MigrationDialect::sqlite) for_postgresql.insert(migration.version);
  }
  EXPECT_EQ(for_sqlite, for_postgresql);
}

TEST(LatestVersionTest, IsTheHighestVersionOrZero) {
  EXPECT_EQ(latest_version({}), 0);
  EXPECT_EQ(latest_version({{3, "c", MigrationDialect::both, ""}, {7, "g", MigrationDialect::both, ""},
                            {5, "e", MigrationDialect::both, ""}}),
            7);
}

}  // namespace
}  // namespace atrium::storage
