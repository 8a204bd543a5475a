#include "atrium/access/password_policy.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "atrium/access/password_hasher.hpp"
#include "support/temp_dir.hpp"

namespace atrium::access {
namespace {

const PasswordPolicy kPolicy = PasswordPolicy::from_words(
    "#!comment: a list in john's format\n#!comment:\nwinniethepooh\nCorrectHorseBattery\r\nshort\n");

TEST(PasswordPolicyTest, AcceptsALongUncommonPassword) {
  EXPECT_FALSE(kPolicy.check("a long enough password"));
}

TEST(PasswordPolicyTest, RefusesShortPasswordsFirst) {
  auto problem = kPolicy.check(std::string(kMinimumPasswordLength - 1, 'x'));
  ASSERT_TRUE(problem);
  EXPECT_EQ(problem->code, "PASSWORD_TOO_SHORT");
  EXPECT_EQ(problem->field, "password");
  EXPECT_EQ(kPolicy.check("short")->code, "PASSWORD_TOO_SHORT");
}

TEST(PasswordPolicyTest, RefusesListedPasswordsWhateverTheirCase) {
  EXPECT_EQ(kPolicy.check("winniethepooh")->code, "PASSWORD_TOO_COMMON");
  EXPECT_EQ(kPolicy.check("WinnieThePooh")->code, "PASSWORD_TOO_COMMON");
  EXPECT_EQ(kPolicy.check("correcthorsebattery", "new_password")->code, "PASSWORD_TOO_COMMON");
  EXPECT_EQ(kPolicy.check("correcthorsebattery", "new_password")->field, "new_password");
}

TEST(PasswordPolicyTest, SkipsCommentLines) {
  EXPECT_EQ(kPolicy.common_password_count(), 3U);
  EXPECT_FALSE(kPolicy.check("#!comment: a list in john's format"));
}

TEST(PasswordPolicyTest, RefusesOverlongPasswords) {
  EXPECT_EQ(kPolicy.check(std::string(1025, 'x'))->code, "FIELD_TOO_LONG");
}

TEST(PasswordPolicyTest, AMissingListLeavesTheLengthRule) {
  const auto policy = PasswordPolicy::load("/nonexistent/password.lst");
  EXPECT_EQ(policy.common_password_count(), 0U);
  EXPECT_FALSE(policy.check("winniethepooh"));
  EXPECT_EQ(policy.check("short")->code, "PASSWORD_TOO_SHORT");
}

TEST(PasswordPolicyTest, LoadsAListFromAFile) {
  atrium::testing::TempDir dir;
  const auto file = dir.path() / "password.lst";
  std::ofstream(file) << "#!comment: test\nletmeinletmein\n";
  const auto policy = PasswordPolicy::load(file);
  EXPECT_EQ(policy.check("LetMeInLetMeIn")->code, "PASSWORD_TOO_COMMON");
}

}  // namespace
}  // namespace atrium::access
