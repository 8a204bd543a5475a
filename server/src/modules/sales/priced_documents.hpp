#pragma once
// Sales documents whose lines are priced by the one pricing function (quotations, orders,
// invoices and credit notes): a line is priced for its document's customer, date,
// currency and price list as it is written, and the document keeps its totals over its
// lines (plus freight, insurance and customs where it has them).
#include <boost/json/object.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "atrium/core/result.hpp"
#include "atrium/records/record_service.hpp"

namespace atrium::sales {

struct PricedDocumentKind {
  std::string_view document;    // the document's entity: "quotation"
  std::string_view line;        // its lines' entity: "quotation_line"
  std::string_view link;        // the line's link to its document: "quotation" (`quotation_id`)
  std::string_view date_field;  // the date prices and taxes are taken at: "quotation_date"
  bool has_charges = false;     // freight, insurance and customs, taxed at charges_tax_rate
};

inline constexpr PricedDocumentKind kQuotationDocument{"quotation", "quotation_line", "quotation", "quotation_date",
                                                       false};
inline constexpr PricedDocumentKind kOrderDocument{"sales_order", "order_line", "sales_order", "order_date", true};
inline constexpr PricedDocumentKind kInvoiceDocument{"invoice", "invoice_line", "invoice", "invoice_date", true};

const records::EntityLayout& layout_of(records::RecordService& records, std::string_view entity);

// A line's price from the pricing function: the read-only fields to store on the line
// (and a description and position when the line has none). Pricing errors name the
// line's own fields.
Result<boost::json::object> priced_line_values(records::RecordService& records, storage::Connection& connection,
                                               const PricedDocumentKind& kind, const boost::json::object& line);

// The document's line count, totals and highest discount over its live lines (and its
// charges), and today as its date when it has none.
Result<boost::json::object> document_totals(records::RecordService& records, storage::Connection& connection,
                                            const PricedDocumentKind& kind, const boost::json::object& document);

// The ids of the document's live lines, by position.
Result<std::vector<std::string>> document_line_ids(records::RecordService& records, storage::Connection& connection,
                                                   const PricedDocumentKind& kind, std::string_view document_id);

// The document's live lines as the record service answers them, by position.
Result<std::vector<boost::json::object>> document_lines(records::RecordService& records,
                                                        storage::Connection& connection, const PricedDocumentKind& kind,
                                                        std::string_view document_id);

// Prices every line of the document again (its customer, date, currency or price list changed).
Result<void> reprice_lines(records::RecordService& records, storage::Connection& connection,
                           const PricedDocumentKind& kind, std::string_view document_id, const records::Actor& actor);

// Whether a write to the document changed what its lines' prices depend on.
bool pricing_inputs_changed(const boost::json::object& before, const boost::json::object& after,
                            const PricedDocumentKind& kind);

// An amount as the record service takes money: {"amount": "12.50", "currency": "EUR"}.
boost::json::object money_value(const std::string& amount, const std::string& currency);

}  // namespace atrium::sales
