#pragma once
// One sales document made from another, in the caller's transaction and with the
// caller's rights: an enquiry's quotation or order, an accepted quotation's order, an
// order's invoice, an invoice's credit note. Each answers the document it made.
#include <boost/json/object.hpp>

#include "atrium/core/result.hpp"
#include "atrium/records/record_service.hpp"

namespace atrium::sales::conversions {

// 409 ENQUIRY_CLOSED when the enquiry is no longer open, ALREADY_CONVERTED when it has
// its quotation already.
Result<boost::json::object> quotation_from_enquiry(records::RecordService& records, storage::Connection& connection,
                                                   std::string_view enquiry_id, const records::Actor& actor);
Result<boost::json::object> order_from_enquiry(records::RecordService& records, storage::Connection& connection,
                                               std::string_view enquiry_id, const records::Actor& actor);
// The revision the customer accepted, at its prices. 409 QUOTATION_NOT_ACCEPTED,
// ALREADY_CONVERTED when an order (not cancelled) has been made from it.
Result<boost::json::object> order_from_quotation(records::RecordService& records, storage::Connection& connection,
                                                 std::string_view quotation_id, const records::Actor& actor);
// What of the order is not invoiced yet (the charges on its first invoice), at the
// order's prices. 409 ORDER_NOT_CONFIRMED, NOTHING_TO_INVOICE.
Result<boost::json::object> invoice_from_order(records::RecordService& records, storage::Connection& connection,
                                               std::string_view order_id, const records::Actor& actor);
// What a shipped delivery carried and is not invoiced yet, as an invoice naming the
// delivery. 409 DELIVERY_NOT_SHIPPED, ALREADY_CONVERTED (invoiced before),
// NOTHING_TO_INVOICE.
Result<boost::json::object> invoice_from_delivery(records::RecordService& records, storage::Connection& connection,
                                                  std::string_view delivery_id, const records::Actor& actor);
// A scheduled delivery of the order: `lines` [{"order_line_id", "quantity"}] for part of
// it; empty: all that is not delivered yet. `header`: scheduled_date, carrier, … as the
// client gave them. 409 ORDER_NOT_CONFIRMED, NOTHING_TO_DELIVER.
Result<boost::json::object> delivery_for(records::RecordService& records, storage::Connection& connection,
                                         std::string_view order_id, const boost::json::array& lines,
                                         const boost::json::object& header, const records::Actor& actor);
// `lines`: [{"invoice_line_id", "quantity"}] to credit part of it; empty: every line
// whole. 409 INVOICE_NOT_ISSUED.
Result<boost::json::object> credit_note_for(records::RecordService& records, storage::Connection& connection,
                                            std::string_view invoice_id, const boost::json::array& lines,
                                            const std::string& reason, const records::Actor& actor);

// Settles an accepted claim: `credit` (a credit note for the claimed quantities),
// `replacement` (an order for them free of charge), `reorder` (an order for them at the
// invoice's prices), `repair` or `reimbursement` (a task for the claim's owner). The
// claim is resolved, naming what settled it. 409 CLAIM_NOT_ACCEPTED.
Result<boost::json::object> resolve_claim(records::RecordService& records, storage::Connection& connection,
                                          std::string_view claim_id, const std::string& resolution,
                                          const records::Actor& actor);

}  // namespace atrium::sales::conversions
