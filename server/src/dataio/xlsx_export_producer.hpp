#pragma once
// The body of an XLSX export. A workbook is a zip whose directory comes last, so it
// cannot be sent while rows are still read: the first piece writes every page into a
// temporary file (libxlsxwriter's constant-memory mode, one page of rows in memory),
// then the file goes out in 64 KiB pieces. The file is unlinked as soon as it is open
// for reading, so nothing is left behind however the answer ends.
#include <cstdio>
#include <filesystem>
#include <memory>

#include "atrium/http/response.hpp"
#include "export_rows.hpp"

namespace atrium::dataio {

class XlsxExportProducer final : public http::BodyProducer {
 public:
  XlsxExportProducer(std::unique_ptr<ExportRows> rows, std::string sheet_name, bool header,
                     std::filesystem::path work_directory);
  ~XlsxExportProducer() override;
  XlsxExportProducer(const XlsxExportProducer&) = delete;
  XlsxExportProducer& operator=(const XlsxExportProducer&) = delete;

  Step next(std::string& piece) override;

  static constexpr std::size_t kPieceSize = 64 * 1024;

 private:
  Result<void> write_workbook();

  std::unique_ptr<ExportRows> rows_;
  std::string sheet_name_;
  bool header_;
  std::filesystem::path work_directory_;
  std::filesystem::path file_;
  std::FILE* reading_ = nullptr;
};

}  // namespace atrium::dataio
