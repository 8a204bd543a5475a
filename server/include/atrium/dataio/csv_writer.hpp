#pragma once
// CSV text as RFC 4180 has it: fields separated by commas, rows ended by CRLF, a field
// quoted when it holds a comma, a quote, CR or LF, and quotes inside doubled.
//
// Spreadsheet programs run a cell that starts with = + - @ (or a tab or CR before one)
// as a formula, so text cells that start with one of these get a leading apostrophe, as
// OWASP recommends: the program shows the text instead of running it. Numbers the server
// formats itself (amounts, quantities) are written as they are, so -12.50 stays a
// negative number; they never reach the writer as text from users.
#include <string>
#include <string_view>

namespace atrium::dataio {

class CsvWriter {
 public:
  // Appends to `out`, which the caller empties when it has sent what was written.
  explicit CsvWriter(std::string& out) : out_(out) {}

  // Text from records: quoted where needed and neutralised against formulas.
  void text(std::string_view value);
  // A number formatted by the server ("-12.50"): written verbatim when it has the shape
  // of one; anything else is treated as text.
  void number(std::string_view value);
  void empty();
  void end_row();

  // The UTF-8 byte order mark, which tells spreadsheet programs the file's encoding.
  static constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

 private:
  void separate();
  std::string& out_;
  bool row_started_ = false;
};

// Whether a spreadsheet would take this text for a formula.
bool looks_like_formula(std::string_view value);
// Whether the text is a plain decimal number: optional minus, digits, optional point and digits.
bool is_plain_number(std::string_view value);

}  // namespace atrium::dataio
