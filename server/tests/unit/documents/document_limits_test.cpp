// The text cleaning in front of pango, as a table: what goes in, the byte limit, what
// comes out.
#include "modules/documents/document_limits.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace atrium::documents {
namespace {

struct CleaningCase {
  const char* name;
  std::string text;
  std::size_t max_bytes;
  std::size_t max_line_breaks;
  std::string expected;
};

TEST(PdfLimits, CleansTextForPango) {
  const std::string replacement = "\xEF\xBF\xBD";
  const std::vector<CleaningCase> cases = {
      {"plain text passes", "Kugelhahn DN50", 100, 2, "Kugelhahn DN50"},
      {"every script passes", "Σφαιρική Шаровой صمام 球阀 😀", 100, 2, "Σφαιρική Шаровой صمام 球阀 😀"},
      {"line breaks and tabs stay", "a\nb\tc", 100, 2, "a\nb\tc"},
      {"line breaks beyond the limit become spaces", "a\nb\nc\nd", 100, 2, "a\nb\nc d"},
      {"one-line text has no line breaks", "Industriestraße\r\n12", 100, 0, "Industriestraße  12"},
      {"controls become spaces",
       std::string("a\0b\x1B"
                   "c\x7F",
                   6),
       100, 2, "a b c "},
      {"a stray continuation byte", "a\x80z", 100, 2, "a" + replacement + "z"},
      {"an invalid lead byte", "a\xFFz", 100, 2, "a" + replacement + "z"},
      {"a truncated sequence at the end", "a\xE2\x82", 100, 2, "a" + replacement + replacement},
      {"a sequence cut by a space", "\xC3 x", 100, 2, replacement + " x"},
      {"an overlong slash", "\xC0\xAF", 100, 2, replacement + replacement},
      {"an overlong three-byte form", "\xE0\x80\xAF", 100, 2, replacement + replacement + replacement},
      {"a surrogate", "\xED\xA0\x80", 100, 2, replacement + replacement + replacement},
      {"beyond U+10FFFF", "\xF4\x90\x80\x80", 100, 2, replacement + replacement + replacement + replacement},
      {"long runs of blanks are shortened", "a" + std::string(20, ' ') + "b\t\t\t\t\t\t\t\t\tc", 100, 2,
       "a" + std::string(8, ' ') + "b\t\t\t\t\t\t\t\tc"},
      {"line breaks turned into spaces count as blanks", std::string(20, '\n') + "x", 100, 2,
       "\n\n" + std::string(8, ' ') + "x"},
      {"cut at the limit", "abcdef", 4, 2, "abcd"},
      {"cut before a character that would straddle the limit", "ääää", 5, 2, "ää"},
      {"cut before a four-byte character", "ab😀", 5, 2, "ab"},
      {"a replacement that does not fit is cut too", "ab\xFF", 4, 2, "ab"},
      {"nothing allowed", "abc", 0, 2, ""},
  };
  for (const auto& test : cases) {
    EXPECT_EQ(clean_text(test.text, test.max_bytes, test.max_line_breaks), test.expected) << test.name;
  }
}

TEST(PdfLimits, RefusesListsBeyondTheirLimitAndCutsLongText) {
  PrintedDocument document;
  document.lines.resize(DocumentLimits::max_lines);
  document.lines[0].description = std::string(10000, 'x');
  document.footer = std::string(10000, 'f');
  auto within = within_limits(document);
  ASSERT_TRUE(within.ok());
  EXPECT_EQ(within->lines[0].description.size(), DocumentLimits::max_paragraph_bytes);
  EXPECT_EQ(within->footer.size(), DocumentLimits::max_footer_bytes);

  const auto refused_field = [](const PrintedDocument& document) -> std::string {
    auto within = within_limits(document);
    if (within.ok() || within.error().fields.empty()) return "accepted";
    return within.error().fields[0].field + " " + within.error().fields[0].code;
  };
  PrintedDocument too_many_lines;
  too_many_lines.lines.resize(DocumentLimits::max_lines + 1);
  EXPECT_EQ(refused_field(too_many_lines), "lines DOCUMENT_TOO_LARGE");
  PrintedDocument too_many_taxes;
  too_many_taxes.taxes.resize(DocumentLimits::max_taxes + 1);
  EXPECT_EQ(refused_field(too_many_taxes), "taxes DOCUMENT_TOO_LARGE");
  PrintedDocument too_many_facts;
  too_many_facts.facts.resize(DocumentLimits::max_facts + 1);
  EXPECT_EQ(refused_field(too_many_facts), "facts DOCUMENT_TOO_LARGE");
  PrintedDocument too_long_an_address;
  too_long_an_address.recipient.address_lines.resize(DocumentLimits::max_address_lines + 1);
  EXPECT_EQ(refused_field(too_long_an_address), "recipient.address_lines DOCUMENT_TOO_LARGE");
}

}  // namespace
}  // namespace atrium::documents
