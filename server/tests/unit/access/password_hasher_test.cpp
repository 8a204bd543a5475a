#include "atrium/access/password_hasher.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sodium.h>

namespace atrium::access {
namespace {

// Each hash costs 64 MiB and a noticeable fraction of a second, so the suite hashes once.
class PasswordHasherTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto hashed = hash_password(kPassword);
    ASSERT_TRUE(hashed.ok()) << hashed.error().message;
    hash_ = new std::string(std::move(*hashed));
  }
  static void TearDownTestSuite() {
    delete hash_;
    hash_ = nullptr;
  }

  static constexpr const char* kPassword = "correct horse battery staple";
  static std::string* hash_;
};
std::string* PasswordHasherTest::hash_ = nullptr;

TEST_F(PasswordHasherTest, HashesWithArgon2idAtTheChosenCost) {
  EXPECT_THAT(*hash_, ::testing::StartsWith("$argon2id$v=19$m=65536,t=3,p=1$"));
}

TEST_F(PasswordHasherTest, NeverContainsThePassword) { EXPECT_EQ(hash_->find(kPassword), std::string::npos); }

TEST_F(PasswordHasherTest, VerifiesTheRightPassword) { EXPECT_TRUE(verify_password(kPassword, *hash_)); }

TEST_F(PasswordHasherTest, RejectsAWrongPassword) { EXPECT_FALSE(verify_password("correct horse battery stapler", *hash_)); }

TEST_F(PasswordHasherTest, AFreshHashNeedsNoRehash) { EXPECT_FALSE(password_needs_rehash(*hash_)); }

TEST(PasswordHasherEdgeTest, AnEmptyHashNeverVerifies) {
  EXPECT_FALSE(verify_password("", ""));
  EXPECT_FALSE(verify_password("anything", ""));
}

TEST(PasswordHasherEdgeTest, AGarbledHashNeverVerifiesAndNeedsRehash) {
  EXPECT_FALSE(verify_password("anything", "$argon2id$garbage"));
  EXPECT_TRUE(password_needs_rehash("$argon2id$garbage"));
}

TEST(PasswordHasherEdgeTest, AHashWithOtherParametersVerifiesButNeedsRehash) {
  ASSERT_GE(sodium_init(), 0);
  char older[crypto_pwhash_STRBYTES];
  const std::string password = "an older password";
  // t=2 at a small memory cost: cheap to make, and not today's parameters.
  ASSERT_EQ(crypto_pwhash_str_alg(older, password.data(), password.size(), 2, std::size_t{8} * 1024 * 1024,
                                  crypto_pwhash_ALG_ARGON2ID13),
            0);
  EXPECT_TRUE(password_needs_rehash(older));
  EXPECT_TRUE(verify_password(password, older));
}

TEST(PasswordHasherEdgeTest, TwoHashesOfOnePasswordDiffer) {
  // Salted: equal passwords must not be visible as equal hashes.
  auto first = hash_password("same password here");
  ASSERT_TRUE(first.ok());
  auto second = hash_password("same password here");
  ASSERT_TRUE(second.ok());
  EXPECT_NE(*first, *second);
}

}  // namespace
}  // namespace atrium::access
