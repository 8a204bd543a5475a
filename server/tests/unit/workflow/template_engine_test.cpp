// The template language end to end (lexer, parser, filters, renderer): a table of
// templates with the context they render against and what they give, and a table of
// templates that are refused with the code and position of the error.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "atrium/workflow/template_parser.hpp"
#include "atrium/workflow/template_renderer.hpp"

namespace atrium::workflow {
namespace {

const char* const kContext = R"({
  "account": {"name": "Smith & Sons <Ltd>", "type": "customer", "size": "large", "email": null,
              "credit_limit": {"amount": "1234.565", "currency": "EUR"}, "employees": 12,
              "created_at": "2027-01-31T09:05:07.000000Z", "founded_on": "2024-02-29",
              "parent": {"name": "Holding"}, "tags": ["a", "b", "c"],
              "billing_address": {"street": "1 Main St", "city": "Leeds", "country": "GB"}},
  "lines": [{"product": {"name": "Pump"}, "quantity": 2}, {"product": {"name": "Valve"}, "quantity": 5},
            {"product": {"name": "Hose"}, "quantity": 1}]
})";

struct RenderCase {
  const char* name;
  const char* source;
  TemplateOutput output;
  const char* expected;
};

class TemplateRenderTest : public ::testing::TestWithParam<RenderCase> {};

TEST_P(TemplateRenderTest, Renders) {
  const auto& test = GetParam();
  auto parsed = parse_template(test.source);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  const auto context = boost::json::parse(kContext).as_object();
  auto rendered = render_template(*parsed, context, test.output);
  ASSERT_TRUE(rendered.ok()) << rendered.error().message;
  EXPECT_EQ(*rendered, test.expected);
}

constexpr auto html = TemplateOutput::html;
constexpr auto text = TemplateOutput::text;

