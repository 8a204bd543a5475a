#include "atrium/dataio/xlsx_reader.hpp"

#include <fmt/format.h>
#include <unzip.h>

#include <chrono>
#include <cmath>
#include <map>
#include <pugixml.hpp>

namespace atrium::dataio {

namespace {

// No part of a workbook may unpack to more than this (a sheet of a million rows fits).
constexpr std::uint64_t kMaxPartBytes = 512ull * 1024 * 1024;

Error not_xlsx(std::string message) {
  return Error{ErrorCode::bad_request, "the file is not a readable XLSX workbook", {{"file", "FILE_NOT_XLSX", message}}};
}

// Built-in number formats that show dates (ECMA-376 §18.8.30).
bool builtin_date_format(int id) {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

// A custom format shows a date when it has a day or year part outside quotes and brackets.
bool custom_date_format(std::string_view code) {
  bool quoted = false;
  int bracket = 0;
  for (const char c : code) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '[') ++bracket;
    if (c == ']' && bracket > 0) --bracket;
    if (bracket > 0) continue;
    if (c == 'y' || c == 'Y' || c == 'd' || c == 'D') return true;
  }
  return false;
}

// "AB12" → 27 (0-based column).
std::size_t column_of(std::string_view reference) {
  std::size_t column = 0;
  for (const char c : reference) {
    if (c < 'A' || c > 'Z') break;
    column = column * 26 + static_cast<std::size_t>(c - 'A' + 1);
    if (column > 16384) break;
  }
  return column == 0 ? 0 : column - 1;
}

// The text of an <si> or <is>: its <t>, or the <t> of every rich-text run.
std::string string_item(const pugi::xml_node& item) {
  if (auto text = item.child("t")) return text.text().get();
  std::string joined;
  for (auto run : item.children("r")) joined += run.child("t").text().get();
  return joined;
}

}  // namespace

struct XlsxReader::Archive {
  unzFile file = nullptr;
  ~Archive() {
    if (file) unzClose(file);
  }

  // The part's bytes; nothing when it is absent; an error when it is too large or broken.
  Result<std::optional<std::string>> read(const std::string& part) {
    if (unzLocateFile(file, part.c_str(), 1) != UNZ_OK) return std::optional<std::string>{};
    unz_file_info64 info{};
    if (unzGetCurrentFileInfo64(file, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK) {
      return not_xlsx(fmt::format("{} cannot be read", part));
    }
    if (info.uncompressed_size > kMaxPartBytes) return not_xlsx(fmt::format("{} is too large", part));
    if (unzOpenCurrentFile(file) != UNZ_OK) return not_xlsx(fmt::format("{} cannot be opened", part));
    std::string bytes;
    char block[64 * 1024];
    while (true) {
      const int read = unzReadCurrentFile(file, block, sizeof block);
      if (read < 0) {
        unzCloseCurrentFile(file);
        return not_xlsx(fmt::format("{} is damaged", part));
      }
      if (read == 0) break;
      // The size in the directory may lie: the limit holds on what really unpacks.
      if (bytes.size() + static_cast<std::size_t>(read) > kMaxPartBytes) {
        unzCloseCurrentFile(file);
        return not_xlsx(fmt::format("{} is too large", part));
      }
      bytes.append(block, static_cast<std::size_t>(read));
    }
    if (unzCloseCurrentFile(file) != UNZ_OK) return not_xlsx(fmt::format("{} is damaged", part));
    return std::optional<std::string>{std::move(bytes)};
  }
};

bool looks_like_zip(std::string_view head) {
  return head.starts_with("PK\x03\x04");
}

namespace {
Result<pugi::xml_document> parse_part(const std::string& part, const std::string& bytes) {
  pugi::xml_document document;
  // parse_default has no DTD handling and expands only the five predefined entities.
  const auto parsed = document.load_buffer(bytes.data(), bytes.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!parsed) return not_xlsx(fmt::format("{}: {}", part, parsed.description()));
  return document;
}
}  // namespace

Result<XlsxReader> XlsxReader::open(const std::filesystem::path& path) {
  XlsxReader reader;
  reader.archive_ = std::make_shared<Archive>();
  reader.archive_->file = unzOpen64(path.c_str());
  if (!reader.archive_->file) return not_xlsx("not a ZIP archive");

  auto workbook_bytes = reader.archive_->read("xl/workbook.xml");
  if (!workbook_bytes) return workbook_bytes.take_error();
  if (!*workbook_bytes) return not_xlsx("xl/workbook.xml is missing");
  auto workbook = parse_part("xl/workbook.xml", **workbook_bytes);
  if (!workbook) return workbook.take_error();

  std::map<std::string, std::string> targets;  // relationship id → part
  auto relations_bytes = reader.archive_->read("xl/_rels/workbook.xml.rels");
  if (!relations_bytes) return relations_bytes.take_error();
  if (*relations_bytes) {
    auto relations = parse_part("xl/_rels/workbook.xml.rels", **relations_bytes);
    if (!relations) return relations.take_error();
    for (auto relation : relations->child("Relationships").children("Relationship")) {
      std::string target = relation.attribute("Target").value();
      if (target.starts_with("/")) {
        target.erase(0, 1);
      } else {
        target = "xl/" + target;
      }
      targets[relation.attribute("Id").value()] = target;
    }
  }
  const auto root = workbook->child("workbook");
  reader.date1904_ = root.child("workbookPr").attribute("date1904").as_bool();
  int position = 0;
  for (auto sheet : root.child("sheets").children("sheet")) {
    ++position;
    std::string relation_id = sheet.attribute("r:id").value();
    auto found = targets.find(relation_id);
    // Without relationships, sheets are where writers put them.
    const std::string part =
        found != targets.end() ? found->second : fmt::format("xl/worksheets/sheet{}.xml", position);
    reader.sheets_.push_back({sheet.attribute("name").value(), part});
  }
  if (reader.sheets_.empty()) return not_xlsx("the workbook has no sheets");

  auto strings_bytes = reader.archive_->read("xl/sharedStrings.xml");
  if (!strings_bytes) return strings_bytes.take_error();
  if (*strings_bytes) {
    auto strings = parse_part("xl/sharedStrings.xml", **strings_bytes);
    if (!strings) return strings.take_error();
    for (auto item : strings->child("sst").children("si")) reader.shared_strings_.push_back(string_item(item));
  }

  auto styles_bytes = reader.archive_->read("xl/styles.xml");
  if (!styles_bytes) return styles_bytes.take_error();
  if (*styles_bytes) {
    auto styles = parse_part("xl/styles.xml", **styles_bytes);
    if (!styles) return styles.take_error();
    std::map<int, bool> custom;
    for (auto format : styles->child("styleSheet").child("numFmts").children("numFmt")) {
      custom[format.attribute("numFmtId").as_int()] = custom_date_format(format.attribute("formatCode").value());
    }
    for (auto style : styles->child("styleSheet").child("cellXfs").children("xf")) {
      const int id = style.attribute("numFmtId").as_int();
      const auto found = custom.find(id);
      reader.date_styles_.push_back(found != custom.end() ? found->second : builtin_date_format(id));
    }
  }
  return reader;
}

std::string XlsxReader::date_from_serial(double serial, bool date1904) {
  using namespace std::chrono;
  const sys_days epoch = date1904 ? sys_days(year{1904} / January / 1) : sys_days(year{1899} / December / 30);
  const double whole = std::floor(serial);
  const auto day = epoch + days(static_cast<long>(whole));
  const year_month_day date(day);
  const long seconds = std::lround((serial - whole) * 86400.0);
  if (seconds == 0) {
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                       static_cast<unsigned>(date.day()));
  }
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()), seconds / 3600,
                     (seconds / 60) % 60, seconds % 60);
}

