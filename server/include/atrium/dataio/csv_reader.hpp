#pragma once
// A streaming RFC 4180 reader: quoted fields with separators, newlines and doubled
// quotes; CRLF or LF; a UTF-8 byte-order mark skipped. It pulls the input in blocks from
// a source, so a 1 GiB file never sits in memory, and it tells the byte offset where the
// next record starts, so an import can resume there. Malformed input is a per-record
// error, never a stop: invalid UTF-8, an unclosed quote, text after a closing quote, a
// record over the size limit.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "atrium/core/result.hpp"

namespace atrium::dataio {

struct CsvRecord {
  std::vector<std::string> fields;
  std::string error;            // empty: the record is well-formed
  std::uint64_t line = 0;       // the physical line the record starts on (1-based)
  std::uint64_t end_offset = 0; // the byte after the record and its line break
};

struct CsvLimits {
  std::size_t max_record_bytes = 1024 * 1024;
  std::size_t max_fields = 1000;
};

// What the first block of a file says about it.
struct CsvFormat {
  char separator = ',';
  bool byte_order_mark = false;
  std::string encoding = "UTF-8";  // "UTF-16" for a file this reader does not read
};

// Looks for `;`, `,` and tab outside quotes in the first lines; the one that splits
// them most evenly wins, `,` when nothing does.
CsvFormat detect_csv_format(std::string_view head);

class CsvReader {
 public:
  // Fills `buffer` with up to `capacity` bytes; 0 at the end.
  using Source = std::function<std::size_t(char* buffer, std::size_t capacity)>;

  // `start_offset` is where the source begins in the file (for offsets and the BOM: only
  // a source starting at 0 may begin with one).
  CsvReader(Source source, char separator, std::uint64_t start_offset = 0, CsvLimits limits = {});

  // A reader of a file from `offset` on; NOT_FOUND when it cannot be opened.
  static Result<CsvReader> open(const std::filesystem::path& path, char separator, std::uint64_t offset = 0,
                                CsvLimits limits = {});
  // A reader of text in memory (tests, fuzzing). The text must outlive the reader.
  static CsvReader of_text(std::string_view text, char separator, CsvLimits limits = {});

  // The next record; false at the end of the input. Blank lines are skipped.
  bool next(CsvRecord& record);

 private:
  bool fill();

  Source source_;
  char separator_;
  CsvLimits limits_;
  std::string buffer_;
  std::size_t position_ = 0;
  std::uint64_t buffer_offset_ = 0;  // the file offset of buffer_[0]
  std::uint64_t line_ = 1;
  bool at_end_ = false;
  bool check_bom_ = false;
};

// Whether `text` is well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF).
bool valid_utf8(std::string_view text);

}  // namespace atrium::dataio
