#include "atrium/dataio/import_value_converter.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <optional>

#include "atrium/core/text_fold.hpp"

namespace atrium::dataio {

namespace {

constexpr std::string_view kDateFormats[] = {"YYYY-MM-DD", "DD.MM.YYYY", "MM/DD/YYYY", "DD/MM/YYYY", "YYYY/MM/DD"};

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

Error cell_error(std::string message) {
  return Error{ErrorCode::validation_failed, std::move(message), {}};
}

// Digits only, 1 to `max` of them.
std::optional<int> number_part(std::string_view text, std::size_t max) {
  if (text.empty() || text.size() > max) return std::nullopt;
  int value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::optional<std::string> valid_date(int year, int month, int day) {
  using namespace std::chrono;
  const year_month_day date{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                            std::chrono::day{static_cast<unsigned>(day)}};
  if (year < 1 || year > 9999 || !date.ok()) return std::nullopt;
  return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

// Splits "a.b.c" on `separator` into exactly three parts.
std::optional<std::array<std::string_view, 3>> three_parts(std::string_view text, char separator) {
  std::array<std::string_view, 3> parts;
  for (std::size_t i = 0; i < 3; ++i) {
    const auto at = text.find(separator);
    if (i < 2 && at == std::string_view::npos) return std::nullopt;
    parts[i] = i < 2 ? text.substr(0, at) : text;
    if (i < 2) text.remove_prefix(at + 1);
  }
  if (parts[2].find(separator) != std::string_view::npos) return std::nullopt;
  return parts;
}

std::optional<std::string> date_in(std::string_view text, std::string_view format) {
  const char separator = format[2] == '.' ? '.' : format[4] == '-' ? '-' : '/';
  auto parts = three_parts(text, separator);
  if (!parts) return std::nullopt;
  std::optional<int> year, month, day;
  if (format.starts_with("YYYY")) {
    year = number_part((*parts)[0], 4), month = number_part((*parts)[1], 2), day = number_part((*parts)[2], 2);
  } else if (format.starts_with("DD")) {
    day = number_part((*parts)[0], 2), month = number_part((*parts)[1], 2), year = number_part((*parts)[2], 4);
  } else {
    month = number_part((*parts)[0], 2), day = number_part((*parts)[1], 2), year = number_part((*parts)[2], 4);
  }
  if (!year || !month || !day || (*parts)[format.starts_with("YYYY") ? 0 : 2].size() != 4) return std::nullopt;
  return valid_date(*year, *month, *day);
}

std::optional<bool> boolean_of(std::string_view text) {
  const std::string folded = fold_text(text);
  for (const char* yes : {"yes", "true", "1", "y", "x", "ja", "oui", "si"}) {
    if (folded == yes) return true;
  }
  for (const char* no : {"no", "false", "0", "n", "nein", "non"}) {
    if (folded == no) return false;
  }
  return std::nullopt;
}

std::optional<std::string> enum_key(std::string_view text, const std::vector<metadata::EnumValue>& values) {
  for (const auto& value : values) {
    if (value.key == text) return value.key;
  }
  const std::string folded = fold_text(text);
  for (const auto& value : values) {
    if (fold_text(value.key) == folded || fold_text(value.label) == folded) return value.key;
  }
  return std::nullopt;
}

std::string choices(const std::vector<metadata::EnumValue>& values) {
  std::string listed;
  for (std::size_t i = 0; i < values.size() && i < 10; ++i) {
    if (i > 0) listed += ", ";
    listed += values[i].key;
  }
  if (values.size() > 10) listed += ", …";
  return listed;
}

}  // namespace

bool supported_date_format(std::string_view format) {
  return std::find(std::begin(kDateFormats), std::end(kDateFormats), format) != std::end(kDateFormats);
}

std::optional<std::string> parse_date(std::string_view text, std::string_view format) {
  text = trim(text);
  if (supported_date_format(format)) {
    if (auto date = date_in(text, format)) return date;
  }
  // Spreadsheets hand over their dates as ISO text, whatever the file's other dates say.
  return date_in(text, "YYYY-MM-DD");
}

std::optional<std::string> normalise_decimal(std::string_view text, char decimal_separator) {
  text = trim(text);
  std::string digits;
  bool negative = false;
  bool seen_point = false;
  bool seen_digit = false;
  const char grouping = decimal_separator == ',' ? '.' : ',';
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if ((c == '-' || c == '+') && i == 0) {
      negative = c == '-';
    } else if (c >= '0' && c <= '9') {
      digits.push_back(c);
      seen_digit = true;
    } else if (c == decimal_separator && !seen_point) {
      digits.push_back('.');
      seen_point = true;
    } else if ((c == grouping || c == ' ' || c == '\'') && seen_digit && !seen_point) {
      continue;  // thousands grouping
    } else {
      return std::nullopt;
    }
  }
  if (!seen_digit || digits.back() == '.') return std::nullopt;
  if (digits.front() == '.') digits.insert(digits.begin(), '0');
  return negative ? "-" + digits : digits;
}

Result<boost::json::value> convert_cell(const metadata::FieldDefinition& field, std::string_view text,
                                        const ImportValueOptions& options,
                                        const std::vector<metadata::EnumValue>& values) {
  text = trim(text);
  const std::string& type = field.type;
  if (type == "integer") {
    auto number = normalise_decimal(text, options.decimal_separator);
    if (!number || number->find('.') != std::string::npos || number->size() > 18) {
      return cell_error("a whole number");
    }
    return boost::json::value(std::stoll(*number));
  }
  if (type == "decimal" || type == "percent") {
    auto number = normalise_decimal(text, options.decimal_separator);
    if (!number) return cell_error(fmt::format("a number with '{}' before the decimals", options.decimal_separator));
    return boost::json::value(*number);
  }
  if (type == "money") {
    // "1.234,50 EUR", "EUR 1234.50" or a bare amount in the import's currency.
    std::string currency = options.currency;
    std::string_view amount = text;
    const auto is_code = [](std::string_view part) {
      return part.size() == 3 && std::all_of(part.begin(), part.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    };
    if (amount.size() > 4 && is_code(amount.substr(amount.size() - 3)) && amount[amount.size() - 4] == ' ') {
      currency = std::string(amount.substr(amount.size() - 3));
      amount.remove_suffix(4);
    } else if (amount.size() > 4 && is_code(amount.substr(0, 3)) && amount[3] == ' ') {
      currency = std::string(amount.substr(0, 3));
      amount.remove_prefix(4);
    }
    auto number = normalise_decimal(amount, options.decimal_separator);
    if (!number) return cell_error("an amount, optionally with its currency: 1234.50 EUR");
    return boost::json::value(boost::json::object{{"amount", *number}, {"currency", currency}});
  }
  if (type == "date") {
    auto date = parse_date(text, options.date_format);
    if (!date) return cell_error(fmt::format("a date as {}", options.date_format));
    return boost::json::value(*date);
  }
  if (type == "datetime") {
    // The date in the chosen format, then an optional time: "31.12.2026 14:30".
    const auto space = text.find_first_of(" T");
    auto date = parse_date(text.substr(0, space), options.date_format);
    std::string time = "00:00:00";
    if (space != std::string_view::npos) {
      std::string_view rest = trim(text.substr(space + 1));
      if (rest.ends_with('Z')) rest.remove_suffix(1);
      const auto hour = number_part(rest.substr(0, rest.find(':')), 2);
      const auto first = rest.find(':');
      const auto minute_text = first == std::string_view::npos ? std::string_view{} : rest.substr(first + 1, 2);
      const auto minute = number_part(minute_text, 2);
      int second = 0;
      if (first != std::string_view::npos && rest.size() > first + 3) {
        if (rest[first + 3] != ':') return cell_error("a time as HH:MM or HH:MM:SS");
        auto seconds = number_part(rest.substr(first + 4, 2), 2);
        if (!seconds) return cell_error("a time as HH:MM or HH:MM:SS");
        second = *seconds;
      }
      if (!hour || !minute || *hour > 23 || *minute > 59 || second > 59) {
        return cell_error("a time as HH:MM or HH:MM:SS");
      }
      time = fmt::format("{:02}:{:02}:{:02}", *hour, *minute, second);
    }
    if (!date) return cell_error(fmt::format("a date as {} with an optional time HH:MM", options.date_format));
    return boost::json::value(fmt::format("{}T{}Z", *date, time));
  }
  if (type == "boolean") {
    auto value = boolean_of(text);
    if (!value) return cell_error("yes/no, true/false or 1/0");
    return boost::json::value(*value);
  }
  if (type == "enum") {
    auto key = enum_key(text, values);
    if (!key) return cell_error(fmt::format("one of {} (a key or a label)", choices(values)));
    return boost::json::value(*key);
  }
  if (type == "multi_enum") {
    boost::json::array keys;
    std::string_view rest = text;
    while (!rest.empty()) {
      const auto at = rest.find_first_of(";,");
      const auto item = trim(rest.substr(0, at));
      rest = at == std::string_view::npos ? std::string_view{} : rest.substr(at + 1);
      if (item.empty()) continue;
      auto key = enum_key(item, values);
      if (!key) return cell_error(fmt::format("'{}' is not one of {}", item, choices(values)));
      keys.emplace_back(*key);
    }
    return boost::json::value(std::move(keys));
  }
  // Text of every kind (text, long_text, email, phone, url): the field checks it.
  return boost::json::value(text);
}

}  // namespace atrium::dataio
