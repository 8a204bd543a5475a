// Deliveries as they are written: the customer, address and e-mail to tell taken from
// the order, the dates a delivery shipped and arrived, its lines' products from the order
// lines they carry, and never more delivered of a line than was ordered. Each change is
// counted back on the order lines and the order (how much is delivered, and whether all).
#include <fmt/format.h>

#include "atrium/core/decimal.hpp"
#include "atrium/sales/sales_cycle.hpp"
#include "priced_documents.hpp"
#include "record_fields.hpp"
#include "system_changes.hpp"

namespace atrium::sales {

namespace {

Result<boost::json::object> delivery_values(records::RecordService& records, storage::Connection& connection,
                                            const boost::json::object& delivery) {
  auto order = records.get_within(connection, layout_of(records, "sales_order"), text_of(delivery, "sales_order_id"));
  if (!order) return order.take_error();
  boost::json::object values{{"account_id", text_of(*order, "account_id")}};
  if (const auto* address = delivery.if_contains("delivery_address"); !address || address->is_null()) {
    if (const auto* from_order = order->if_contains("delivery_address"); from_order && !from_order->is_null())
      values["delivery_address"] = *from_order;
  }
  if (text_of(delivery, "notify_email").empty()) {
    std::string email;
    if (const auto contact_id = text_of(*order, "contact_id"); !contact_id.empty()) {
      auto contact = records.get_within(connection, layout_of(records, "contact"), contact_id);
      if (!contact) return contact.take_error();
      email = text_of(*contact, "email");
    }
    if (email.empty()) {
      auto account = records.get_within(connection, layout_of(records, "account"), text_of(*order, "account_id"));
      if (!account) return account.take_error();
      email = text_of(*account, "email");
    }
    if (!email.empty()) values["notify_email"] = email;
  }
  const std::string status = text_of(delivery, "status");
  if ((status == "shipped" || status == "delivered") && text_of(delivery, "shipped_date").empty())
    values["shipped_date"] = records.today();
  if (status == "delivered" && text_of(delivery, "delivered_date").empty()) values["delivered_date"] = records.today();
  const auto& lines = layout_of(records, "delivery_line");
  auto count = connection.query(fmt::format("SELECT COUNT(*) FROM {} WHERE {} = ? AND archived_at IS NULL",
                                            lines.entity().table, lines.find_field("delivery")->columns[0].name),
                                {text_of(delivery, "id")});
  if (!count) return count.take_error();
  values["line_count"] = count->rows[0][0].integer();
  return values;
}

Result<boost::json::object> delivery_line_values(records::RecordService& records, storage::Connection& connection,
                                                 const boost::json::object& line) {
  auto order_line = records.get_within(connection, layout_of(records, "order_line"), text_of(line, "order_line_id"));
  if (!order_line) return order_line.take_error();
  return boost::json::object{{"product_id", text_of(*order_line, "product_id")},
                             {"description", text_of(*order_line, "description")}};
}

}  // namespace

void DeliveryLifecycle::attach() {
  records_.add_computer("delivery", [this](storage::Connection& connection, const records::EntityLayout&,
                                           const boost::json::object& delivery) {
    return delivery_values(records_, connection, delivery);
  });
  records_.add_computer("delivery_line", [this](storage::Connection& connection, const records::EntityLayout&,
                                                const boost::json::object& line) {
    return delivery_line_values(records_, connection, line);
  });
  records_.add_write_observer(
      [this](storage::Connection& connection, const records::RecordWriteEvent& event) -> Result<void> {
        const auto& entity = event.layout.entity().name;
        if (entity == "delivery") return on_delivery_written(connection, event);
        if (entity == "delivery_line") return on_line_written(connection, event);
        return {};
      });
}

Result<void> DeliveryLifecycle::on_delivery_written(storage::Connection& connection,
                                                    const records::RecordWriteEvent& event) {
  if (event.before && only_system_fields_changed(event.layout, *event.before, event.after)) return {};
  if (event.before && text_of(*event.before, "sales_order_id") != text_of(event.after, "sales_order_id")) {
    return field_error("sales_order_id", "FIELD_READ_ONLY", "a delivery stays with its order");
  }
  const auto& orders = layout_of(records_, "sales_order");
  auto order = records_.get_within(connection, orders, text_of(event.after, "sales_order_id"));
  if (!order) return order.take_error();
  if (event.kind == records::RecordWriteKind::create) {
    const std::string status = text_of(*order, "status");
    if (status != "confirmed" && status != "dispatched" && status != "delivered") {
      const std::string message =
          fmt::format("order {} is {}: deliveries are for confirmed orders", text_of(*order, "number"), status);
      return Error{ErrorCode::conflict, message, {{"sales_order_id", "ORDER_NOT_CONFIRMED", message}}};
    }
    return {};
  }
  if (!event.before || text_of(*event.before, "status") == text_of(event.after, "status")) return {};
  // Cancelled (or archived), what it carried is open to deliver again.
  const auto& lines = layout_of(records_, "delivery_line");
  auto carried = connection.query(fmt::format("SELECT {} FROM {} WHERE {} = ? AND archived_at IS NULL",
                                              lines.find_field("order_line")->columns[0].name, lines.entity().table,
                                              lines.find_field("delivery")->columns[0].name),
                                  {std::string(event.id)});
  if (!carried) return carried.take_error();
  for (const auto& row : carried->rows) {
    auto again = records_.recompute_within(connection, layout_of(records_, "order_line"), row[0].text(), event.actor);
    if (!again) return again.take_error();
  }
  auto counted = records_.recompute_within(connection, orders, text_of(*order, "id"), event.actor);
  if (!counted) return counted.take_error();
  return {};
}

Result<void> DeliveryLifecycle::on_line_written(storage::Connection& connection,
                                                const records::RecordWriteEvent& event) {
  if (event.before && only_system_fields_changed(event.layout, *event.before, event.after)) return {};
  const auto& deliveries = layout_of(records_, "delivery");
  auto delivery = records_.get_within(connection, deliveries, text_of(event.after, "delivery_id"));
  if (!delivery) return delivery.take_error();
  if (const std::string status = text_of(*delivery, "status"); status != "scheduled") {
    const std::string message =
        fmt::format("delivery {} is {}: its lines no longer change", text_of(*delivery, "number"), status);
    return Error{ErrorCode::conflict, message, {{"delivery_id", "DELIVERY_LOCKED", message}}};
  }
  if (event.before && (text_of(*event.before, "delivery_id") != text_of(event.after, "delivery_id") ||
                       text_of(*event.before, "order_line_id") != text_of(event.after, "order_line_id"))) {
    return field_error("order_line_id", "FIELD_READ_ONLY", "a delivery line stays with its delivery and order line");
  }
  const auto& order_lines = layout_of(records_, "order_line");
  auto order_line = records_.get_within(connection, order_lines, text_of(event.after, "order_line_id"));
  if (!order_line) return order_line.take_error();
  if (text_of(*order_line, "sales_order_id") != text_of(*delivery, "sales_order_id")) {
    return field_error("order_line_id", "ORDER_LINE_MISMATCH", "a line of the delivery's own order");
  }
  auto counted = records_.recompute_within(connection, order_lines, text_of(*order_line, "id"), event.actor);
  if (!counted) return counted.take_error();
  const Decimal ordered = Decimal::parse(text_of(*counted, "quantity")).value_or(Decimal());
  const Decimal delivered = Decimal::parse(text_of(*counted, "delivered_quantity")).value_or(Decimal());
  if (delivered > ordered) {
    return field_error("quantity", "DELIVERY_EXCEEDS_ORDER",
                       fmt::format("more than ordered: {} ordered, {} delivered with this line", ordered.to_string(),
                                   delivered.to_string()));
  }
  auto lines = records_.recompute_within(connection, deliveries, text_of(*delivery, "id"), event.actor);
  if (!lines) return lines.take_error();
  auto order = records_.recompute_within(connection, layout_of(records_, "sales_order"),
                                         text_of(*delivery, "sales_order_id"), event.actor);
  if (!order) return order.take_error();
  return {};
}

}  // namespace atrium::sales
