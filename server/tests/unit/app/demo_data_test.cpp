#include "atrium/app/demo_data.hpp"

#include <gtest/gtest.h>

#include <set>

#include "atrium/access/password_hasher.hpp"
#include "atrium/app/schema_setup.hpp"
#include "atrium/storage/table_checksum.hpp"
#include "support/database_helpers.hpp"
#include "support/temp_dir.hpp"

namespace atrium::app {
namespace {

using atrium::testing::count_rows;
using atrium::testing::select;

class DemoDataTest : public ::testing::Test {
 protected:
  std::unique_ptr<storage::Database> migrated(const std::string& name) {
    auto database = atrium::testing::open_sqlite(dir_, name);
    // Demo data fills entity tables too: the whole schema, not just the migrations.
    auto report = prepare_schema(*database);
    if (!report) throw std::runtime_error(report.error().message);
    return database;
  }

  static storage::TableChecksum users_checksum(storage::Database& database,
                                               const std::vector<std::string>& ignored = {}) {
    auto sums = storage::table_checksums(database, ignored);
    if (!sums) throw std::runtime_error(sums.error().message);
    for (const auto& sum : *sums) {
      if (sum.table == "users") return sum;
    }
    throw std::runtime_error("no users table");
  }

  atrium::testing::TempDir dir_;
};

TEST_F(DemoDataTest, LoadsOnceWithTheDemoLoginAndNotAgain) {
  auto database = migrated("demo.db");
  auto before = has_demo_data(*database);
  ASSERT_TRUE(before.ok());
  EXPECT_FALSE(*before);

  auto first = load_demo_data(*database, DemoSize{5, 10, 20, 5});
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_TRUE(first->loaded);
  // the demo login, the manager, the three people of the demo's access control and five users
  EXPECT_EQ(count_rows(*database, "users"), 10);
  EXPECT_EQ(count_rows(*database, "r_products"), 5);
  EXPECT_EQ(count_rows(*database, "r_accounts"), 10);
  EXPECT_EQ(count_rows(*database, "r_contacts"), 20);
  // Every row written is counted: users, picklist values, records and contact places.
  std::int64_t access_rows = 0;
  for (const char* table : {"roles", "role_rights", "field_rights", "teams", "team_members", "user_roles",
                            "user_attributes", "approval_rules"}) {
    access_rows += count_rows(*database, table);
  }
  // Pricing: three price lists, each with two rates (one from ten pieces) per product, and the rules.
  EXPECT_EQ(count_rows(*database, "r_price_lists"), 3);
  EXPECT_EQ(count_rows(*database, "r_price_list_rates"), 3 * 5 * 2);
  std::int64_t pricing_rows = 0;
  for (const char* table : {"r_price_lists", "r_price_list_rates", "r_discount_rules", "r_tax_rules"}) {
    pricing_rows += count_rows(*database, table);
  }
  // The sales cycle: checklist rules per order type, message templates and its automation
  // rules (interim reply, shipment, delivery chase, payment reminder, contract review).
  EXPECT_EQ(count_rows(*database, "r_order_checklist_rules"), 16);
  const auto sales_rules = select(*database, "SELECT COUNT(*) FROM automation_rules WHERE entity <> 'account'");
  EXPECT_EQ(sales_rules.rows[0][0].integer(), 5);
  const std::int64_t sales_rows = count_rows(*database, "r_order_checklist_rules") +
                                  count_rows(*database, "message_templates") + sales_rules.rows[0][0].integer();
  EXPECT_EQ(first->rows, 10 + access_rows + count_rows(*database, "picklist_values") + 5 + 10 + 20 +
                             count_rows(*database, "r_account_contacts") + pricing_rows + sales_rows);
  const auto login =
      select(*database, "SELECT password_hash, is_admin FROM users WHERE username = ?", {std::string(kDemoUsername)});
  ASSERT_EQ(login.size(), 1U);
  EXPECT_TRUE(access::verify_password(kDemoPassword, login.rows[0][0].text()));
  EXPECT_EQ(login.rows[0][1].integer(), 1);
  auto after = has_demo_data(*database);
  ASSERT_TRUE(after.ok());
  EXPECT_TRUE(*after);

  auto second = load_demo_data(*database, DemoSize{5, 10, 20, 5});
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_FALSE(second->loaded);
  EXPECT_EQ(second->rows, 0);
  EXPECT_EQ(count_rows(*database, "users"), 10);
}

TEST_F(DemoDataTest, TheSameSizeGivesTheSameUsersIdsIncluded) {
  auto one = migrated("one.db");
  auto two = migrated("two.db");
  ASSERT_TRUE(load_demo_data(*one, DemoSize{30, 10, 20, 5}).ok());
  ASSERT_TRUE(load_demo_data(*two, DemoSize{30, 10, 20, 5}).ok());
  // The demo login's hash is salted, so it differs by design; every other value agrees.
  const auto left = users_checksum(*one, {"users.password_hash"});
  const auto right = users_checksum(*two, {"users.password_hash"});
  EXPECT_EQ(left.rows, 35);  // the demo login, the manager, the access demo's three and 30 users
  EXPECT_EQ(left.digest, right.digest);
  const auto ids = "SELECT id FROM users ORDER BY id";
  const auto rows = select(*one, ids);
  EXPECT_EQ(rows.rows, select(*two, ids).rows);
  std::set<std::string> distinct;
  for (const auto& row : rows.rows) {
    EXPECT_EQ(row[0].text().size(), 26U);
    distinct.insert(row[0].text());
  }
  EXPECT_EQ(distinct.size(), rows.size());
}

TEST_F(DemoDataTest, EnsureInstanceCreatesTheRowOnce) {
  auto database = migrated("demo.db");
  auto first = ensure_instance(*database);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_TRUE(*first);
  auto second = ensure_instance(*database);
  ASSERT_TRUE(second.ok());
  EXPECT_FALSE(*second);
  EXPECT_EQ(count_rows(*database, "instance"), 1);
  auto demo = has_demo_data(*database);
  ASSERT_TRUE(demo.ok());
  EXPECT_FALSE(*demo);
}

}  // namespace
}  // namespace atrium::app
