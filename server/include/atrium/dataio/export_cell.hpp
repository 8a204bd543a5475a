#pragma once
// One value of an exported row, typed so each format can write it its own way: CSV as
// text, XLSX as a number, date or boolean cell.
#include <string>

namespace atrium::dataio {

struct ExportCell {
  enum class Kind { empty, text, number, money, boolean, date, datetime };
  Kind kind = Kind::empty;
  // text: the text; number and money: the exact decimal ("-12.50"); date: YYYY-MM-DD;
  // datetime: an ISO 8601 instant in UTC.
  std::string text;
  std::string currency;  // money: the ISO 4217 code, for the cell's number format
  bool flag = false;     // boolean

  static ExportCell of_text(std::string value) { return {Kind::text, std::move(value), {}, false}; }
  static ExportCell of_number(std::string value) { return {Kind::number, std::move(value), {}, false}; }
  static ExportCell of_boolean(bool value) { return {Kind::boolean, {}, {}, value}; }
};

}  // namespace atrium::dataio
