#include "atrium/records/search_index.hpp"

#include <gtest/gtest.h>

#include "atrium/core/text_fold.hpp"

namespace atrium::records {
namespace {

TEST(TextFoldTest, LowersAndDropsAccentsInEveryScript) {
  EXPECT_EQ(fold_text("Köln MÜNCHEN"), "koln munchen");
  EXPECT_EQ(fold_text("ΑΘΉΝΑ"), "αθηνα");
  EXPECT_EQ(fold_text("Kraków"), "krakow");
  EXPECT_EQ(fold_text("plain ascii 42"), "plain ascii 42");
}

TEST(SearchTermsTest, SplitsOnAnythingButLettersAndDigits) {
  EXPECT_EQ(search_terms("  Köln, \"Haupt-straße\" 12 "),
            (std::vector<std::string>{"koln", "haupt", "strasse", "12"}));
  EXPECT_TRUE(search_terms("\"*:()-").empty());
}

TEST(SearchTermsTest, KeepsAtMostEightTerms) {
  EXPECT_EQ(search_terms("a b c d e f g h i j").size(), 8U);
}

TEST(HighlightTest, MarksWordsByFoldedPrefix) {
  EXPECT_EQ(highlight("Nordwind Logistik Köln", {"kol", "nord"}), "<mark>Nordwind</mark> Logistik <mark>Köln</mark>");
}

TEST(HighlightTest, EscapesEverythingItShows) {
  EXPECT_EQ(highlight("<b>Zebra</b> & \"co\"", {"zebra"}),
            "&lt;b&gt;<mark>Zebra</mark>&lt;/b&gt; &amp; &quot;co&quot;");
}

TEST(HighlightTest, CutsAWindowAroundTheFirstMatch) {
  const std::string text = std::string(300, 'x') + " target " + std::string(300, 'y');
  const std::string shown = highlight(text, {"target"}, 100);
  EXPECT_NE(shown.find("<mark>target</mark>"), std::string::npos);
  EXPECT_TRUE(shown.starts_with("…"));
  EXPECT_TRUE(shown.ends_with("…"));
  EXPECT_LT(shown.size(), 140U);
}

}  // namespace
}  // namespace atrium::records
