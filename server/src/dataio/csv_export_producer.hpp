#pragma once
// The body of a CSV export: the header row, then one piece per page of rows, read only
// when the transport asks for the next piece (so a slow client slows the reading).
#include <memory>

#include "atrium/http/response.hpp"
#include "export_rows.hpp"

namespace atrium::dataio {

enum class ByteOrderMark { without, with };

class CsvExportProducer final : public http::BodyProducer {
 public:
  CsvExportProducer(std::unique_ptr<ExportRows> rows, ByteOrderMark mark, bool header);
  Step next(std::string& piece) override;

  // About this much CSV text per piece (a page of rows is far less).
  static constexpr std::size_t kPieceSize = 256 * 1024;

 private:
  std::unique_ptr<ExportRows> rows_;
  ByteOrderMark mark_;
  bool header_;
  bool started_ = false;
};

}  // namespace atrium::dataio
