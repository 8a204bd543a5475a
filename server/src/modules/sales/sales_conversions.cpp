// Sales documents made from one another. The new document is created with the caller's
// rights (they need the right to create it); what links it to its source is the
// system's to set, and the source is marked as converted in the same transaction.
#include "sales_conversions.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "atrium/core/decimal.hpp"
#include "priced_documents.hpp"
#include "quotation_parts.hpp"
#include "record_fields.hpp"

namespace atrium::sales::conversions {

namespace {

using boost::json::object;

Error conflict(std::string field, std::string code, std::string message) {
  return Error{ErrorCode::conflict, message, {{std::move(field), std::move(code), message}}};
}

// Copies the named fields that have a value.
void copy(object& to, const object& from, std::initializer_list<std::string_view> fields) {
  for (auto field : fields) {
    const auto* value = from.if_contains(field);
    if (value && !value->is_null() && !(value->is_string() && value->as_string().empty())) to[field] = *value;
  }
}

// A line carried over from another document at that document's prices: its unit price
// and discount become the new line's prices typed by hand, so today's price lists do not
// change what was agreed.
object carried_line(std::string_view link, const std::string& document_id, const object& source,
                    const std::string& quantity) {
  object line{{std::string(link) + "_id", document_id}, {"quantity", quantity}};
  copy(line, source, {"product_id", "description", "position"});
  if (const auto* price = source.if_contains("unit_price"); price && price->is_object())
    line["manual_unit_price"] = *price;
  if (!text_of(source, "discount_percent").empty()) line["manual_discount"] = text_of(source, "discount_percent");
  return line;
}

Result<object> system_write(records::RecordService& records, storage::Connection& connection, std::string_view entity,
                            std::string_view id, object values, const records::Actor& actor) {
  return records.write_system_within(connection, layout_of(records, entity), id, values, actor);
}

Result<object> open_enquiry(records::RecordService& records, storage::Connection& connection,
                            std::string_view enquiry_id) {
  auto enquiry = records.get_within(connection, layout_of(records, "enquiry"), enquiry_id);
  if (!enquiry) return enquiry;
  const std::string status = text_of(*enquiry, "status");
  if (status != "new" && status != "allocated") {
    return conflict(
        "status", "ENQUIRY_CLOSED",
        fmt::format("enquiry {} is {}: only an open enquiry is converted", text_of(*enquiry, "number"), status));
  }
  if (!text_of(*enquiry, "quotation_id").empty()) {
    return conflict("quotation_id", "ALREADY_CONVERTED",
                    fmt::format("enquiry {} has its quotation already", text_of(*enquiry, "number")));
  }
  return enquiry;
}

// The enquiry's lines on the new document: product, quantity, description and the
// changes asked for; prices are the pricing function's, not the customer's wish.
Result<void> lines_from_enquiry(records::RecordService& records, storage::Connection& connection,
                                std::string_view enquiry_id, const PricedDocumentKind& kind,
                                const std::string& document_id, const records::Actor& actor) {
  const auto& enquiry_lines = layout_of(records, "enquiry_line");
  auto ids =
      connection.query(fmt::format("SELECT id FROM {} WHERE {} = ? AND archived_at IS NULL ORDER BY {}, created_at, id",
                                   enquiry_lines.entity().table, enquiry_lines.find_field("enquiry")->columns[0].name,
                                   enquiry_lines.find_field("position")->columns[0].name),
                       {std::string(enquiry_id)});
  if (!ids) return ids.take_error();
  const auto& lines = layout_of(records, kind.line);
  for (const auto& row : ids->rows) {
    auto source = records.get_within(connection, enquiry_lines, row[0].text());
    if (!source) return source.take_error();
    object line{{std::string(kind.link) + "_id", document_id}};
    // A variant made for the customer's changes is what they are offered.
    line["product_id"] =
        text_of(*source, "variant_id").empty() ? text_of(*source, "product_id") : text_of(*source, "variant_id");
    copy(line, *source, {"quantity", "description", "position"});
    if (lines.find("requested_changes")) copy(line, *source, {"requested_changes"});
    auto created = records.create_within(connection, lines, line, actor);
    if (!created) return created.take_error();
  }
  return {};
}

}  // namespace

Result<object> quotation_from_enquiry(records::RecordService& records, storage::Connection& connection,
                                      std::string_view enquiry_id, const records::Actor& actor) {
  auto enquiry = open_enquiry(records, connection, enquiry_id);
  if (!enquiry) return enquiry;
  object header;
  copy(header, *enquiry, {"account_id", "contact_id", "currency", "payment_terms", "delivery_period"});
  if (!text_of(*enquiry, "description").empty()) {
    header["introduction"] =
        fmt::format("In reply to your enquiry {}{}.", text_of(*enquiry, "number"),
                    text_of(*enquiry, "customer_reference").empty()
                        ? std::string()
                        : fmt::format(" (your reference {})", text_of(*enquiry, "customer_reference")));
  }
  auto quotation = records.create_within(connection, layout_of(records, "quotation"), header, actor);
  if (!quotation) return quotation;
  const std::string id = text_of(*quotation, "id");
  ATRIUM_TRY(lines_from_enquiry(records, connection, enquiry_id, kQuotationDocument, id, actor));
  auto linked =
      system_write(records, connection, "quotation", id, object{{"enquiry_id", std::string(enquiry_id)}}, actor);
  if (!linked) return linked;
  auto marked = system_write(records, connection, "enquiry", enquiry_id,
                             object{{"status", "quoted"}, {"quotation_id", id}}, actor);
  if (!marked) return marked.take_error();
  return records.get_within(connection, layout_of(records, "quotation"), id);
}

Result<object> order_from_enquiry(records::RecordService& records, storage::Connection& connection,
                                  std::string_view enquiry_id, const records::Actor& actor) {
  auto enquiry = open_enquiry(records, connection, enquiry_id);
  if (!enquiry) return enquiry;
  object header;
  copy(header, *enquiry, {"account_id", "contact_id", "currency", "payment_terms", "customer_reference", "dealer_id"});
  auto order = records.create_within(connection, layout_of(records, "sales_order"), header, actor);
  if (!order) return order;
  const std::string id = text_of(*order, "id");
  ATRIUM_TRY(lines_from_enquiry(records, connection, enquiry_id, kOrderDocument, id, actor));
  auto linked = system_write(records, connection, "sales_order", id,
                             object{{"enquiry_id", std::string(enquiry_id)}, {"source", "enquiry"}}, actor);
  if (!linked) return linked;
  auto marked = system_write(records, connection, "enquiry", enquiry_id, object{{"status", "ordered"}}, actor);
  if (!marked) return marked.take_error();
  return records.get_within(connection, layout_of(records, "sales_order"), id);
}

Result<object> order_from_quotation(records::RecordService& records, storage::Connection& connection,
                                    std::string_view quotation_id, const records::Actor& actor) {
  auto quotation = records.get_within(connection, layout_of(records, "quotation"), quotation_id);
  if (!quotation) return quotation;
  if (text_of(*quotation, "status") != "accepted") {
    return conflict("status", "QUOTATION_NOT_ACCEPTED",
                    fmt::format("quotation {} is {}: an order is made from an accepted quotation",
                                text_of(*quotation, "number"), text_of(*quotation, "status")));
  }
  const auto& orders = layout_of(records, "sales_order");
  auto existing = connection.query(
      fmt::format("SELECT {} FROM {} WHERE {} = ? AND {} <> 'cancelled' AND archived_at "
                  "IS NULL",
                  orders.find_field("number")->columns[0].name, orders.entity().table,
                  orders.find_field("quotation")->columns[0].name, orders.find_field("status")->columns[0].name),
      {std::string(quotation_id)});
  if (!existing) return existing.take_error();
  if (!existing->empty()) {
    return conflict("quotation_id", "ALREADY_CONVERTED",
                    fmt::format("quotation {} became order {} already", text_of(*quotation, "number"),
                                existing->rows[0][0].text()));
  }
  // The revision the customer accepted, as it was sent.
  const std::int64_t revision = quotation->at("revision").as_int64();
  auto accepted = quotations::frozen_revision(connection, quotation_id, revision);
  if (!accepted) return accepted;
  object header;
  copy(header, *quotation,
       {"account_id", "contact_id", "currency", "price_list_id", "payment_terms", "delivery_terms"});
  auto order = records.create_within(connection, orders, header, actor);
  if (!order) return order;
  const std::string id = text_of(*order, "id");
  for (const auto& value : accepted->at("lines").as_array()) {
    const auto& source = value.as_object();
    auto created = records.create_within(connection, layout_of(records, "order_line"),
                                         carried_line("sales_order", id, source, text_of(source, "quantity")), actor);
    if (!created) return created.take_error();
    auto traced = system_write(records, connection, "order_line", text_of(*created, "id"),
                               object{{"quotation_line_id", text_of(source, "id")}}, actor);
    if (!traced) return traced.take_error();
  }
  object links{{"quotation_id", std::string(quotation_id)}, {"quotation_revision", revision}, {"source", "quotation"}};
  if (!text_of(*quotation, "enquiry_id").empty()) links["enquiry_id"] = text_of(*quotation, "enquiry_id");
  auto linked = system_write(records, connection, "sales_order", id, links, actor);
  if (!linked) return linked;
  if (auto enquiry_id = text_of(*quotation, "enquiry_id"); !enquiry_id.empty()) {
    auto marked = system_write(records, connection, "enquiry", enquiry_id, object{{"status", "ordered"}}, actor);
    if (!marked) return marked.take_error();
  }
  return records.get_within(connection, orders, id);
}

namespace {

// An invoice for what of the order is not invoiced yet, each line at most `limit`'s
// quantity for it when given (a delivery's), with `system` set on the invoice (the
// delivery it bills).
Result<object> invoice_open_lines(records::RecordService& records, storage::Connection& connection,
                                  std::string_view order_id, const std::map<std::string, Decimal>* limit,
                                  const object& system, const records::Actor& actor) {
  const auto& orders = layout_of(records, "sales_order");
  const auto& invoices = layout_of(records, "invoice");
  auto order = records.get_within(connection, orders, order_id);
  if (!order) return order;
  const std::string status = text_of(*order, "status");
  if (status == "draft" || status == "pending_approval" || status == "cancelled") {
    return conflict(
        "status", "ORDER_NOT_CONFIRMED",
        fmt::format("order {} is {}: only a confirmed order is invoiced", text_of(*order, "number"), status));
  }
  auto lines = document_lines(records, connection, kOrderDocument, order_id);
  if (!lines) return lines.take_error();
  struct Open {
    const object* line;
    Decimal quantity;
  };
  std::vector<Open> open;
  for (const auto& line : *lines) {
    const Decimal ordered = Decimal::parse(text_of(line, "quantity")).value_or(Decimal());
    const Decimal invoiced = Decimal::parse(text_of(line, "invoiced_quantity")).value_or(Decimal());
    Decimal rest = ordered.minus(invoiced).value_or(Decimal());
    if (limit) {
      auto most = limit->find(text_of(line, "id"));
      rest = most == limit->end() ? Decimal() : std::min(rest, most->second);
    }
    if (!rest.is_zero() && !rest.is_negative()) open.push_back({&line, rest});
  }
  if (open.empty()) {
    return conflict("sales_order_id", "NOTHING_TO_INVOICE",
                    fmt::format("order {} is invoiced in full", text_of(*order, "number")));
  }
  // Charges go on the order's first invoice (not counting cancelled ones).
  auto earlier = connection.query(
      fmt::format("SELECT COUNT(*) FROM {} WHERE {} = ? AND {} <> 'cancelled' AND {} = "
                  "'invoice' AND archived_at IS NULL",
                  invoices.entity().table, invoices.find_field("sales_order")->columns[0].name,
                  invoices.find_field("status")->columns[0].name, invoices.find_field("kind")->columns[0].name),
      {std::string(order_id)});
  if (!earlier) return earlier.take_error();
  object header{{"sales_order_id", std::string(order_id)}, {"kind", "invoice"}};
  copy(
      header, *order,
      {"account_id", "contact_id", "currency", "price_list_id", "payment_terms", "payment_days", "customer_reference"});
  if (earlier->rows[0][0].integer() == 0) copy(header, *order, {"freight", "insurance", "customs", "charges_tax_rate"});
  auto invoice = records.create_within(connection, invoices, header, actor, system);
  if (!invoice) return invoice;
  const std::string id = text_of(*invoice, "id");
  for (const auto& [source, quantity] : open) {
    auto created = records.create_within(connection, layout_of(records, "invoice_line"),
                                         carried_line("invoice", id, *source, quantity.to_string()), actor);
    if (!created) return created.take_error();
    auto traced = system_write(records, connection, "invoice_line", text_of(*created, "id"),
                               object{{"order_line_id", text_of(*source, "id")}}, actor);
    if (!traced) return traced.take_error();
    // The order line counts what it has invoiced now that the link is there.
    auto counted =
        records.recompute_within(connection, layout_of(records, "order_line"), text_of(*source, "id"), actor);
    if (!counted) return counted.take_error();
  }
  return records.get_within(connection, invoices, id);
}

}  // namespace

Result<object> invoice_from_order(records::RecordService& records, storage::Connection& connection,
                                  std::string_view order_id, const records::Actor& actor) {
  return invoice_open_lines(records, connection, order_id, nullptr, object{}, actor);
}

Result<object> invoice_from_delivery(records::RecordService& records, storage::Connection& connection,
                                     std::string_view delivery_id, const records::Actor& actor) {
  const auto& invoices = layout_of(records, "invoice");
  auto delivery = records.get_within(connection, layout_of(records, "delivery"), delivery_id);
  if (!delivery) return delivery;
  const std::string status = text_of(*delivery, "status");
  if (status != "shipped" && status != "delivered") {
    return conflict(
        "status", "DELIVERY_NOT_SHIPPED",
        fmt::format("delivery {} is {}: what is shipped is invoiced", text_of(*delivery, "number"), status));
  }
  auto billed = connection.query(
      fmt::format("SELECT {} FROM {} WHERE {} = ? AND {} <> 'cancelled' AND archived_at IS NULL",
                  invoices.find_field("number")->columns[0].name, invoices.entity().table,
                  invoices.find_field("delivery")->columns[0].name, invoices.find_field("status")->columns[0].name),
      {std::string(delivery_id)});
  if (!billed) return billed.take_error();
  if (!billed->empty()) {
    return conflict(
        "delivery_id", "ALREADY_CONVERTED",
        fmt::format("delivery {} is invoiced by {}", text_of(*delivery, "number"), billed->rows[0][0].text()));
  }
  // What this delivery carried of each order line.
  const auto& delivery_lines = layout_of(records, "delivery_line");
  auto carried = records.live_rows_within(connection, delivery_lines,
                                          delivery_lines.find_field("delivery")->columns[0].name + " = ?",
                                          {std::string(delivery_id)});
  if (!carried) return carried.take_error();
  std::map<std::string, Decimal> limit;
  for (const auto& value : *carried) {
    const auto& line = value.as_object();
    auto& sum = limit[text_of(line, "order_line_id")];
    sum = sum.plus(Decimal::parse(text_of(line, "quantity")).value_or(Decimal())).value_or(sum);
  }
  return invoice_open_lines(records, connection, text_of(*delivery, "sales_order_id"), &limit,
                            object{{"delivery_id", std::string(delivery_id)}}, actor);
}

Result<object> delivery_for(records::RecordService& records, storage::Connection& connection, std::string_view order_id,
                            const boost::json::array& wanted, const object& given, const records::Actor& actor) {
  auto order = records.get_within(connection, layout_of(records, "sales_order"), order_id);
  if (!order) return order;
  auto lines = document_lines(records, connection, kOrderDocument, order_id);
  if (!lines) return lines.take_error();
  std::vector<std::pair<std::string, std::string>> carried;  // order line id, quantity
  Error problems{ErrorCode::validation_failed, "the lines to deliver are not valid", {}};
  for (std::size_t index = 0; index < wanted.size(); ++index) {
    const auto* entry = wanted[index].if_object();
    const std::string id = entry ? text_of(*entry, "order_line_id") : std::string();
    const bool ours =
        std::any_of(lines->begin(), lines->end(), [&](const object& line) { return text_of(line, "id") == id; });
    const auto quantity = entry ? Decimal::parse(text_of(*entry, "quantity")) : std::nullopt;
    if (!ours)
      problems.fields.push_back(
          {fmt::format("lines[{}].order_line_id", index), "LINK_NOT_FOUND", "a line of this order"});
    if (!quantity || quantity->is_zero() || quantity->is_negative())
      problems.fields.push_back({fmt::format("lines[{}].quantity", index), "FIELD_OUT_OF_RANGE", "more than 0"});
    if (ours && quantity && !quantity->is_zero() && !quantity->is_negative())
      carried.emplace_back(id, quantity->to_string());
  }
  if (!problems.fields.empty()) return problems;
  if (wanted.empty()) {
    for (const auto& line : *lines) {
      const Decimal ordered = Decimal::parse(text_of(line, "quantity")).value_or(Decimal());
      const Decimal delivered = Decimal::parse(text_of(line, "delivered_quantity")).value_or(Decimal());
      const Decimal rest = ordered.minus(delivered).value_or(Decimal());
      if (!rest.is_zero() && !rest.is_negative()) carried.emplace_back(text_of(line, "id"), rest.to_string());
    }
    if (carried.empty()) {
      return conflict("sales_order_id", "NOTHING_TO_DELIVER",
                      fmt::format("order {} is delivered in full", text_of(*order, "number")));
    }
  }
  object header{{"sales_order_id", std::string(order_id)}};
  copy(header, given, {"scheduled_date", "carrier", "tracking_number", "delivery_address", "notify_email"});
  auto delivery = records.create_within(connection, layout_of(records, "delivery"), header, actor);
  if (!delivery) return delivery;
  const std::string id = text_of(*delivery, "id");
  for (const auto& [order_line, quantity] : carried) {
    auto created = records.create_within(
        connection, layout_of(records, "delivery_line"),
        object{{"delivery_id", id}, {"order_line_id", order_line}, {"quantity", quantity}}, actor);
    if (!created) return created.take_error();
  }
  return records.get_within(connection, layout_of(records, "delivery"), id);
}

Result<object> credit_note_for(records::RecordService& records, storage::Connection& connection,
                               std::string_view invoice_id, const boost::json::array& wanted, const std::string& reason,
                               const records::Actor& actor) {
  const auto& invoices = layout_of(records, "invoice");
  auto invoice = records.get_within(connection, invoices, invoice_id);
  if (!invoice) return invoice;
  const std::string status = text_of(*invoice, "status");
  if (text_of(*invoice, "kind") != "invoice" || status == "draft" || status == "cancelled") {
    return conflict(
        "status", "INVOICE_NOT_ISSUED",
        fmt::format("invoice {} is {}: only an issued invoice is credited", text_of(*invoice, "number"), status));
  }
  auto lines = document_lines(records, connection, kInvoiceDocument, invoice_id);
  if (!lines) return lines.take_error();
  // Which lines, and how much of each: all of every line unless some are named.
  std::vector<std::pair<const object*, std::string>> credited;
  Error problems{ErrorCode::validation_failed, "the lines to credit are not valid", {}};
  for (std::size_t index = 0; index < wanted.size(); ++index) {
    const auto* entry = wanted[index].if_object();
    const std::string at = fmt::format("lines[{}]", index);
    const object* line = nullptr;
    if (entry) {
      for (const auto& candidate : *lines) {
        if (text_of(candidate, "id") == text_of(*entry, "invoice_line_id")) line = &candidate;
      }
    }
    if (!line) {
      problems.fields.push_back({at + ".invoice_line_id", "LINK_NOT_FOUND", "a line of this invoice"});
      continue;
    }
    const auto quantity = Decimal::parse(text_of(*entry, "quantity"));
    const auto most = Decimal::parse(text_of(*line, "quantity")).value_or(Decimal());
    if (!quantity || quantity->is_zero() || quantity->is_negative() || *quantity > most) {
      problems.fields.push_back({at + ".quantity", "FIELD_OUT_OF_RANGE",
                                 fmt::format("more than 0 and at most the invoiced {}", most.to_string())});
      continue;
    }
    credited.emplace_back(line, quantity->to_string());
  }
  if (!problems.fields.empty()) return problems;
  if (wanted.empty()) {
    for (const auto& line : *lines) credited.emplace_back(&line, text_of(line, "quantity"));
  }
  object header{{"kind", "credit_note"}, {"credited_invoice_id", std::string(invoice_id)}};
  copy(header, *invoice,
       {"account_id", "contact_id", "currency", "price_list_id", "sales_order_id", "customer_reference"});
  if (!reason.empty()) header["notes"] = reason;
  auto note = records.create_within(connection, invoices, header, actor);
  if (!note) return note;
  const std::string id = text_of(*note, "id");
  for (const auto& [source, quantity] : credited) {
    auto created = records.create_within(connection, layout_of(records, "invoice_line"),
                                         carried_line("invoice", id, *source, quantity), actor);
    if (!created) return created.take_error();
  }
  return records.get_within(connection, invoices, id);
}

Result<object> resolve_claim(records::RecordService& records, storage::Connection& connection,
                             std::string_view claim_id, const std::string& resolution, const records::Actor& actor) {
  const auto& claims = layout_of(records, "claim");
  auto claim = records.get_within(connection, claims, claim_id);
  if (!claim) return claim;
  if (text_of(*claim, "status") != "accepted") {
    return conflict("status", "CLAIM_NOT_ACCEPTED",
                    fmt::format("claim {} is {}: an accepted claim is settled", text_of(*claim, "number"),
                                text_of(*claim, "status")));
  }
  const auto& claim_lines = layout_of(records, "claim_line");
  auto ids =
      connection.query(fmt::format("SELECT id FROM {} WHERE {} = ? AND archived_at IS NULL ORDER BY created_at, id",
                                   claim_lines.entity().table, claim_lines.find_field("claim")->columns[0].name),
                       {std::string(claim_id)});
  if (!ids) return ids.take_error();
  std::vector<object> lines;  // the claim's lines with the invoice lines they claim
  for (const auto& row : ids->rows) {
    auto line = records.get_within(connection, claim_lines, row[0].text());
    if (!line) return line.take_error();
    auto invoiced =
        records.get_within(connection, layout_of(records, "invoice_line"), text_of(*line, "invoice_line_id"));
    if (!invoiced) return invoiced.take_error();
    (*invoiced)["claimed_quantity"] = text_of(*line, "quantity");
    lines.push_back(std::move(*invoiced));
  }
  const bool needs_lines = resolution == "credit" || resolution == "replacement" || resolution == "reorder";
  if (needs_lines && lines.empty()) {
    return Error{ErrorCode::validation_failed,
                 "the claim has no lines to settle",
                 {{"resolution", "CLAIM_WITHOUT_LINES", "credit, replacement and re-order settle the claim's lines"}}};
  }
  std::string settled_with;
  const std::string reason = fmt::format("Claim {}", text_of(*claim, "number"));
  if (resolution == "credit") {
    boost::json::array wanted;
    for (const auto& line : lines) {
      wanted.push_back(
          object{{"invoice_line_id", text_of(line, "id")}, {"quantity", text_of(line, "claimed_quantity")}});
    }
    auto note = credit_note_for(records, connection, text_of(*claim, "invoice_id"), wanted, reason, actor);
    if (!note) return note;
    settled_with = text_of(*note, "number");
  } else if (resolution == "replacement" || resolution == "reorder") {
    auto invoice = records.get_within(connection, layout_of(records, "invoice"), text_of(*claim, "invoice_id"));
    if (!invoice) return invoice;
    object header{{"notes", reason}};
    copy(header, *invoice, {"account_id", "contact_id", "currency", "price_list_id", "payment_terms", "payment_days"});
    auto order = records.create_within(connection, layout_of(records, "sales_order"), header, actor);
    if (!order) return order;
    for (const auto& line : lines) {
      object carried = carried_line("sales_order", text_of(*order, "id"), line, text_of(line, "claimed_quantity"));
      carried.erase("position");
      // A replacement is free of charge; a re-order is sold again at the invoice's price.
      if (resolution == "replacement") {
        carried["manual_unit_price"] = money_value("0", text_of(*invoice, "currency"));
        carried.erase("manual_discount");
      }
      auto created = records.create_within(connection, layout_of(records, "order_line"), carried, actor);
      if (!created) return created.take_error();
    }
    settled_with = text_of(*order, "number");
  } else if (resolution == "repair" || resolution == "reimbursement") {
    object task{
        {"title", resolution == "repair" ? fmt::format("Repair the goods of claim {}", text_of(*claim, "number"))
                                         : fmt::format("Reimburse the charge of claim {}", text_of(*claim, "number"))},
        {"kind", "task"},
        {"priority", "high"},
        {"parent", object{{"entity", "claim"}, {"id", std::string(claim_id)}}}};
    auto created = records.create_within(connection, layout_of(records, "task"), task, actor);
    if (!created) return created.take_error();
    settled_with = "task " + text_of(*created, "id");
  } else {
    return Error{ErrorCode::validation_failed,
                 "unknown resolution",
                 {{"resolution", "FIELD_INVALID_ENUM", "credit, replacement, reorder, repair or reimbursement"}}};
  }
  return system_write(records, connection, "claim", claim_id,
                      object{{"status", "resolved"}, {"resolution", resolution}, {"resolved_with", settled_with}},
                      actor);
}

}  // namespace atrium::sales::conversions
