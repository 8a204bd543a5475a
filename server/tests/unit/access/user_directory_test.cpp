#include "atrium/access/user_directory.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "atrium/access/password_hasher.hpp"
#include "atrium/storage/migration.hpp"
#include "support/database_helpers.hpp"
#include "support/temp_dir.hpp"

namespace atrium::access {
namespace {

using atrium::testing::select;
using ::testing::ElementsAre;
using ::testing::Field;

auto field_error(const std::string& field, const std::string& code) {
  return ::testing::AllOf(Field(&FieldError::field, field), Field(&FieldError::code, code));
}

class UserDirectoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    database_ = atrium::testing::open_sqlite(dir_);
    auto migrated = storage::apply_migrations(*database_, storage::embedded_migrations());
    ASSERT_TRUE(migrated.ok()) << migrated.error().message;
  }

  // add_user inside its own transaction, as `atrium user add` runs it.
  Result<std::string> add(const NewUser& user) {
    Result<std::string> added = make_error(ErrorCode::internal_error, "not run");
    auto done = database_->transact([&](storage::Connection& connection) -> Result<void> {
      added = add_user(connection, user);
      if (!added) return added.error();
      return {};
    });
    if (!done && added.ok()) return done.take_error();
    return added;
  }

  atrium::testing::TempDir dir_;
  std::unique_ptr<storage::Database> database_;
};

TEST_F(UserDirectoryTest, StoresAUserWithALowerCasedUsername) {
  auto id = add(NewUser{"Alice.Smith", "Alice Smith", "alice@example.org", "", true});
  ASSERT_TRUE(id.ok()) << id.error().message;
  EXPECT_EQ(id->size(), 26U);
  const auto rows = select(*database_, "SELECT username, name, email, password_hash, is_admin, active, version "
                                       "FROM users WHERE id = ?", {*id});
  ASSERT_EQ(rows.size(), 1U);
  const auto& row = rows.rows[0];
  EXPECT_EQ(row[0].text(), "alice.smith");
  EXPECT_EQ(row[1].text(), "Alice Smith");
  EXPECT_EQ(row[2].text(), "alice@example.org");
  EXPECT_TRUE(row[3].is_null());  // no password: cannot log in yet
  EXPECT_EQ(row[4].integer(), 1);
  EXPECT_EQ(row[5].integer(), 1);
  EXPECT_EQ(row[6].integer(), 1);
}

TEST_F(UserDirectoryTest, ANameAndEmailAreOptional) {
  auto id = add(NewUser{"bob", "", "", ""});
  ASSERT_TRUE(id.ok()) << id.error().message;
  const auto rows = select(*database_, "SELECT name, email FROM users WHERE id = ?", {*id});
  EXPECT_EQ(rows.rows[0][0].text(), "bob");  // the username stands in for the name
  EXPECT_TRUE(rows.rows[0][1].is_null());
}

TEST_F(UserDirectoryTest, StoresAVerifiableHashNeverThePassword) {
  const std::string password = "a long enough password";
  auto id = add(NewUser{"carol", "", "", password});
  ASSERT_TRUE(id.ok()) << id.error().message;
  const auto hash = select(*database_, "SELECT password_hash FROM users WHERE id = ?", {*id}).rows[0][0].text();
  EXPECT_NE(hash.find("$argon2id$"), std::string::npos);
  EXPECT_EQ(hash.find(password), std::string::npos);
  EXPECT_TRUE(verify_password(password, hash));
}

TEST_F(UserDirectoryTest, AShortPasswordIsRefusedOnThePasswordField) {
  auto id = add(NewUser{"dave", "", "", std::string(kMinimumPasswordLength - 1, 'x')});
  ASSERT_FALSE(id.ok());
  EXPECT_EQ(id.error().code, ErrorCode::validation_failed);
  EXPECT_THAT(id.error().fields, ElementsAre(field_error("password", "PASSWORD_TOO_SHORT")));
  EXPECT_TRUE(select(*database_, "SELECT 1 FROM users").empty());
}

TEST_F(UserDirectoryTest, AnOverlongPasswordIsRefused) {
  auto id = add(NewUser{"erin", "", "", std::string(1025, 'x')});
  ASSERT_FALSE(id.ok());
  EXPECT_THAT(id.error().fields, ElementsAre(field_error("password", "FIELD_TOO_LONG")));
}

TEST_F(UserDirectoryTest, InvalidUsernamesAreRefusedOnTheUsernameField) {
  for (const std::string& username :
       std::vector<std::string>{"", "has space", "semi;colon", "ümlaut", std::string(65, 'a')}) {
    auto id = add(NewUser{username, "", "", ""});
    ASSERT_FALSE(id.ok()) << username;
    EXPECT_EQ(id.error().code, ErrorCode::validation_failed);
    EXPECT_THAT(id.error().fields, ElementsAre(field_error("username", "FIELD_INVALID"))) << username;
  }
}

TEST_F(UserDirectoryTest, ReportsEveryInvalidFieldAtOnce) {
  auto id = add(NewUser{"bad name", "", "", "short"});
  ASSERT_FALSE(id.ok());
  EXPECT_THAT(id.error().fields,
              ElementsAre(field_error("username", "FIELD_INVALID"), field_error("password", "PASSWORD_TOO_SHORT")));
}

TEST_F(UserDirectoryTest, AcceptsTheDocumentedUsernameCharacters) {
  auto id = add(NewUser{"first.last_2-x@example.org", "", "", ""});
  EXPECT_TRUE(id.ok()) << id.error().message;
  EXPECT_TRUE(add(NewUser{std::string(64, 'a'), "", "", ""}).ok());
}

TEST_F(UserDirectoryTest, UsernamesAreUniqueWhateverTheirCase) {
  ASSERT_TRUE(add(NewUser{"frank", "", "", ""}).ok());
  auto again = add(NewUser{"FRANK", "", "", ""});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::validation_failed);
  EXPECT_THAT(again.error().fields, ElementsAre(field_error("username", "UNIQUE_VIOLATION")));
  EXPECT_EQ(select(*database_, "SELECT COUNT(*) FROM users").rows[0][0].integer(), 1);
}

}  // namespace
}  // namespace atrium::access
