// Quotation lines priced by the one pricing function, and the quotation's totals over
// its lines: both are computers of the record service, so a line is stored, audited and
// answered with its price, and the quotation with its totals, in the write's transaction.
#include <fmt/format.h>

#include "atrium/core/currency.hpp"
#include "atrium/core/decimal.hpp"
#include "atrium/sales/pricing.hpp"
#include "atrium/sales/pricing_facts.hpp"
#include "quotation_parts.hpp"
#include "record_fields.hpp"

namespace atrium::sales::quotations {

namespace {

const records::EntityLayout& layout_of(records::RecordService& records, std::string_view entity) {
  const records::EntityLayout* layout = records.by_name(entity);
  if (!layout) throw std::logic_error(fmt::format("the {} definition is missing", entity));
  return *layout;
}

boost::json::object money(Decimal amount, const std::string& currency) {
  return {{"amount", amount.to_string(minor_unit(currency))}, {"currency", currency}};
}

// The pricing function's field names are the request's; on a line they are these.
std::string line_field(std::string_view pricing_field) {
  if (pricing_field == "unit_price") return "manual_unit_price";
  if (pricing_field == "discount") return "manual_discount";
  return std::string(pricing_field) == "product" ? "product_id" : std::string(pricing_field);
}

// A column of a field, for the SQL that sums lines.
std::string column(const records::EntityLayout& layout, std::string_view field, std::size_t part = 0) {
  return layout.find_field(field)->columns.at(part).name;
}

}  // namespace

Result<std::vector<std::string>> line_ids(records::RecordService& records, storage::Connection& connection,
                                          std::string_view quotation_id) {
  const auto& lines = layout_of(records, "quotation_line");
  auto rows = connection.query(fmt::format("SELECT id FROM {} WHERE {} = ? AND archived_at IS NULL "
                                           "ORDER BY {}, created_at, id",
                                           lines.entity().table, column(lines, "quotation"), column(lines, "position")),
                               {quotation_id});
  if (!rows) return rows.take_error();
  std::vector<std::string> ids;
  for (const auto& row : rows->rows) ids.push_back(row[0].text());
  return ids;
}

Result<boost::json::object> price_line_values(records::RecordService& records, storage::Connection& connection,
                                              const boost::json::object& line) {
  auto quotation = records.get_within(connection, layout_of(records, "quotation"), text_of(line, "quotation_id"));
  if (!quotation) return quotation.take_error();
  auto account = records.get_within(connection, layout_of(records, "account"), text_of(*quotation, "account_id"));
  if (!account) return account.take_error();
  auto product = records.get_within(connection, layout_of(records, "product"), text_of(line, "product_id"));
  if (!product) return product.take_error();

  PriceRequest request;
  request.quantity = Decimal::parse(text_of(line, "quantity")).value_or(Decimal());
  request.date = text_of(*quotation, "quotation_date");
  if (request.date.empty()) request.date = records.today();
  request.currency = text_of(*quotation, "currency");
  request.price_list_id = text_of(*quotation, "price_list_id");
  if (const auto* manual = line.if_contains("manual_unit_price"); manual && manual->is_object()) {
    if (text_of(manual->as_object(), "currency") != request.currency) {
      const std::string message =
          fmt::format("a price typed by hand is in the quotation's currency, {}", request.currency);
      return Error{ErrorCode::validation_failed, message, {{"manual_unit_price", "CURRENCY_MISMATCH", message}}};
    }
    request.manual_unit_price = Decimal::parse(text_of(manual->as_object(), "amount"));
  }
  if (auto discount = text_of(line, "manual_discount"); !discount.empty())
    request.manual_discount = Decimal::parse(discount);

  auto facts = PricingFactsReader(records).read(*account, *product);
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
  boost::json::object values{{"unit_price", money(priced->unit_price, request.currency)},
                             {"discount_percent", priced->discount_percent.to_string()},
                             {"net_amount", money(priced->net_amount, request.currency)},
                             {"tax_rate", priced->tax_rate.to_string()},
                             {"tax_amount", money(priced->tax_amount, request.currency)},
                             {"line_total", money(priced->total, request.currency)},
                             {"price_source", priced->price_source},
                             {"pricing_explanation", std::move(explanation)}};
  if (text_of(line, "description").empty()) values["description"] = text_of(*product, "name").substr(0, 500);
  if (const auto* position = line.if_contains("position"); !position || position->is_null()) {
    // The next position after the lines there are: the order a user added them in.
    const auto& lines = layout_of(records, "quotation_line");
    auto last =
        connection.query(fmt::format("SELECT COALESCE(MAX({}), 0) FROM {} WHERE {} = ? AND id <> ?",
                                     column(lines, "position"), lines.entity().table, column(lines, "quotation")),
                         {text_of(line, "quotation_id"), text_of(line, "id")});
    if (!last) return last.take_error();
    values["position"] = last->rows[0][0].integer() + 1;
  }
  return values;
}

Result<boost::json::object> totals_values(records::RecordService& records, storage::Connection& connection,
                                          const boost::json::object& quotation) {
  const auto& lines = layout_of(records, "quotation_line");
  auto sums = connection.query(
      // PostgreSQL sums BIGINT as NUMERIC: cast back, the amounts are far below its range.
      fmt::format("SELECT COUNT(*), CAST(COALESCE(SUM({}), 0) AS BIGINT), CAST(COALESCE(SUM({}), 0) AS BIGINT), "
                  "CAST(COALESCE(SUM({}), 0) AS BIGINT), COALESCE(MAX({}), 0) FROM {} WHERE {} = ? AND "
                  "archived_at IS NULL",
                  column(lines, "net_amount"), column(lines, "tax_amount"), column(lines, "line_total"),
                  column(lines, "discount_percent"), lines.entity().table, column(lines, "quotation")),
      {text_of(quotation, "id")});
  if (!sums) return sums.take_error();
  const auto& row = sums->rows[0];
  const std::string currency = text_of(quotation, "currency");
  // Money is stored scaled by 10^4 and percentages by their field's scale (2 here).
  auto amount = [&](std::size_t index) {
    return boost::json::object{{"amount", format_scaled(row[index].integer(), 4, minor_unit(currency))},
                               {"currency", currency}};
  };
  boost::json::object values{{"line_count", row[0].integer()},
                             {"net_total", amount(1)},
                             {"tax_total", amount(2)},
                             {"total", amount(3)},
                             {"max_discount", format_scaled(row[4].integer(), 2, 2)}};
  if (text_of(quotation, "quotation_date").empty()) values["quotation_date"] = records.today();
  return values;
}

}  // namespace atrium::sales::quotations
