// The SQLite connection, reached through the public Database interface.
#include <gtest/gtest.h>

#include <limits>

#include "atrium/storage/database.hpp"
#include "support/database_helpers.hpp"
#include "support/temp_dir.hpp"

namespace atrium::storage {
namespace {

using atrium::testing::count_rows;
using atrium::testing::run;
using atrium::testing::select;

class SqliteConnectionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    database_ = atrium::testing::open_sqlite(dir_);
    // No declared type: SQLite keeps each value in the storage class it was bound with.
    run(*database_, "CREATE TABLE items (position INTEGER PRIMARY KEY, value)");
  }

  // Stores `value`, reads it back through a parameterised query.
  Value round_trip(const Value& value) {
    run(*database_, "DELETE FROM items");
    run(*database_, "INSERT INTO items (position, value) VALUES (1, ?)", {value});
    auto rows = select(*database_, "SELECT value FROM items WHERE position = ?", {1});
    return rows.rows.at(0).at(0);
  }

  atrium::testing::TempDir dir_;
  std::unique_ptr<Database> database_;
};

TEST_F(SqliteConnectionTest, ReportsItsDialect) { EXPECT_EQ(database_->dialect(), Dialect::sqlite); }

TEST_F(SqliteConnectionTest, NullRoundTrips) { EXPECT_TRUE(round_trip(Value()).is_null()); }

TEST_F(SqliteConnectionTest, IntegersRoundTripAcrossTheWholeRange) {
  for (std::int64_t number : {std::int64_t{0}, std::int64_t{-1}, std::numeric_limits<std::int64_t>::min(),
                              std::numeric_limits<std::int64_t>::max()}) {
    const auto back = round_trip(number);
    ASSERT_TRUE(back.is_integer());
    EXPECT_EQ(back.integer(), number);
  }
}

TEST_F(SqliteConnectionTest, RealsRoundTripExactly) {
  const auto back = round_trip(0.1 + 0.2);
  ASSERT_TRUE(back.is_real());
  EXPECT_EQ(back.real(), 0.1 + 0.2);
}

TEST_F(SqliteConnectionTest, Utf8TextRoundTrips) {
  const std::string text = "Grüße, 東京 🙂 'quoted' \"double\" ?";
  const auto back = round_trip(text);
  ASSERT_TRUE(back.is_text());
  EXPECT_EQ(back.text(), text);
}

TEST_F(SqliteConnectionTest, EmptyTextStaysTextNotNull) {
  const auto back = round_trip(std::string());
  ASSERT_TRUE(back.is_text());
  EXPECT_EQ(back.text(), "");
}

TEST_F(SqliteConnectionTest, BlobsRoundTripWithEveryByte) {
  Blob blob;
  for (int b = 0; b < 256; ++b) blob.bytes.push_back(static_cast<std::uint8_t>(b));
  const auto back = round_trip(blob);
  ASSERT_TRUE(back.is_blob());
  EXPECT_EQ(back.blob(), blob);
}

TEST_F(SqliteConnectionTest, EmptyBlobStaysBlobNotNull) {
  const auto back = round_trip(Blob{});
  ASSERT_TRUE(back.is_blob());
  EXPECT_TRUE(back.blob().bytes.empty());
}

TEST_F(SqliteConnectionTest, QueryNamesItsColumns) {
  auto rows = select(*database_, "SELECT 1 AS one, 'x' AS two");
  EXPECT_EQ(rows.columns, (std::vector<std::string>{"one", "two"}));
  ASSERT_EQ(rows.size(), 1U);
  EXPECT_EQ(rows.rows[0][0], Value(1));
  EXPECT_EQ(rows.rows[0][1], Value("x"));
}

TEST_F(SqliteConnectionTest, ExecuteReturnsTheNumberOfChangedRows) {
  for (int i = 1; i <= 5; ++i) run(*database_, "INSERT INTO items (position, value) VALUES (?, ?)", {i, i * 10});
  std::int64_t changed = -1;
  auto done = database_->transact([&](Connection& connection) -> Result<void> {
    auto result = connection.execute("UPDATE items SET value = 0 WHERE position <= ?", {3});
    if (!result) return result.take_error();
    changed = *result;
    return {};
  });
  ASSERT_TRUE(done.ok()) << done.error().message;
  EXPECT_EQ(changed, 3);
}

TEST_F(SqliteConnectionTest, EachVisitsRowsInOrderAndStopsWhenAsked) {
  for (int i = 1; i <= 10; ++i) run(*database_, "INSERT INTO items (position, value) VALUES (?, ?)", {i, i});
  const std::string sql = "SELECT position FROM items ORDER BY position";
  std::vector<std::int64_t> seen;
  auto done = database_->read([&](Connection& connection) {
    return connection.each(sql, {}, [&](const Row& row) {
      seen.push_back(row[0].integer());
      return seen.size() < 3;
    });
  });
  ASSERT_TRUE(done.ok());
  EXPECT_EQ(seen, (std::vector<std::int64_t>{1, 2, 3}));

  // The cached statement was reset: running it again starts from the first row.
  EXPECT_EQ(select(*database_, sql).size(), 10U);
}

