#include "atrium/dataio/csv_writer.hpp"

#include <gtest/gtest.h>

namespace atrium::dataio {
namespace {

std::string row_of(std::initializer_list<std::string_view> texts) {
  std::string out;
  CsvWriter writer(out);
  for (auto text : texts) writer.text(text);
  writer.end_row();
  return out;
}

TEST(CsvWriterTest, PlainFieldsAreSeparatedByCommasAndRowsEndWithCrLf) {
  EXPECT_EQ(row_of({"a", "b c", ""}), "a,b c,\r\n");
}

TEST(CsvWriterTest, FieldsWithCommasQuotesOrLineBreaksAreQuotedWithQuotesDoubled) {
  EXPECT_EQ(row_of({"Smith, John"}), "\"Smith, John\"\r\n");
  EXPECT_EQ(row_of({"say \"hi\""}), "\"say \"\"hi\"\"\"\r\n");
  EXPECT_EQ(row_of({"two\nlines", "cr\rhere"}), "\"two\nlines\",\"cr\rhere\"\r\n");
}

TEST(CsvWriterTest, FormulaLikeTextGetsAnApostrophe) {
  EXPECT_EQ(row_of({"=1+2", "+49 30 1234", "-5", "@SUM(A1)"}), "'=1+2,'+49 30 1234,'-5,'@SUM(A1)\r\n");
  EXPECT_EQ(row_of({"\tx"}), "'\tx\r\n");
  // Quoted when it must be, with the apostrophe inside the quotes.
  EXPECT_EQ(row_of({"=HYPERLINK(\"http://x\",\"y\")"}), "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n");
  EXPECT_EQ(row_of({"\r=1"}), "\"'\r=1\"\r\n");
  // Only the first character counts.
  EXPECT_EQ(row_of({"a=b", "x-1"}), "a=b,x-1\r\n");
}

TEST(CsvWriterTest, NumbersTheServerFormatsStayNumbers) {
  std::string out;
  CsvWriter writer(out);
  writer.number("-12.50");
  writer.number("1234");
  writer.empty();
  writer.number("=1+1");  // not a number: written as neutralised text
  writer.end_row();
  EXPECT_EQ(out, "-12.50,1234,,'=1+1\r\n");
}

TEST(CsvWriterTest, PlainNumberShape) {
  EXPECT_TRUE(is_plain_number("0"));
  EXPECT_TRUE(is_plain_number("-0.5"));
  EXPECT_FALSE(is_plain_number("-"));
  EXPECT_FALSE(is_plain_number("1."));
  EXPECT_FALSE(is_plain_number(".5"));
  EXPECT_FALSE(is_plain_number("1e5"));
  EXPECT_FALSE(is_plain_number("--1"));
}

}  // namespace
}  // namespace atrium::dataio
