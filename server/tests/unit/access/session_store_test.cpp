#include "atrium/access/session_store.hpp"

#include <gtest/gtest.h>

#include "atrium/storage/migration.hpp"
#include "support/database_helpers.hpp"
#include "support/temp_dir.hpp"

namespace atrium::access {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

class ManualClock final : public Clock {
 public:
  TimePoint now() const override { return now_; }
  void advance(std::chrono::system_clock::duration by) { now_ += by; }

 private:
  TimePoint now_ = TimePoint(hours(24 * 365 * 56));
};

class SessionStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    database_ = atrium::testing::open_sqlite(dir_);
    auto migrated = storage::apply_migrations(*database_, storage::embedded_migrations());
    ASSERT_TRUE(migrated.ok()) << migrated.error().message;
    for (const char* id : {"u1", "u2"}) {
      atrium::testing::run(
          *database_, "INSERT INTO users (id, username, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
          {id, std::string("user-") + id, "A User", "2026-01-01T00:00:00.000000Z", "2026-01-01T00:00:00.000000Z"});
    }
    store_ = std::make_unique<SessionStore>(*database_, clock_, SessionPolicy{minutes(30), hours(12)});
  }

  Session open(const std::string& user_id) {
    auto session = store_->create(user_id, "10.0.0.1", "test agent");
    EXPECT_TRUE(session.ok());
    return session.ok() ? *session : Session{};
  }

  Result<void> in_transaction(const std::function<Result<void>(storage::Connection&)>& work) {
    return database_->transact(work);
  }

  atrium::testing::TempDir dir_;
  std::unique_ptr<storage::Database> database_;
  ManualClock clock_;
  std::unique_ptr<SessionStore> store_;
};

TEST_F(SessionStoreTest, StoresOnlyTheTokensHashAndAPublicIdUnrelatedToIt) {
  const auto session = open("u1");
  EXPECT_EQ(session.token.size(), 64U);
  EXPECT_EQ(session.public_id.size(), 16U);
  EXPECT_EQ(session.token.find(session.public_id), std::string::npos);
  const auto rows = atrium::testing::select(*database_, "SELECT token_hash, public_id FROM sessions");
  ASSERT_EQ(rows.rows.size(), 1U);
  EXPECT_EQ(rows.rows[0][0].text(), sha256_hex(session.token));
  EXPECT_EQ(rows.rows[0][1].text(), session.public_id);
}

TEST_F(SessionStoreTest, EndsAfterTheIdleTimeWithoutRequests) {
  const auto session = open("u1");
  clock_.advance(minutes(29));
  ASSERT_TRUE(store_->find(session.token).ok());  // a request: the idle time starts again
  clock_.advance(minutes(29));
  ASSERT_TRUE(store_->find(session.token).ok());
  clock_.advance(minutes(31));
  EXPECT_EQ(store_->find(session.token).error().code, ErrorCode::not_found);
}

TEST_F(SessionStoreTest, EndsAtTheAbsoluteLimitHoweverBusy) {
  const auto session = open("u1");
  for (int i = 0; i < 12 * 4 - 1; ++i) {
    clock_.advance(minutes(15));
    ASSERT_TRUE(store_->find(session.token).ok()) << i;
  }
  clock_.advance(minutes(15));
  EXPECT_FALSE(store_->find(session.token).ok());
}

TEST_F(SessionStoreTest, ListsOnlyTheUsersLiveSessionsNewestFirst) {
  const auto older = open("u1");
  clock_.advance(minutes(1));
  const auto newer = open("u1");
  open("u2");
  auto listed = store_->list("u1");
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 2U);
  EXPECT_EQ((*listed)[0].public_id, newer.public_id);
  EXPECT_EQ((*listed)[1].public_id, older.public_id);
  EXPECT_EQ((*listed)[0].user_agent, "test agent");
  clock_.advance(minutes(31));
  EXPECT_TRUE(store_->list("u1")->empty());
}

TEST_F(SessionStoreTest, RevokesByPublicIdOnlyTheOwnersSession) {
  const auto mine = open("u1");
  const auto theirs = open("u2");
  auto foreign =
      in_transaction([&](storage::Connection& c) { return store_->revoke_public(c, "u1", theirs.public_id); });
  EXPECT_EQ(foreign.error().code, ErrorCode::not_found);
  EXPECT_TRUE(store_->find(theirs.token).ok());
  ASSERT_TRUE(
      in_transaction([&](storage::Connection& c) { return store_->revoke_public(c, "u1", mine.public_id); }).ok());
  EXPECT_FALSE(store_->find(mine.token).ok());
}

TEST_F(SessionStoreTest, RevokingAllEndsEverySessionOfTheUserOnly) {
  const auto first = open("u1");
  const auto second = open("u1");
  const auto other = open("u2");
  ASSERT_TRUE(in_transaction([&](storage::Connection& c) { return store_->revoke_all(c, "u1"); }).ok());
  EXPECT_FALSE(store_->find(first.token).ok());
  EXPECT_FALSE(store_->find(second.token).ok());
  EXPECT_TRUE(store_->find(other.token).ok());
}

}  // namespace
}  // namespace atrium::access