TEST_F(SqliteConnectionTest, AStoppedReadDoesNotHideLaterWrites) {
  run(*database_, "INSERT INTO items (position, value) VALUES (1, 1), (2, 2)");
  const std::string sql = "SELECT COUNT(*) FROM items";
  auto stopped = database_->read([&](Connection& connection) {
    return connection.each("SELECT position FROM items", {}, [](const Row&) { return false; });
  });
  ASSERT_TRUE(stopped.ok());
  run(*database_, "INSERT INTO items (position, value) VALUES (3, 3)");
  EXPECT_EQ(count_rows(*database_, "items"), 3);
}

TEST_F(SqliteConnectionTest, TooFewOrTooManyParametersIsAnErrorNotACrash) {
  auto too_few = database_->read([](Connection& connection) -> Result<void> {
    auto rows = connection.query("SELECT ? + ?", {1});
    if (!rows) return rows.take_error();
    return {};
  });
  ASSERT_FALSE(too_few.ok());
  EXPECT_NE(too_few.error().message.find("parameters"), std::string::npos) << too_few.error().message;

  auto too_many = database_->read([](Connection& connection) -> Result<void> {
    auto rows = connection.query("SELECT ?", {1, 2});
    if (!rows) return rows.take_error();
    return {};
  });
  EXPECT_FALSE(too_many.ok());

  // The statement still works with the right count afterwards.
  EXPECT_EQ(select(*database_, "SELECT ? + ?", {1, 2}).rows[0][0], Value(3));
}

TEST_F(SqliteConnectionTest, InvalidSqlIsADatabaseError) {
  auto done = database_->read([](Connection& connection) -> Result<void> {
    auto rows = connection.query("SELEKT nothing");
    if (!rows) return rows.take_error();
    return {};
  });
  ASSERT_FALSE(done.ok());
  EXPECT_EQ(done.error().code, ErrorCode::database_error);
}

TEST_F(SqliteConnectionTest, UniqueViolationIsAConflict) {
  run(*database_, "INSERT INTO items (position, value) VALUES (1, 'a')");
  auto done = database_->transact([](Connection& connection) -> Result<void> {
    auto inserted = connection.execute("INSERT INTO items (position, value) VALUES (1, 'b')");
    if (!inserted) return inserted.take_error();
    return {};
  });
  ASSERT_FALSE(done.ok());
  EXPECT_EQ(done.error().code, ErrorCode::conflict);
}

TEST_F(SqliteConnectionTest, NotNullAndCheckViolationsAreConflicts) {
  run(*database_, "CREATE TABLE strict_items (name TEXT NOT NULL CHECK (length(name) > 1))");
  for (const Value& name : {Value(), Value("x")}) {
    auto done = database_->transact([&](Connection& connection) -> Result<void> {
      auto inserted = connection.execute("INSERT INTO strict_items (name) VALUES (?)", {name});
      if (!inserted) return inserted.take_error();
      return {};
    });
    ASSERT_FALSE(done.ok());
    EXPECT_EQ(done.error().code, ErrorCode::conflict);
  }
}

TEST_F(SqliteConnectionTest, ReadsCannotWrite) {
  auto done = database_->read([](Connection& connection) -> Result<void> {
    auto inserted = connection.execute("INSERT INTO items (position, value) VALUES (1, 1)");
    if (!inserted) return inserted.take_error();
    return {};
  });
  EXPECT_FALSE(done.ok());
  EXPECT_EQ(count_rows(*database_, "items"), 0);
}

TEST_F(SqliteConnectionTest, ScriptRunsSeveralStatements) {
  auto done = database_->transact([](Connection& connection) {
    return connection.execute_script(
        "CREATE TABLE a (x); CREATE TABLE b (y); INSERT INTO a VALUES (1); INSERT INTO b VALUES (2);");
  });
  ASSERT_TRUE(done.ok()) << done.error().message;
  EXPECT_EQ(count_rows(*database_, "a"), 1);
  EXPECT_EQ(count_rows(*database_, "b"), 1);
}

TEST(OpenDatabaseTest, RejectsUnknownUrlsAndAnEmptySqlitePath) {
  auto unknown = open_database("mysql://localhost/atrium");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::bad_request);
  auto empty = open_database("sqlite:");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().code, ErrorCode::bad_request);
}

TEST(OpenDatabaseTest, AFolderThatDoesNotExistIsUnavailable) {
  atrium::testing::TempDir dir;
  auto database = open_database("sqlite:" + dir.file("missing/folder/test.db"));
  ASSERT_FALSE(database.ok());
  EXPECT_EQ(database.error().code, ErrorCode::database_unavailable);
}

}  // namespace
}  // namespace atrium::storage
