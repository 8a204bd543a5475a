#include "atrium/storage/table_checksum.hpp"

#include <gtest/gtest.h>

#include "support/database_helpers.hpp"
#include "support/temp_dir.hpp"

namespace atrium::storage {
namespace {

using atrium::testing::run;

const std::vector<Params> kRows{
    {1, "alpha", 1.5, nullptr},
    {2, "beta", -2.25, Blob{{0, 1, 2}}},
    {3, "Grüße", 0.0, Blob{{255}}},
};

class TableChecksumTest : public ::testing::Test {
 protected:
  std::unique_ptr<Database> fresh(const std::string& name) {
    auto database = atrium::testing::open_sqlite(dir_, name);
    run(*database, "CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT, amount REAL, data BLOB)");
    run(*database, "CREATE TABLE empty_things (x)");
    return database;
  }

  static void insert(Database& database, const Params& row) {
    run(database, "INSERT INTO things (id, name, amount, data) VALUES (?, ?, ?, ?)", row);
  }

  static TableChecksum checksum_of(Database& database, const std::string& table) {
    auto sums = table_checksums(database);
    if (!sums) throw std::runtime_error(sums.error().message);
    for (auto& sum : *sums) {
      if (sum.table == table) return sum;
    }
    throw std::runtime_error("no checksum for " + table);
  }

  atrium::testing::TempDir dir_;
};

TEST_F(TableChecksumTest, ListsEveryTableWithItsRowCount) {
  auto database = fresh("a.db");
  for (const auto& row : kRows) insert(*database, row);
  auto sums = table_checksums(*database);
  ASSERT_TRUE(sums.ok()) << sums.error().message;
  ASSERT_EQ(sums->size(), 2U);
  EXPECT_EQ((*sums)[0].table, "empty_things");
  EXPECT_EQ((*sums)[0].rows, 0);
  EXPECT_EQ((*sums)[1].table, "things");
  EXPECT_EQ((*sums)[1].rows, 3);
  EXPECT_EQ((*sums)[1].digest.size(), 64U);
}

TEST_F(TableChecksumTest, IsEqualForTheSameRowsInsertedInAnotherOrder) {
  auto forward = fresh("forward.db");
  auto backward = fresh("backward.db");
  for (const auto& row : kRows) insert(*forward, row);
  for (auto row = kRows.rbegin(); row != kRows.rend(); ++row) insert(*backward, *row);
  EXPECT_EQ(checksum_of(*forward, "things").digest, checksum_of(*backward, "things").digest);
  EXPECT_EQ(checksum_of(*forward, "empty_things").digest, checksum_of(*backward, "empty_things").digest);
}

TEST_F(TableChecksumTest, ChangesWhenOneValueChanges) {
  auto database = fresh("a.db");
  for (const auto& row : kRows) insert(*database, row);
  const auto before = checksum_of(*database, "things").digest;
  run(*database, "UPDATE things SET amount = 1.5000001 WHERE id = 1");
  EXPECT_NE(checksum_of(*database, "things").digest, before);
  run(*database, "UPDATE things SET amount = 1.5 WHERE id = 1");
  EXPECT_EQ(checksum_of(*database, "things").digest, before);
  run(*database, "UPDATE things SET data = ? WHERE id = 3", {Blob{{254}}});
  EXPECT_NE(checksum_of(*database, "things").digest, before);
}

TEST_F(TableChecksumTest, ChangesWhenARowIsAddedOrDuplicated) {
  auto database = fresh("a.db");
  run(*database, "INSERT INTO empty_things (x) VALUES ('same')");
  const auto one = checksum_of(*database, "empty_things").digest;
  run(*database, "INSERT INTO empty_things (x) VALUES ('same')");
  EXPECT_NE(checksum_of(*database, "empty_things").digest, one);
}

TEST_F(TableChecksumTest, TellsWhereOneColumnEndsAndTheNextBegins) {
  auto left = fresh("left.db");
  auto right = fresh("right.db");
  run(*left, "CREATE TABLE pairs (a TEXT, b TEXT)");
  run(*right, "CREATE TABLE pairs (a TEXT, b TEXT)");
  run(*left, "INSERT INTO pairs (a, b) VALUES ('ab', 'c')");
  run(*right, "INSERT INTO pairs (a, b) VALUES ('a', 'bc')");
  EXPECT_NE(checksum_of(*left, "pairs").digest, checksum_of(*right, "pairs").digest);
}

}  // namespace
}  // namespace atrium::storage
