#pragma once
// An XLSX workbook of one sheet, written row by row into a file with libxlsxwriter in
// its constant-memory mode: each row goes to disk once the next starts, so a million
// rows take no more memory than one. Cells are typed: numbers and amounts as numbers
// (amounts with their currency's format), dates and instants as Excel dates, booleans
// as booleans; the header row is bold and stays in view when scrolling.
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "atrium/core/result.hpp"
#include "atrium/dataio/export_cell.hpp"

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace atrium::dataio {

class XlsxWriter {
 public:
  // The rows a sheet holds, the header included (Excel's limit).
  static constexpr std::size_t kMaxRows = 1'048'576;

  // A workbook at `file`, with its work files in `work_directory`.
  static Result<std::unique_ptr<XlsxWriter>> create(const std::filesystem::path& file,
                                                    const std::filesystem::path& work_directory,
                                                    std::string_view sheet_name);
  ~XlsxWriter();
  XlsxWriter(const XlsxWriter&) = delete;
  XlsxWriter& operator=(const XlsxWriter&) = delete;

  void header(const std::vector<std::string>& labels);
  // INTERNAL_ERROR past kMaxRows, or when the library refuses a cell.
  Result<void> row(const std::vector<ExportCell>& cells);
  // Finishes the file (the zip is written here).
  Result<void> close();

 private:
  XlsxWriter() = default;
  lxw_format* money_format(const ExportCell& cell);

  lxw_workbook* workbook_ = nullptr;
  lxw_worksheet* sheet_ = nullptr;
  lxw_format* bold_ = nullptr;
  lxw_format* date_ = nullptr;
  lxw_format* datetime_ = nullptr;
  std::map<std::string, lxw_format*, std::less<>> money_formats_;  // by "EUR/2"
  std::string work_directory_;
  std::uint32_t next_row_ = 0;
  bool closed_ = false;
};

// A sheet name Excel accepts: at most 31 characters, none of []:*?/\ .
std::string sheet_name_of(std::string_view label);

}  // namespace atrium::dataio
