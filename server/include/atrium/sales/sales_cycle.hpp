#pragma once
// The sales cycle after pricing (SPEC §3–4): enquiries that become quotations or orders,
// orders with checklists and approvals, invoices and credit notes from orders, payments
// allocated to invoices, the customer's balance and ageing, and the chain of all of it.
#include "atrium/access/authenticator.hpp"
#include "atrium/access/grants.hpp"
#include "atrium/core/time.hpp"
#include "atrium/http/router.hpp"
#include "atrium/records/record_service.hpp"
#include "atrium/workflow/approval_engine.hpp"

namespace atrium::workflow {
class JobRegistry;
class JobScheduler;
}  // namespace atrium::workflow

namespace atrium::sales {

// Enquiries: defaults from the customer and contact, totals over the lines asked for,
// lines changed only while the enquiry is open.
class EnquiryLifecycle {
 public:
  explicit EnquiryLifecycle(records::RecordService& records) : records_(records) {}
  void attach();

 private:
  Result<void> on_line_written(storage::Connection& connection, const records::RecordWriteEvent& event);
  records::RecordService& records_;
};

// Orders: priced lines and totals with charges, the checklist of the order's type, an
// approval when the rules ask for one before it is confirmed, changes only while draft.
class OrderLifecycle {
 public:
  OrderLifecycle(records::RecordService& records, workflow::ApprovalEngine& approvals, const Clock& clock)
      : records_(records), approvals_(approvals), clock_(clock) {}
  // After the approvals engine is attached (its rules must see a submission first).
  void attach();

 private:
  Result<void> on_order_written(storage::Connection& connection, const records::RecordWriteEvent& event);
  Result<void> on_line_written(storage::Connection& connection, const records::RecordWriteEvent& event);
  Result<void> on_checklist_item_written(storage::Connection& connection, const records::RecordWriteEvent& event);
  Result<void> add_checklist(storage::Connection& connection, const boost::json::object& order,
                             const records::Actor& actor);
  records::RecordService& records_;
  workflow::ApprovalEngine& approvals_;
  const Clock& clock_;
};

// Deliveries of orders, whole or in part: never more of a line than ordered; the order
// knows how much of each line is delivered and whether all of it is.
class DeliveryLifecycle {
 public:
  explicit DeliveryLifecycle(records::RecordService& records) : records_(records) {}
  void attach();

 private:
  Result<void> on_delivery_written(storage::Connection& connection, const records::RecordWriteEvent& event);
  Result<void> on_line_written(storage::Connection& connection, const records::RecordWriteEvent& event);
  records::RecordService& records_;
};

// Returns and claims against invoices: what they may claim, warranty, and locking once
// settled (POST /api/v1/claims/{id}/resolve settles them).
class ClaimLifecycle {
 public:
  explicit ClaimLifecycle(records::RecordService& records) : records_(records) {}
  void attach();

 private:
  Result<void> on_claim_written(storage::Connection& connection, const records::RecordWriteEvent& event);
  Result<void> on_line_written(storage::Connection& connection, const records::RecordWriteEvent& event);
  records::RecordService& records_;
};

// Invoices and credit notes: priced lines and totals, due date, what is settled by
// payments and credit notes and what is open; payments and their allocations.
class InvoiceLifecycle {
 public:
  explicit InvoiceLifecycle(records::RecordService& records) : records_(records) {}
  void attach();

 private:
  Result<void> on_invoice_written(storage::Connection& connection, const records::RecordWriteEvent& event);
  Result<void> on_line_written(storage::Connection& connection, const records::RecordWriteEvent& event);
  Result<void> on_allocation_written(storage::Connection& connection, const records::RecordWriteEvent& event);
  records::RecordService& records_;
};

// Periodic follow-ups of regular customers, dealers and agents from their contracts,
// their consumption pattern and their forecasts, made by a recurring job.
class PeriodicFollowUps {
 public:
  explicit PeriodicFollowUps(records::RecordService& records) : records_(records) {}
  void register_jobs(workflow::JobRegistry& registry);
  Result<void> schedule(workflow::JobScheduler& scheduler);
  // The follow-ups due on `today` ("YYYY-MM-DD"): how many were made.
  Result<int> run(storage::Connection& connection, const std::string& today);

 private:
  records::RecordService& records_;
};

// POST /api/v1/enquiries/{id}/allocate, …/quotation, …/order; POST
// /api/v1/enquiry_lines/{id}/variant; POST /api/v1/quotations/{id}/order; POST
// /api/v1/orders/{id}/invoice, …/delivery; POST /api/v1/invoices/{id}/credit_note; GET
// /api/v1/accounts/{id}/balance, /api/v1/accounts/{id}/chain, /api/v1/reports/ageing.
void add_sales_cycle_routes(http::Router& router, records::RecordService& records,
                            const access::Authenticator& authenticator, access::GrantStore& grants, const Clock& clock);

// POST /api/v1/orders/import: a UBL 2.1 Order or EDIFACT ORDERS file as the body becomes
// an order of the customer it names, or a report of every problem in it (422, each at
// its place in the file) and nothing imported.
void add_order_import_route(http::Router& router, records::RecordService& records,
                            const access::Authenticator& authenticator, access::GrantStore& grants);

}  // namespace atrium::sales