INSTANTIATE_TEST_SUITE_P(
    Cases, TemplateRenderTest,
    ::testing::Values(
        RenderCase{"plain_text", "Hello", html, "Hello"},
        RenderCase{"merge_field", "Dear {{ account.name }}", text, "Dear Smith & Sons <Ltd>"},
        RenderCase{"html_escapes_by_default", "<b>{{account.name}}</b>", html, "<b>Smith &amp; Sons &lt;Ltd&gt;</b>"},
        RenderCase{"raw_opts_out", "{{ account.name | raw }}", html, "Smith & Sons <Ltd>"},
        RenderCase{"escape_is_not_doubled", "{{ account.name | escape }}", html, "Smith &amp; Sons &lt;Ltd&gt;"},
        RenderCase{"filter_after_raw_escapes_again", "{{ account.name | raw | upcase }}", html,
                   "SMITH &amp; SONS &lt;LTD&gt;"},
        RenderCase{"link_path", "{{ account.parent.name }}", text, "Holding"},
        RenderCase{"missing_field_is_empty", "[{{ account.nothing.here }}]", text, "[]"},
        RenderCase{"money_rounds_half_up", "{{ account.credit_limit | money }}", text, "1,234.57 EUR"},
        RenderCase{"money_from_string", "{{ '-0.005' | money: 'USD' }}", text, "-0.01 USD"},
        RenderCase{"money_carries", "{{ '999999.995' | money }}", text, "1,000,000.00"},
        RenderCase{"money_zero", "{{ 0 | money: 'EUR' }}", text, "0.00 EUR"},
        RenderCase{"money_object_prints_plain", "{{ account.credit_limit }}", text, "1234.565 EUR"},
        RenderCase{"date_default", "{{ account.created_at | date }}", text, "2027-01-31"},
        RenderCase{"date_format", "{{ account.created_at | date: '%A %e %B %Y %H:%M:%S %p' }}", text,
                   "Sunday 31 January 2027 09:05:07 AM"},
        RenderCase{"date_leap_day", "{{ account.founded_on | date: '%a %d %b %y' }}", text, "Thu 29 Feb 24"},
        RenderCase{"date_not_a_date", "{{ 'soon' | date: '%Y' }}", text, "soon"},
        RenderCase{"upcase_downcase_capitalize",
                   "{{ 'mIxEd' | upcase }} {{ 'MiXeD' | downcase }} {{ 'hello WORLD' | capitalize }}", text,
                   "MIXED mixed Hello world"},
        RenderCase{"default_for_null", "{{ account.email | default: 'no e-mail' }}", text, "no e-mail"},
        RenderCase{"default_keeps_value", "{{ account.type | default: 'x' }}", text, "customer"},
        RenderCase{"size_of_list_and_text", "{{ lines | size }} {{ account.type.size }} {{ lines.size }}", text,
                   "3 8 3"},
        RenderCase{"truncate",
                   "{{ 'Hello world' | truncate: 8 }}|{{ 'Hi' | truncate: 8 }}|{{ 'abcdef' | truncate: 4, '~' }}", text,
                   "Hello...|Hi|abc~"},
        RenderCase{"truncate_counts_characters", "{{ 'ÄÖÜäöü' | truncate: 4, '' }}", text, "ÄÖÜä"},
        RenderCase{"strip", "[{{ '  x  ' | strip }}]", text, "[x]"},
        RenderCase{"plus_minus", "{{ account.employees | plus: 3 }} {{ account.employees | minus: 20 }}", text,
                   "15 -8"},
        RenderCase{"join", "{{ account.tags | join: ', ' }}", text, "a, b, c"},
        RenderCase{"address_prints_its_parts", "{{ account.billing_address }}", text, "1 Main St, Leeds, GB"},
        RenderCase{"if_equal", "{% if account.type == 'customer' %}yes{% endif %}", text, "yes"},
        RenderCase{"if_else", "{% if account.type == 'supplier' %}yes{% else %}no{% endif %}", text, "no"},
        RenderCase{"elsif",
                   "{% if account.size == 'small' %}S{% elsif account.size == 'large' %}L{% else %}?{% endif %}", text,
                   "L"},
        RenderCase{"numbers_compare_exactly", "{% if account.credit_limit > 1234.56 %}more{% endif %}", text, "more"},
        RenderCase{"less_or_equal", "{% if account.employees <= 12 and account.employees >= 12 %}12{% endif %}", text,
                   "12"},
        RenderCase{"and_binds_tighter_than_or", "{% if false and false or true %}A{% endif %}", text, "A"},
        RenderCase{"contains_text", "{% if account.name contains 'Sons' %}c{% endif %}", text, "c"},
        RenderCase{"contains_list",
                   "{% if account.tags contains 'b' %}b{% endif %}{% if account.tags contains 'z' %}z{% endif %}", text,
                   "b"},
        RenderCase{"truthiness",
                   "{% if account.email %}e{% endif %}{% if account.name %}n{% endif %}{% if '' %}s{% endif %}", text,
                   "ns"},
        RenderCase{"not_equal_and_empty",
                   "{% if account.email == empty %}E{% endif %}{% if account.tags != empty %}T{% endif %}", text, "ET"},
        RenderCase{"unless", "{% unless account.email %}none{% else %}some{% endunless %}", text, "none"},
        RenderCase{
            "for_loop",
            "{% for line in lines %}{{ forloop.index }}.{{ line.product.name }} x{{ line.quantity }};{% endfor %}",
            text, "1.Pump x2;2.Valve x5;3.Hose x1;"},
        RenderCase{"for_first_last",
                   "{% for line in lines %}{% if forloop.first %}[{% endif %}{{ line.product.name }}{% if forloop.last "
                   "%}]{% else %},{% endif %}{% endfor %}",
                   text, "[Pump,Valve,Hose]"},
        RenderCase{"for_limit", "{% for tag in account.tags limit: 2 %}{{ tag }}{{ forloop.length }}{% endfor %}", text,
                   "a2b2"},
        RenderCase{
            "nested_loops",
            "{% for a in account.tags limit:2 %}{% for b in account.tags limit:2 %}{{a}}{{b}} {% endfor %}{% endfor %}",
            text, "aa ab ba bb "},
        RenderCase{"loop_over_nothing", "{% for x in account.nothing %}x{% endfor %}-", text, "-"},
        RenderCase{"comment", "a{% comment %}{{ unclosed {% if %}{% endcomment %}b", text, "ab"},
        RenderCase{"raw_block", "{% raw %}{{ account.name }}{% endraw %}", text, "{{ account.name }}"},
        RenderCase{"whitespace_control", "a  {{- 'b' -}}  c", text, "abc"},
        RenderCase{"text_output_is_not_escaped", "{{ '<p>' }}", text, "<p>"},
        RenderCase{"closing_braces_inside_strings", "{{ '}}' }}", text, "}}"}),
    [](const ::testing::TestParamInfo<RenderCase>& info) { return std::string(info.param.name); });

