#include "atrium/dataio/csv_writer.hpp"

#include <algorithm>

namespace atrium::dataio {

bool looks_like_formula(std::string_view value) {
  if (value.empty()) return false;
  switch (value.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r': return true;
    default: return false;
  }
}

bool is_plain_number(std::string_view value) {
  if (!value.empty() && value.front() == '-') value.remove_prefix(1);
  const auto point = value.find('.');
  const std::string_view whole = value.substr(0, point);
  const std::string_view fraction = point == std::string_view::npos ? std::string_view{} : value.substr(point + 1);
  const auto digits = [](std::string_view part) {
    return std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (whole.empty() || !digits(whole)) return false;
  return point == std::string_view::npos || (!fraction.empty() && digits(fraction));
}

void CsvWriter::separate() {
  if (row_started_) out_ += ',';
  row_started_ = true;
}

void CsvWriter::text(std::string_view value) {
  separate();
  const bool neutralise = looks_like_formula(value);
  const bool quote = value.find_first_of(",\"\r\n") != std::string_view::npos;
  if (!quote) {
    if (neutralise) out_ += '\'';
    out_ += value;
    return;
  }
  out_ += '"';
  if (neutralise) out_ += '\'';
  for (const char c : value) {
    if (c == '"') out_ += '"';
    out_ += c;
  }
  out_ += '"';
}

void CsvWriter::number(std::string_view value) {
  if (!is_plain_number(value)) {
    text(value);
    return;
  }
  separate();
  out_ += value;
}

void CsvWriter::empty() {
  separate();
}

void CsvWriter::end_row() {
  out_ += "\r\n";
  row_started_ = false;
}

}  // namespace atrium::dataio
