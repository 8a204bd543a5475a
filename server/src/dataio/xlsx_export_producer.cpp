#include "xlsx_export_producer.hpp"

#include "atrium/core/id.hpp"
#include "atrium/core/log.hpp"
#include "atrium/dataio/xlsx_writer.hpp"

namespace atrium::dataio {

XlsxExportProducer::XlsxExportProducer(std::unique_ptr<ExportRows> rows, std::string sheet_name, bool header,
                                       std::filesystem::path work_directory)
    : rows_(std::move(rows)),
      sheet_name_(std::move(sheet_name)),
      header_(header),
      work_directory_(std::move(work_directory)) {}

XlsxExportProducer::~XlsxExportProducer() {
  if (reading_) std::fclose(reading_);
  if (!file_.empty()) {
    std::error_code ignored;
    std::filesystem::remove(file_, ignored);
  }
}

Result<void> XlsxExportProducer::write_workbook() {
  file_ = work_directory_ / ("atrium-export-" + new_id() + ".xlsx");
  auto writer = XlsxWriter::create(file_, work_directory_, sheet_name_);
  if (!writer) return writer.take_error();
  if (header_) (*writer)->header(rows_->headers());
  for (;;) {
    auto page = rows_->next_page();
    if (!page) return page.take_error();
    if (page->empty()) break;
    for (const auto& row : *page) ATRIUM_TRY((*writer)->row(row));
  }
  ATRIUM_TRY((*writer)->close());
  rows_.reset();  // the database work is done: release what the rows held
  reading_ = std::fopen(file_.c_str(), "rb");
  if (!reading_) return make_error(ErrorCode::internal_error, "cannot read the workbook back");
  std::error_code ignored;
  std::filesystem::remove(file_, ignored);
  file_.clear();
  return {};
}

http::BodyProducer::Step XlsxExportProducer::next(std::string& piece) {
  if (!reading_) {
    if (auto written = write_workbook(); !written) {
      log::error("export stopped: {}", written.error().message);
      return Step::failed;
    }
  }
  piece.resize(kPieceSize);
  const std::size_t read = std::fread(piece.data(), 1, piece.size(), reading_);
  piece.resize(read);
  if (read > 0) return Step::more;
  if (std::ferror(reading_)) return Step::failed;
  return Step::done;
}

}  // namespace atrium::dataio
