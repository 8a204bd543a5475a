#include "csv_export_producer.hpp"

#include "atrium/core/log.hpp"
#include "atrium/dataio/csv_writer.hpp"

namespace atrium::dataio {

CsvExportProducer::CsvExportProducer(std::unique_ptr<ExportRows> rows, ByteOrderMark mark, bool header)
    : rows_(std::move(rows)), mark_(mark), header_(header) {}

http::BodyProducer::Step CsvExportProducer::next(std::string& piece) {
  CsvWriter writer(piece);
  if (!started_) {
    started_ = true;
    if (mark_ == ByteOrderMark::with) piece += CsvWriter::kByteOrderMark;
    if (header_) {
      for (const auto& label : rows_->headers()) writer.text(label);
      writer.end_row();
    }
  }
  // Pages are gathered into pieces of about kPieceSize: each piece crosses to the
  // connection's thread and back, so a piece per page of rows would spend more time
  // handing over than reading.
  while (piece.size() < kPieceSize) {
    auto page = rows_->next_page();
    if (!page) {
      log::error("export stopped: {}", page.error().message);
      return Step::failed;
    }
    if (page->empty()) break;
    for (const auto& row : *page) {
      for (const auto& cell : row) {
        switch (cell.kind) {
          case ExportCell::Kind::empty: writer.empty(); break;
          case ExportCell::Kind::number:
          case ExportCell::Kind::money: writer.number(cell.text); break;
          case ExportCell::Kind::boolean: writer.text(cell.flag ? "true" : "false"); break;
          default: writer.text(cell.text); break;
        }
      }
      writer.end_row();
    }
  }
  if (!piece.empty()) return Step::more;
  return Step::done;
}

}  // namespace atrium::dataio
