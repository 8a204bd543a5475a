#include "records/query_compiler.hpp"

#include <gtest/gtest.h>

namespace atrium::records {
namespace {

const char* kCompany = R"({"name": "company", "plural": "companies", "access": {},
  "fields": [
    {"id": "name", "name": "name", "type": "text", "indexed": true},
    {"id": "area", "name": "area", "type": "enum", "values": [{"key": "north"}, {"key": "south"}]},
    {"id": "limit", "name": "credit_limit", "type": "money"},
    {"id": "tags", "name": "tags", "type": "multi_enum", "values": [{"key": "a"}, {"key": "b"}]},
    {"id": "address", "name": "address", "type": "address"},
    {"id": "parent", "name": "parent", "type": "link", "entity": "company"}]})";

class QueryCompilerTest : public ::testing::Test {
 protected:
  QueryCompilerTest()
      : catalog_(*metadata::Catalog::from_json_files({{"company.json", kCompany}},
                                                     metadata::FieldTypeRegistry::standard())),
        layout_(catalog_.entities().front(), catalog_) {}

  Result<SqlFragment> compile(std::string_view filter, storage::Dialect dialect = storage::Dialect::sqlite,
                              bool avoid_choice_indexes = false) {
    auto tree = parse_filter(filter);
    if (!tree) return tree.take_error();
    const LayoutLookup lookup = [this](std::string_view) { return &layout_; };
    FilterContext context{lookup, dialect, "2026-11-22"};
    context.avoid_choice_indexes = avoid_choice_indexes;
    return compile_filter(**tree, layout_, context);
  }

  metadata::Catalog catalog_;
  EntityLayout layout_;
};

