#include "atrium/records/numbering.hpp"

#include <gtest/gtest.h>

#include "atrium/storage/migration.hpp"
#include "support/database_helpers.hpp"
#include "support/temp_dir.hpp"

namespace atrium::records {
namespace {

TimePoint on(int year, unsigned month, unsigned day) {
  return std::chrono::sys_days(std::chrono::year_month_day{std::chrono::year{year}, std::chrono::month{month},
                                                           std::chrono::day{day}});
}

TEST(NumberPatternTest, FillsInTheDateAroundTheCounter) {
  auto pattern = resolve_number_pattern("QUO-{YYYY}/{MM}-{#####}-X", on(2026, 11, 22));
  ASSERT_TRUE(pattern.ok());
  EXPECT_EQ(pattern->prefix, "QUO-2026/11-");
  EXPECT_EQ(pattern->suffix, "-X");
  EXPECT_EQ(pattern->width, 5);
}

TEST(NumberPatternTest, NeedsExactlyOneCounter) {
  EXPECT_FALSE(resolve_number_pattern("QUO-{YYYY}", on(2026, 1, 1)).ok());
  EXPECT_FALSE(resolve_number_pattern("{##}-{##}", on(2026, 1, 1)).ok());
  EXPECT_FALSE(resolve_number_pattern("{WEEK}-{###}", on(2026, 1, 1)).ok());
}

class NextNumberTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = storage::open_database("sqlite:" + dir_.file("numbers.db"), storage::DatabaseOptions{1});
    ASSERT_TRUE(opened.ok());
    database_ = std::move(*opened);
    ASSERT_TRUE(storage::apply_migrations(*database_, storage::embedded_migrations()).ok());
  }

  std::string next(std::string_view pattern, TimePoint when) {
    std::string number;
    auto done = database_->transact([&](storage::Connection& connection) -> Result<void> {
      auto taken = next_number(connection, "quotation", pattern, when);
      if (!taken) return taken.take_error();
      number = *taken;
      return {};
    });
    EXPECT_TRUE(done.ok());
    return number;
  }

  testing::TempDir dir_;
  std::unique_ptr<storage::Database> database_;
};

TEST_F(NextNumberTest, CountsUpZeroPadded) {
  EXPECT_EQ(next("Q-{YYYY}-{####}", on(2026, 3, 1)), "Q-2026-0001");
  EXPECT_EQ(next("Q-{YYYY}-{####}", on(2026, 3, 2)), "Q-2026-0002");
}

TEST_F(NextNumberTest, RestartsWhenTheYearInThePatternChanges) {
  EXPECT_EQ(next("Q-{YYYY}-{###}", on(2026, 12, 31)), "Q-2026-001");
  EXPECT_EQ(next("Q-{YYYY}-{###}", on(2026, 12, 31)), "Q-2026-002");
  EXPECT_EQ(next("Q-{YYYY}-{###}", on(2027, 1, 1)), "Q-2027-001");
}

TEST_F(NextNumberTest, APatternWithoutTheYearNeverRestarts) {
  EXPECT_EQ(next("P-{######}", on(2026, 12, 31)), "P-000001");
  EXPECT_EQ(next("P-{######}", on(2027, 1, 1)), "P-000002");
}

TEST_F(NextNumberTest, ARolledBackTransactionGivesItsNumberBack) {
  EXPECT_EQ(next("Q-{###}", on(2026, 1, 1)), "Q-001");
  auto failed = database_->transact([&](storage::Connection& connection) -> Result<void> {
    auto taken = next_number(connection, "quotation", "Q-{###}", on(2026, 1, 1));
    EXPECT_TRUE(taken.ok());
    return make_error(ErrorCode::conflict, "the record was not valid after all");
  });
  EXPECT_FALSE(failed.ok());
  EXPECT_EQ(next("Q-{###}", on(2026, 1, 1)), "Q-002");  // gap-free
}

}  // namespace
}  // namespace atrium::records
