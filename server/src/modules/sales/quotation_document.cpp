// A quotation (as it stands, or a frozen revision) as the printed document the PDF
// renderer draws: the shared parts of every sales document, with the quotation's number,
// revision, dates and terms.
#include "printed_sales_documents.hpp"
#include "quotation_parts.hpp"
#include "record_fields.hpp"

namespace atrium::sales::quotations {

Result<documents::PrintedDocument> printed_quotation(records::RecordService& records, storage::Connection& connection,
                                                     const boost::json::object& snapshot) {
  const auto& quotation = snapshot.at("quotation").as_object();
  auto document = printed_sales_document(records, connection, quotation, snapshot.at("lines").as_array(), "Quotation");
  if (!document) return document.take_error();
  document->facts.emplace_back("Number", text_of(quotation, "number"));
  document->facts.emplace_back("Revision", text_of(snapshot, "revision"));
  document->facts.emplace_back("Date", text_of(quotation, "quotation_date"));
  for (const auto& [label, field] :
       {std::pair{"Valid until", "valid_until"}, std::pair{"Payment", "payment_terms"},
        std::pair{"Delivery", "delivery_terms"}, std::pair{"Delivery period", "delivery_period"}}) {
    if (auto value = text_of(quotation, field); !value.empty()) document->facts.emplace_back(label, value);
  }
  document->introduction = text_of(quotation, "introduction");
  document->terms = text_of(quotation, "terms");
  return document;
}

}  // namespace atrium::sales::quotations
