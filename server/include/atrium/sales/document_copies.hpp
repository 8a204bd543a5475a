#pragma once
// Sales documents as files: the PDF of a quotation or an invoice saved as the next version
// of an attachment on it (on request, and by itself when a quotation is sent or an
// invoice issued, so the copy the customer got is always on file), and e-mailed to the
// customer through the outbox with that copy attached.
#include <boost/json/object.hpp>
#include <string>

#include "atrium/access/authenticator.hpp"
#include "atrium/access/grants.hpp"
#include "atrium/core/result.hpp"
#include "atrium/dataio/attachments.hpp"
#include "atrium/http/router.hpp"
#include "atrium/records/record_service.hpp"
#include "atrium/workflow/outbox.hpp"

namespace atrium::sales {

class DocumentCopies {
 public:
  DocumentCopies(records::RecordService& records, dataio::Attachments& attachments, workflow::Outbox& outbox);

  // Saves a copy when a quotation is sent or an invoice issued, in the same transaction.
  void attach();
  // The document's PDF as it stands, saved by `actor` inside the caller's transaction;
  // the attachment record. `entity` is "quotation" or "invoice".
  Result<boost::json::object> save_within(storage::Connection& connection, std::string_view entity, std::string_view id,
                                          const records::Actor& actor);
  // Saves a copy and queues an e-mail carrying it to `to` (empty: the customer's address:
  // the invoice's billing address, the contact's, the account's), with `message` above
  // the closing. `{"outbox_id", "to_address", "attachment"}`.
  Result<boost::json::object> email(std::string_view entity, std::string_view id, const std::string& to,
                                    const std::string& message, const records::Actor& actor);

 private:
  records::RecordService& records_;
  dataio::Attachments& attachments_;
  workflow::Outbox& outbox_;
};

// GET /invoices/{id}/pdf; POST /quotations|invoices/{id}/pdf (save a copy) and …/email.
void add_document_copy_routes(http::Router& router, DocumentCopies& copies, records::RecordService& records,
                              const access::Authenticator& authenticator, access::GrantStore& grants);

}  // namespace atrium::sales
