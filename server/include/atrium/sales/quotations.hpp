#pragma once
// Quotations (DESIGN §8, SPEC §3): lines priced by the pricing function as they are
// written, totals kept on the quotation, an approval when the rules ask for one before it
// may be sent, a frozen revision for every version sent, new revisions by the `revise`
// transition, follow-up tasks while the customer decides.
#include "atrium/access/authenticator.hpp"
#include "atrium/access/grants.hpp"
#include "atrium/core/time.hpp"
#include "atrium/http/router.hpp"
#include "atrium/records/record_service.hpp"
#include "atrium/workflow/approval_engine.hpp"

namespace atrium::sales {

class QuotationLifecycle {
 public:
  QuotationLifecycle(records::RecordService& records, workflow::ApprovalEngine& approvals, const Clock& clock)
      : records_(records), approvals_(approvals), clock_(clock) {}

  // Hooks quotations into the record service and the approvals engine; once, at start,
  // after the approvals engine is attached (its rules must see a submission first).
  void attach();

 private:
  Result<void> on_line_written(storage::Connection& connection, const records::RecordWriteEvent& event);
  Result<void> on_quotation_written(storage::Connection& connection, const records::RecordWriteEvent& event);
  Result<void> on_status_changed(storage::Connection& connection, const records::RecordWriteEvent& event,
                                 const std::string& from, const std::string& to);
  Result<void> on_approval_ended(storage::Connection& connection, std::string_view quotation_id,
                                 std::string_view outcome, const records::Actor& decider);
  // A follow-up task for the quotation's owner while the customer decides; closed when
  // the quotation is decided.
  Result<void> open_follow_up(storage::Connection& connection, const boost::json::object& quotation,
                              const records::Actor& actor);
  Result<void> close_follow_ups(storage::Connection& connection, const boost::json::object& quotation,
                                const std::string& outcome, const records::Actor& actor);

  records::RecordService& records_;
  workflow::ApprovalEngine& approvals_;
  const Clock& clock_;
};

// GET /api/v1/quotations/{id}/revisions, …/revisions/{n}, …/revisions/diff?from=&to=.
void add_quotation_routes(http::Router& router, records::RecordService& records,
                          const access::Authenticator& authenticator, access::GrantStore& grants);

}  // namespace atrium::sales
