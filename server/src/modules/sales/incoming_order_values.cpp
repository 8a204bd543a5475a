#include "incoming_order_values.hpp"

#include <fmt/format.h>

namespace atrium::sales::order_values {

void OrderIssues::add(std::string path, std::string_view code, std::string message) {
  if (full()) return;
  if (issues_.size() + 1 == kMaxOrderIssues) {
    issues_.push_back(
        {"/", std::string(kTooManyIssues),
         fmt::format("the file has more than {} problems; the rest are not listed", kMaxOrderIssues - 1)});
    return;
  }
  issues_.push_back({std::move(path), std::string(code), std::move(message)});
}

OrderParseResult OrderIssues::finish(IncomingOrder order) && {
  if (!issues_.empty()) return std::move(*this).refuse();
  return OrderParseResult{std::move(order), {}};
}

OrderParseResult OrderIssues::refuse() && {
  return OrderParseResult{std::nullopt, std::move(issues_)};
}

std::string_view trimmed(std::string_view text) {
  constexpr std::string_view kBlanks = " \t\r\n";
  const auto first = text.find_first_not_of(kBlanks);
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(kBlanks);
  return text.substr(first, last - first + 1);
}

std::optional<Decimal> parse_order_decimal(std::string_view text, char decimal_mark) {
  text = trimmed(text);
  std::string plain;
  plain.reserve(text.size() + 1);
  bool seen_mark = false;
  bool seen_digit = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == decimal_mark || c == '.') {
      // Only the declared mark counts as one; a point in a comma file is not a number.
      if (c != decimal_mark || seen_mark) return std::nullopt;
      seen_mark = true;
      const bool digit_before = !plain.empty() && plain.back() >= '0' && plain.back() <= '9';
      if (!digit_before) plain.push_back('0');  // ".5" and "-.5"
      plain.push_back('.');
      continue;
    }
    if ((c == '-' || c == '+') && i == 0) {
      plain.push_back(c);
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    seen_digit = true;
    plain.push_back(c);
  }
  if (!seen_digit) return std::nullopt;
  if (seen_mark) {
    // Zeros after the last significant place say nothing; "5." is five.
    while (plain.back() == '0') plain.pop_back();
    if (plain.back() == '.') plain.pop_back();
  }
  return Decimal::parse(plain);
}

bool is_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  int parts[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8};
  const std::size_t lengths[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p) {
    for (std::size_t i = starts[p]; i < starts[p] + lengths[p]; ++i) {
      if (text[i] < '0' || text[i] > '9') return false;
      parts[p] = parts[p] * 10 + (text[i] - '0');
    }
  }
  const int year = parts[0], month = parts[1], day = parts[2];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int days = month == 2 && leap ? 29 : kDays[month - 1];
  return day <= days;
}

std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    unsigned int code = 0;
    if (byte >= 0xC2 && byte <= 0xDF) {
      length = 2;
      code = byte & 0x1F;
    } else if (byte >= 0xE0 && byte <= 0xEF) {
      length = 3;
      code = byte & 0x0F;
    } else if (byte >= 0xF0 && byte <= 0xF4) {
      length = 4;
      code = byte & 0x07;
    } else {
      return i;
    }
    if (i + length > text.size()) return i;
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return i;
      code = (code << 6) | (next & 0x3F);
    }
    // Overlong forms, UTF-16 surrogates and code points beyond U+10FFFF are not UTF-8.
    const bool overlong = (length == 3 && code < 0x800) || (length == 4 && code < 0x10000);
    if (overlong || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) return i;
    i += length;
  }
  return std::nullopt;
}

std::string_view utf8_prefix(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut);
}

std::string quoted(std::string_view text) {
  constexpr std::size_t kMaxShown = 60;
  if (text.size() <= kMaxShown) return fmt::format("\"{}\"", text);
  return fmt::format("\"{}…\"", utf8_prefix(text, kMaxShown));
}

}  // namespace atrium::sales::order_values
