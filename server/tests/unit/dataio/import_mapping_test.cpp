#include "atrium/dataio/import_mapping.hpp"

#include <gtest/gtest.h>

#include "atrium/app/schema_setup.hpp"
#include "atrium/dataio/address_book_presets.hpp"

namespace atrium::dataio {
namespace {

class ImportMappingTest : public testing::Test {
 protected:
  records::EntityLayout layout(std::string_view name) {
    auto catalog = app::builtin_catalog();
    EXPECT_TRUE(catalog);
    return records::EntityLayout(*(*catalog)->find(name), **catalog);
  }
};

TEST_F(ImportMappingTest, SuggestsByNameAndLabelWithoutCaseOrAccents) {
  const auto accounts = layout("account");
  const auto suggestion =
      suggest_mapping(accounts, {"CODE", "Name", "e-mail", "Parent account", "Billing address: city", "Shoe size"});
  EXPECT_EQ(suggestion.targets,
            (std::vector<std::string>{"code", "name", "email", "parent_id", "billing_address.city", ""}));
  EXPECT_EQ(suggestion.preset, "");
}

TEST_F(ImportMappingTest, ReadOnlyFieldsAndLinkListsAreNoTargets) {
  const auto accounts = layout("account");
  const auto targets = import_targets(accounts);
  EXPECT_NE(find_target(targets, "billing_address.postal_code"), nullptr);
  EXPECT_NE(find_target(targets, "parent_id"), nullptr);
  EXPECT_EQ(find_target(targets, "billing_address"), nullptr);
  EXPECT_EQ(find_target(targets, "id"), nullptr);
}

TEST_F(ImportMappingTest, AGoogleContactsExportMapsItself) {
  const auto contacts = layout("contact");
  const std::vector<std::string> header{"Name",          "Given Name",      "Family Name",        "E-mail 1 - Type",
                                        "E-mail 1 - Value", "Phone 1 - Value", "Address 1 - City", "Notes"};
  const auto suggestion = suggest_mapping(contacts, header);
  EXPECT_EQ(suggestion.preset, "google");
  EXPECT_EQ(suggestion.targets, (std::vector<std::string>{"", "first_name", "last_name", "", "email", "phone",
                                                          "address.city", "comments"}));
}

TEST_F(ImportMappingTest, AnOutlookExportMapsItself) {
  const auto contacts = layout("contact");
  const std::vector<std::string> header{"First Name",    "Last Name",   "Job Title",      "Company",
                                        "E-mail Address", "Business Phone", "Mobile Phone", "Business Country/Region"};
  const auto suggestion = suggest_mapping(contacts, header);
  EXPECT_EQ(suggestion.preset, "outlook");
  EXPECT_EQ(suggestion.targets, (std::vector<std::string>{"first_name", "last_name", "title", "", "email", "phone",
                                                          "mobile", "address.country"}));
}

TEST(AddressBookPresetTest, NeedsThreeColumnsOfAPreset) {
  EXPECT_EQ(match_address_book_preset({"First Name", "Last Name"}), nullptr);
  const auto* outlook = match_address_book_preset({"first name", "LAST NAME", "e-mail address"});
  ASSERT_NE(outlook, nullptr);
  EXPECT_EQ(outlook->name, "outlook");
  // Presets apply to contacts only: an account file with such columns maps by name.
  EXPECT_EQ(match_address_book_preset({"code", "name", "email"}), nullptr);
}

}  // namespace
}  // namespace atrium::dataio
