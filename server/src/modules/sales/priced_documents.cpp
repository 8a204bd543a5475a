// Lines of sales documents priced by the one pricing function, and the documents' totals
// over their lines: both are computers of the record service, so a line is stored,
// audited and answered with its price, and its document with its totals, in the write's
// transaction.
#include "priced_documents.hpp"

#include <fmt/format.h>

#include <stdexcept>

#include "atrium/core/currency.hpp"
#include "atrium/core/decimal.hpp"
#include "atrium/sales/pricing.hpp"
#include "atrium/sales/pricing_facts.hpp"
#include "record_fields.hpp"

namespace atrium::sales {

namespace {

// The pricing function's field names are the request's; on a line they are these.
std::string line_field(std::string_view pricing_field) {
  if (pricing_field == "unit_price") return "manual_unit_price";
  if (pricing_field == "discount") return "manual_discount";
  return std::string(pricing_field) == "product" ? "product_id" : std::string(pricing_field);
}

std::string link_id(const PricedDocumentKind& kind) {
  return std::string(kind.link) + "_id";
}

}  // namespace

const records::EntityLayout& layout_of(records::RecordService& records, std::string_view entity) {
  const records::EntityLayout* layout = records.by_name(entity);
  if (!layout) throw std::logic_error(fmt::format("the {} definition is missing", entity));
  return *layout;
}

boost::json::object money_value(const std::string& amount, const std::string& currency) {
  return {{"amount", amount}, {"currency", currency}};
}

Result<std::vector<std::string>> document_line_ids(records::RecordService& records, storage::Connection& connection,
                                                   const PricedDocumentKind& kind, std::string_view document_id) {
  const auto& lines = layout_of(records, kind.line);
  auto rows =
      connection.query(fmt::format("SELECT id FROM {} WHERE {} = ? AND archived_at IS NULL "
                                   "ORDER BY {}, created_at, id",
                                   lines.entity().table, column_of(lines, kind.link), column_of(lines, "position")),
                       {document_id});
  if (!rows) return rows.take_error();
  std::vector<std::string> ids;
  for (const auto& row : rows->rows) ids.push_back(row[0].text());
  return ids;
}

Result<std::vector<boost::json::object>> document_lines(records::RecordService& records,
                                                        storage::Connection& connection, const PricedDocumentKind& kind,
                                                        std::string_view document_id) {
  auto ids = document_line_ids(records, connection, kind, document_id);
  if (!ids) return ids.take_error();
  std::vector<boost::json::object> lines;
  const auto& layout = layout_of(records, kind.line);
  for (const auto& id : *ids) {
    auto line = records.get_within(connection, layout, id);
    if (!line) return line.take_error();
    lines.push_back(std::move(*line));
  }
  return lines;
}

Result<void> reprice_lines(records::RecordService& records, storage::Connection& connection,
                           const PricedDocumentKind& kind, std::string_view document_id, const records::Actor& actor) {
  auto ids = document_line_ids(records, connection, kind, document_id);
  if (!ids) return ids.take_error();
  const auto& lines = layout_of(records, kind.line);
  for (const auto& id : *ids) {
    auto repriced = records.recompute_within(connection, lines, id, actor);
    if (!repriced) return repriced.take_error();
  }
  return {};
}

bool pricing_inputs_changed(const boost::json::object& before, const boost::json::object& after,
                            const PricedDocumentKind& kind) {
  const std::string date(kind.date_field);
  for (std::string_view field : {std::string_view("account_id"), std::string_view(date), std::string_view("currency"),
                                 std::string_view("price_list_id")}) {
    const auto* was = before.if_contains(field);
    const auto* is = after.if_contains(field);
    if ((was == nullptr) != (is == nullptr) || (was && *was != *is)) return true;
  }
  return false;
}

Result<boost::json::object> priced_line_values(records::RecordService& records, storage::Connection& connection,
                                               const PricedDocumentKind& kind, const boost::json::object& line) {
  auto document = records.get_within(connection, layout_of(records, kind.document), text_of(line, link_id(kind)));
  if (!document) return document.take_error();
  auto account = records.get_within(connection, layout_of(records, "account"), text_of(*document, "account_id"));
  if (!account) return account.take_error();
  auto product = records.get_within(connection, layout_of(records, "product"), text_of(line, "product_id"));
  if (!product) return product.take_error();

  PriceRequest request;
  request.quantity = Decimal::parse(text_of(line, "quantity")).value_or(Decimal());
  request.date = text_of(*document, kind.date_field);
  if (request.date.empty()) request.date = records.today();
  request.currency = text_of(*document, "currency");
  request.price_list_id = text_of(*document, "price_list_id");
  if (const auto* manual = line.if_contains("manual_unit_price"); manual && manual->is_object()) {
    if (text_of(manual->as_object(), "currency") != request.currency) {
      const std::string message = fmt::format("a price typed by hand is in the {}'s currency, {}",
                                              layout_of(records, kind.document).entity().label, request.currency);
      return Error{ErrorCode::validation_failed, message, {{"manual_unit_price", "CURRENCY_MISMATCH", message}}};
    }
    request.manual_unit_price = Decimal::parse(text_of(manual->as_object(), "amount"));
  }
  if (auto discount = text_of(line, "manual_discount"); !discount.empty())
    request.manual_discount = Decimal::parse(discount);

  auto facts = PricingFactsReader(records).read(connection, *account, *product);
  if (!facts) return facts.take_error();
  auto priced = price_line(*facts, request);
  if (!priced) {
    Error error = priced.take_error();
    for (auto& field : error.fields) field.field = line_field(field.field);
    return error;
  }
  boost::json::array explanation;
  for (const auto& step : priced->explanation) {
    explanation.push_back(boost::json::object{{"kind", step.kind},
                                              {"source", step.source},
                                              {"source_id", step.source_id},
                                              {"approval_id", step.approval_id},
                                              {"text", step.text}});
  }
  const int places = minor_unit(request.currency);
  boost::json::object values{{"unit_price", money_value(priced->unit_price.to_string(places), request.currency)},
                             {"discount_percent", priced->discount_percent.to_string()},
                             {"net_amount", money_value(priced->net_amount.to_string(places), request.currency)},
                             {"tax_rate", priced->tax_rate.to_string()},
                             {"tax_amount", money_value(priced->tax_amount.to_string(places), request.currency)},
                             {"line_total", money_value(priced->total.to_string(places), request.currency)},
                             {"price_source", priced->price_source},
                             {"pricing_explanation", std::move(explanation)}};
  if (text_of(line, "description").empty()) values["description"] = text_of(*product, "name").substr(0, 500);
  if (const auto* position = line.if_contains("position"); !position || position->is_null()) {
    // The next position after the lines there are: the order a user added them in.
    const auto& lines = layout_of(records, kind.line);
    auto last =
        connection.query(fmt::format("SELECT COALESCE(MAX({}), 0) FROM {} WHERE {} = ? AND id <> ?",
                                     column_of(lines, "position"), lines.entity().table, column_of(lines, kind.link)),
                         {text_of(line, link_id(kind)), text_of(line, "id")});
    if (!last) return last.take_error();
    values["position"] = last->rows[0][0].integer() + 1;
  }
  return values;
}

Result<boost::json::object> document_totals(records::RecordService& records, storage::Connection& connection,
                                            const PricedDocumentKind& kind, const boost::json::object& document) {
  const auto& lines = layout_of(records, kind.line);
  auto sums = connection.query(
      // PostgreSQL sums BIGINT as NUMERIC: cast back, the amounts are far below its range.
      fmt::format("SELECT COUNT(*), CAST(COALESCE(SUM({}), 0) AS BIGINT), CAST(COALESCE(SUM({}), 0) AS BIGINT), "
                  "CAST(COALESCE(SUM({}), 0) AS BIGINT), COALESCE(MAX({}), 0) FROM {} WHERE {} = ? AND "
                  "archived_at IS NULL",
                  column_of(lines, "net_amount"), column_of(lines, "tax_amount"), column_of(lines, "line_total"),
                  column_of(lines, "discount_percent"), lines.entity().table, column_of(lines, kind.link)),
      {text_of(document, "id")});
  if (!sums) return sums.take_error();
  const auto& row = sums->rows[0];
  const std::string currency = text_of(document, "currency");
  const int places = minor_unit(currency);
  Decimal net = stored_money(row[1].integer());
  Decimal tax = stored_money(row[2].integer());
  Decimal total = stored_money(row[3].integer());
  if (kind.has_charges) {
    // Charges are net amounts taxed at one rate of their own (often none: an export).
    Decimal charges;
    for (std::string_view field : {"freight", "insurance", "customs"}) {
      charges = charges.plus(money_amount(document, field)).value_or(charges);
    }
    const Decimal rate = Decimal::parse(text_of(document, "charges_tax_rate")).value_or(Decimal());
    const Decimal charges_tax = charges.percent_of(rate).value_or(Decimal()).rounded(places);
    net = net.plus(charges).value_or(net);
    tax = tax.plus(charges_tax).value_or(tax);
    total = total.plus(charges).value_or(total).plus(charges_tax).value_or(total);
  }
  // Percentages are stored by their field's scale (2 here).
  boost::json::object values{{"line_count", row[0].integer()},
                             {"net_total", money_value(net.to_string(places), currency)},
                             {"tax_total", money_value(tax.to_string(places), currency)},
                             {"total", money_value(total.to_string(places), currency)},
                             {"max_discount", format_scaled(row[4].integer(), 2, 2)}};
  if (text_of(document, kind.date_field).empty()) values[kind.date_field] = records.today();
  return values;
}

}  // namespace atrium::sales
