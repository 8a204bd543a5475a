// A definition's states must make sense before the server starts: the state field is an
// enum of the entity, every state named is one of its values, names are unique, required
// fields exist. Otherwise the catalog does not load and says why.
#include <gtest/gtest.h>

#include "atrium/metadata/catalog.hpp"

namespace atrium::metadata {
namespace {

Result<Catalog> catalog_with_states(const std::string& states) {
  const std::string definition = R"({"name": "ticket", "plural": "tickets", "access": {}, "title_field": "title",
    "fields": [{"id": "title", "name": "title", "type": "text", "label": "Title"},
               {"id": "answer", "name": "answer", "type": "long_text", "label": "Answer"},
               {"id": "status", "name": "status", "type": "enum", "label": "Status", "default": "new",
                "values": [{"key": "new", "label": "New"}, {"key": "closed", "label": "Closed"}]}],
    "states": )" + states + "}";
  return Catalog::from_json_files({{"ticket.json", definition}}, FieldTypeRegistry::standard());
}

void expect_refused(const std::string& states, std::string_view naming) {
  auto catalog = catalog_with_states(states);
  ASSERT_FALSE(catalog.ok()) << states;
  EXPECT_NE(catalog.error().message.find(naming), std::string::npos) << catalog.error().message;
}

TEST(StateMachineParserTest, ReadsTransitionsWithTheirRules) {
  auto catalog = catalog_with_states(R"({"field": "status", "initial": "new", "transitions": [
      {"name": "close", "label": "Close", "from": ["new"], "to": "closed", "requires": ["answer"],
       "roles": ["support"], "guard": "title not empty"},
      {"name": "reopen", "to": "new"}]})");
  ASSERT_TRUE(catalog.ok()) << catalog.error().message;
  const auto& machine = *catalog->find("ticket")->states;
  EXPECT_EQ(machine.field, "status");
  EXPECT_EQ(machine.initial, "new");
  ASSERT_EQ(machine.transitions.size(), 2U);
  const auto* close = machine.transition("close");
  ASSERT_NE(close, nullptr);
  EXPECT_EQ(close->from, std::vector<std::string>{"new"});
  EXPECT_EQ(close->required_fields, std::vector<std::string>{"answer"});
  EXPECT_EQ(close->roles, std::vector<std::string>{"support"});
  EXPECT_EQ(close->guard, "title not empty");
  // Without a label the name shows; without from-states any state is left.
  EXPECT_EQ(machine.transition("reopen")->label, "reopen");
  EXPECT_TRUE(machine.transition("reopen")->from.empty());
  EXPECT_EQ(machine.transition("escalate"), nullptr);
}

TEST(StateMachineParserTest, TheStateFieldIsAnEnumOfTheEntity) {
  expect_refused(R"({"field": "title", "initial": "new", "transitions": [{"name": "close", "to": "closed"}]})",
                 "enum field");
  expect_refused(R"({"field": "colour", "initial": "new", "transitions": [{"name": "close", "to": "closed"}]})",
                 "enum field");
}

TEST(StateMachineParserTest, EveryStateIsAValueOfTheField) {
  expect_refused(R"({"field": "status", "initial": "draft", "transitions": [{"name": "close", "to": "closed"}]})",
                 "initial state 'draft'");
  expect_refused(R"({"field": "status", "initial": "new", "transitions": [{"name": "close", "to": "done"}]})",
                 "goes to 'done'");
  expect_refused(
      R"({"field": "status", "initial": "new", "transitions": [{"name": "close", "from": ["open"], "to": "closed"}]})",
      "leaves 'open'");
}

TEST(StateMachineParserTest, NamesAreUniqueSnakeCaseAndRequiredFieldsExist) {
  expect_refused(R"({"field": "status", "initial": "new", "transitions": [
      {"name": "close", "to": "closed"}, {"name": "close", "to": "new"}]})",
                 "declared twice");
  expect_refused(R"({"field": "status", "initial": "new", "transitions": [{"name": "Close it", "to": "closed"}]})",
                 "snake_case");
  expect_refused(
      R"({"field": "status", "initial": "new", "transitions": [{"name": "close", "to": "closed", "requires": ["reply"]}]})",
      "requires 'reply'");
  expect_refused(R"({"field": "status", "initial": "new", "transitions": []})", "at least one transition");
  expect_refused(R"({"field": "status", "initial": "new", "transitions": [{"name": "close", "to": "closed", "when": "x"}]})",
                 "unknown key 'when'");
}

}  // namespace
}  // namespace atrium::metadata
