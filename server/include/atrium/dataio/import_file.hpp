#pragma once
// What an uploaded import file holds, before anything is imported: its format (CSV or
// XLSX), the CSV separator and byte-order mark, the sheets, the header row and the first
// rows. An XLSX sheet is turned into CSV before its import starts, so the batch job reads
// one format only.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "atrium/core/result.hpp"
#include "atrium/dataio/csv_reader.hpp"

namespace atrium::dataio {

enum class ImportFileFormat { csv, xlsx };

struct ImportFilePreview {
  ImportFileFormat format = ImportFileFormat::csv;
  CsvFormat csv;
  std::vector<std::string> sheets;  // XLSX only
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

// BAD_REQUEST with FILE_EMPTY, FILE_NOT_XLSX, ENCODING_UNSUPPORTED or HEADER_INVALID.
Result<ImportFilePreview> inspect_import_file(const std::filesystem::path& path, std::string_view sheet,
                                              std::size_t preview_rows);

// The sheet's rows as CSV with `,`, written to `target`.
Result<void> write_sheet_as_csv(const std::filesystem::path& workbook, std::string_view sheet,
                                const std::filesystem::path& target);

// The header of a CSV file, the offset after it and the number of records below it.
struct CsvLayout {
  std::vector<std::string> header;
  std::uint64_t data_offset = 0;
  std::uint64_t rows = 0;
};
Result<CsvLayout> read_csv_layout(const std::filesystem::path& path, char separator);

// One CSV line (with CRLF), quoting the cells that need it (RFC 4180).
void append_csv_line(std::string& out, const std::vector<std::string>& cells, char separator = ',');

}  // namespace atrium::dataio
