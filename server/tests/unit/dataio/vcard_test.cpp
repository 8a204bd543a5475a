#include "atrium/dataio/vcard.hpp"

#include <gtest/gtest.h>

namespace atrium::dataio {
namespace {

TEST(VCardReader, ReadsPropertiesParametersAndParts) {
  const auto read = read_vcards(
      "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Anna Schmidt\r\nN:Schmidt;Anna;Maria;Dr.;\r\n"
      "item1.EMAIL;TYPE=work,pref:anna@example.org\r\nTEL;TYPE=\"cell,voice\":+49 170 1\r\nEND:VCARD\r\n");
  ASSERT_TRUE(read.errors.empty());
  ASSERT_EQ(read.cards.size(), 1U);
  const auto& card = read.cards[0];
  EXPECT_EQ(card.version, "4.0");
  ASSERT_NE(card.first("N"), nullptr);
  EXPECT_EQ(card.first("N")->parts, (std::vector<std::string>{"Schmidt", "Anna", "Maria", "Dr.", ""}));
  const auto* email = card.first("EMAIL");
  ASSERT_NE(email, nullptr);
  EXPECT_EQ(email->group, "item1");
  EXPECT_TRUE(email->has_type("PREF"));
  EXPECT_TRUE(email->has_type("work"));
  EXPECT_FALSE(email->has_type("home"));
  EXPECT_TRUE(card.first("TEL")->has_type("cell"));
}

TEST(VCardReader, UnfoldsLinesAndUndoesEscapes) {
  const auto read = read_vcards(
      "BEGIN:VCARD\nVERSION:3.0\nNOTE:one\\, two\\; three\\nfour \\\\ fi\n ve and\n\t six\nN:O\\;Brien;Pat;;;\n"
      "END:VCARD\n");
  ASSERT_TRUE(read.errors.empty());
  ASSERT_EQ(read.cards.size(), 1U);
  EXPECT_EQ(read.cards[0].first("NOTE")->value(), "one, two; three\nfour \\ five and six");
  EXPECT_EQ(read.cards[0].first("N")->parts[0], "O;Brien");
}

TEST(VCardReader, ReportsEachBadCardAndKeepsTheGoodOnes) {
  const auto read = read_vcards(
      "BEGIN:VCARD\nVERSION:2.1\nN:Old\nEND:VCARD\n"
      "BEGIN:VCARD\nVERSION:4.0\nFN:Good\nEND:VCARD\n"
      "BEGIN:VCARD\nVERSION:4.0\nno colon here\nEND:VCARD\n"
      "BEGIN:VCARD\nFN:No version\nEND:VCARD\n"
      "BEGIN:VCARD\nVERSION:4.0\nFN:M\xFCller\nEND:VCARD\n"
      "BEGIN:VCARD\nVERSION:4.0\nFN;CHARSET=ISO-8859-1:x\nEND:VCARD\n"
      "BEGIN:VCARD\nVERSION:4.0\nFN:Unended\n");
  EXPECT_EQ(read.total, 7U);
  ASSERT_EQ(read.cards.size(), 1U);
  EXPECT_EQ(read.index, std::vector<std::size_t>{1});
  ASSERT_EQ(read.errors.size(), 6U);
  EXPECT_EQ(read.errors[0].code, "VCARD_VERSION");
  EXPECT_EQ(read.errors[0].card, 0U);
  EXPECT_EQ(read.errors[1].code, "VCARD_SYNTAX");
  EXPECT_EQ(read.errors[1].line, 11U);
  EXPECT_EQ(read.errors[2].code, "VCARD_VERSION");
  EXPECT_EQ(read.errors[3].code, "VCARD_ENCODING");
  EXPECT_EQ(read.errors[4].code, "VCARD_ENCODING");
  EXPECT_EQ(read.errors[5].code, "VCARD_SYNTAX");
  EXPECT_EQ(read.errors[5].card, 6U);
}

TEST(VCardReader, EmptyAndJunkText) {
  EXPECT_EQ(read_vcards("").total, 0U);
  EXPECT_TRUE(read_vcards("").errors.empty());
  const auto junk = read_vcards(std::string("\x00\x01\xFF junk\nmore", 12));
  EXPECT_TRUE(junk.cards.empty());
  ASSERT_EQ(junk.errors.size(), 1U);
  EXPECT_EQ(junk.errors[0].code, "VCARD_SYNTAX");
}

TEST(VCardWriter, EscapesFoldsAndEndsLinesWithCrLf) {
  VCard card;
  card.version = "4.0";
  card.properties.push_back({"", "N", {}, {"O;Brien", "Pat", "", "", ""}});
  card.properties.push_back({"", "NOTE", {}, {"a, b\\c\nd"}});
  card.properties.push_back({"", "TEL", {{"TYPE", "cell,voice"}}, {"+1"}});
  const std::string text = write_vcard(card);
  EXPECT_EQ(text,
            "BEGIN:VCARD\r\nVERSION:4.0\r\nN:O\\;Brien;Pat;;;\r\nNOTE:a\\, b\\\\c\\nd\r\n"
            "TEL;TYPE=\"cell,voice\":+1\r\nEND:VCARD\r\n");
}

TEST(VCardWriter, FoldsAt75OctetsWithoutSplittingACharacter) {
  VCard card;
  card.version = "4.0";
  std::string long_note;
  for (int i = 0; i < 60; ++i) long_note += "ä";  // 2 octets each
  card.properties.push_back({"", "NOTE", {}, {long_note}});
  const std::string text = write_vcard(card);
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find("\r\n", start);
    ASSERT_NE(end, std::string::npos);
    const std::string line = text.substr(start, end - start);
    EXPECT_LE(line.size(), 75U);
    // A folded piece never starts inside a character.
    if (line.size() > 1 && line[0] == ' ') {
      EXPECT_NE(static_cast<unsigned char>(line[1]) & 0xC0, 0x80);
    }
    start = end + 2;
  }
  const auto read = read_vcards(text);
  ASSERT_EQ(read.cards.size(), 1U);
  EXPECT_EQ(read.cards[0].first("NOTE")->value(), long_note);
}

TEST(VCard, RoundTrip) {
  VCard card;
  card.version = "4.0";
  card.properties.push_back({"", "FN", {}, {"Zoë Ångström"}});
  card.properties.push_back({"", "N", {}, {"Ångström", "Zoë", "", "", ""}});
  card.properties.push_back({"", "ADR", {{"TYPE", "work"}}, {"", "", "Main St. 1; Floor 2", "Köln", "", "50667", "DE"}});
  card.properties.push_back({"", "NOTE", {}, {"line one\nline two, with: colon; and semicolon \\ backslash"}});
  card.properties.push_back({"item2", "EMAIL", {{"PREF", "1"}}, {"zoe@example.org"}});
  const auto read = read_vcards(write_vcard(card) + write_vcard(card));
  ASSERT_TRUE(read.errors.empty());
  ASSERT_EQ(read.cards.size(), 2U);
  for (const auto& back : read.cards) {
    EXPECT_EQ(back.version, card.version);
    ASSERT_EQ(back.properties.size(), card.properties.size());
    for (std::size_t i = 0; i < card.properties.size(); ++i) {
      EXPECT_EQ(back.properties[i].group, card.properties[i].group);
      EXPECT_EQ(back.properties[i].name, card.properties[i].name);
      EXPECT_EQ(back.properties[i].parameters, card.properties[i].parameters);
      EXPECT_EQ(back.properties[i].parts, card.properties[i].parts);
    }
  }
}

}  // namespace
}  // namespace atrium::dataio
