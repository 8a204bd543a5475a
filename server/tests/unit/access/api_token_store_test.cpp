#include "atrium/access/api_token_store.hpp"

#include <gtest/gtest.h>

#include <regex>

#include "atrium/storage/migration.hpp"
#include "support/database_helpers.hpp"
#include "support/temp_dir.hpp"

namespace atrium::access {
namespace {

using std::chrono::hours;
using std::chrono::seconds;

class ManualClock final : public Clock {
 public:
  TimePoint now() const override { return now_; }
  void advance(std::chrono::system_clock::duration by) { now_ += by; }

 private:
  TimePoint now_ = TimePoint(hours(24 * 365 * 56));
};

class ApiTokenStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    database_ = atrium::testing::open_sqlite(dir_);
    auto migrated = storage::apply_migrations(*database_, storage::embedded_migrations());
    ASSERT_TRUE(migrated.ok()) << migrated.error().message;
    atrium::testing::run(*database_,
                         "INSERT INTO users (id, username, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                         {"u1", "ann", "Ann", "2026-01-01T00:00:00.000000Z", "2026-01-01T00:00:00.000000Z"});
    store_ = std::make_unique<ApiTokenStore>(*database_, clock_);
  }

  NewApiToken create(const std::string& expires_at = "") {
    NewApiToken created;
    auto done = database_->transact([&](storage::Connection& connection) -> Result<void> {
      auto token = store_->create(connection, "u1", "script", expires_at);
      if (!token) return token.take_error();
      created = std::move(*token);
      return {};
    });
    EXPECT_TRUE(done.ok());
    return created;
  }

  std::string last_used(const std::string& id) {
    const auto rows = atrium::testing::select(*database_, "SELECT last_used_at FROM api_tokens WHERE id = ?", {id});
    return rows.rows.at(0).at(0).is_null() ? "" : rows.rows[0][0].text();
  }

  atrium::testing::TempDir dir_;
  std::unique_ptr<storage::Database> database_;
  ManualClock clock_;
  std::unique_ptr<ApiTokenStore> store_;
};

TEST_F(ApiTokenStoreTest, ATokenIsPrefixedUrlSafeAndStoredOnlyAsItsHash) {
  const auto created = create();
  EXPECT_TRUE(std::regex_match(created.token, std::regex("atr_[A-Za-z0-9_-]{43}")));
  const auto rows = atrium::testing::select(*database_, "SELECT token_hash FROM api_tokens");
  EXPECT_EQ(rows.rows.at(0).at(0).text(), sha256_hex(created.token));
  auto found = store_->find(created.token);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->user.username, "ann");
  EXPECT_EQ(found->token_id, created.info.id);
}

TEST_F(ApiTokenStoreTest, NotesItsUseAtMostOnceAMinute) {
  const auto created = create();
  ASSERT_TRUE(store_->find(created.token).ok());
  const auto first = last_used(created.info.id);
  EXPECT_EQ(first, to_iso8601(clock_.now()));
  clock_.advance(seconds(30));
  ASSERT_TRUE(store_->find(created.token).ok());
  EXPECT_EQ(last_used(created.info.id), first);
  clock_.advance(seconds(31));
  ASSERT_TRUE(store_->find(created.token).ok());
  EXPECT_EQ(last_used(created.info.id), to_iso8601(clock_.now()));
}

TEST_F(ApiTokenStoreTest, AnExpiredTokenIsNoToken) {
  const auto created = create(to_iso8601(clock_.now() + hours(1)));
  EXPECT_TRUE(store_->find(created.token).ok());
  clock_.advance(hours(1));
  EXPECT_EQ(store_->find(created.token).error().code, ErrorCode::not_found);
}

TEST_F(ApiTokenStoreTest, AnInactiveUsersTokenIsNoToken) {
  const auto created = create();
  atrium::testing::run(*database_, "UPDATE users SET active = 0 WHERE id = 'u1'");
  EXPECT_FALSE(store_->find(created.token).ok());
}

TEST_F(ApiTokenStoreTest, ARevokedTokenIsGoneAndOthersCannotRevokeIt) {
  const auto created = create();
  auto revoke = [&](const std::string& user_id) {
    return database_->transact(
        [&](storage::Connection& connection) { return store_->revoke(connection, user_id, created.info.id); });
  };
  EXPECT_EQ(revoke("someone-else").error().code, ErrorCode::not_found);
  EXPECT_TRUE(store_->find(created.token).ok());
  ASSERT_TRUE(revoke("u1").ok());
  EXPECT_FALSE(store_->find(created.token).ok());
  EXPECT_TRUE(store_->list("u1")->empty());
}

TEST_F(ApiTokenStoreTest, UnknownAndMalformedTokensAreNotFound) {
  create();
  EXPECT_FALSE(store_->find("atr_" + std::string(43, 'A')).ok());
  EXPECT_FALSE(store_->find("not-a-token").ok());
  EXPECT_FALSE(store_->find("").ok());
}

}  // namespace
}  // namespace atrium::access
