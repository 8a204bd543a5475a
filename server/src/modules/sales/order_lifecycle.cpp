// Orders as they are written: lines priced by the pricing function (a price carried over
// from the quotation is a price typed by hand), totals with freight, insurance and
// customs, the checklist of the order's type (its open items counted per step they
// guard, so that the state machine's guards hold those steps back), an approval when
// the rules ask for one before the order is confirmed, and no changes once confirmed
// beyond the delivery dates, the loan's return and the notes.
#include <fmt/format.h>

#include "atrium/core/decimal.hpp"
#include "atrium/sales/sales_cycle.hpp"
#include "priced_documents.hpp"
#include "record_fields.hpp"
#include "system_changes.hpp"

namespace atrium::sales {

namespace {

// The steps a checklist item may guard, and the order's field counting its open items.
constexpr std::pair<std::string_view, std::string_view> kGuardedSteps[] = {{"submit", "open_for_submit"},
                                                                           {"dispatch", "open_for_dispatch"},
                                                                           {"deliver", "open_for_deliver"},
                                                                           {"close", "open_for_close"}};

// What may change on an order that has left draft.
bool editable_after_draft(std::string_view field) {
  for (std::string_view name : {"promised_from", "promised_until", "return_date", "notes", "cancellation_reason",
                                "delivery_terms", "contact_id"}) {
    if (field == name) return true;
  }
  return false;
}

Result<boost::json::object> checklist_counts(records::RecordService& records, storage::Connection& connection,
                                             const boost::json::object& order) {
  const auto& items = layout_of(records, "order_checklist_item");
  auto rows =
      connection.query(fmt::format("SELECT {}, COUNT(*) FROM {} WHERE {} = ? AND archived_at IS NULL AND "
                                   "({} IS NULL OR {} = 0) GROUP BY {}",
                                   column_of(items, "guards"), items.entity().table, column_of(items, "sales_order"),
                                   column_of(items, "done"), column_of(items, "done"), column_of(items, "guards")),
                       {text_of(order, "id")});
  if (!rows) return rows.take_error();
  boost::json::object values;
  for (const auto& [step, field] : kGuardedSteps) values[field] = 0;
  for (const auto& row : rows->rows) {
    for (const auto& [step, field] : kGuardedSteps) {
      if (row[0].text() == step) values[field] = row[1].integer();
    }
  }
  return values;
}

// How much of an order line is on invoices that stand (credit notes do not reduce it: a
// credit is a correction of money, not of what was supplied).
Result<std::string> invoiced_quantity(records::RecordService& records, storage::Connection& connection,
                                      const std::string& order_line_id) {
  const auto& lines = layout_of(records, "invoice_line");
  const auto& invoices = layout_of(records, "invoice");
  auto sum = connection.query(
      fmt::format("SELECT CAST(COALESCE(SUM(l.{}), 0) AS BIGINT) FROM {} l JOIN {} i ON i.id = l.{} WHERE l.{} = ? AND "
                  "l.archived_at IS NULL AND i.archived_at IS NULL AND i.{} = 'invoice' AND i.{} <> 'cancelled'",
                  column_of(lines, "quantity"), lines.entity().table, invoices.entity().table,
                  column_of(lines, "invoice"), column_of(lines, "order_line"), column_of(invoices, "kind"),
                  column_of(invoices, "status")),
      {order_line_id});
  if (!sum) return sum.take_error();
  return format_scaled(sum->rows[0][0].integer(), 3, 0);
}

// How much of an order line deliveries carry that are not cancelled.
Result<std::string> delivered_quantity(records::RecordService& records, storage::Connection& connection,
                                       const std::string& order_line_id) {
  const auto& lines = layout_of(records, "delivery_line");
  const auto& deliveries = layout_of(records, "delivery");
  auto sum = connection.query(
      fmt::format("SELECT CAST(COALESCE(SUM(l.{}), 0) AS BIGINT) FROM {} l JOIN {} d ON d.id = l.{} WHERE l.{} = ? AND "
                  "l.archived_at IS NULL AND d.archived_at IS NULL AND d.{} <> 'cancelled'",
                  column_of(lines, "quantity"), lines.entity().table, deliveries.entity().table,
                  column_of(lines, "delivery"), column_of(lines, "order_line"), column_of(deliveries, "status")),
      {order_line_id});
  if (!sum) return sum.take_error();
  return format_scaled(sum->rows[0][0].integer(), 3, 0);
}

// none, partly or complete: over the order's lines as their delivered quantities stand.
Result<std::string> delivery_status(records::RecordService& records, storage::Connection& connection,
                                    const std::string& order_id) {
  const auto& lines = layout_of(records, "order_line");
  auto counts = connection.query(
      fmt::format(
          "SELECT COUNT(*), COALESCE(SUM(CASE WHEN {0} > 0 THEN 1 ELSE 0 END), 0), "
          "COALESCE(SUM(CASE WHEN {0} >= {1} THEN 1 ELSE 0 END), 0) FROM {2} WHERE {3} = ? AND archived_at IS NULL",
          column_of(lines, "delivered_quantity"), column_of(lines, "quantity"), lines.entity().table,
          column_of(lines, "sales_order")),
      {order_id});
  if (!counts) return counts.take_error();
  const auto& row = counts->rows[0];
  if (row[0].integer() > 0 && row[2].integer() == row[0].integer()) return std::string("complete");
  return std::string(row[1].integer() > 0 ? "partly" : "none");
}

Error locked(std::string_view number, std::string_view status, std::string field) {
  const std::string message = fmt::format(
      "order {} is {}: only its delivery dates, the loan's return date and notes still change", number, status);
  return Error{ErrorCode::conflict, message, {{std::move(field), "ORDER_LOCKED", message}}};
}

}  // namespace

void OrderLifecycle::attach() {
  records_.add_computer("order_line",
                        [this](storage::Connection& connection, const records::EntityLayout&,
                               const boost::json::object& line) -> Result<boost::json::object> {
                          auto values = priced_line_values(records_, connection, kOrderDocument, line);
                          if (!values) return values;
                          auto invoiced = invoiced_quantity(records_, connection, text_of(line, "id"));
                          if (!invoiced) return invoiced.take_error();
                          (*values)["invoiced_quantity"] = *invoiced;
                          auto delivered = delivered_quantity(records_, connection, text_of(line, "id"));
                          if (!delivered) return delivered.take_error();
                          (*values)["delivered_quantity"] = *delivered;
                          return values;
                        });
  records_.add_computer("sales_order",
                        [this](storage::Connection& connection, const records::EntityLayout&,
                               const boost::json::object& order) -> Result<boost::json::object> {
                          auto values = document_totals(records_, connection, kOrderDocument, order);
                          if (!values) return values;
                          auto counts = checklist_counts(records_, connection, order);
                          if (!counts) return counts;
                          for (auto& [key, value] : *counts) (*values)[key] = value;
                          auto delivered = delivery_status(records_, connection, text_of(order, "id"));
                          if (!delivered) return delivered.take_error();
                          (*values)["delivery_status"] = *delivered;
                          return values;
                        });
  records_.add_computer(
      "order_checklist_item",
      [this](storage::Connection& connection, const records::EntityLayout&,
             const boost::json::object& item) -> Result<boost::json::object> {
        // Who ticked it and when: the one who last wrote it while it became done.
        const auto* done = item.if_contains("done");
        const bool is_done = done && done->is_bool() && done->as_bool();
        if (!is_done) return boost::json::object{{"done_at", nullptr}, {"done_by", nullptr}};
        if (!text_of(item, "done_at").empty()) return boost::json::object{};
        auto name = connection.query("SELECT name FROM users WHERE id = ?", {text_of(item, "updated_by_id")});
        if (!name) return name.take_error();
        return boost::json::object{{"done_at", to_iso8601(clock_.now())},
                                   {"done_by", name->empty() ? std::string() : name->rows[0][0].text()}};
      });
  records_.add_write_observer([this](storage::Connection& connection, const records::RecordWriteEvent& event) {
    const auto& entity = event.layout.entity().name;
    if (entity == "sales_order") return on_order_written(connection, event);
    if (entity == "order_line") return on_line_written(connection, event);
    if (entity == "order_checklist_item") return on_checklist_item_written(connection, event);
    return Result<void>{};
  });
  approvals_.add_outcome_observer([this](storage::Connection& connection, std::string_view entity,
                                         std::string_view record_id, std::string_view outcome,
                                         const records::Actor& decider) -> Result<void> {
    if (entity != "sales_order") return {};
    const auto& orders = layout_of(records_, "sales_order");
    auto order = records_.get_within(connection, orders, record_id);
    if (!order) return order.take_error();
    if (text_of(*order, "status") != "pending_approval") return {};
    auto moved = records_.write_system_within(
        connection, orders, record_id, boost::json::object{{"status", outcome == "approved" ? "confirmed" : "draft"}},
        decider);
    if (!moved) return moved.take_error();
    return {};
  });
}

Result<void> OrderLifecycle::on_order_written(storage::Connection& connection, const records::RecordWriteEvent& event) {
  const auto& orders = layout_of(records_, "sales_order");
  if (event.kind == records::RecordWriteKind::create) {
    ATRIUM_TRY(add_checklist(connection, event.after, event.actor));
    auto counted = records_.recompute_within(connection, orders, event.id, event.actor);
    if (!counted) return counted.take_error();
  }
  if (event.kind != records::RecordWriteKind::create && event.kind != records::RecordWriteKind::update) return {};
  if (text_of(event.after, "order_type") == "loaner" && text_of(event.after, "return_date").empty()) {
    const std::string message = "a loaner order says when the loan comes back";
    return Error{ErrorCode::validation_failed, message, {{"return_date", "FIELD_REQUIRED", message}}};
  }
  if (!event.before) return {};
  const std::string from = text_of(*event.before, "status");
  const std::string to = text_of(event.after, "status");
  if (from != to) {
    if (to != "pending_approval") return {};
    // The approval rules have seen the submission (the engine observes writes before
    // this module); when none asked for an approval, the order is confirmed as it is.
    auto waiting = approvals_.pending(connection, "sales_order", event.id);
    if (!waiting) return waiting.take_error();
    if (*waiting) return {};
    auto confirmed = records_.write_system_within(connection, orders, event.id,
                                                  boost::json::object{{"status", "confirmed"}}, event.actor);
    if (!confirmed) return confirmed.take_error();
    return {};
  }
  if (from != "draft") {
    if (only_system_fields_changed(orders, *event.before, event.after)) return {};
    for (const auto& [key, value] : event.after) {
      const auto* before = event.before->if_contains(key);
      const auto* field = orders.find(key);
      const bool system = !field || field->field->read_only || key == "version";
      if (!system && !editable_after_draft(key) && (!before || *before != value)) {
        return locked(text_of(event.after, "number"), from, std::string(key));
      }
    }
    return {};
  }
  if (text_of(*event.before, "order_type") != text_of(event.after, "order_type")) {
    // Another type, another checklist: the open items of the old one go, the new one's come.
    const auto& items = layout_of(records_, "order_checklist_item");
    auto open = connection.query(fmt::format("SELECT id FROM {} WHERE {} = ? AND archived_at IS NULL AND "
                                             "({} IS NULL OR {} = 0)",
                                             items.entity().table, column_of(items, "sales_order"),
                                             column_of(items, "done"), column_of(items, "done")),
                                 {std::string(event.id)});
    if (!open) return open.take_error();
    for (const auto& row : open->rows) {
      auto archived =
          records_.set_archived_within(connection, items, row[0].text(), true, records::Actor{event.actor.user_id});
      if (!archived) return archived.take_error();
    }
    ATRIUM_TRY(add_checklist(connection, event.after, event.actor));
    auto counted = records_.recompute_within(connection, orders, event.id, event.actor);
    if (!counted) return counted.take_error();
  }
  if (!pricing_inputs_changed(*event.before, event.after, kOrderDocument)) return {};
  return reprice_lines(records_, connection, kOrderDocument, event.id, event.actor);
}

Result<void> OrderLifecycle::on_line_written(storage::Connection& connection, const records::RecordWriteEvent& event) {
  const auto& orders = layout_of(records_, "sales_order");
  // Delivered and invoiced quantities are the system's; they change on any order.
  if (event.before && only_system_fields_changed(event.layout, *event.before, event.after)) return {};
  auto order = records_.get_within(connection, orders, text_of(event.after, "sales_order_id"));
  if (!order) return order.take_error();
  const std::string status = text_of(*order, "status");
  if (status != "draft") return locked(text_of(*order, "number"), status, "sales_order_id");
  if (event.before && text_of(*event.before, "sales_order_id") != text_of(event.after, "sales_order_id")) {
    const std::string message = "a line stays on its order: add a new line to the other one";
    return Error{ErrorCode::validation_failed, message, {{"sales_order_id", "FIELD_READ_ONLY", message}}};
  }
  // Totals only: once per document when its lines come with it.
  ATRIUM_TRY(records_.recompute_soon_within(connection, orders, text_of(*order, "id"), event.actor));
  return {};
}

Result<void> OrderLifecycle::on_checklist_item_written(storage::Connection& connection,
                                                       const records::RecordWriteEvent& event) {
  if (event.before && only_system_fields_changed(event.layout, *event.before, event.after)) return {};
  const auto& orders = layout_of(records_, "sales_order");
  auto order = records_.get_within(connection, orders, text_of(event.after, "sales_order_id"));
  if (!order) return order.take_error();
  const std::string status = text_of(*order, "status");
  if (status == "closed" || status == "cancelled") {
    const std::string message =
        fmt::format("order {} is {}: its checklist is kept as it was", text_of(*order, "number"), status);
    return Error{ErrorCode::conflict, message, {{"sales_order_id", "ORDER_LOCKED", message}}};
  }
  auto counted = records_.recompute_within(connection, orders, text_of(*order, "id"), event.actor);
  if (!counted) return counted.take_error();
  return {};
}

Result<void> OrderLifecycle::add_checklist(storage::Connection& connection, const boost::json::object& order,
                                           const records::Actor& actor) {
  const auto& rules = layout_of(records_, "order_checklist_rule");
  const auto& items = layout_of(records_, "order_checklist_item");
  auto found =
      connection.query(fmt::format("SELECT id FROM {} WHERE {} = ? AND archived_at IS NULL ORDER BY {}, id",
                                   rules.entity().table, column_of(rules, "order_type"), column_of(rules, "position")),
                       {text_of(order, "order_type")});
  if (!found) return found.take_error();
  for (const auto& row : found->rows) {
    auto rule = records_.get_within(connection, rules, row[0].text());
    if (!rule) return rule.take_error();
    boost::json::object item{{"sales_order_id", text_of(order, "id")},
                             {"category", text_of(*rule, "category")},
                             {"label", text_of(*rule, "label")},
                             {"guards", text_of(*rule, "guards")},
                             {"position", rule->at("position")}};
    // The order's checklist comes with it, whatever the creator's own rights on items.
    auto created = records_.create_within(connection, items, item, records::Actor{actor.user_id});
    if (!created) return created.take_error();
  }
  return {};
}

}  // namespace atrium::sales
