// Claims and returns as they are written: the customer and the warranty taken from the
// invoice, lines that claim no more of an invoice line than was invoiced (less what
// other claims still claim of it), a charge that names its amount, a warranty claim only
// while the warranty runs, and no changes once a claim is settled or rejected.
#include <fmt/format.h>

#include "atrium/core/decimal.hpp"
#include "atrium/sales/sales_cycle.hpp"
#include "priced_documents.hpp"
#include "record_fields.hpp"
#include "sales_dates.hpp"
#include "system_changes.hpp"

namespace atrium::sales {

namespace {

// How long goods are guaranteed from their invoice.
constexpr std::int64_t kWarrantyDays = 365;

Result<boost::json::object> claim_values(records::RecordService& records, storage::Connection& connection,
                                         const boost::json::object& claim) {
  auto invoice = records.get_within(connection, layout_of(records, "invoice"), text_of(claim, "invoice_id"));
  if (!invoice) return invoice.take_error();
  boost::json::object values{{"account_id", text_of(*invoice, "account_id")}};
  std::string date = text_of(claim, "claim_date");
  if (date.empty()) values["claim_date"] = date = records.today();
  const std::string until = plus_days(text_of(*invoice, "invoice_date"), kWarrantyDays);
  values["warranty_until"] = until.empty() ? boost::json::value(nullptr) : boost::json::value(until);
  values["under_warranty"] = !until.empty() && days_between(date, until) >= 0;
  const auto& lines = layout_of(records, "claim_line");
  auto count = connection.query(fmt::format("SELECT COUNT(*) FROM {} WHERE {} = ? AND archived_at IS NULL",
                                            lines.entity().table, column_of(lines, "claim")),
                                {text_of(claim, "id")});
  if (!count) return count.take_error();
  values["line_count"] = count->rows[0][0].integer();
  return values;
}

Result<boost::json::object> claim_line_values(records::RecordService& records, storage::Connection& connection,
                                              const boost::json::object& line) {
  auto invoiced = records.get_within(connection, layout_of(records, "invoice_line"), text_of(line, "invoice_line_id"));
  if (!invoiced) return invoiced.take_error();
  return boost::json::object{{"product_id", text_of(*invoiced, "product_id")},
                             {"description", text_of(*invoiced, "description")}};
}

// What claims not rejected claim of an invoice line, this claim's lines included.
Result<Decimal> claimed_of(records::RecordService& records, storage::Connection& connection,
                           const std::string& invoice_line_id) {
  const auto& lines = layout_of(records, "claim_line");
  const auto& claims = layout_of(records, "claim");
  auto sum = connection.query(
      fmt::format("SELECT CAST(COALESCE(SUM(l.{}), 0) AS BIGINT) FROM {} l JOIN {} c ON c.id = l.{} WHERE l.{} = ? AND "
                  "l.archived_at IS NULL AND c.archived_at IS NULL AND c.{} <> 'rejected'",
                  column_of(lines, "quantity"), lines.entity().table, claims.entity().table, column_of(lines, "claim"),
                  column_of(lines, "invoice_line"), column_of(claims, "status")),
      {invoice_line_id});
  if (!sum) return sum.take_error();
  // Quantities are stored in thousandths; a Decimal holds millionths.
  return Decimal::from_units(sum->rows[0][0].integer() * 1000);
}

}  // namespace

void ClaimLifecycle::attach() {
  records_.add_computer(
      "claim", [this](storage::Connection& connection, const records::EntityLayout&, const boost::json::object& claim) {
        return claim_values(records_, connection, claim);
      });
  records_.add_computer(
      "claim_line", [this](storage::Connection& connection, const records::EntityLayout&,
                           const boost::json::object& line) { return claim_line_values(records_, connection, line); });
  records_.add_write_observer(
      [this](storage::Connection& connection, const records::RecordWriteEvent& event) -> Result<void> {
        const auto& entity = event.layout.entity().name;
        if (entity == "claim") return on_claim_written(connection, event);
        if (entity == "claim_line") return on_line_written(connection, event);
        return {};
      });
}

Result<void> ClaimLifecycle::on_claim_written(storage::Connection& connection, const records::RecordWriteEvent& event) {
  if (event.kind == records::RecordWriteKind::archive || event.kind == records::RecordWriteKind::restore) return {};
  if (event.before && only_system_fields_changed(event.layout, *event.before, event.after)) return {};
  if (event.before) {
    const std::string status = text_of(*event.before, "status");
    if (status == "resolved" || (status == "rejected" && text_of(event.after, "status") == "rejected")) {
      const std::string message =
          fmt::format("claim {} is {}: it is kept as it was", text_of(event.after, "number"), status);
      return Error{ErrorCode::conflict, message, {{"status", "CLAIM_CLOSED", message}}};
    }
    if (text_of(*event.before, "invoice_id") != text_of(event.after, "invoice_id")) {
      return field_error("invoice_id", "FIELD_READ_ONLY", "a claim stays on its invoice");
    }
  }
  auto invoice = records_.get_within(connection, layout_of(records_, "invoice"), text_of(event.after, "invoice_id"));
  if (!invoice) return invoice.take_error();
  const std::string status = text_of(*invoice, "status");
  if (text_of(*invoice, "kind") != "invoice" || (status != "issued" && status != "partly_paid" && status != "paid")) {
    return field_error("invoice_id", "INVOICE_NOT_ISSUED", "claims are made against issued invoices");
  }
  const std::string kind = text_of(event.after, "kind");
  const auto* amount = event.after.if_contains("amount");
  if (kind == "charge" && (!amount || !amount->is_object())) {
    return field_error("amount", "FIELD_REQUIRED", "a charge names the amount to reimburse");
  }
  if (kind == "warranty") {
    const auto* under = event.after.if_contains("under_warranty");
    if (!under || !under->is_bool() || !under->as_bool()) {
      return field_error("kind", "WARRANTY_EXPIRED",
                         fmt::format("the warranty of invoice {} ran until {}", text_of(*invoice, "number"),
                                     text_of(event.after, "warranty_until")));
    }
  }
  return {};
}

Result<void> ClaimLifecycle::on_line_written(storage::Connection& connection, const records::RecordWriteEvent& event) {
  if (event.before && only_system_fields_changed(event.layout, *event.before, event.after)) return {};
  const auto& claims = layout_of(records_, "claim");
  auto claim = records_.get_within(connection, claims, text_of(event.after, "claim_id"));
  if (!claim) return claim.take_error();
  if (const std::string status = text_of(*claim, "status"); status != "open") {
    const std::string message =
        fmt::format("claim {} is {}: its lines no longer change", text_of(*claim, "number"), status);
    return Error{ErrorCode::conflict, message, {{"claim_id", "CLAIM_CLOSED", message}}};
  }
  if (event.before && (text_of(*event.before, "claim_id") != text_of(event.after, "claim_id") ||
                       text_of(*event.before, "invoice_line_id") != text_of(event.after, "invoice_line_id"))) {
    return field_error("invoice_line_id", "FIELD_READ_ONLY", "a claim line stays with its claim and invoice line");
  }
  auto invoiced =
      records_.get_within(connection, layout_of(records_, "invoice_line"), text_of(event.after, "invoice_line_id"));
  if (!invoiced) return invoiced.take_error();
  if (text_of(*invoiced, "invoice_id") != text_of(*claim, "invoice_id")) {
    return field_error("invoice_line_id", "INVOICE_LINE_MISMATCH", "a line of the claim's own invoice");
  }
  if (event.kind != records::RecordWriteKind::archive) {
    auto claimed = claimed_of(records_, connection, text_of(*invoiced, "id"));
    if (!claimed) return claimed.take_error();
    const Decimal most = Decimal::parse(text_of(*invoiced, "quantity")).value_or(Decimal());
    if (*claimed > most) {
      return field_error("quantity", "CLAIM_EXCEEDS_INVOICE",
                         fmt::format("{} invoiced, {} claimed with this line", most.to_string(), claimed->to_string()));
    }
  }
  auto counted = records_.recompute_within(connection, claims, text_of(*claim, "id"), event.actor);
  if (!counted) return counted.take_error();
  return {};
}

}  // namespace atrium::sales
