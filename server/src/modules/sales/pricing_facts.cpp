#include "atrium/sales/pricing_facts.hpp"

#include <fmt/format.h>

#include <map>

#include "record_fields.hpp"

namespace atrium::sales {

namespace {

std::optional<Decimal> decimal_of(const boost::json::object& record, std::string_view field) {
  const auto* value = record.if_contains(field);
  if (!value || !value->is_string()) return std::nullopt;
  return Decimal::parse(value->as_string());
}

// A money field: its amount and currency, when set.
std::optional<std::pair<Decimal, std::string>> money_of(const boost::json::object& record, std::string_view field) {
  const auto* value = record.if_contains(field);
  if (!value || !value->is_object()) return std::nullopt;
  const auto& money = value->as_object();
  auto amount = decimal_of(money, "amount");
  if (!amount) return std::nullopt;
  return std::pair{*amount, text_of(money, "currency")};
}

std::optional<PriceRate> rate_of(const boost::json::object& record) {
  auto price = money_of(record, "unit_price");
  if (!price) return std::nullopt;
  return PriceRate{text_of(record, "id"), decimal_of(record, "min_quantity").value_or(Decimal()), price->first,
                   price->second, Validity{text_of(record, "valid_from"), text_of(record, "valid_to")}};
}

RuleScope scope_of(const boost::json::object& record) {
  return RuleScope{text_of(record, "account_id"), text_of(record, "product_id"), text_of(record, "product_group")};
}

ApprovalState state_of(std::string_view status) {
  if (status == "approved") return ApprovalState::approved;
  if (status == "rejected") return ApprovalState::rejected;
  if (status == "pending") return ApprovalState::pending;
  return ApprovalState::none;
}

}  // namespace

Result<boost::json::array> PricingFactsReader::all(storage::Connection& connection, std::string_view entity,
                                                   const std::string& condition, const storage::Params& params) {
  const records::EntityLayout* layout = records_.by_name(entity);
  if (!layout) return make_error(ErrorCode::internal_error, fmt::format("the entity {} is not defined", entity));
  // "{field}" in the condition names a field's column.
  std::string sql = condition;
  for (std::size_t open = sql.find('{'); open != std::string::npos; open = sql.find('{', open)) {
    const std::size_t close = sql.find('}', open);
    const std::string column = column_of(*layout, std::string_view(sql).substr(open + 1, close - open - 1));
    sql.replace(open, close - open + 1, column);
    open += column.size();
  }
  return records_.live_rows_within(connection, *layout, sql, params);
}

Result<PricingFacts> PricingFactsReader::read(storage::Connection& connection, const boost::json::object& account,
                                              const boost::json::object& product) {
  PricingFacts facts;
  facts.account_id = text_of(account, "id");
  facts.sales_type = text_of(account, "sales_type");
  facts.account_price_list_id = text_of(account, "price_list_id");
  const auto* exempt = account.if_contains("tax_exempt");
  facts.tax_exempt = exempt && exempt->is_bool() && exempt->as_bool();
  facts.product_id = text_of(product, "id");
  facts.product_group = text_of(product, "product_group");
  if (auto price = money_of(product, "list_price")) {
    facts.list_price = price->first;
    facts.list_price_currency = price->second;
  }
  const std::string& account_id = facts.account_id;
  const std::string& product_id = facts.product_id;

  // The product's rates, grouped under their lists.
  auto rates = all(connection, "price_list_rate", "{product} = ?", {product_id});
  if (!rates) return rates.take_error();
  std::map<std::string, std::vector<PriceRate>> rates_by_list;
  for (const auto& row : *rates) {
    if (auto rate = rate_of(row.as_object())) rates_by_list[text_of(row.as_object(), "price_list_id")].push_back(*rate);
  }
  auto lists = all(connection, "price_list", "1 = 1", {});
  if (!lists) return lists.take_error();
  for (const auto& row : *lists) {
    const auto& list = row.as_object();
    auto found = rates_by_list.find(text_of(list, "id"));
    facts.price_lists.push_back(PriceList{text_of(list, "id"), text_of(list, "name"), text_of(list, "sales_type"),
                                          text_of(list, "currency"),
                                          found == rates_by_list.end() ? std::vector<PriceRate>{} : found->second});
  }

  auto customer = all(connection, "customer_price", "{account} = ? AND {product} = ?", {account_id, product_id});
  if (!customer) return customer.take_error();
  for (const auto& row : *customer) {
    if (auto rate = rate_of(row.as_object())) facts.customer_prices.push_back(*rate);
  }

  auto specials = all(connection, "special_price", "{product} = ? AND ({account} = ? OR {account} IS NULL)",
                      {product_id, account_id});
  if (!specials) return specials.take_error();
  for (const auto& row : *specials) {
    const auto& record = row.as_object();
    auto price = money_of(record, "unit_price");
    if (!price) continue;
    SpecialPrice special;
    special.id = text_of(record, "id");
    special.account_id = text_of(record, "account_id");
    special.unit_price = price->first;
    special.currency = price->second;
    special.min_quantity = decimal_of(record, "min_quantity");
    special.valid_until = text_of(record, "valid_until");
    if (auto value = money_of(record, "min_line_value")) special.min_line_value = value->first;
    facts.special_prices.push_back(std::move(special));
  }
  // The latest approval of each special price decides whether it may be used.
  for (auto& special : facts.special_prices) {
    auto approval = connection.query(
        "SELECT id, status FROM approvals WHERE entity = 'special_price' AND record_id = ? "
        "ORDER BY requested_at DESC, id DESC LIMIT 1",
        {special.id});
    if (!approval) return approval.take_error();
    if (!approval->rows.empty()) {
      special.approval_id = approval->rows[0][0].text();
      special.approval = state_of(approval->rows[0][1].text());
    }
  }

  // Rules for this customer or everyone, this product or any, this group or any.
  std::string rules = "({account} = ? OR {account} IS NULL) AND ({product} = ? OR {product} IS NULL) AND ";
  storage::Params rule_params{account_id, product_id};
  if (facts.product_group.empty()) {
    rules += "({product_group} IS NULL OR {product_group} = '')";
  } else {
    rules += "({product_group} = ? OR {product_group} IS NULL OR {product_group} = '')";
    rule_params.emplace_back(facts.product_group);
  }
  auto discounts = all(connection, "discount_rule", rules, rule_params);
  if (!discounts) return discounts.take_error();
  for (const auto& row : *discounts) {
    const auto& record = row.as_object();
    auto percent = decimal_of(record, "percent");
    if (!percent) continue;
    facts.discounts.push_back(DiscountRule{text_of(record, "id"), text_of(record, "name"), scope_of(record), *percent,
                                           decimal_of(record, "min_quantity"),
                                           Validity{text_of(record, "valid_from"), text_of(record, "valid_to")}});
  }
  auto taxes = all(connection, "tax_rule", rules, rule_params);
  if (!taxes) return taxes.take_error();
  for (const auto& row : *taxes) {
    const auto& record = row.as_object();
    auto rate = decimal_of(record, "rate");
    if (!rate) continue;
    facts.taxes.push_back(TaxRule{text_of(record, "id"), text_of(record, "name"), scope_of(record), *rate,
                                  Validity{text_of(record, "valid_from"), text_of(record, "valid_to")}});
  }
  return facts;
}

}  // namespace atrium::sales
