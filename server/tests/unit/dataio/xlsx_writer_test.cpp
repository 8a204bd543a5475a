#include "atrium/dataio/xlsx_writer.hpp"

#include <gtest/gtest.h>
#include <minizip/unzip.h>

#include <filesystem>
#include <string>

namespace atrium::dataio {
namespace {

// One member of a zip file, read with minizip.
std::string unzip_member(const std::filesystem::path& file, const char* member) {
  unzFile zip = unzOpen(file.c_str());
  if (!zip) return {};
  std::string content;
  if (unzLocateFile(zip, member, 1) == UNZ_OK && unzOpenCurrentFile(zip) == UNZ_OK) {
    char buffer[4096];
    int read = 0;
    while ((read = unzReadCurrentFile(zip, buffer, sizeof buffer)) > 0)
      content.append(buffer, static_cast<std::size_t>(read));
    unzCloseCurrentFile(zip);
  }
  unzClose(zip);
  return content;
}

class XlsxWriterTest : public testing::Test {
 protected:
  void SetUp() override {
    directory_ = std::filesystem::temp_directory_path() /
                 ("xlsx-writer-test-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
                  ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(directory_);
  }
  void TearDown() override { std::filesystem::remove_all(directory_); }
  std::filesystem::path directory_;
};

TEST_F(XlsxWriterTest, CellsAreTypedAndTheHeaderIsBoldAndFrozen) {
  const auto file = directory_ / "out.xlsx";
  auto writer = XlsxWriter::create(file, directory_, "Accounts");
  ASSERT_TRUE(writer);
  (*writer)->header({"Name", "Limit", "Active", "Since", "Changed", "Count"});
  ExportCell money{ExportCell::Kind::money, "-1234.50", "EUR", false};
  ExportCell since{ExportCell::Kind::date, "2026-11-22", {}, false};
  ExportCell changed{ExportCell::Kind::datetime, "2026-11-22T12:00:00.000000Z", {}, false};
  ASSERT_TRUE((*writer)->row(
      {ExportCell::of_text("=cmd"), money, ExportCell::of_boolean(true), since, changed, ExportCell::of_number("42")}));
  ASSERT_TRUE((*writer)->row({ExportCell{}, ExportCell{}, ExportCell::of_boolean(false)}));
  ASSERT_TRUE((*writer)->close());

  const std::string sheet = unzip_member(file, "xl/worksheets/sheet1.xml");
  ASSERT_FALSE(sheet.empty());
  // The header row is frozen.
  EXPECT_NE(sheet.find("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"),
            std::string::npos)
      << sheet;
  // constant_memory writes strings inline; a formula-like text stays text, never <f>.
  EXPECT_NE(sheet.find("<c r=\"A2\" t=\"inlineStr\"><is><t>=cmd</t></is></c>"), std::string::npos) << sheet;
  EXPECT_EQ(sheet.find("<f>"), std::string::npos);
  // Styles are numbered as first used: 1 bold, 2 the amount, 3 the date, 4 the instant.
  EXPECT_NE(sheet.find("<c r=\"B2\" s=\"2\"><v>-1234.5</v></c>"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("<c r=\"C2\" t=\"b\"><v>1</v></c>"), std::string::npos) << sheet;
  // 2026-11-22 is Excel day 46348; noon is half a day.
  EXPECT_NE(sheet.find("<c r=\"D2\" s=\"3\"><v>46348</v></c>"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("<c r=\"E2\" s=\"4\"><v>46348.5</v></c>"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("<c r=\"F2\"><v>42</v></c>"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("<c r=\"C3\" t=\"b\"><v>0</v></c>"), std::string::npos) << sheet;

  const std::string styles = unzip_member(file, "xl/styles.xml");
  EXPECT_NE(styles.find("formatCode=\"#,##0.00 &quot;EUR&quot;\""), std::string::npos) << styles;
  EXPECT_NE(styles.find("formatCode=\"yyyy-mm-dd\""), std::string::npos) << styles;
  EXPECT_NE(styles.find("<b/>"), std::string::npos) << styles;
  // The cell styles in that order: general bold, then the amount's, the date's and the instant's formats.
  const auto xfs = styles.find("<cellXfs count=\"5\">");
  ASSERT_NE(xfs, std::string::npos) << styles;
  const auto money_xf = styles.find("numFmtId=\"164\"", xfs);
  const auto date_xf = styles.find("numFmtId=\"165\"", xfs);
  const auto instant_xf = styles.find("numFmtId=\"166\"", xfs);
  EXPECT_TRUE(money_xf < date_xf && date_xf < instant_xf) << styles;
  const std::string workbook = unzip_member(file, "xl/workbook.xml");
  EXPECT_NE(workbook.find("<sheet name=\"Accounts\""), std::string::npos) << workbook;
}

TEST_F(XlsxWriterTest, SheetNamesLoseTheCharactersExcelRefusesAndStayShort) {
  EXPECT_EQ(sheet_name_of("Notes [a/b]: *?"), "Notes ab ");
  EXPECT_EQ(sheet_name_of(std::string(40, 'x')), std::string(31, 'x'));
  EXPECT_EQ(sheet_name_of("[]"), "Export");
}

}  // namespace
}  // namespace atrium::dataio
