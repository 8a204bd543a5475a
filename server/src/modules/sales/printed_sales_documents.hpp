#pragma once
// What every printed sales document shares, whatever it is (quotation, invoice, credit
// note): the own company's letterhead and footer, the customer's address block, the lines
// with the taxes summed per rate, and the totals. Each document adds its own title and
// facts (number, dates, terms).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <string>

#include "atrium/core/result.hpp"
#include "atrium/documents/printed_document.hpp"
#include "atrium/records/record_service.hpp"

namespace atrium::sales {

// `header` has `account_id`, `currency`, `net_total` and `total`; each of `lines` has
// `position`, `description`, `quantity`, `unit_price`, `discount_percent`, `net_amount`,
// `tax_rate`, `tax_amount` and optionally `requested_changes` (printed below the line).
Result<documents::PrintedDocument> printed_sales_document(records::RecordService& records,
                                                          storage::Connection& connection,
                                                          const boost::json::object& header,
                                                          const boost::json::array& lines, std::string title);

// An invoice or a credit note with its lines and charges as they stand.
Result<documents::PrintedDocument> printed_invoice(records::RecordService& records, storage::Connection& connection,
                                                   std::string_view invoice_id);

}  // namespace atrium::sales