TEST_F(QueryCompilerTest, ValuesAreBoundNeverWrittenIntoTheSql) {
  auto sql = compile(R"(name eq "x'); DROP TABLE r_companies; --")");
  ASSERT_TRUE(sql.ok());
  EXPECT_EQ(sql->sql, "f_name = ?");
  ASSERT_EQ(sql->params.size(), 1U);
  EXPECT_EQ(sql->params[0].text(), "x'); DROP TABLE r_companies; --");
}

TEST_F(QueryCompilerTest, AndOrNotNest) {
  auto sql = compile(R"(area eq "north" and not (name starts "A" or name empty))");
  ASSERT_TRUE(sql.ok());
  EXPECT_EQ(sql->sql, "(f_area = ? AND NOT ((f_name LIKE ? ESCAPE '\\' OR f_name IS NULL)))");
  EXPECT_EQ(sql->params[1].text(), "A%");
}

TEST_F(QueryCompilerTest, LikePatternsEscapeTheirWildcards) {
  auto sql = compile(R"(name contains "50%_off")");
  ASSERT_TRUE(sql.ok());
  EXPECT_EQ(sql->params[0].text(), "%50\\%\\_off%");
  auto postgres = compile(R"(name contains "x")", storage::Dialect::postgresql);
  EXPECT_NE(postgres->sql.find("ILIKE"), std::string::npos);
}

TEST_F(QueryCompilerTest, NotEqualIncludesEmptyValues) {
  auto sql = compile(R"(area ne "north")");
  ASSERT_TRUE(sql.ok());
  EXPECT_EQ(sql->sql, "(f_area IS NULL OR f_area <> ?)");
}

TEST_F(QueryCompilerTest, MoneyComparesItsScaledAmount) {
  auto sql = compile("credit_limit ge 1000.5");
  ASSERT_TRUE(sql.ok());
  EXPECT_EQ(sql->sql, "f_limit_amount >= ?");
  EXPECT_EQ(sql->params[0].integer(), 10'005'000);  // scale 4
}

TEST_F(QueryCompilerTest, CompositePartsAndLinksBecomeColumnsAndSubqueries) {
  auto part = compile(R"(address.city eq "Köln")");
  ASSERT_TRUE(part.ok());
  EXPECT_EQ(part->sql, "f_address_city = ?");
  auto through = compile(R"(parent.name eq "Acme")");
  ASSERT_TRUE(through.ok());
  EXPECT_EQ(through->sql, "f_parent IN (SELECT id FROM r_companies WHERE f_name = ?)");
}

TEST_F(QueryCompilerTest, SetFieldsMatchAnyElementPerDialect) {
  auto sqlite = compile(R"(tags in ["a", "b"])");
  ASSERT_TRUE(sqlite.ok());
  EXPECT_EQ(sqlite->sql, "EXISTS (SELECT 1 FROM json_each(f_tags) WHERE json_each.value IN (?, ?))");
  auto postgres = compile(R"(tags contains "a")", storage::Dialect::postgresql);
  EXPECT_EQ(postgres->sql, "jsonb_exists_any(f_tags::jsonb, ARRAY[?]::text[])");
}

TEST_F(QueryCompilerTest, ChoiceIndexesAreAvoidedOnlyWhenAsked) {
  EXPECT_EQ(compile(R"(area eq "north")", storage::Dialect::sqlite, true)->sql, "+f_area = ?");
  EXPECT_EQ(compile(R"(area eq "north")", storage::Dialect::postgresql, true)->sql, "f_area = ?");
  EXPECT_EQ(compile(R"(name eq "x")", storage::Dialect::sqlite, true)->sql, "f_name = ?");
}

TEST_F(QueryCompilerTest, ProblemsAreNamedWithStableCodes) {
  EXPECT_EQ(compile(R"(colour eq "red")").error().fields.at(0).code, "FILTER_UNKNOWN_FIELD");
  EXPECT_EQ(compile(R"(credit_limit contains "1")").error().fields.at(0).code, "FILTER_OPERATOR_NOT_SUPPORTED");
  EXPECT_EQ(compile("area eq 12").error().fields.at(0).code, "FILTER_TYPE_MISMATCH");
  EXPECT_EQ(compile("area in user.areas").error().fields.at(0).code, "FILTER_UNKNOWN_ATTRIBUTE");
}

TEST_F(QueryCompilerTest, SortsEndWithTheIdAndRefuseUnsortableFields) {
  auto keys = parse_sort("-name", layout_);
  ASSERT_TRUE(keys.ok());
  ASSERT_EQ(keys->size(), 2U);
  EXPECT_EQ(order_by_sql(*keys), "f_name DESC NULLS LAST, id DESC NULLS LAST");
  EXPECT_EQ(parse_sort("address", layout_).error().fields.at(0).code, "SORT_INVALID");
}

TEST_F(QueryCompilerTest, CursorsRoundTripAndAreBoundToTheirSort) {
  const storage::Row values{storage::Value("Acme"), storage::Value(), storage::Value("01ID")};
  const std::string cursor = encode_cursor("name", values);
  auto back = decode_cursor(cursor, "name", 3);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, values);
  EXPECT_FALSE(decode_cursor(cursor, "-name", 3).ok());
  EXPECT_FALSE(decode_cursor("not a cursor!", "name", 3).ok());
}

TEST_F(QueryCompilerTest, AfterTheCursorTreatsNullAsTheSmallestValue) {
  const std::vector<SortKey> keys{{"f_name", false}, {"id", false}};
  auto with_value = after_cursor_sql(keys, {storage::Value("Acme"), storage::Value("01ID")});
  EXPECT_EQ(with_value.sql, "(f_name > ? OR (f_name = ? AND (id > ?)))");
  EXPECT_EQ(with_value.params.size(), 3U);
  auto with_null = after_cursor_sql(keys, {storage::Value(), storage::Value("01ID")});
  EXPECT_EQ(with_null.sql, "(f_name IS NOT NULL OR (f_name IS NULL AND (id > ?)))");
}

}  // namespace
}  // namespace atrium::records
