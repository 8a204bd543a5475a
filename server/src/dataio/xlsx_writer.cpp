#include "atrium/dataio/xlsx_writer.hpp"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <charconv>

namespace atrium::dataio {

namespace {

// Excel keeps at most this many characters in a cell; longer text is cut at a UTF-8
// character boundary rather than refused.
constexpr std::size_t kMaxCellText = 32'767;

std::string_view cut_text(std::string_view text) {
  if (text.size() <= kMaxCellText) return text;
  std::size_t end = kMaxCellText;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

int parse_part(std::string_view text, std::size_t at, std::size_t length) {
  int value = 0;
  if (at + length > text.size()) return -1;
  const auto* first = text.data() + at;
  const auto parsed = std::from_chars(first, first + length, value);
  return parsed.ec == std::errc() && parsed.ptr == first + length ? value : -1;
}

// "2026-11-22" or "2026-11-22T14:05:00.000000Z" as Excel's date parts (UTC).
bool to_datetime(std::string_view text, lxw_datetime& out) {
  out = {};
  out.year = parse_part(text, 0, 4);
  out.month = parse_part(text, 5, 2);
  out.day = parse_part(text, 8, 2);
  if (out.year < 1900 || out.month < 1 || out.day < 1) return false;
  if (text.size() > 10) {
    out.hour = parse_part(text, 11, 2);
    out.min = parse_part(text, 14, 2);
    const int seconds = parse_part(text, 17, 2);
    if (out.hour < 0 || out.min < 0 || seconds < 0) return false;
    out.sec = seconds;
  }
  return true;
}

// The server's exact decimals as doubles, independent of the process's locale.
double number_of(std::string_view text) {
  double value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

Result<void> checked(lxw_error error, std::string_view what) {
  if (error == LXW_NO_ERROR) return {};
  return make_error(ErrorCode::internal_error, fmt::format("the workbook refused {}: {}", what, lxw_strerror(error)));
}

}  // namespace

std::string sheet_name_of(std::string_view label) {
  std::string name;
  for (const char c : label) {
    if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) continue;
    name += c;
  }
  // 31 bytes, not cut inside a UTF-8 character.
  if (name.size() > 31) {
    std::size_t end = 31;
    while (end > 0 && (static_cast<unsigned char>(name[end]) & 0xC0) == 0x80) --end;
    name.resize(end);
  }
  return name.empty() ? "Export" : name;
}

Result<std::unique_ptr<XlsxWriter>> XlsxWriter::create(const std::filesystem::path& file,
                                                       const std::filesystem::path& work_directory,
                                                       std::string_view sheet_name) {
  std::unique_ptr<XlsxWriter> writer(new XlsxWriter());
  writer->work_directory_ = work_directory.string();
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  options.tmpdir = writer->work_directory_.data();
  options.use_zip64 = LXW_TRUE;
  writer->workbook_ = workbook_new_opt(file.c_str(), &options);
  if (!writer->workbook_) {
    return make_error(ErrorCode::internal_error, fmt::format("cannot create the workbook {}", file.string()));
  }
  const std::string name = sheet_name_of(sheet_name);
  writer->sheet_ = workbook_add_worksheet(writer->workbook_, name.c_str());
  if (!writer->sheet_) return make_error(ErrorCode::internal_error, "cannot add the sheet");
  writer->bold_ = workbook_add_format(writer->workbook_);
  format_set_bold(writer->bold_);
  writer->date_ = workbook_add_format(writer->workbook_);
  format_set_num_format(writer->date_, "yyyy-mm-dd");
  writer->datetime_ = workbook_add_format(writer->workbook_);
  format_set_num_format(writer->datetime_, "yyyy-mm-dd hh:mm:ss");
  return writer;
}

XlsxWriter::~XlsxWriter() {
  // An unfinished workbook still frees its memory and work files; the caller removes
  // the half-written file.
  if (workbook_ && !closed_) workbook_close(workbook_);
}

void XlsxWriter::header(const std::vector<std::string>& labels) {
  for (std::size_t column = 0; column < labels.size(); ++column) {
    worksheet_write_string(sheet_, next_row_, static_cast<lxw_col_t>(column),
                           std::string(cut_text(labels[column])).c_str(), bold_);
  }
  worksheet_freeze_panes(sheet_, 1, 0);
  ++next_row_;
}

lxw_format* XlsxWriter::money_format(const ExportCell& cell) {
  const auto point = cell.text.find('.');
  const std::size_t places = point == std::string::npos ? 0 : cell.text.size() - point - 1;
  const std::string key = fmt::format("{}/{}", cell.currency, places);
  if (auto found = money_formats_.find(key); found != money_formats_.end()) return found->second;
  // #,##0.00 "EUR": the amount with the currency's minor unit, the code beside it.
  std::string currency;
  for (const char c : cell.currency) {
    if (c >= 'A' && c <= 'Z') currency += c;
  }
  std::string pattern = places == 0 ? "#,##0" : "#,##0." + std::string(places, '0');
  if (!currency.empty()) pattern += " \"" + currency + "\"";
  lxw_format* format = workbook_add_format(workbook_);
  format_set_num_format(format, pattern.c_str());
  money_formats_.emplace(key, format);
  return format;
}

Result<void> XlsxWriter::row(const std::vector<ExportCell>& cells) {
  if (next_row_ >= kMaxRows) {
    return make_error(ErrorCode::internal_error, fmt::format("a sheet holds at most {} rows", kMaxRows));
  }
  for (std::size_t index = 0; index < cells.size(); ++index) {
    const ExportCell& cell = cells[index];
    const auto column = static_cast<lxw_col_t>(index);
    lxw_error written = LXW_NO_ERROR;
    switch (cell.kind) {
      case ExportCell::Kind::empty: break;
      case ExportCell::Kind::text:
        written = worksheet_write_string(sheet_, next_row_, column, std::string(cut_text(cell.text)).c_str(), nullptr);
        break;
      case ExportCell::Kind::number:
      case ExportCell::Kind::money:
        // Excel's numbers are doubles: the exact decimal stays exact up to 15 digits.
        written = worksheet_write_number(sheet_, next_row_, column, number_of(cell.text),
                                         cell.kind == ExportCell::Kind::money ? money_format(cell) : nullptr);
        break;
      case ExportCell::Kind::boolean:
        written = worksheet_write_boolean(sheet_, next_row_, column, cell.flag ? 1 : 0, nullptr);
        break;
      case ExportCell::Kind::date:
      case ExportCell::Kind::datetime: {
        lxw_datetime when{};
        if (to_datetime(cell.text, when)) {
          written = worksheet_write_datetime(sheet_, next_row_, column, &when,
                                             cell.kind == ExportCell::Kind::date ? date_ : datetime_);
        } else {
          written = worksheet_write_string(sheet_, next_row_, column, cell.text.c_str(), nullptr);
        }
        break;
      }
    }
    ATRIUM_TRY(checked(written, "a cell"));
  }
  ++next_row_;
  return {};
}

Result<void> XlsxWriter::close() {
  closed_ = true;
  return checked(workbook_close(workbook_), "to close");
}

}  // namespace atrium::dataio