struct ErrorCase {
  const char* name;
  std::string source;
  const char* code;
  const char* message_start;  // "line L, column C: …" where there is a position
};

class TemplateErrorTest : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(TemplateErrorTest, IsRefused) {
  const auto& test = GetParam();
  auto parsed = parse_template(test.source);
  ASSERT_FALSE(parsed.ok());
  ASSERT_EQ(parsed.error().fields.size(), 1u);
  EXPECT_EQ(parsed.error().fields[0].code, test.code);
  EXPECT_EQ(parsed.error().message.rfind(test.message_start, 0), 0u) << parsed.error().message;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, TemplateErrorTest,
    ::testing::Values(
        ErrorCase{"unclosed_output", "Hi\n  {{ account.name", "TEMPLATE_SYNTAX",
                  "line 2, column 3: '{{' is not closed"},
        ErrorCase{"unclosed_if", "{% if x %}\nyes", "TEMPLATE_SYNTAX",
                  "line 1, column 1: this block is not closed by {% endif %}"},
        ErrorCase{"stray_endif", "a\nb {% endif %}", "TEMPLATE_SYNTAX", "line 2, column 3: 'endif' without"},
        ErrorCase{"unknown_tag", "{% include 'x' %}", "TEMPLATE_SYNTAX", "line 1, column 1: unknown tag 'include'"},
        ErrorCase{"unknown_filter", "{{ x | shout }}", "TEMPLATE_SYNTAX", "line 1, column 8: unknown filter 'shout'"},
        ErrorCase{"filter_arguments", "{{ x | truncate }}", "TEMPLATE_SYNTAX",
                  "line 1, column 8: the filter 'truncate' takes"},
        ErrorCase{"bad_character", "{{ x # y }}", "TEMPLATE_SYNTAX", "line 1, column 6: unexpected character '#'"},
        ErrorCase{"single_equals", "{% if x = 1 %}{% endif %}", "TEMPLATE_SYNTAX", "line 1, column 9: '=' alone"},
        ErrorCase{"unclosed_string", "{{ 'abc }}", "TEMPLATE_SYNTAX", "line 1, column 1: '{{' is not closed"},
        ErrorCase{"unclosed_raw", "{% raw %}abc", "TEMPLATE_SYNTAX", "line 1, column 1: {% raw %} is not closed"},
        ErrorCase{"bad_loop", "{% for in lines %}{% endfor %}", "TEMPLATE_SYNTAX", "line 1, column 11: expected 'in'"},
        ErrorCase{"bad_limit", "{% for x in y limit: 0 %}{% endfor %}", "TEMPLATE_SYNTAX",
                  "line 1, column 22: the limit"},
        ErrorCase{"empty_output", "{{ }}", "TEMPLATE_SYNTAX", "line 1, column 1: an output needs a value"},
        ErrorCase{"columns_count_characters", "ÄÖÜ {{ x | nope }}", "TEMPLATE_SYNTAX",
                  "line 1, column 12: unknown filter"},
        ErrorCase{"too_deep",
                  [] {
                    std::string deep;
                    for (int i = 0; i < 20; ++i) deep += "{% if x %}";
                    return deep;
                  }(),
                  "TEMPLATE_SYNTAX", "line 1, column 161: blocks nest at most 16 deep"},
        ErrorCase{"too_large", std::string(kMaxTemplateSize + 1, 'x'), "TEMPLATE_TOO_LARGE",
                  "the template is too large"},
        ErrorCase{"not_utf8", std::string("a\xff"), "TEMPLATE_NOT_UTF8", "the template is not UTF-8"}),
    [](const ::testing::TestParamInfo<ErrorCase>& info) { return std::string(info.param.name); });

