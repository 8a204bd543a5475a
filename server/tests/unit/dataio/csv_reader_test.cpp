#include "atrium/dataio/csv_reader.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>

namespace atrium::dataio {
namespace {

std::vector<CsvRecord> read_all(CsvReader reader) {
  std::vector<CsvRecord> records;
  CsvRecord record;
  while (reader.next(record)) records.push_back(record);
  return records;
}

std::vector<CsvRecord> read_text(std::string_view text, char separator = ',', CsvLimits limits = {}) {
  return read_all(CsvReader::of_text(text, separator, limits));
}

// A source that hands out one byte per call, so every state meets a block boundary.
CsvReader trickling(std::string_view text, char separator) {
  auto rest = std::make_shared<std::string>(text);
  return CsvReader(
      [rest](char* buffer, std::size_t) {
        if (rest->empty()) return std::size_t{0};
        buffer[0] = rest->front();
        rest->erase(0, 1);
        return std::size_t{1};
      },
      separator);
}

using Fields = std::vector<std::string>;

TEST(CsvReaderTest, ReadsPlainRowsWithLfOrCrlf) {
  const auto records = read_text("a,b\r\n1,2\n3,4");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].fields, (Fields{"a", "b"}));
  EXPECT_EQ(records[1].fields, (Fields{"1", "2"}));
  EXPECT_EQ(records[2].fields, (Fields{"3", "4"}));
  for (const auto& record : records) EXPECT_EQ(record.error, "");
}

TEST(CsvReaderTest, SkipsTheByteOrderMark) {
  const auto records = read_text("\xEF\xBB\xBFname;city\nA;B\n", ';');
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].fields, (Fields{"name", "city"}));
}

TEST(CsvReaderTest, QuotedFieldsKeepSeparatorsNewlinesAndDoubledQuotes) {
  const auto records = read_text("\"a,b\",\"line 1\r\nline 2\",\"say \"\"hi\"\"\"\nnext,row,here\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].fields, (Fields{"a,b", "line 1\r\nline 2", "say \"hi\""}));
  EXPECT_EQ(records[0].line, 1u);
  EXPECT_EQ(records[1].line, 3u);  // the quoted newline is a line of the file
}

TEST(CsvReaderTest, EmptyFieldsAndRaggedRows) {
  const auto records = read_text("a,b,c\n1,,\n2\n3,4,5,6\n\"\",x,\n");
  ASSERT_EQ(records.size(), 5u);
  EXPECT_EQ(records[1].fields, (Fields{"1", "", ""}));
  EXPECT_EQ(records[2].fields, (Fields{"2"}));
  EXPECT_EQ(records[3].fields, (Fields{"3", "4", "5", "6"}));
  EXPECT_EQ(records[4].fields, (Fields{"", "x", ""}));
}

TEST(CsvReaderTest, BlankLinesAreNoRecords) {
  const auto records = read_text("a\n\n\r\nb\n\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].fields, (Fields{"b"}));
}

TEST(CsvReaderTest, InvalidUtf8IsAnErrorOfItsRowOnly) {
  const auto records = read_text("name\nK\xF6ln\nK\xC3\xB6ln\n\xED\xA0\x80\n\xC0\xAF\n");
  ASSERT_EQ(records.size(), 5u);
  EXPECT_EQ(records[1].error, "column 1 is not valid UTF-8");
  EXPECT_EQ(records[2].error, "");
  EXPECT_EQ(records[2].fields, (Fields{"K\xC3\xB6ln"}));
  EXPECT_NE(records[3].error, "");  // a surrogate
  EXPECT_NE(records[4].error, "");  // an overlong form
}

TEST(CsvReaderTest, MalformedQuotesAreReportedAndReadingGoesOn) {
  auto records = read_text("\"ab\"c,d\nok,row\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].error, "text after a closing quote");
  EXPECT_EQ(records[1].error, "");
  records = read_text("ok\n\"never closed,\nstill inside");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].error, "a quoted value is not closed");
}

