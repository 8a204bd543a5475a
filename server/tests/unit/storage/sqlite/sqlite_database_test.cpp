// SqliteDatabase: transactions through the writer thread, group commit, snapshots.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <stdexcept>
#include <thread>
#include <vector>

#include "atrium/storage/database.hpp"
#include "support/database_helpers.hpp"
#include "support/temp_dir.hpp"

namespace atrium::storage {
namespace {

using atrium::testing::count_rows;
using atrium::testing::run;
using atrium::testing::select;

Result<void> insert_note(Connection& connection, const std::string& text) {
  auto inserted = connection.execute("INSERT INTO notes (text) VALUES (?)", {text});
  if (!inserted) return inserted.take_error();
  return {};
}

bool has_note(Database& database, const std::string& text) {
  return !select(database, "SELECT 1 FROM notes WHERE text = ?", {text}).empty();
}

class SqliteDatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    database_ = atrium::testing::open_sqlite(dir_);
    run(*database_, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE)");
  }

  atrium::testing::TempDir dir_;
  std::unique_ptr<Database> database_;
};

TEST_F(SqliteDatabaseTest, ACommittedTransactionIsVisibleToReaders) {
  auto done = database_->transact([](Connection& connection) { return insert_note(connection, "kept"); });
  ASSERT_TRUE(done.ok()) << done.error().message;
  EXPECT_TRUE(has_note(*database_, "kept"));
}

TEST_F(SqliteDatabaseTest, CommittedDataSurvivesReopening) {
  ASSERT_TRUE(database_->transact([](Connection& connection) { return insert_note(connection, "durable"); }).ok());
  database_.reset();
  database_ = atrium::testing::open_sqlite(dir_);
  EXPECT_TRUE(has_note(*database_, "durable"));
}

TEST_F(SqliteDatabaseTest, ATransactionReturningAnErrorLeavesNoTrace) {
  auto done = database_->transact([](Connection& connection) -> Result<void> {
    ATRIUM_TRY(insert_note(connection, "first half"));
    return make_error(ErrorCode::validation_failed, "changed my mind");
  });
  ASSERT_FALSE(done.ok());
  EXPECT_EQ(done.error().code, ErrorCode::validation_failed);
  EXPECT_EQ(done.error().message, "changed my mind");
  EXPECT_FALSE(has_note(*database_, "first half"));
}

