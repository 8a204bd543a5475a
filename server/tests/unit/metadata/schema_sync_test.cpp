#include "atrium/metadata/schema_sync.hpp"

#include <gtest/gtest.h>

#include "atrium/storage/migration.hpp"
#include "support/database_helpers.hpp"
#include "support/temp_dir.hpp"

namespace atrium::metadata {
namespace {

const char* kCompany = R"({"name": "company", "plural": "companies", "access": {},
  "fields": [
    {"id": "name", "name": "name", "type": "text", "label": "Name", "required": true, "indexed": true},
    {"id": "limit", "name": "credit_limit", "type": "money", "label": "Credit limit"},
    {"id": "parent", "name": "parent", "type": "link", "entity": "company"}]})";

Catalog catalog_of(const std::string& json) {
  auto catalog = Catalog::from_json_files({{"company.json", json}}, FieldTypeRegistry::standard());
  if (!catalog) throw std::runtime_error(catalog.error().message);
  return std::move(*catalog);
}

class SchemaSyncTest : public ::testing::Test {
 protected:
  void SetUp() override {
    database_ = atrium::testing::open_sqlite(dir_);
    ASSERT_TRUE(storage::apply_migrations(*database_, storage::embedded_migrations()).ok());
  }
  std::vector<std::string> columns() {
    std::vector<std::string> names;
    for (const auto& row : atrium::testing::select(*database_, "SELECT name FROM pragma_table_info('r_companies')").rows) {
      names.push_back(row[0].text());
    }
    return names;
  }
  atrium::testing::TempDir dir_;
  std::unique_ptr<storage::Database> database_;
};

TEST_F(SchemaSyncTest, CreatesTablesColumnsAndIndexesOnce) {
  const auto catalog = catalog_of(kCompany);
  auto first = sync_schema(*database_, catalog);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->tables_created, 1);
  EXPECT_EQ(first->columns_added, 4);  // name, limit amount and currency, parent
  EXPECT_GT(first->indexes_created, 0);
  const auto names = columns();
  EXPECT_NE(std::find(names.begin(), names.end(), "f_limit_amount"), names.end());
  EXPECT_NE(std::find(names.begin(), names.end(), "f_limit_currency"), names.end());
  auto second = sync_schema(*database_, catalog);
  ASSERT_TRUE(second.ok());
  EXPECT_FALSE(second->changed());
}

TEST_F(SchemaSyncTest, RelabellingAndRenamingMakeNoDdlAndKeepTheData) {
  ASSERT_TRUE(sync_schema(*database_, catalog_of(kCompany)).ok());
  atrium::testing::run(*database_,
                       "INSERT INTO r_companies (id, created_at, updated_at, f_name) VALUES ('c1', 'x', 'x', 'Acme')");
  std::string renamed = kCompany;
  renamed.replace(renamed.find(R"("name": "name", "type": "text", "label": "Name")"),
                  std::string(R"("name": "name", "type": "text", "label": "Name")").size(),
                  R"("name": "legal_name", "type": "text", "label": "Legal name")");
  renamed.replace(renamed.find(R"("access": {})"), std::string(R"("access": {})").size(),
                  R"("access": {}, "title_field": "legal_name")");
  auto synced = sync_schema(*database_, catalog_of(renamed));
  ASSERT_TRUE(synced.ok());
  EXPECT_FALSE(synced->changed());
  EXPECT_EQ(atrium::testing::select(*database_, "SELECT f_name FROM r_companies").rows.at(0).at(0).text(), "Acme");
}

TEST_F(SchemaSyncTest, ANewFieldAddsItsColumnToTheExistingTable) {
  ASSERT_TRUE(sync_schema(*database_, catalog_of(kCompany)).ok());
  std::string extended = kCompany;
  extended.insert(extended.rfind(']'), R"(, {"id": "vat", "name": "vat_id", "type": "text", "indexed": true})");
  auto synced = sync_schema(*database_, catalog_of(extended));
  ASSERT_TRUE(synced.ok()) << synced.error().message;
  EXPECT_EQ(synced->tables_created, 0);
  EXPECT_EQ(synced->columns_added, 1);
  EXPECT_EQ(synced->indexes_created, 1);
}

}  // namespace
}  // namespace atrium::metadata
