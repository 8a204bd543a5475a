#include "atrium/access/grants.hpp"

#include <gtest/gtest.h>

#include "atrium/storage/migration.hpp"
#include "support/temp_dir.hpp"

namespace atrium::access {
namespace {

class GrantsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = storage::open_database("sqlite:" + dir_.file("grants.db"), storage::DatabaseOptions{1});
    ASSERT_TRUE(opened.ok());
    database_ = std::move(*opened);
    ASSERT_TRUE(storage::apply_migrations(*database_, storage::embedded_migrations()).ok());
    for (const char* user : {"ann", "bob", "cat", "dan", "eve"}) {
      run("INSERT INTO users (id, username, name, created_at, updated_at) VALUES (?, ?, ?, 'now', 'now')",
          {user, user, user});
    }
  }

  void run(const std::string& sql, const storage::Params& params = {}) {
    auto done = database_->transact([&](storage::Connection& connection) -> Result<void> {
      auto executed = connection.execute(sql, params);
      if (!executed) return executed.take_error();
      return bump_access_generation(connection);
    });
    ASSERT_TRUE(done.ok()) << done.error().message;
  }

  void role(const std::string& name, const std::string& user) {
    run("INSERT INTO roles (id, name, created_at, updated_at) VALUES (?, ?, 'now', 'now')", {name, name});
    run("INSERT INTO user_roles (user_id, role_id) VALUES (?, ?)", {user, name});
  }

  UserGrants load(const std::string& user) {
    UserGrants grants;
    auto done = database_->read([&](storage::Connection& connection) -> Result<void> {
      auto loaded = load_grants(connection, user);
      if (!loaded) return loaded.take_error();
      grants = std::move(*loaded);
      return {};
    });
    EXPECT_TRUE(done.ok()) << done.error().message;
    return grants;
  }

  testing::TempDir dir_;
  std::unique_ptr<storage::Database> database_;
};

TEST_F(GrantsTest, RightsOfEveryRoleAreKeptWithTheirRole) {
  role("sales", "ann");
  role("audit", "ann");
  run("INSERT INTO role_rights VALUES ('sales', 'account', 'read', 'rule', 'area in user.areas')");
  run("INSERT INTO role_rights VALUES ('audit', 'account', 'read', 'own', NULL)");
  const auto grants = load("ann");
  const auto& rights = grants.rights_for("account", Action::read);
  ASSERT_EQ(rights.size(), 2U);
  EXPECT_EQ(rights[0].role, "audit");
  EXPECT_EQ(rights[0].scope, RightScope::own);
  EXPECT_EQ(rights[1].role, "sales");
  EXPECT_EQ(rights[1].rule, "area in user.areas");
  EXPECT_TRUE(grants.rights_for("account", Action::edit).empty());
  EXPECT_TRUE(grants.rights_for("contact", Action::read).empty());
}

TEST_F(GrantsTest, TheMostOpenRoleDecidesAFieldsMode) {
  role("a", "ann");
  role("b", "ann");
  role("c", "ann");  // no right on accounts: its field rights do not count
  run("INSERT INTO role_rights VALUES ('a', 'account', 'read', 'all', NULL)");
  run("INSERT INTO role_rights VALUES ('b', 'account', 'read', 'all', NULL)");
  run("INSERT INTO role_rights VALUES ('c', 'contact', 'read', 'all', NULL)");
  run("INSERT INTO field_rights VALUES ('a', 'account', 'credit_limit', 'hidden')");
  run("INSERT INTO field_rights VALUES ('b', 'account', 'credit_limit', 'hidden')");
  run("INSERT INTO field_rights VALUES ('a', 'account', 'phone', 'hidden')");
  run("INSERT INTO field_rights VALUES ('b', 'account', 'phone', 'read_only')");
  run("INSERT INTO field_rights VALUES ('a', 'account', 'email', 'hidden')");  // b leaves it open
  const auto grants = load("ann");
  EXPECT_EQ(grants.field_mode("account", "credit_limit"), FieldMode::hidden);
  EXPECT_EQ(grants.field_mode("account", "phone"), FieldMode::read_only);
  EXPECT_EQ(grants.field_mode("account", "email"), FieldMode::full);
  EXPECT_EQ(grants.field_mode("account", "name"), FieldMode::full);
}

