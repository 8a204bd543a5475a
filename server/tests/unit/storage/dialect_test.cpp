#include "atrium/storage/dialect.hpp"

#include <gtest/gtest.h>

namespace atrium::storage {
namespace {

TEST(ToNumberedPlaceholdersTest, NumbersPlaceholdersInOrder) {
  EXPECT_EQ(to_numbered_placeholders("SELECT * FROM t WHERE a = ? AND b IN (?, ?)"),
            "SELECT * FROM t WHERE a = $1 AND b IN ($2, $3)");
}

TEST(ToNumberedPlaceholdersTest, LeavesSqlWithoutPlaceholdersAlone) {
  EXPECT_EQ(to_numbered_placeholders("SELECT 1"), "SELECT 1");
  EXPECT_EQ(to_numbered_placeholders(""), "");
}

TEST(ToNumberedPlaceholdersTest, IgnoresQuestionMarksInsideStrings) {
  EXPECT_EQ(to_numbered_placeholders("SELECT '?', ? FROM t WHERE note = 'why?'"),
            "SELECT '?', $1 FROM t WHERE note = 'why?'");
}

TEST(ToNumberedPlaceholdersTest, IgnoresQuestionMarksInsideQuotedIdentifiers) {
  EXPECT_EQ(to_numbered_placeholders(R"(SELECT "odd?name" FROM t WHERE x = ?)"),
            R"(SELECT "odd?name" FROM t WHERE x = $1)");
}

TEST(ToNumberedPlaceholdersTest, HandlesDoubledQuotesInsideStrings) {
  EXPECT_EQ(to_numbered_placeholders("SELECT 'it''s ?' WHERE a = ?"), "SELECT 'it''s ?' WHERE a = $1");
}

TEST(ToNumberedPlaceholdersTest, ADoubleQuoteInsideAStringDoesNotOpenAnIdentifier) {
  EXPECT_EQ(to_numbered_placeholders(R"(SELECT 'say "hi' WHERE a = ?)"), R"(SELECT 'say "hi' WHERE a = $1)");
}

TEST(ToNumberedPlaceholdersTest, CountsPastNine) {
  EXPECT_EQ(to_numbered_placeholders("?,?,?,?,?,?,?,?,?,?,?"), "$1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11");
}

TEST(DialectNameTest, NamesBothDialects) {
  EXPECT_EQ(dialect_name(Dialect::sqlite), "sqlite");
  EXPECT_EQ(dialect_name(Dialect::postgresql), "postgresql");
}

}  // namespace
}  // namespace atrium::storage
