#include "atrium/dataio/import_file.hpp"

#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace atrium::dataio {
namespace {

class ImportFileTest : public testing::Test {
 protected:
  void SetUp() override {
    directory_ = std::filesystem::temp_directory_path() /
                 ("atrium_import_file_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
                  ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(directory_);
  }
  void TearDown() override { std::filesystem::remove_all(directory_); }

  std::filesystem::path write(const std::string& name, const std::string& bytes) {
    const auto path = directory_ / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }

  std::filesystem::path directory_;
};

TEST_F(ImportFileTest, PreviewsACsvWithItsSeparatorAndHeader) {
  const auto path = write("a.csv", "\xEF\xBB\xBF" "Code;Name\r\nA;\"x;y\"\r\nB;z\r\nC;w\r\n");
  auto preview = inspect_import_file(path, {}, 2);
  ASSERT_TRUE(preview);
  EXPECT_EQ(preview->format, ImportFileFormat::csv);
  EXPECT_EQ(preview->csv.separator, ';');
  EXPECT_TRUE(preview->csv.byte_order_mark);
  EXPECT_EQ(preview->header, (std::vector<std::string>{"Code", "Name"}));
  ASSERT_EQ(preview->rows.size(), 2u);
  EXPECT_EQ(preview->rows[0], (std::vector<std::string>{"A", "x;y"}));
  auto layout = read_csv_layout(path, ';');
  ASSERT_TRUE(layout);
  EXPECT_EQ(layout->rows, 3u);
  EXPECT_EQ(layout->data_offset, 3u + 11u);  // the BOM and "Code;Name\r\n"
}

TEST_F(ImportFileTest, RefusesEmptyUtf16AndBinaryFiles) {
  const auto code_of = [&](const std::string& bytes) {
    auto preview = inspect_import_file(write("f", bytes), {}, 20);
    return preview ? std::string("ok") : preview.error().fields.front().code;
  };
  EXPECT_EQ(code_of(""), "FILE_EMPTY");
  EXPECT_EQ(code_of("\n\n"), "FILE_EMPTY");
  EXPECT_EQ(code_of(std::string("\xFF\xFE" "c\0o\0", 6)), "ENCODING_UNSUPPORTED");
  EXPECT_EQ(code_of(std::string("ab\0cd", 5)), "FILE_NOT_CSV");
  EXPECT_EQ(code_of("PK\x03\x04garbage"), "FILE_NOT_XLSX");
  EXPECT_EQ(code_of("K\xF6ln,x\n1,2\n"), "ENCODING_UNSUPPORTED");
  EXPECT_EQ(code_of(",,\n1,2,3\n"), "HEADER_INVALID");
}

// A sheet becomes CSV the batch jobs read like any upload: quoting, dates, gaps.
TEST_F(ImportFileTest, AnXlsxSheetIsPreviewedAndWrittenAsCsv) {
  const auto workbook_path = directory_ / "book.xlsx";
  lxw_workbook* workbook = workbook_new(workbook_path.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "Contacts");
  lxw_format* date = workbook_add_format(workbook);
  format_set_num_format(date, "yyyy-mm-dd");
  worksheet_write_string(sheet, 0, 0, "Name", nullptr);
  worksheet_write_string(sheet, 0, 1, "Born", nullptr);
  worksheet_write_string(sheet, 0, 2, "Note", nullptr);
  worksheet_write_string(sheet, 1, 0, "Ada, Countess", nullptr);
  lxw_datetime born = {1906, 12, 9, 0, 0, 0};  // spreadsheets know no days before 1900
  worksheet_write_datetime(sheet, 1, 1, &born, date);
  worksheet_write_string(sheet, 1, 2, "said \"hello\"\nthen left", nullptr);
  worksheet_write_string(sheet, 2, 0, "Grace", nullptr);
  ASSERT_EQ(workbook_close(workbook), LXW_NO_ERROR);

  auto preview = inspect_import_file(workbook_path, {}, 20);
  ASSERT_TRUE(preview);
  EXPECT_EQ(preview->format, ImportFileFormat::xlsx);
  EXPECT_EQ(preview->sheets, (std::vector<std::string>{"Contacts"}));
  EXPECT_EQ(preview->header, (std::vector<std::string>{"Name", "Born", "Note"}));
  ASSERT_EQ(preview->rows.size(), 2u);

  const auto csv_path = directory_ / "book.csv";
  ASSERT_TRUE(write_sheet_as_csv(workbook_path, "Contacts", csv_path));
  std::stringstream csv;
  csv << std::ifstream(csv_path, std::ios::binary).rdbuf();
  EXPECT_EQ(csv.str(),
            "Name,Born,Note\r\n\"Ada, Countess\",1906-12-09,\"said \"\"hello\"\"\nthen left\"\r\nGrace\r\n");
  EXPECT_FALSE(write_sheet_as_csv(workbook_path, "Missing", csv_path));
}

}  // namespace
}  // namespace atrium::dataio
