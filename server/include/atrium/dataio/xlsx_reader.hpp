#pragma once
// Reads the cells of an XLSX workbook (Office Open XML): the sheet names from
// xl/workbook.xml, the shared strings, and one sheet's rows as text. Dates (numbers in a
// date style) come out as YYYY-MM-DD, or YYYY-MM-DDTHH:MM:SS when they carry a time.
// XML is parsed without DTDs or entities; every part read is bounded, so a zip bomb ends
// as an error.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "atrium/core/result.hpp"

namespace atrium::dataio {

struct XlsxSheet {
  std::string name;
  std::string part;  // "xl/worksheets/sheet1.xml"
};

class XlsxReader {
 public:
  // Called per row with its cells (empty cells as ""); return false to stop.
  using RowVisitor = std::function<bool(std::vector<std::string>& cells)>;

  // BAD_REQUEST (FILE_NOT_XLSX) for anything that is not a readable workbook.
  static Result<XlsxReader> open(const std::filesystem::path& path);

  const std::vector<XlsxSheet>& sheets() const { return sheets_; }
  // The rows of the sheet named `sheet` (empty: the first); NOT_FOUND naming `sheet`.
  Result<void> read_rows(std::string_view sheet, const RowVisitor& visit);

  // "1899-12-30" + serial days, the spreadsheet's day numbers (1900 system, or 1904).
  static std::string date_from_serial(double serial, bool date1904);

 private:
  struct Archive;
  XlsxReader() = default;

  std::shared_ptr<Archive> archive_;
  std::vector<XlsxSheet> sheets_;
  std::vector<std::string> shared_strings_;
  std::vector<bool> date_styles_;  // by cell style index
  bool date1904_ = false;
};

// Whether the first bytes are those of a ZIP archive (an XLSX file is one).
bool looks_like_zip(std::string_view head);

}  // namespace atrium::dataio
