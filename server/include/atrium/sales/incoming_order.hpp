#pragma once
// Purchase orders that customers send as files (UBL 2.1 Order, EDIFACT ORDERS D.96A),
// read into one neutral shape. Parsing touches no database: an importer decides later
// which account, products and prices the order's values stand for. A file is either
// read whole or refused with every problem found in it, so a customer can fix the file
// in one go instead of one error per upload.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "atrium/core/decimal.hpp"

namespace atrium::sales {

enum class IncomingOrderFormat {
  ubl,      // OASIS UBL 2.1 (or 2.0) Order
  edifact,  // UN/EDIFACT ORDERS, directory D.96A
};

// "ubl" or "edifact".
constexpr std::string_view format_name(IncomingOrderFormat format) {
  return format == IncomingOrderFormat::edifact ? "edifact" : "ubl";
}

// Addresses as the sender wrote them; empty strings where the file says nothing.
struct OrderAddress {
  std::string street;             // street and building number
  std::string additional_street;  // floor, suite, further address lines
  std::string city;
  std::string postal_code;
  std::string region;        // county, state (UBL CountrySubentity)
  std::string country_code;  // ISO 3166-1 alpha-2 as written
};

struct OrderContact {
  std::string name;
  std::string email;
  std::string phone;
};

struct OrderParty {
  std::string name;
  std::string identifier;         // the party's own id (UBL PartyIdentification, EDIFACT NAD party id)
  std::string identifier_scheme;  // e.g. "GLN" or EDIFACT code list "9"; empty when not said
  std::string endpoint_id;        // electronic address (UBL EndpointID)
  std::string vat_id;             // tax registration (UBL PartyTaxScheme/CompanyID, EDIFACT RFF+VA)
  std::string company_id;         // legal registration (UBL PartyLegalEntity/CompanyID)
  OrderAddress address;
  OrderContact contact;
};

struct OrderDelivery {
  std::string party_name;
  OrderAddress address;
  std::string requested_start;  // yyyy-mm-dd or empty
  std::string requested_end;    // yyyy-mm-dd or empty
};

struct IncomingOrderLine {
  std::string line_id;
  std::string buyer_item_id;
  std::string seller_item_id;
  std::string standard_item_id;  // GTIN/EAN when given
  std::string name;
  std::string description;
  std::string note;
  Decimal quantity;
  std::string unit_code;  // UN/ECE recommendation 20 (e.g. C62, LTR), as written
  // The price is for `price_base_quantity` units (1 when the file does not say).
  std::optional<Decimal> unit_price;
  std::optional<Decimal> price_base_quantity;
  std::optional<Decimal> line_extension_amount;
};

struct OrderTotals {
  std::optional<Decimal> line_extension_amount;
  std::optional<Decimal> tax_amount;
  std::optional<Decimal> payable_amount;
};

struct IncomingOrder {
  IncomingOrderFormat format = IncomingOrderFormat::ubl;
  std::string document_id;  // the buyer's order number
  std::string issue_date;   // yyyy-mm-dd
  std::string currency;     // ISO 4217; empty when the file names none
  std::string note;
  OrderParty buyer;
  OrderParty seller;
  OrderDelivery delivery;
  std::vector<IncomingOrderLine> lines;
  OrderTotals totals;
};

// One problem of a file. `code` is stable (tests and the import's report key on it);
// `message` is for a person.
struct OrderImportIssue {
  // Where: "/Order/OrderLine[2]/LineItem/Quantity" (UBL, element names without their
  // prefixes) or "segment 14 (QTY)" (EDIFACT, segments counted from 1 in file order,
  // the service string advice UNA included); "/" or "file" for the whole file.
  std::string path;
  // ORDER_TOO_LARGE, ORDER_TOO_MANY_LINES, ORDER_TOO_MANY_ISSUES, ORDER_UNKNOWN_FORMAT,
  // ORDER_INVALID_ENCODING, ORDER_NOT_WELL_FORMED, ORDER_DTD_REFUSED, ORDER_WRONG_DOCUMENT,
  // ORDER_MISSING_FIELD, ORDER_INVALID_NUMBER, ORDER_INVALID_DATE, ORDER_INVALID_CODE,
  // ORDER_CURRENCY_MISMATCH, EDIFACT_SYNTAX, EDIFACT_CONTROL_MISMATCH, EDIFACT_SEVERAL_MESSAGES.
  std::string code;
  std::string message;
};

// `order` is present exactly when `issues` is empty.
struct OrderParseResult {
  std::optional<IncomingOrder> order;
  std::vector<OrderImportIssue> issues;
};

// Files larger than this are refused before they are read.
inline constexpr std::size_t kMaxOrderFileBytes = 10 * 1024 * 1024;
// Orders with more lines than this are refused.
inline constexpr std::size_t kMaxOrderLines = 10'000;
// A file's report stops after this many issues (the last one says so).
inline constexpr std::size_t kMaxOrderIssues = 200;

// A UBL Order document. Any DOCTYPE is refused; entities are never expanded and nothing
// outside the given bytes is read.
OrderParseResult parse_ubl_order(std::string_view xml);
// An EDIFACT interchange holding one ORDERS message.
OrderParseResult parse_edifact_orders(std::string_view text);
// Either of the two, told apart by the file's first characters.
OrderParseResult parse_incoming_order(std::string_view bytes);

}  // namespace atrium::sales
