// Invoices, credit notes and payments as they are written: lines priced like every sales
// document's (a price carried over from the order is a price typed by hand), the due date
// from the invoice date and the days to pay, what payments and credit notes have settled
// and what is open (and so whether the invoice is paid), a payment's unallocated rest,
// and allocations that never take more than the payment has or the invoice owes.
#include <fmt/format.h>

#include "atrium/core/currency.hpp"
#include "atrium/core/decimal.hpp"
#include "atrium/sales/sales_cycle.hpp"
#include "priced_documents.hpp"
#include "record_fields.hpp"
#include "sales_dates.hpp"
#include "system_changes.hpp"

namespace atrium::sales {

namespace {

// Settled so far: allocated payments and issued credit notes against the invoice.
Result<Decimal> settled(records::RecordService& records, storage::Connection& connection, const std::string& id) {
  const auto& allocations = layout_of(records, "payment_allocation");
  const auto& invoices = layout_of(records, "invoice");
  auto paid = connection.query(
      fmt::format("SELECT CAST(COALESCE(SUM({}), 0) AS BIGINT) FROM {} WHERE {} = ? AND "
                  "archived_at IS NULL",
                  column_of(allocations, "amount"), allocations.entity().table, column_of(allocations, "invoice")),
      {id});
  if (!paid) return paid.take_error();
  auto credited = connection.query(
      fmt::format("SELECT CAST(COALESCE(SUM({}), 0) AS BIGINT) FROM {} WHERE {} = ? AND {} = 'credit_note' AND {} "
                  "NOT IN ('draft', 'cancelled') AND archived_at IS NULL",
                  column_of(invoices, "total"), invoices.entity().table, column_of(invoices, "credited_invoice"),
                  column_of(invoices, "kind"), column_of(invoices, "status")),
      {id});
  if (!credited) return credited.take_error();
  return stored_money(paid->rows[0][0].integer() + credited->rows[0][0].integer());
}

Result<boost::json::object> invoice_values(records::RecordService& records, storage::Connection& connection,
                                           const boost::json::object& invoice) {
  auto values = document_totals(records, connection, kInvoiceDocument, invoice);
  if (!values) return values;
  const std::string currency = text_of(invoice, "currency");
  const int places = minor_unit(currency);
  std::string date = text_of(invoice, "invoice_date");
  if (date.empty()) date = records.today();
  const auto* days = invoice.if_contains("payment_days");
  (*values)["due_date"] = plus_days(date, days && days->is_int64() ? days->as_int64() : 30);
  const Decimal total = Decimal::parse(text_of((*values)["total"].as_object(), "amount")).value_or(Decimal());
  if (text_of(invoice, "billing_email").empty()) {
    // Where reminders go: the contact's address, else the customer's.
    std::string email;
    if (const auto contact_id = text_of(invoice, "contact_id"); !contact_id.empty()) {
      auto contact = records.get_within(connection, layout_of(records, "contact"), contact_id);
      if (!contact) return contact.take_error();
      email = text_of(*contact, "email");
    }
    if (email.empty()) {
      auto account = records.get_within(connection, layout_of(records, "account"), text_of(invoice, "account_id"));
      if (!account) return account.take_error();
      email = text_of(*account, "email");
    }
    if (!email.empty()) (*values)["billing_email"] = email;
  }
  const std::string status = text_of(invoice, "status");
  if (text_of(invoice, "kind") == "credit_note") {
    // A credit note settles itself against the invoice it credits.
    (*values)["settled_amount"] = money_value(total.to_string(places), currency);
    (*values)["open_amount"] = money_value(Decimal().to_string(places), currency);
    return values;
  }
  auto paid = settled(records, connection, text_of(invoice, "id"));
  if (!paid) return paid.take_error();
  const Decimal open = status == "cancelled" ? Decimal() : total.minus(*paid).value_or(Decimal());
  (*values)["settled_amount"] = money_value(paid->to_string(places), currency);
  (*values)["open_amount"] = money_value(open.to_string(places), currency);
  if (status == "issued" || status == "partly_paid" || status == "paid") {
    (*values)["status"] =
        !open.is_negative() && !open.is_zero() ? (paid->is_zero() ? "issued" : "partly_paid") : "paid";
  }
  return values;
}

Result<boost::json::object> payment_values(records::RecordService& records, storage::Connection& connection,
                                           const boost::json::object& payment) {
  const auto& allocations = layout_of(records, "payment_allocation");
  auto sum = connection.query(
      fmt::format("SELECT CAST(COALESCE(SUM({}), 0) AS BIGINT) FROM {} WHERE {} = ? AND "
                  "archived_at IS NULL",
                  column_of(allocations, "amount"), allocations.entity().table, column_of(allocations, "payment")),
      {text_of(payment, "id")});
  if (!sum) return sum.take_error();
  const auto* amount = payment.if_contains("amount");
  const std::string currency = amount && amount->is_object() ? text_of(amount->as_object(), "currency") : "EUR";
  const int places = minor_unit(currency);
  const Decimal allocated = stored_money(sum->rows[0][0].integer());
  const Decimal rest = money_amount(payment, "amount").minus(allocated).value_or(Decimal());
  return boost::json::object{{"allocated_amount", money_value(allocated.to_string(places), currency)},
                             {"unallocated_amount", money_value(rest.to_string(places), currency)}};
}

}  // namespace

void InvoiceLifecycle::attach() {
  records_.add_computer("invoice_line", [this](storage::Connection& connection, const records::EntityLayout&,
                                               const boost::json::object& line) {
    return priced_line_values(records_, connection, kInvoiceDocument, line);
  });
  records_.add_computer(
      "invoice", [this](storage::Connection& connection, const records::EntityLayout&,
                        const boost::json::object& invoice) { return invoice_values(records_, connection, invoice); });
  records_.add_computer(
      "payment", [this](storage::Connection& connection, const records::EntityLayout&,
                        const boost::json::object& payment) { return payment_values(records_, connection, payment); });
  records_.add_write_observer(
      [this](storage::Connection& connection, const records::RecordWriteEvent& event) -> Result<void> {
        const auto& entity = event.layout.entity().name;
        if (entity == "invoice") return on_invoice_written(connection, event);
        if (entity == "invoice_line") return on_line_written(connection, event);
        if (entity == "payment_allocation") return on_allocation_written(connection, event);
        if (entity == "payment" && event.kind == records::RecordWriteKind::update && event.before &&
            !only_system_fields_changed(event.layout, *event.before, event.after)) {
          // The amount may not fall below what is already allocated.
          if (money_amount(event.after, "unallocated_amount").is_negative()) {
            return field_error("amount", "PAYMENT_OVER_ALLOCATED",
                               "the payment is allocated beyond this amount: remove allocations first");
          }
        }
        return Result<void>{};
      });
}

Result<void> InvoiceLifecycle::on_invoice_written(storage::Connection& connection,
                                                  const records::RecordWriteEvent& event) {
  const auto& invoices = layout_of(records_, "invoice");
  const bool credit_note = text_of(event.after, "kind") == "credit_note";
  const std::string credited_id = text_of(event.after, "credited_invoice_id");
  if (event.kind == records::RecordWriteKind::create || event.kind == records::RecordWriteKind::update) {
    if (credit_note && credited_id.empty()) {
      return field_error("credited_invoice_id", "FIELD_REQUIRED", "a credit note names the invoice it credits");
    }
    if (!credit_note && !credited_id.empty()) {
      return field_error("credited_invoice_id", "FIELD_INVALID", "only a credit note credits another invoice");
    }
    if (credit_note) {
      auto credited = records_.get_within(connection, invoices, credited_id);
      if (!credited) return credited.take_error();
      if (text_of(*credited, "kind") != "invoice" ||
          text_of(*credited, "account_id") != text_of(event.after, "account_id") ||
          text_of(*credited, "currency") != text_of(event.after, "currency")) {
        return field_error("credited_invoice_id", "CREDIT_NOTE_MISMATCH",
                           "a credit note credits an invoice of the same customer, in the same currency");
      }
    }
  }
  if (!event.before) return {};
  const std::string from = text_of(*event.before, "status");
  const std::string to = text_of(event.after, "status");
  if (from == to && from != "draft" && !only_system_fields_changed(invoices, *event.before, event.after)) {
    for (const auto& [key, value] : event.after) {
      const auto* before = event.before->if_contains(key);
      const auto* field = invoices.find(key);
      const bool allowed = !field || field->field->read_only || key == "notes" || key == "cancellation_reason";
      if (!allowed && (!before || *before != value)) {
        const std::string message =
            fmt::format("invoice {} is {}: an issued invoice does not change (a credit note corrects it)",
                        text_of(event.after, "number"), from);
        return Error{ErrorCode::conflict, message, {{std::string(key), "INVOICE_LOCKED", message}}};
      }
    }
  }
  if (from == to) return {};
  if (credit_note) {
    if (to == "issued") {
      auto credited = records_.get_within(connection, invoices, credited_id);
      if (!credited) return credited.take_error();
      if (money_amount(event.after, "total") > money_amount(*credited, "open_amount")) {
        return field_error(
            "total", "CREDIT_EXCEEDS_OPEN_AMOUNT",
            fmt::format("the credit note is more than invoice {} still has open", text_of(*credited, "number")));
      }
    }
    // Issued or cancelled, the credited invoice's open amount follows.
    auto recomputed = records_.recompute_within(connection, invoices, credited_id, event.actor);
    if (!recomputed) return recomputed.take_error();
  }
  if (to == "cancelled") {
    // What it invoiced is open to invoice again.
    auto lines = document_lines(records_, connection, kInvoiceDocument, event.id);
    if (!lines) return lines.take_error();
    for (const auto& line : *lines) {
      if (auto order_line = text_of(line, "order_line_id"); !order_line.empty()) {
        auto again = records_.recompute_within(connection, layout_of(records_, "order_line"), order_line, event.actor);
        if (!again) return again.take_error();
      }
    }
  }
  return {};
}

Result<void> InvoiceLifecycle::on_line_written(storage::Connection& connection,
                                               const records::RecordWriteEvent& event) {
  if (event.before && only_system_fields_changed(event.layout, *event.before, event.after)) return {};
  const auto& invoices = layout_of(records_, "invoice");
  auto invoice = records_.get_within(connection, invoices, text_of(event.after, "invoice_id"));
  if (!invoice) return invoice.take_error();
  if (const std::string status = text_of(*invoice, "status"); status != "draft") {
    const std::string message =
        fmt::format("invoice {} is {}: its lines no longer change", text_of(*invoice, "number"), status);
    return Error{ErrorCode::conflict, message, {{"invoice_id", "INVOICE_LOCKED", message}}};
  }
  if (event.before && text_of(*event.before, "invoice_id") != text_of(event.after, "invoice_id")) {
    return field_error("invoice_id", "FIELD_READ_ONLY", "a line stays on its invoice: add a new line to the other one");
  }
  // Totals only: once per document when its lines come with it.
  ATRIUM_TRY(records_.recompute_soon_within(connection, invoices, text_of(*invoice, "id"), event.actor));
  if (auto order_line = text_of(event.after, "order_line_id"); !order_line.empty()) {
    auto invoiced = records_.recompute_within(connection, layout_of(records_, "order_line"), order_line, event.actor);
    if (!invoiced) return invoiced.take_error();
  }
  return {};
}

Result<void> InvoiceLifecycle::on_allocation_written(storage::Connection& connection,
                                                     const records::RecordWriteEvent& event) {
  const auto& invoices = layout_of(records_, "invoice");
  const auto& payments = layout_of(records_, "payment");
  const std::string invoice_id = text_of(event.after, "invoice_id");
  const std::string payment_id = text_of(event.after, "payment_id");
  if (event.before &&
      (text_of(*event.before, "invoice_id") != invoice_id || text_of(*event.before, "payment_id") != payment_id)) {
    return field_error("invoice_id", "FIELD_READ_ONLY", "an allocation stays between its payment and invoice");
  }
  auto invoice = records_.get_within(connection, invoices, invoice_id);
  if (!invoice) return invoice.take_error();
  auto payment = records_.get_within(connection, payments, payment_id);
  if (!payment) return payment.take_error();
  if (event.kind != records::RecordWriteKind::archive) {
    const std::string status = text_of(*invoice, "status");
    if (text_of(*invoice, "kind") != "invoice" || (status != "issued" && status != "partly_paid" && status != "paid")) {
      return field_error("invoice_id", "INVOICE_NOT_PAYABLE", "payments settle issued invoices only");
    }
    if (text_of(*invoice, "account_id") != text_of(*payment, "account_id")) {
      return field_error("invoice_id", "ACCOUNT_MISMATCH", "the payment and the invoice belong to one customer");
    }
    const auto& amount = event.after.at("amount").as_object();
    const auto& paid = payment->at("amount").as_object();
    if (text_of(amount, "currency") != text_of(*invoice, "currency") ||
        text_of(paid, "currency") != text_of(*invoice, "currency")) {
      return field_error("amount", "CURRENCY_MISMATCH",
                         "the allocation, the payment and the invoice share one currency");
    }
  }
  auto invoice_after = records_.recompute_within(connection, invoices, invoice_id, event.actor);
  if (!invoice_after) return invoice_after.take_error();
  auto payment_after = records_.recompute_within(connection, payments, payment_id, event.actor);
  if (!payment_after) return payment_after.take_error();
  if (money_amount(*payment_after, "unallocated_amount").is_negative()) {
    return field_error("amount", "ALLOCATION_EXCEEDS_PAYMENT", "more than the payment has left to allocate");
  }
  if (money_amount(*invoice_after, "open_amount").is_negative()) {
    return field_error("amount", "ALLOCATION_EXCEEDS_INVOICE", "more than the invoice has open");
  }
  return {};
}

}  // namespace atrium::sales
