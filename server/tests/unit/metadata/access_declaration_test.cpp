// Default deny starts at the definitions: an entity must declare its access, and what it
// declares must make sense, or the catalog (and with it the server) does not start.
#include <gtest/gtest.h>

#include "atrium/metadata/catalog.hpp"

namespace atrium::metadata {
namespace {

Result<Catalog> catalog_of(std::vector<std::pair<std::string, std::string>> files) {
  return Catalog::from_json_files(files, FieldTypeRegistry::standard());
}

const char* kParent = R"({"name": "company", "plural": "companies", "access": {"default_scope": "rule"}, "title_field": "name",
  "fields": [{"id": "name", "name": "name", "type": "text", "label": "Name"}]})";

TEST(AccessDeclarationTest, AnEntityWithoutOneDoesNotLoad) {
  auto catalog = catalog_of({{"company.json", R"({"name": "company", "plural": "companies", "title_field": "name",
    "fields": [{"id": "name", "name": "name", "type": "text", "label": "Name"}]})"}});
  ASSERT_FALSE(catalog.ok());
  EXPECT_NE(catalog.error().message.find("access"), std::string::npos) << catalog.error().message;
}

TEST(AccessDeclarationTest, AChildNamesALinkAsItsParent) {
  auto catalog = catalog_of({{"company.json", kParent},
                             {"note.json", R"({"name": "note", "plural": "notes",
    "access": {"parent": "company"}, "title_field": "subject",
    "fields": [{"id": "subject", "name": "subject", "type": "text", "label": "Subject"},
               {"id": "company", "name": "company", "type": "link", "entity": "company", "label": "Company"}]})"}});
  ASSERT_TRUE(catalog.ok()) << catalog.error().message;
  EXPECT_EQ(catalog->find("note")->access.parent_field, "company");
  EXPECT_EQ(catalog->find("company")->access.default_scope, Scope::rule);
}

TEST(AccessDeclarationTest, AParentThatIsNotALinkIsRefused) {
  auto catalog = catalog_of({{"company.json", kParent},
                             {"note.json", R"({"name": "note", "plural": "notes",
    "access": {"parent": "title"}, "title_field": "title",
    "fields": [{"id": "title", "name": "title", "type": "text", "label": "Title"}]})"}});
  ASSERT_FALSE(catalog.ok());
  EXPECT_NE(catalog.error().message.find("parent"), std::string::npos) << catalog.error().message;
}

TEST(AccessDeclarationTest, AnUnknownScopeOrKeyIsRefused) {
  auto scope = catalog_of({{"company.json", R"({"name": "company", "plural": "companies", "title_field": "name",
    "access": {"default_scope": "everyone"}, "fields": [{"id": "name", "name": "name", "type": "text"}]})"}});
  ASSERT_FALSE(scope.ok());
  EXPECT_NE(scope.error().message.find("default_scope"), std::string::npos) << scope.error().message;
  auto key = catalog_of({{"company.json", R"({"name": "company", "plural": "companies", "title_field": "name",
    "access": {"owner": "me"}, "fields": [{"id": "name", "name": "name", "type": "text"}]})"}});
  ASSERT_FALSE(key.ok());
  EXPECT_NE(key.error().message.find("owner"), std::string::npos) << key.error().message;
}

}  // namespace
}  // namespace atrium::metadata
