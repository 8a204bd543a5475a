#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "atrium/records/filter.hpp"

namespace atrium::records {
namespace {

// --- helpers ------------------------------------------------------------------------------

bool same_value(const FilterValue& a, const FilterValue& b) {
  if (a.kind != b.kind || a.text != b.text || a.boolean != b.boolean || a.day_offset != b.day_offset ||
      a.items.size() != b.items.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.items.size(); ++i) {
    if (!same_value(a.items[i], b.items[i])) return false;
  }
  return true;
}

// Every member compared, including those a node of its kind leaves at their defaults.
bool same_tree(const FilterNode& a, const FilterNode& b) {
  if (a.kind != b.kind || a.comparison.path != b.comparison.path || a.comparison.op != b.comparison.op ||
      !same_value(a.comparison.value, b.comparison.value) || a.children.size() != b.children.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.children.size(); ++i) {
    if (!a.children[i] || !b.children[i]) return a.children[i] == b.children[i];
    if (!same_tree(*a.children[i], *b.children[i])) return false;
  }
  return true;
}

const char* op_word(FilterOperator op) {
  switch (op) {
    case FilterOperator::eq: return "eq";
    case FilterOperator::ne: return "ne";
    case FilterOperator::lt: return "lt";
    case FilterOperator::le: return "le";
    case FilterOperator::gt: return "gt";
    case FilterOperator::ge: return "ge";
    case FilterOperator::in: return "in";
    case FilterOperator::contains: return "contains";
    case FilterOperator::starts: return "starts";
    case FilterOperator::empty: return "empty";
    case FilterOperator::not_empty: return "not_empty";
  }
  return "?";
}

// A structural dump, independent of to_text: kinds spelled out, values tagged.
std::string dump_value(const FilterValue& value) {
  switch (value.kind) {
    case FilterValue::Kind::string: return "s'" + value.text + "'";
    case FilterValue::Kind::number: return "n" + value.text;
    case FilterValue::Kind::boolean: return value.boolean ? "T" : "F";
    case FilterValue::Kind::null: return "null";
    case FilterValue::Kind::user_attribute: return "user:" + value.text;
    case FilterValue::Kind::today: return "today" + std::to_string(value.day_offset);
    case FilterValue::Kind::list: {
      std::string out = "[";
      for (std::size_t i = 0; i < value.items.size(); ++i) out += (i ? " " : "") + dump_value(value.items[i]);
      return out + "]";
    }
  }
  return "?";
}

std::string dump(const FilterNode& node) {
  std::string out;
  switch (node.kind) {
    case FilterNode::Kind::comparison: {
      for (std::size_t i = 0; i < node.comparison.path.size(); ++i) out += (i ? "." : "") + node.comparison.path[i];
      out += std::string(" ") + op_word(node.comparison.op);
      if (node.comparison.op != FilterOperator::empty && node.comparison.op != FilterOperator::not_empty) {
        out += " " + dump_value(node.comparison.value);
      }
      return out;
    }
    case FilterNode::Kind::all_of: out = "all("; break;
    case FilterNode::Kind::any_of: out = "any("; break;
    case FilterNode::Kind::negation: out = "not("; break;
  }
  for (std::size_t i = 0; i < node.children.size(); ++i) out += (i ? "; " : "") + dump(*node.children[i]);
  return out + ")";
}

// The dump of a filter, or "error: <field message>".
std::string parsed(std::string_view text, const FilterLimits& limits = {}) {
  auto tree = parse_filter(text, limits);
  if (!tree.ok()) {
    const auto& fields = tree.error().fields;
    return "error: " + (fields.empty() ? tree.error().message : fields.front().message);
  }
  return dump(**tree);
}

std::string repeat(std::string_view piece, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

// --- structure ----------------------------------------------------------------------------

TEST(FilterParserTest, AndBindsTighterThanOr) {
  EXPECT_EQ(parsed("a eq 1 or b eq 2 and c eq 3"), "any(a eq n1; all(b eq n2; c eq n3))");
  EXPECT_EQ(parsed("a eq 1 and b eq 2 or c eq 3"), "any(all(a eq n1; b eq n2); c eq n3)");
  EXPECT_EQ(parsed("a eq 1 and (b eq 2 or c eq 3)"), "all(a eq n1; any(b eq n2; c eq n3))");
}

TEST(FilterParserTest, ChainsOfOneOperatorBecomeOneNode) {
  auto tree = parse_filter("a eq 1 and b eq 2 and c eq 3");
  ASSERT_TRUE(tree.ok());
  EXPECT_EQ((*tree)->kind, FilterNode::Kind::all_of);
  EXPECT_EQ((*tree)->children.size(), 3U);
  EXPECT_EQ(parsed("a eq 1 or b eq 2 or c eq 3 or d eq 4"), "any(a eq n1; b eq n2; c eq n3; d eq n4)");
  EXPECT_EQ(parsed("a eq 1 and b eq 2 and c eq 3 or d eq 4 and e eq 5"),
            "any(all(a eq n1; b eq n2; c eq n3); all(d eq n4; e eq n5))");
}

TEST(FilterParserTest, ParenthesesKeepTheirStructureAndAddNoNode) {
  EXPECT_EQ(parsed("((a eq 1))"), "a eq n1");
  EXPECT_EQ(parsed("(a eq 1 or b eq 2) or c eq 3"), "any(any(a eq n1; b eq n2); c eq n3)");
  EXPECT_EQ(parsed("(a eq 1 and b eq 2) and c eq 3"), "all(all(a eq n1; b eq n2); c eq n3)");
}

TEST(FilterParserTest, ReadsEveryOperator) {
  const std::vector<std::pair<std::string, FilterOperator>> cases{
      {"x eq 1", FilterOperator::eq},
      {"x ne 1", FilterOperator::ne},
      {"x lt 1", FilterOperator::lt},
      {"x le 1", FilterOperator::le},
      {"x gt 1", FilterOperator::gt},
      {"x ge 1", FilterOperator::ge},
      {"x in [1]", FilterOperator::in},
      {"x contains \"a\"", FilterOperator::contains},
      {"x starts \"a\"", FilterOperator::starts},
      {"x empty", FilterOperator::empty},
      {"x not empty", FilterOperator::not_empty},
  };
  for (const auto& [text, op] : cases) {
    auto tree = parse_filter(text);
    ASSERT_TRUE(tree.ok()) << text << ": " << tree.error().fields.front().message;
    EXPECT_EQ((*tree)->kind, FilterNode::Kind::comparison) << text;
    EXPECT_EQ((*tree)->comparison.op, op) << text;
  }
}

TEST(FilterParserTest, ReadsEveryKindOfValue) {
  EXPECT_EQ(parsed(R"(x eq "north")"), "x eq s'north'");
  EXPECT_EQ(parsed(R"(x eq "")"), "x eq s''");
  EXPECT_EQ(parsed(R"(x eq "say \"hi\" \\ bye")"), R"(x eq s'say "hi" \ bye')");
  EXPECT_EQ(parsed("x eq \"Zürich 東京 😀\""), "x eq s'Zürich 東京 😀'");
  EXPECT_EQ(parsed("x eq 12.50"), "x eq n12.50");
  EXPECT_EQ(parsed("x eq -3"), "x eq n-3");
  EXPECT_EQ(parsed("x eq 007"), "x eq n007");
  EXPECT_EQ(parsed("x eq 123456789012345678901234567890.000000000000000000001"),
            "x eq n123456789012345678901234567890.000000000000000000001");
  EXPECT_EQ(parsed("x eq true"), "x eq T");
  EXPECT_EQ(parsed("x ne false"), "x ne F");
  EXPECT_EQ(parsed("x eq null"), "x eq null");
  EXPECT_EQ(parsed(R"(x in ["a", 1, -2.5, true, false, null])"), "x in [s'a' n1 n-2.5 T F null]");
  EXPECT_EQ(parsed("area in user.areas"), "area in user:areas");
  EXPECT_EQ(parsed("owner_id eq user.id"), "owner_id eq user:id");
  EXPECT_EQ(parsed("due_on lt today"), "due_on lt today0");
  EXPECT_EQ(parsed("due_on lt today+7d"), "due_on lt today7");
  EXPECT_EQ(parsed("due_on lt today - 3d"), "due_on lt today-3");
  EXPECT_EQ(parsed("due_on lt today-3d"), "due_on lt today-3");
  EXPECT_EQ(parsed("due_on lt today -3d"), "due_on lt today-3");
  EXPECT_EQ(parsed("due_on lt today +  0d"), "due_on lt today0");
  EXPECT_EQ(parsed("due_on lt today+100000d"), "due_on lt today100000");
}

TEST(FilterParserTest, NumbersKeepTheirTextAndAreNeverRounded) {
  auto tree = parse_filter("amount eq 0.1000000000000000055511151231257827");
  ASSERT_TRUE(tree.ok());
  EXPECT_EQ((*tree)->comparison.value.kind, FilterValue::Kind::number);
  EXPECT_EQ((*tree)->comparison.value.text, "0.1000000000000000055511151231257827");
}

TEST(FilterParserTest, ReadsPaths) {
  auto tree = parse_filter("account.owner_2.area eq \"north\"");
  ASSERT_TRUE(tree.ok());
  EXPECT_EQ((*tree)->comparison.path, (std::vector<std::string>{"account", "owner_2", "area"}));
  EXPECT_EQ(parsed("_x eq 1"), "_x eq n1");
  // "user" is an ordinary field name on the left: only as a value is it the caller.
  EXPECT_EQ(parsed("user.name eq user.name"), "user.name eq user:name");
  // Words that are keywords elsewhere are field names where a field is expected.
  EXPECT_EQ(parsed("number eq 1 and today eq today and a.not empty"),
            "all(number eq n1; today eq today0; a.not empty)");
  EXPECT_EQ(parsed("  \t\na\neq\r\n1  "), "a eq n1");
}

TEST(FilterParserTest, NotNegatesTheFactorAfterIt) {
  EXPECT_EQ(parsed("not a eq 1"), "not(a eq n1)");
  EXPECT_EQ(parsed("not not a eq 1"), "not(not(a eq n1))");
  EXPECT_EQ(parsed("not a eq 1 and b eq 2"), "all(not(a eq n1); b eq n2)");
  EXPECT_EQ(parsed("not (a eq 1 and b eq 2)"), "not(all(a eq n1; b eq n2))");
  EXPECT_EQ(parsed("a eq 1 or not b eq 2"), "any(a eq n1; not(b eq n2))");
}

TEST(FilterParserTest, NotEmptyIsAnOperatorWhileNotBeforeAFieldIsANegation) {
  EXPECT_EQ(parsed("name not empty"), "name not_empty");
  EXPECT_EQ(parsed("name empty"), "name empty");
  EXPECT_EQ(parsed("not name empty"), "not(name empty)");
  EXPECT_EQ(parsed("not name not empty"), "not(name not_empty)");
  EXPECT_EQ(parsed("name not empty and not phone empty"), "all(name not_empty; not(phone empty))");
}

// --- errors -------------------------------------------------------------------------------

TEST(FilterParserTest, AnErrorIsABadRequestOnTheFilterField) {
  auto tree = parse_filter("name eq");
  ASSERT_FALSE(tree.ok());
  const Error& error = tree.error();
  EXPECT_EQ(error.code, ErrorCode::bad_request);
  EXPECT_EQ(error.message, "the filter is not valid");
  ASSERT_EQ(error.fields.size(), 1U);
  EXPECT_EQ(error.fields[0].field, "filter");
  EXPECT_EQ(error.fields[0].code, "FILTER_INVALID");
  EXPECT_EQ(error.fields[0].message, "at column 8: expected a value, found the end of the filter");
}

TEST(FilterParserTest, EmptyTextIsAnError) {
  EXPECT_EQ(parsed(""), "error: the filter is empty");
  EXPECT_EQ(parsed(" \t\r\n "), "error: the filter is empty");
}

struct ErrorCase {
  std::string text;
  std::string message;
};

TEST(FilterParserTest, ErrorsNameTheColumnAndWhatWasExpected) {
  const std::vector<ErrorCase> cases{
      // strings
      {R"(name eq "abc)",
       R"(at column 13: expected '"' to close the string that starts at column 9, found the end of the filter)"},
      {R"(name eq "abc\)",
       R"(at column 14: expected '"' to close the string that starts at column 9, found the end of the filter)"},
      {R"(name eq "a\nb")", R"(at column 12: expected '"' or '\' after '\', found 'n')"},
      {R"(name eq "a\é")", R"(at column 12: expected '"' or '\' after '\', found 'é')"},
      // values
      {"name eq", "at column 8: expected a value, found the end of the filter"},
      {"name eq and b eq 1", "at column 9: expected a value, found 'and'"},
      {"name eq north", "at column 9: expected a value, found 'north'"},
      {"name eq user", "at column 9: expected a value, found 'user'"},
      {"name eq user.a.b", "at column 9: expected a value, found 'user.a.b'"},
      {"name eq - 1", "at column 9: expected a value, found '-'"},
      {"amount eq 1.", "at column 13: expected a digit after '.', found the end of the filter"},
      {"amount eq 1.x", "at column 13: expected a digit after '.', found 'x'"},
      {"amount eq 7d", "at column 12: expected 'and', 'or' or the end of the filter, found 'd'"},
      // operators
      {"name like \"x\"",
       "at column 6: expected an operator (eq, ne, lt, le, gt, ge, in, contains, starts, empty or "
       "not empty), found 'like'"},
      {"name = 1",
       "at column 6: expected an operator (eq, ne, lt, le, gt, ge, in, contains, starts, empty or "
       "not empty), found '='"},
      {"name",
       "at column 5: expected an operator (eq, ne, lt, le, gt, ge, in, contains, starts, empty or "
       "not empty), found the end of the filter"},
      {"name EQ 1",
       "at column 6: expected an operator (eq, ne, lt, le, gt, ge, in, contains, starts, empty or "
       "not empty), found 'E'"},
      {"name not eq 1", "at column 10: expected 'empty' after 'not', found 'eq'"},
      {"name empty \"x\"", "at column 12: expected 'and', 'or' or the end of the filter, found a string"},
      // lists
      {R"(area in "north")",
       R"(at column 9: expected a list such as ["a", "b"] or a user attribute after 'in', found a string)"},
      {"area in today",
       R"(at column 9: expected a list such as ["a", "b"] or a user attribute after 'in', found 'today')"},
      {"area in []", "at column 10: expected a value in the list, found ']'"},
      {"area in [1,]", "at column 12: expected a string, a number, true, false or null, found ']'"},
      {"area in [1 2]", "at column 12: expected ',' or ']', found '2'"},
      {"area in [1", "at column 11: expected ',' or ']', found the end of the filter"},
      {"area in [[1]]", "at column 10: expected a string, a number, true, false or null, found '['"},
      {"area in [today]", "at column 10: expected a string, a number, true, false or null, found 'today'"},
      {"area in [user.areas]", "at column 10: expected a string, a number, true, false or null, found 'user.areas'"},
      {"area eq [1]", "at column 9: expected a single value after 'eq', found '['"},
      // today
      {"due_on lt today+", "at column 17: expected a whole number of days after '+', found the end of the filter"},
      {"due_on lt today + -3d", "at column 19: expected a whole number of days after '+', found '-3'"},
      {"due_on lt today+7", "at column 18: expected 'd' right after the number of days, found the end of the filter"},
      {"due_on lt today+7 d", "at column 19: expected 'd' right after the number of days, found 'd'"},
      {"due_on lt today+7days", "at column 18: expected 'd' right after the number of days, found 'days'"},
      {"due_on lt today+1.5d", "at column 17: expected a whole number of days, found '1.5'"},
      {"due_on lt today+100001d", "at column 17: expected at most 100000 days, found '100001'"},
      {"due_on lt today+99999999999999999999999d",
       "at column 17: expected at most 100000 days, found "
       "'99999999999999999999999'"},
      // structure
      {"name eq 1 2", "at column 11: expected 'and', 'or' or the end of the filter, found '2'"},
      {"name eq 1 name eq 2", "at column 11: expected 'and', 'or' or the end of the filter, found 'name'"},
      {"(name eq 1", "at column 11: expected 'and', 'or' or ')', found the end of the filter"},
      {"((name eq 1)", "at column 13: expected 'and', 'or' or ')', found the end of the filter"},
      {"name eq 1)", "at column 10: expected 'and', 'or' or the end of the filter, found ')'"},
      {"()", "at column 2: expected a field name, '(' or 'not', found ')'"},
      {"a eq 1 and", "at column 11: expected a field name, '(' or 'not', found the end of the filter"},
      {"a eq 1 and and b eq 2", "at column 12: expected a field name, '(' or 'not', found 'and'"},
      {"or eq 1", "at column 1: expected a field name, '(' or 'not', found 'or'"},
      {"not", "at column 4: expected a field name, '(' or 'not', found the end of the filter"},
      {"\"name\" eq 1", "at column 1: expected a field name, '(' or 'not', found a string"},
      // names
      {"Name eq 1", "at column 1: expected a field name, '(' or 'not', found 'N'"},
      {"accountName eq 1", "at column 8: expected a lowercase letter, a digit or '_' in a name, found 'N'"},
      {"account. eq 1", "at column 9: expected a name after '.', found ' '"},
      {"account.1 eq 1", "at column 9: expected a name after '.', found '1'"},
      {"a eq 1 # b", "at column 8: expected 'and', 'or' or the end of the filter, found '#'"},
      {"a eq 1 \x01", "at column 8: expected 'and', 'or' or the end of the filter, found the character U+0001"},
      // columns count characters, not bytes
      {"name eq \"éé\" x", "at column 14: expected 'and', 'or' or the end of the filter, found 'x'"},
      {"name eq \"日本\" and ü eq 1", "at column 18: expected a field name, '(' or 'not', found 'ü'"},
      // invalid UTF-8, in a string and outside
      {"name eq \"a\xC3(\"", "at column 11: expected UTF-8 text, found the byte 0xC3"},
      {"name eq \"é\x80\"", "at column 11: expected UTF-8 text, found the byte 0x80"},
      {"name eq \"\xC0\x80\"", "at column 10: expected UTF-8 text, found the byte 0xC0"},
      {"name eq \"\xED\xA0\x80\"", "at column 10: expected UTF-8 text, found the byte 0xED"},
      {"name eq \"\xF4\x90\x80\x80\"", "at column 10: expected UTF-8 text, found the byte 0xF4"},
      {"name eq \xFF", "at column 9: expected UTF-8 text, found the byte 0xFF"},
      {"name eq \"\xE6\x97", "at column 10: expected UTF-8 text, found the byte 0xE6"},
  };
  for (const auto& [text, message] : cases) {
    EXPECT_EQ(parsed(text), "error: " + message) << "filter: " << text;
  }
}

TEST(FilterParserTest, TheFirstErrorInTheTextIsTheOneReported) {
  // The unknown operator comes before the unclosed string.
  EXPECT_EQ(parsed("a like \"x"),
            "error: at column 3: expected an operator (eq, ne, lt, le, gt, ge, in, contains, "
            "starts, empty or not empty), found 'like'");
}

// --- limits -------------------------------------------------------------------------------

TEST(FilterParserTest, NestingDeeperThanTheLimitIsAnError) {
  const auto nested = [](std::size_t depth) { return repeat("(", depth) + "a eq 1" + repeat(")", depth); };
  EXPECT_EQ(parsed(nested(31)), "a eq n1");
  EXPECT_EQ(parsed(nested(32)), "a eq n1");
  EXPECT_EQ(parsed(nested(33)), "error: at column 33: expected at most 32 levels of parentheses and 'not', found more");
  EXPECT_EQ(parsed(repeat("not ", 32) + "a eq 1").substr(0, 4), "not(");
  EXPECT_EQ(parsed(repeat("not ", 33) + "a eq 1"),
            "error: at column 129: expected at most 32 levels of parentheses and 'not', found more");
  // Parentheses and not add up.
  EXPECT_EQ(parsed(repeat("not (", 17) + "a eq 1" + repeat(")", 17)),
            "error: at column 81: expected at most 32 levels of parentheses and 'not', found more");
  FilterLimits shallow;
  shallow.max_depth = 1;
  EXPECT_EQ(parsed("(a eq 1) and not b eq 2", shallow), "all(a eq n1; not(b eq n2))");
  EXPECT_EQ(parsed("not (a eq 1)", shallow),
            "error: at column 5: expected at most 1 levels of parentheses and 'not', found more");
}

TEST(FilterParserTest, HugeNestingFailsAtTheLimitInsteadOfOverflowingTheStack) {
  FilterLimits roomy;
  roomy.max_length = 3'000'000;
  EXPECT_EQ(parsed(repeat("(", 1'000'000) + "a eq 1" + repeat(")", 1'000'000), roomy),
            "error: at column 33: expected at most 32 levels of parentheses and 'not', found more");
  EXPECT_EQ(parsed(repeat("not ", 500'000) + "a eq 1", roomy),
            "error: at column 129: expected at most 32 levels of parentheses and 'not', found more");
}

TEST(FilterParserTest, MoreComparisonsThanTheLimitIsAnError) {
  std::string hundred = "a eq 1";
  for (int i = 1; i < 100; ++i) hundred += " and a eq 1";
  auto tree = parse_filter(hundred);
  ASSERT_TRUE(tree.ok());
  EXPECT_EQ((*tree)->children.size(), 100U);
  // The 101st comparison starts after 100 comparisons of 6 and 100 " and " of 5.
  EXPECT_EQ(parsed(hundred + " and a eq 1"), "error: at column 1101: expected at most 100 comparisons, found more");
  EXPECT_EQ(parsed(hundred + " or (a eq 1)"), "error: at column 1101: expected at most 100 comparisons, found more");
}

TEST(FilterParserTest, LongerListsThanTheLimitAreAnError) {
  FilterLimits limits;
  limits.max_list = 3;
  EXPECT_EQ(parsed("a in [1, 2, 3]", limits), "a in [n1 n2 n3]");
  EXPECT_EQ(parsed("a in [1, 2, 3, 4]", limits),
            "error: at column 16: expected at most 3 values in a list, found more");
  std::string thousand = "a in [0";
  for (int i = 1; i < 1000; ++i) thousand += "," + std::to_string(i);
  EXPECT_TRUE(parse_filter(thousand + "]").ok());
  EXPECT_NE(parsed(thousand + ",1000]").find("expected at most 1000 values in a list, found more"), std::string::npos);
}

TEST(FilterParserTest, LongerTextThanTheLimitIsAnError) {
  FilterLimits limits;
  limits.max_length = 10;
  EXPECT_EQ(parsed("name eq 12", limits), "name eq n12");
  EXPECT_EQ(parsed("name eq 123", limits), "error: at column 11: expected at most 10 characters, found more");
  // Characters, not bytes: "a eq \"ééé\"" is 10 characters in 13 bytes.
  EXPECT_EQ(parsed("a eq \"éééé\"", limits), "error: at column 11: expected at most 10 characters, found more");
  EXPECT_EQ(parsed("a eq \"ééé\"", limits), "a eq s'ééé'");
  const std::string long_string = "a eq \"" + std::string(4096 - 7, 'x') + "\"";
  EXPECT_EQ(long_string.size(), 4096U);
  EXPECT_TRUE(parse_filter(long_string).ok());
  EXPECT_EQ(parsed(long_string + " "), "error: at column 4097: expected at most 4096 characters, found more");
}

// --- canonical text -----------------------------------------------------------------------

struct RoundTrip {
  std::string text;
  std::string canonical;
};

TEST(FilterParserTest, CanonicalTextParsesToTheSameTree) {
  const std::vector<RoundTrip> cases{
      {"a eq 1", "a eq 1"},
      {"  a   eq\t1  ", "a eq 1"},
      {"((a eq 1))", "a eq 1"},
      {"name eq \"north\"", "name eq \"north\""},
      {R"(name eq "say \"hi\" \\ ok")", R"(name eq "say \"hi\" \\ ok")"},
      {"name eq \"Zürich\n東京\"", "name eq \"Zürich\n東京\""},
      {"x ne -12.50", "x ne -12.50"},
      {"x lt 007", "x lt 007"},
      {"x le true", "x le true"},
      {"x gt false", "x gt false"},
      {"x ge null", "x ge null"},
      {"x contains \"a\"", "x contains \"a\""},
      {"x starts \"A\"", "x starts \"A\""},
      {"x in [1,2 , \"three\",null,true]", "x in [1, 2, \"three\", null, true]"},
      {"area in user.areas", "area in user.areas"},
      {"owner_id eq user.id", "owner_id eq user.id"},
      {"due_on lt today", "due_on lt today"},
      {"due_on lt today + 7d", "due_on lt today+7d"},
      {"due_on lt today - 3d", "due_on lt today-3d"},
      {"due_on lt today+0d", "due_on lt today"},
      {"name empty", "name empty"},
      {"name not empty", "name not empty"},
      {"not name empty", "not name empty"},
      {"not (name eq 1)", "not name eq 1"},
      {"not not name eq 1", "not not name eq 1"},
      {"not (a eq 1 or b eq 2)", "not (a eq 1 or b eq 2)"},
      {"not (a eq 1 and b eq 2)", "not (a eq 1 and b eq 2)"},
      {"a eq 1 or (b eq 2 and c eq 3)", "a eq 1 or b eq 2 and c eq 3"},
      {"(a eq 1 or b eq 2) and c eq 3", "(a eq 1 or b eq 2) and c eq 3"},
      {"(a eq 1 or b eq 2) or c eq 3", "(a eq 1 or b eq 2) or c eq 3"},
      {"(a eq 1 and b eq 2) and c eq 3", "(a eq 1 and b eq 2) and c eq 3"},
      {"(a eq 1 and b eq 2) or c eq 3", "a eq 1 and b eq 2 or c eq 3"},
      {"account.area eq \"north\" and not (account.name starts \"A\")",
       "account.area eq \"north\" and not account.name starts \"A\""},
  };
  for (const auto& [text, canonical] : cases) {
    auto tree = parse_filter(text);
    ASSERT_TRUE(tree.ok()) << text << ": " << tree.error().fields.front().message;
    const std::string printed = to_text(**tree);
    EXPECT_EQ(printed, canonical) << "filter: " << text;
    auto again = parse_filter(printed);
    ASSERT_TRUE(again.ok()) << printed << ": " << again.error().fields.front().message;
    EXPECT_TRUE(same_tree(**tree, **again)) << "filter: " << text << "\n  " << dump(**tree) << "\n  " << dump(**again);
  }
}

// Random trees, printed and parsed back. The generator is seeded, so a failure repeats.
class TreeGenerator {
 public:
  explicit TreeGenerator(std::uint32_t seed) : random_(seed) {}

  FilterNodePtr node(int depth) {
    auto node = std::make_unique<FilterNode>();
    const std::size_t choice = depth <= 0 ? 0 : pick(6);
    if (choice <= 2) {
      node->kind = FilterNode::Kind::comparison;
      node->comparison = comparison();
    } else if (choice == 5) {
      node->kind = FilterNode::Kind::negation;
      node->children.push_back(this->node(depth - 1));
    } else {
      node->kind = choice == 3 ? FilterNode::Kind::all_of : FilterNode::Kind::any_of;
      const std::size_t count = 2 + pick(3);
      for (std::size_t i = 0; i < count; ++i) node->children.push_back(this->node(depth - 1));
    }
    return node;
  }

 private:
  std::size_t pick(std::size_t n) { return random_() % n; }

  FilterComparison comparison() {
    static const std::vector<std::string> kNames{"name", "area",   "account", "a",   "_x", "x_1",
                                                 "user", "today",  "empty",   "eq",  "in", "true",
                                                 "null", "number", "not",     "and", "or", "d"};
    FilterComparison comparison;
    const std::size_t segments = 1 + pick(3);
    for (std::size_t i = 0; i < segments; ++i) {
      std::string name = kNames[pick(kNames.size())];
      // A path cannot start with a word that joins or negates.
      if (i == 0 && (name == "not" || name == "and" || name == "or")) name = "field";
      comparison.path.push_back(name);
    }
    comparison.op = static_cast<FilterOperator>(pick(11));
    switch (comparison.op) {
      case FilterOperator::empty:
      case FilterOperator::not_empty: break;
      case FilterOperator::in:
        if (pick(4) == 0) {
          comparison.value = attribute();
        } else {
          comparison.value.kind = FilterValue::Kind::list;
          const std::size_t count = 1 + pick(4);
          for (std::size_t i = 0; i < count; ++i) comparison.value.items.push_back(scalar());
        }
        break;
      default:
        switch (pick(5)) {
          case 0: comparison.value = attribute(); break;
          case 1:
            comparison.value.kind = FilterValue::Kind::today;
            comparison.value.day_offset = static_cast<long long>(pick(200001)) - 100000;
            if (pick(3) == 0) comparison.value.day_offset = 0;
            break;
          default: comparison.value = scalar();
        }
    }
    return comparison;
  }

  FilterValue attribute() {
    FilterValue value;
    value.kind = FilterValue::Kind::user_attribute;
    value.text = pick(2) ? "areas" : "product_groups";
    return value;
  }

  FilterValue scalar() {
    static const std::vector<std::string> kPieces{"a",   "Z", " ", "\"", "\\", "é", "東", "😀",     "\n", "\t",
                                                  "and", "(", ")", "[",  "]",  ",", "'",  "today", "0"};
    FilterValue value;
    switch (pick(4)) {
      case 0: {
        value.kind = FilterValue::Kind::string;
        const std::size_t length = pick(6);
        for (std::size_t i = 0; i < length; ++i) value.text += kPieces[pick(kPieces.size())];
        break;
      }
      case 1: {
        value.kind = FilterValue::Kind::number;
        if (pick(2)) value.text += '-';
        value.text += std::to_string(pick(100000));
        if (pick(2)) value.text += "." + std::string(1 + pick(3), static_cast<char>('0' + pick(10)));
        break;
      }
      case 2:
        value.kind = FilterValue::Kind::boolean;
        value.boolean = pick(2) == 1;
        break;
      default: value.kind = FilterValue::Kind::null;
    }
    return value;
  }

  std::mt19937 random_;
};

TEST(FilterParserTest, RandomTreesSurviveTheRoundTrip) {
  // Up to 4 levels of up to 4 children: more comparisons than the default limit allows.
  FilterLimits roomy;
  roomy.max_length = 1'000'000;
  roomy.max_terms = 1'000;
  TreeGenerator generator(20240521);
  for (int i = 0; i < 3000; ++i) {
    const FilterNodePtr tree = generator.node(4);
    const std::string text = to_text(*tree);
    auto parsed_tree = parse_filter(text, roomy);
    ASSERT_TRUE(parsed_tree.ok()) << "tree " << i << ": " << text << "\n" << parsed_tree.error().fields.front().message;
    ASSERT_TRUE(same_tree(*tree, **parsed_tree))
        << "tree " << i << ": " << text << "\n  " << dump(*tree) << "\n  " << dump(**parsed_tree);
    ASSERT_EQ(to_text(**parsed_tree), text);
  }
}

}  // namespace
}  // namespace atrium::records