TEST(TemplateLimitsTest, LoopsStopAtTheIterationLimit) {
  // 100 × 100 iterations from a short template: stopped at the limit, not run to the end.
  std::string items = "[";
  for (int i = 0; i < 100; ++i) items += i == 0 ? "1" : ",1";
  items += "]";
  const auto context = boost::json::parse(R"({"list":)" + items + "}").as_object();
  auto parsed = parse_template("{% for a in list %}{% for b in list %}x{% endfor %}{% endfor %}");
  ASSERT_TRUE(parsed.ok());
  auto rendered = render_template(*parsed, context, TemplateOutput::text);
  ASSERT_FALSE(rendered.ok());
  EXPECT_EQ(rendered.error().fields[0].code, "TEMPLATE_LIMIT");
}

TEST(TemplateLimitsTest, OutputStopsAtItsLimit) {
  std::string big(60000, 'y');
  const auto context = boost::json::parse(R"({"big":")" + big + R"(","list":[1,2,3,4,5,6]})").as_object();
  auto parsed = parse_template("{% for a in list %}{{ big }}{% endfor %}");
  ASSERT_TRUE(parsed.ok());
  auto rendered = render_template(*parsed, context, TemplateOutput::text);
  ASSERT_FALSE(rendered.ok());
  EXPECT_EQ(rendered.error().fields[0].code, "TEMPLATE_LIMIT");
}

TEST(TemplateLimitsTest, ArithmeticOverflowIsAnError) {
  auto parsed = parse_template("{{ 9223372036854775807 | plus: 1 }}");
  ASSERT_TRUE(parsed.ok());
  auto rendered = render_template(*parsed, {}, TemplateOutput::text);
  ASSERT_FALSE(rendered.ok());
  EXPECT_EQ(rendered.error().fields[0].code, "TEMPLATE_RENDER");
  EXPECT_EQ(rendered.error().message.rfind("line 1, column 26:", 0), 0u) << rendered.error().message;
}

TEST(MergeFieldUsesTest, LoopVariablesContinueTheirCollection) {
  auto parsed = parse_template(
      "{{ account.name }}{% for c in account.contacts %}{{ c.email }}{{ forloop.index }}{% endfor %}"
      "{% if account.parent.name == 'x' %}{% endif %}");
  ASSERT_TRUE(parsed.ok());
  const auto uses = merge_field_uses(*parsed);
  std::vector<std::string> paths;
  for (const auto& use : uses) {
    std::string joined;
    for (const auto& part : use.path) joined += (joined.empty() ? "" : ".") + part;
    paths.push_back(joined + (use.as_collection ? "[]" : ""));
  }
  EXPECT_EQ(paths, (std::vector<std::string>{"account.name", "account.contacts[]", "account.contacts.email",
                                             "account.parent.name"}));
  EXPECT_EQ(uses[2].position.column, 53u);
}

// A root field named like a collection's position is still a field: its elements' paths
// start with it rather than being empty (found by the template fuzzer).
TEST(MergeFieldUsesTest, ARootFieldCalledLastKeepsItsName) {
  auto parsed =
      parse_template("{% for b in last %}{{ b.name }}{% endfor %}{% for t in account.tags.first %}{{ t }}{% endfor %}");
  ASSERT_TRUE(parsed.ok());
  std::vector<std::string> paths;
  for (const auto& use : merge_field_uses(*parsed)) {
    std::string joined;
    for (const auto& part : use.path) joined += (joined.empty() ? "" : ".") + part;
    paths.push_back(joined);
  }
  EXPECT_EQ(paths, (std::vector<std::string>{"last", "last.name", "account.tags.first", "account.tags"}));
}

}  // namespace
}  // namespace atrium::workflow
