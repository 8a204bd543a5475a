#pragma once
// What the UBL and EDIFACT readers of incoming orders share: the list of a file's issues
// (bounded, so a garbage file cannot grow a report without end) and the checks of
// numbers, dates and text that both formats need.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "atrium/core/decimal.hpp"
#include "atrium/sales/incoming_order.hpp"

namespace atrium::sales::order_values {

// Issue codes, spelled once.
inline constexpr std::string_view kTooLarge = "ORDER_TOO_LARGE";
inline constexpr std::string_view kTooManyLines = "ORDER_TOO_MANY_LINES";
inline constexpr std::string_view kTooManyIssues = "ORDER_TOO_MANY_ISSUES";
inline constexpr std::string_view kUnknownFormat = "ORDER_UNKNOWN_FORMAT";
inline constexpr std::string_view kInvalidEncoding = "ORDER_INVALID_ENCODING";
inline constexpr std::string_view kNotWellFormed = "ORDER_NOT_WELL_FORMED";
inline constexpr std::string_view kDtdRefused = "ORDER_DTD_REFUSED";
inline constexpr std::string_view kWrongDocument = "ORDER_WRONG_DOCUMENT";
inline constexpr std::string_view kMissingField = "ORDER_MISSING_FIELD";
inline constexpr std::string_view kInvalidNumber = "ORDER_INVALID_NUMBER";
inline constexpr std::string_view kInvalidDate = "ORDER_INVALID_DATE";
inline constexpr std::string_view kInvalidCode = "ORDER_INVALID_CODE";
inline constexpr std::string_view kCurrencyMismatch = "ORDER_CURRENCY_MISMATCH";
inline constexpr std::string_view kEdifactSyntax = "EDIFACT_SYNTAX";
inline constexpr std::string_view kEdifactControlMismatch = "EDIFACT_CONTROL_MISMATCH";
inline constexpr std::string_view kEdifactSeveralMessages = "EDIFACT_SEVERAL_MESSAGES";

// Every issue of one file, up to kMaxOrderIssues; beyond that one closing issue says
// that the rest were left out.
class OrderIssues {
 public:
  void add(std::string path, std::string_view code, std::string message);
  bool empty() const { return issues_.empty(); }
  // True once the report is full: readers may stop looking.
  bool full() const { return issues_.size() >= kMaxOrderIssues; }
  const std::vector<OrderImportIssue>& list() const { return issues_; }

  // The result of a file: the order only when nothing was wrong.
  OrderParseResult finish(IncomingOrder order) &&;
  OrderParseResult refuse() &&;

 private:
  std::vector<OrderImportIssue> issues_;
};

// A decimal as order files write it: optional sign, digits, one decimal mark (`.` or
// the mark given), surrounding blanks allowed, ".5" and "5." accepted, trailing zeros
// beyond six places ignored. nullopt when not a number or not exact in six places.
std::optional<Decimal> parse_order_decimal(std::string_view text, char decimal_mark = '.');

// A real calendar date written yyyy-mm-dd.
bool is_iso_date(std::string_view text);

// Offset of the first byte that is not part of valid UTF-8, or nullopt.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

// Without blanks (spaces, tabs, line breaks) at either end.
std::string_view trimmed(std::string_view text);

// At most `max_bytes` of `text`, never ending inside a UTF-8 sequence.
std::string_view utf8_prefix(std::string_view text, std::size_t max_bytes);

// Text quoted into a message, cut to a readable length.
std::string quoted(std::string_view text);

}  // namespace atrium::sales::order_values