TEST_F(SqliteDatabaseTest, AFailingTransactionRollsBackOnlyItselfWithinAGroup) {
  // The first transaction holds the writer while the other two queue, so the two land in
  // one group and share a physical commit.
  std::promise<void> release;
  auto blocker = std::async(std::launch::async, [&] {
    return database_->transact([&](Connection& connection) -> Result<void> {
      release.get_future().wait();
      return insert_note(connection, "blocker");
    });
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  auto good = std::async(std::launch::async, [&] {
    return database_->transact([](Connection& connection) { return insert_note(connection, "good"); });
  });
  auto bad = std::async(std::launch::async, [&] {
    return database_->transact([](Connection& connection) -> Result<void> {
      ATRIUM_TRY(insert_note(connection, "bad"));
      return make_error(ErrorCode::conflict, "no");
    });
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  release.set_value();

  EXPECT_TRUE(blocker.get().ok());
  EXPECT_TRUE(good.get().ok());
  EXPECT_FALSE(bad.get().ok());
  EXPECT_TRUE(has_note(*database_, "blocker"));
  EXPECT_TRUE(has_note(*database_, "good"));
  EXPECT_FALSE(has_note(*database_, "bad"));
}

TEST_F(SqliteDatabaseTest, AConstraintViolationFailsOnlyItsOwnTransaction) {
  ASSERT_TRUE(database_->transact([](Connection& connection) { return insert_note(connection, "taken"); }).ok());
  auto duplicate = database_->transact([](Connection& connection) -> Result<void> {
    ATRIUM_TRY(insert_note(connection, "side effect"));
    return insert_note(connection, "taken");
  });
  ASSERT_FALSE(duplicate.ok());
  EXPECT_EQ(duplicate.error().code, ErrorCode::conflict);
  EXPECT_FALSE(has_note(*database_, "side effect"));
  EXPECT_EQ(count_rows(*database_, "notes"), 1);
}

TEST_F(SqliteDatabaseTest, ATransactionThatThrowsRethrowsInTheCallerAndRollsBack) {
  EXPECT_THROW((void)database_->transact([](Connection& connection) -> Result<void> {
    ATRIUM_TRY(insert_note(connection, "before the throw"));
    throw std::runtime_error("bug");
  }),
               std::runtime_error);
  EXPECT_FALSE(has_note(*database_, "before the throw"));
  // The writer thread survived and takes the next transaction.
  ASSERT_TRUE(database_->transact([](Connection& connection) { return insert_note(connection, "after"); }).ok());
  EXPECT_TRUE(has_note(*database_, "after"));
}

TEST_F(SqliteDatabaseTest, ConcurrentTransactionsAllLandAndShareCommits) {
  constexpr int kThreads = 8;
  constexpr int kPerThread = 200;
  const auto before = database_->stats();
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        auto done = database_->transact([&](Connection& connection) {
          return insert_note(connection, std::to_string(t) + "-" + std::to_string(i));
        });
        if (!done) ++failures;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(count_rows(*database_, "notes"), kThreads * kPerThread);
  const auto after = database_->stats();
  const auto transactions = after.transactions - before.transactions;
  const auto commits = after.commits - before.commits;
  EXPECT_EQ(transactions, kThreads * kPerThread);
  EXPECT_GE(commits, 1);
  EXPECT_LE(commits, transactions);
}

TEST_F(SqliteDatabaseTest, StatsCountConnectionsAndLeases) {
  const auto idle = database_->stats();
  EXPECT_EQ(idle.connections, DatabaseOptions{}.read_connections + 1);  // readers and the writer
  EXPECT_EQ(idle.in_use, 0);
  auto done = database_->read([&](Connection&) -> Result<void> {
    EXPECT_EQ(database_->stats().in_use, 1);
    return {};
  });
  ASSERT_TRUE(done.ok());
  EXPECT_EQ(database_->stats().in_use, 0);
}

TEST_F(SqliteDatabaseTest, ASnapshotKeepsItsViewWhileAnotherThreadCommits) {
  for (int i = 0; i < 5; ++i) run(*database_, "INSERT INTO notes (text) VALUES (?)", {"n" + std::to_string(i)});
  std::int64_t first = -1;
  std::int64_t second = -1;
  auto done = database_->snapshot([&](Connection& connection) -> Result<void> {
    auto counted = connection.query("SELECT COUNT(*) FROM notes");
    if (!counted) return counted.take_error();
    first = counted->rows[0][0].integer();
    std::thread writer([&] { run(*database_, "INSERT INTO notes (text) VALUES ('during')"); });
    writer.join();
    counted = connection.query("SELECT COUNT(*) FROM notes");
    if (!counted) return counted.take_error();
    second = counted->rows[0][0].integer();
    return {};
  });
  ASSERT_TRUE(done.ok()) << done.error().message;
  EXPECT_EQ(first, 5);
  EXPECT_EQ(second, 5);
  EXPECT_EQ(count_rows(*database_, "notes"), 6);
}

TEST_F(SqliteDatabaseTest, ASnapshotThatThrowsRethrowsAndFreesItsConnection) {
  EXPECT_THROW((void)database_->snapshot([](Connection&) -> Result<void> { throw std::runtime_error("bug"); }),
               std::runtime_error);
  EXPECT_EQ(database_->stats().in_use, 0);
  // The connection went back without an open transaction: it sees new commits.
  run(*database_, "INSERT INTO notes (text) VALUES ('later')");
  for (int i = 0; i < DatabaseOptions{}.read_connections; ++i) EXPECT_TRUE(has_note(*database_, "later"));
}

TEST_F(SqliteDatabaseTest, TableNamesListsUserTablesInOrder) {
  run(*database_, "CREATE TABLE apples (x)");
  auto names = database_->table_names();
  ASSERT_TRUE(names.ok());
  EXPECT_EQ(*names, (std::vector<std::string>{"apples", "notes"}));
}

}  // namespace
}  // namespace atrium::storage
