#include "atrium/dataio/xlsx_reader.hpp"

#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>

#include "atrium/dataio/xlsx_writer.hpp"

namespace atrium::dataio {
namespace {

using Rows = std::vector<std::vector<std::string>>;

class XlsxReaderTest : public testing::Test {
 protected:
  void SetUp() override {
    directory_ = std::filesystem::temp_directory_path() /
                 ("atrium_xlsx_reader_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
                  ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(directory_);
  }
  void TearDown() override { std::filesystem::remove_all(directory_); }

  Rows rows_of(const std::filesystem::path& file, std::string_view sheet = {}) {
    auto reader = XlsxReader::open(file);
    EXPECT_TRUE(reader) << (reader ? "" : reader.error().fields.front().message);
    Rows rows;
    if (!reader) return rows;
    auto read = reader->read_rows(sheet, [&](std::vector<std::string>& cells) {
      rows.push_back(cells);
      return true;
    });
    EXPECT_TRUE(read);
    return rows;
  }

  std::filesystem::path directory_;
};

// A workbook as spreadsheet programs write it: shared strings, two sheets, a gap, a date.
TEST_F(XlsxReaderTest, ReadsSharedStringsNumbersDatesAndGapsOfTheChosenSheet) {
  const auto file = directory_ / "book.xlsx";
  lxw_workbook* workbook = workbook_new(file.c_str());
  lxw_worksheet* first = workbook_add_worksheet(workbook, "Accounts");
  lxw_worksheet* second = workbook_add_worksheet(workbook, "Other");
  lxw_format* date = workbook_add_format(workbook);
  format_set_num_format(date, "dd.mm.yyyy");
  worksheet_write_string(first, 0, 0, "Code", nullptr);
  worksheet_write_string(first, 0, 1, "Name", nullptr);
  worksheet_write_string(first, 0, 3, "Founded", nullptr);
  worksheet_write_string(first, 1, 0, "X-1", nullptr);
  worksheet_write_string(first, 1, 1, "Müller & Söhne <GmbH>", nullptr);
  worksheet_write_number(first, 1, 2, 1234.5, nullptr);
  lxw_datetime founded = {2024, 2, 29, 0, 0, 0};
  worksheet_write_datetime(first, 1, 3, &founded, date);
  worksheet_write_boolean(first, 2, 0, 1, nullptr);
  worksheet_write_string(second, 0, 0, "elsewhere", nullptr);
  ASSERT_EQ(workbook_close(workbook), LXW_NO_ERROR);

  auto reader = XlsxReader::open(file);
  ASSERT_TRUE(reader);
  ASSERT_EQ(reader->sheets().size(), 2u);
  EXPECT_EQ(reader->sheets()[0].name, "Accounts");
  EXPECT_EQ(reader->sheets()[1].name, "Other");
  const auto rows = rows_of(file);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"Code", "Name", "", "Founded"}));
  EXPECT_EQ(rows[1], (std::vector<std::string>{"X-1", "Müller & Söhne <GmbH>", "1234.5", "2024-02-29"}));
  EXPECT_EQ(rows[2], (std::vector<std::string>{"true"}));
  EXPECT_EQ(rows_of(file, "Other"), (Rows{{"elsewhere"}}));
  auto missing = reader->read_rows("Nope", [](std::vector<std::string>&) { return true; });
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().fields.front().code, "SHEET_NOT_FOUND");
}

// The export's own writer (inline strings, typed cells) reads back as it was written.
TEST_F(XlsxReaderTest, ReadsWhatTheExportWrites) {
  const auto file = directory_ / "export.xlsx";
  auto writer = XlsxWriter::create(file, directory_, "Contacts");
  ASSERT_TRUE(writer);
  (*writer)->header({"Name", "Born", "Seen", "Active"});
  ExportCell born{ExportCell::Kind::date, "1990-12-31", {}, false};
  ExportCell seen{ExportCell::Kind::datetime, "2026-11-22T13:30:00Z", {}, false};
  ASSERT_TRUE((*writer)->row({ExportCell::of_text("Ada"), born, seen, ExportCell::of_boolean(false)}));
  ASSERT_TRUE((*writer)->close());
  const auto rows = rows_of(file);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"Name", "Born", "Seen", "Active"}));
  EXPECT_EQ(rows[1], (std::vector<std::string>{"Ada", "1990-12-31", "2026-11-22T13:30:00", "false"}));
}

TEST_F(XlsxReaderTest, RefusesWhatIsNoWorkbook) {
  const auto junk = directory_ / "junk.xlsx";
  std::ofstream(junk, std::ios::binary) << "PK\x03\x04 not really a zip";
  auto opened = XlsxReader::open(junk);
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().fields.front().code, "FILE_NOT_XLSX");
  EXPECT_FALSE(XlsxReader::open(directory_ / "absent.xlsx"));
}

TEST(XlsxDateTest, SerialNumbersAreDays) {
  EXPECT_EQ(XlsxReader::date_from_serial(45351, false), "2024-02-29");
  EXPECT_EQ(XlsxReader::date_from_serial(45351.5, false), "2024-02-29T12:00:00");
  EXPECT_EQ(XlsxReader::date_from_serial(0, true), "1904-01-01");
  EXPECT_TRUE(looks_like_zip("PK\x03\x04rest"));
  EXPECT_FALSE(looks_like_zip("code,name"));
}

}  // namespace
}  // namespace atrium::dataio