TEST(CsvReaderTest, LimitsRowLengthAndColumns) {
  const std::string long_row = std::string(100, 'x') + "\nshort\n";
  auto records = read_text(long_row, ',', CsvLimits{.max_record_bytes = 50, .max_fields = 10});
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].error, "the row is longer than 50 bytes");
  EXPECT_EQ(records[1].fields, (Fields{"short"}));
  records = read_text("a,b,c,d\n", ',', CsvLimits{.max_record_bytes = 50, .max_fields = 3});
  EXPECT_EQ(records[0].fields.size(), 3u);
  EXPECT_EQ(records[0].error, "the row has more than 3 columns");
}

TEST(CsvReaderTest, ByteAtATimeReadsTheSame) {
  const std::string text = "\xEF\xBB\xBF\"a\"\"b\";c\r\n\"x\r\ny\";z\r\n\r\nlast;row";
  const auto whole = read_text(text, ';');
  const auto trickled = read_all(trickling(text, ';'));
  ASSERT_EQ(whole.size(), 3u);
  ASSERT_EQ(trickled.size(), whole.size());
  for (std::size_t i = 0; i < whole.size(); ++i) {
    EXPECT_EQ(trickled[i].fields, whole[i].fields);
    EXPECT_EQ(trickled[i].end_offset, whole[i].end_offset);
  }
  EXPECT_EQ(whole[0].fields, (Fields{"a\"b", "c"}));
  EXPECT_EQ(whole[1].fields, (Fields{"x\r\ny", "z"}));
}

TEST(CsvReaderTest, ResumesAtTheOffsetAfterARecord) {
  const auto path = std::filesystem::temp_directory_path() / "atrium_csv_reader_test.csv";
  {
    std::ofstream out(path, std::ios::binary);
    out << "\xEF\xBB\xBFh1,h2\r\n1,\"multi\r\nline\"\r\n2,b\r\n3,c";
  }
  auto reader = CsvReader::open(path, ',');
  ASSERT_TRUE(reader);
  CsvRecord record;
  ASSERT_TRUE(reader->next(record));
  ASSERT_TRUE(reader->next(record));
  EXPECT_EQ(record.fields, (Fields{"1", "multi\r\nline"}));
  auto resumed = CsvReader::open(path, ',', record.end_offset);
  ASSERT_TRUE(resumed);
  const auto rest = read_all(std::move(*resumed));
  ASSERT_EQ(rest.size(), 2u);
  EXPECT_EQ(rest[0].fields, (Fields{"2", "b"}));
  EXPECT_EQ(rest[1].fields, (Fields{"3", "c"}));
  EXPECT_EQ(rest[1].end_offset, std::filesystem::file_size(path));
  std::filesystem::remove(path);
}

TEST(CsvReaderTest, DetectsTheSeparatorOutsideQuotes) {
  EXPECT_EQ(detect_csv_format("a;b;c\n1;2;3\n").separator, ';');
  EXPECT_EQ(detect_csv_format("a,b,c\n1,2,3\n").separator, ',');
  EXPECT_EQ(detect_csv_format("a\tb\n1\t2\n").separator, '\t');
  // Commas inside quotes do not count; every line has its `;`.
  EXPECT_EQ(detect_csv_format("name;amount\n\"Smith, John\";\"1,5\"\n\"Doe, Jane\";2\n").separator, ';');
  EXPECT_EQ(detect_csv_format("single column\nvalue\n").separator, ',');
  const auto bom = detect_csv_format("\xEF\xBB\xBFx;y\n");
  EXPECT_TRUE(bom.byte_order_mark);
  EXPECT_EQ(bom.separator, ';');
  EXPECT_EQ(detect_csv_format("\xFF\xFEx\0;\0").encoding, "UTF-16");
}

}  // namespace
}  // namespace atrium::dataio
