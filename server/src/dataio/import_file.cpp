#include "atrium/dataio/import_file.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <fstream>

#include "atrium/dataio/xlsx_reader.hpp"

namespace atrium::dataio {

namespace {

Error file_error(std::string code, std::string message) {
  return Error{ErrorCode::bad_request, "the file cannot be imported", {{"file", std::move(code), std::move(message)}}};
}

std::string first_bytes(const std::filesystem::path& path, std::size_t count) {
  std::ifstream in(path, std::ios::binary);
  std::string bytes(count, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(count));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  return bytes;
}

Result<void> check_header(const std::vector<std::string>& header) {
  bool any = false;
  for (const auto& column : header) any = any || !column.empty();
  if (!any) return file_error("HEADER_INVALID", "the first row must name the columns");
  for (const auto& column : header) {
    if (!valid_utf8(column)) {
      return file_error("ENCODING_UNSUPPORTED", "the header is not UTF-8: save the file as UTF-8 CSV");
    }
  }
  return {};
}

}  // namespace

void append_csv_line(std::string& out, const std::vector<std::string>& cells, char separator) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out.push_back(separator);
    const std::string& cell = cells[i];
    if (cell.find_first_of(std::string{separator, '"', '\n', '\r'}) == std::string::npos) {
      out += cell;
      continue;
    }
    out.push_back('"');
    for (const char c : cell) {
      if (c == '"') out.push_back('"');
      out.push_back(c);
    }
    out.push_back('"');
  }
  out += "\r\n";
}

Result<ImportFilePreview> inspect_import_file(const std::filesystem::path& path, std::string_view sheet,
                                              std::size_t preview_rows) {
  ImportFilePreview preview;
  const std::string head = first_bytes(path, 64 * 1024);
  if (head.empty()) return file_error("FILE_EMPTY", "the file is empty");
  if (looks_like_zip(head)) {
    preview.format = ImportFileFormat::xlsx;
    auto workbook = XlsxReader::open(path);
    if (!workbook) return workbook.take_error();
    for (const auto& each : workbook->sheets()) preview.sheets.push_back(each.name);
    bool first = true;
    ATRIUM_TRY(workbook->read_rows(sheet, [&](std::vector<std::string>& cells) {
      if (first) {
        preview.header = cells;
        first = false;
        return true;
      }
      preview.rows.push_back(cells);
      return preview.rows.size() < preview_rows;
    }));
    if (first) return file_error("FILE_EMPTY", "the sheet is empty");
    ATRIUM_TRY(check_header(preview.header));
    return preview;
  }
  preview.csv = detect_csv_format(head);
  if (preview.csv.encoding != "UTF-8") {
    return file_error("ENCODING_UNSUPPORTED", "the file is UTF-16: save it as UTF-8 CSV");
  }
  if (head.find('\0') != std::string::npos) return file_error("FILE_NOT_CSV", "the file is neither CSV nor XLSX");
  auto reader = CsvReader::open(path, preview.csv.separator);
  if (!reader) return reader.take_error();
  CsvRecord record;
  if (!reader->next(record)) return file_error("FILE_EMPTY", "the file has no rows");
  preview.header = std::move(record.fields);
  ATRIUM_TRY(check_header(preview.header));  // an encoding problem first: it says what to do
  if (!record.error.empty()) return file_error("HEADER_INVALID", fmt::format("the header row: {}", record.error));
  while (preview.rows.size() < preview_rows && reader->next(record)) preview.rows.push_back(record.fields);
  return preview;
}

Result<void> write_sheet_as_csv(const std::filesystem::path& workbook, std::string_view sheet,
                                const std::filesystem::path& target) {
  auto reader = XlsxReader::open(workbook);
  if (!reader) return reader.take_error();
  std::FILE* out = std::fopen(target.c_str(), "wb");
  if (!out) return make_error(ErrorCode::internal_error, "cannot write the sheet as CSV");
  std::string line;
  bool written = true;
  auto read = reader->read_rows(sheet, [&](std::vector<std::string>& cells) {
    line.clear();
    append_csv_line(line, cells);
    written = std::fwrite(line.data(), 1, line.size(), out) == line.size();
    return written;
  });
  const bool closed = std::fclose(out) == 0;
  if (!read) return read.take_error();
  if (!written || !closed) return make_error(ErrorCode::internal_error, "cannot write the sheet as CSV");
  return {};
}

Result<CsvLayout> read_csv_layout(const std::filesystem::path& path, char separator) {
  auto reader = CsvReader::open(path, separator);
  if (!reader) return reader.take_error();
  CsvLayout layout;
  CsvRecord record;
  if (!reader->next(record)) return file_error("FILE_EMPTY", "the file has no rows");
  layout.header = std::move(record.fields);
  layout.data_offset = record.end_offset;
  while (reader->next(record)) ++layout.rows;
  return layout;
}

}  // namespace atrium::dataio