Result<void> XlsxReader::read_rows(std::string_view sheet, const RowVisitor& visit) {
  const XlsxSheet* chosen = sheet.empty() ? &sheets_.front() : nullptr;
  for (const auto& candidate : sheets_) {
    if (!chosen && candidate.name == sheet) chosen = &candidate;
  }
  if (!chosen) {
    return Error{ErrorCode::not_found, "no such sheet", {{"sheet", "SHEET_NOT_FOUND", fmt::format("no sheet '{}'", sheet)}}};
  }
  auto bytes = archive_->read(chosen->part);
  if (!bytes) return bytes.take_error();
  if (!*bytes) return not_xlsx(fmt::format("{} is missing", chosen->part));
  auto document = parse_part(chosen->part, **bytes);
  if (!document) return document.take_error();
  bytes->reset();  // the parsed tree is all that is needed now

  std::vector<std::string> cells;
  for (auto row : document->child("worksheet").child("sheetData").children("row")) {
    cells.clear();
    for (auto cell : row.children("c")) {
      const std::size_t column = cell.attribute("r") ? column_of(cell.attribute("r").value()) : cells.size();
      if (column >= 16384) continue;
      if (cells.size() <= column) cells.resize(column + 1);
      const std::string_view type = cell.attribute("t").value();
      const char* value = cell.child("v").text().get();
      std::string& text = cells[column];
      if (type == "s") {
        const auto index = static_cast<std::size_t>(cell.child("v").text().as_ullong(~0ull));
        text = index < shared_strings_.size() ? shared_strings_[index] : "";
      } else if (type == "inlineStr") {
        text = string_item(cell.child("is"));
      } else if (type == "b") {
        text = std::string_view(value) == "1" ? "true" : "false";
      } else if (type == "e") {
        text.clear();
      } else {
        text = value;
        const auto style = cell.attribute("s").as_uint(0);
        const bool numeric = type.empty() || type == "n";
        if (numeric && !text.empty() && style < date_styles_.size() && date_styles_[style]) {
          char* end = nullptr;
          const double serial = std::strtod(text.c_str(), &end);
          if (end && *end == '\0' && serial >= 0 && serial < 2958466) text = date_from_serial(serial, date1904_);
        }
      }
    }
    if (!visit(cells)) break;
  }
  return {};
}

}  // namespace atrium::dataio