TEST_F(GrantsTest, OwnReachesEveryoneBelowInTheReportingLine) {
  run("UPDATE users SET manager_id = 'ann' WHERE id = 'bob'");
  run("UPDATE users SET manager_id = 'bob' WHERE id = 'cat'");
  run("UPDATE users SET manager_id = 'cat' WHERE id = 'ann'");  // a loop ends the walk
  const auto grants = load("bob");
  EXPECT_EQ(grants.own_ids, (std::vector<std::string>{"ann", "bob", "cat"}));
  EXPECT_EQ(load("dan").own_ids, (std::vector<std::string>{"dan"}));
}

TEST_F(GrantsTest, TeamsAttributesAndPortalValues) {
  run("INSERT INTO teams (id, name, created_at, updated_at) VALUES ('t1', 'T1', 'now', 'now')");
  run("INSERT INTO team_members VALUES ('t1', 'ann')");
  run("INSERT INTO team_members VALUES ('t1', 'bob')");
  run("INSERT INTO user_attributes VALUES ('ann', 'areas', 'north')");
  run("INSERT INTO user_attributes VALUES ('ann', 'areas', 'east')");
  run("UPDATE users SET kind = 'portal', portal_account_id = 'acc1' WHERE id = 'eve'");
  const auto ann = load("ann");
  EXPECT_EQ(ann.teams, (std::vector<std::string>{"t1"}));
  EXPECT_EQ(ann.team_mates, (std::vector<std::string>{"ann", "bob"}));
  EXPECT_EQ(ann.values.at("areas"), (std::vector<std::string>{"east", "north"}));
  EXPECT_EQ(ann.values.at("id"), (std::vector<std::string>{"ann"}));
  const auto eve = load("eve");
  EXPECT_TRUE(eve.portal);
  EXPECT_EQ(eve.values.at("account"), (std::vector<std::string>{"acc1"}));
  EXPECT_EQ(eve.team_mates, (std::vector<std::string>{"eve"}));
}

TEST_F(GrantsTest, InactiveUsersHaveNoGrants) {
  run("UPDATE users SET active = 0 WHERE id = 'dan'");
  auto done = database_->read([&](storage::Connection& connection) -> Result<void> {
    auto loaded = load_grants(connection, "dan");
    EXPECT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.error().code, ErrorCode::unauthenticated);
    EXPECT_FALSE(load_grants(connection, "nobody").ok());
    return {};
  });
  EXPECT_TRUE(done.ok());
}

TEST_F(GrantsTest, TheStoreReloadsWhenTheGenerationMoves) {
  GrantStore store(*database_);
  auto first = store.for_user("ann");
  ASSERT_TRUE(first.ok());
  auto again = store.for_user("ann");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(first->get(), again->get()) << "unchanged rights come from memory";
  role("sales", "ann");  // moves the generation
  auto changed = store.for_user("ann");
  ASSERT_TRUE(changed.ok());
  EXPECT_NE(first->get(), changed->get());
  EXPECT_EQ((*changed)->roles, (std::vector<std::string>{"sales"}));
}

TEST(ActionNamesTest, RoundTrip) {
  for (const auto action : kAllActions) EXPECT_EQ(action_from_name(action_name(action)), action);
  EXPECT_EQ(action_name(Action::remove), "delete");
  EXPECT_FALSE(action_from_name("destroy").has_value());
  EXPECT_EQ(scope_from_name("rule"), RightScope::rule);
  EXPECT_FALSE(scope_from_name("everything").has_value());
}

}  // namespace
}  // namespace atrium::access
