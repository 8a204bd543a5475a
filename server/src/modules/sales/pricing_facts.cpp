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

Result<boost::json::array> PricingFactsReader::all(std::string_view entity, const std::string& filter) {
  const records::EntityLayout* layout = records_.by_name(entity);
  if (!layout) return make_error(ErrorCode::internal_error, fmt::format("the entity {} is not defined", entity));
  records::ListQuery query;
  query.filter = filter;
  query.limit = records::kMaxPageSize;
  boost::json::array rows;
  do {
    auto page = records_.list(*layout, query);
    if (!page) return page.take_error();
    for (auto& row : page->data) rows.push_back(std::move(row));
    query.cursor = page->next_cursor.value_or("");
  } while (!query.cursor.empty());
  return rows;
}

Result<PricingFacts> PricingFactsReader::read(const boost::json::object& account, const boost::json::object& product) {
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
  const std::string account_id = filter_literal(facts.account_id);
  const std::string product_id = filter_literal(facts.product_id);

  // The product's rates, grouped under their lists.
  auto rates = all("price_list_rate", fmt::format("product eq {}", product_id));
  if (!rates) return rates.take_error();
  std::map<std::string, std::vector<PriceRate>> rates_by_list;
  for (const auto& row : *rates) {
    if (auto rate = rate_of(row.as_object())) rates_by_list[text_of(row.as_object(), "price_list_id")].push_back(*rate);
  }
  auto lists = all("price_list", "");
  if (!lists) return lists.take_error();
  for (const auto& row : *lists) {
    const auto& list = row.as_object();
    auto found = rates_by_list.find(text_of(list, "id"));
    facts.price_lists.push_back(PriceList{text_of(list, "id"), text_of(list, "name"), text_of(list, "sales_type"),
                                          text_of(list, "currency"),
                                          found == rates_by_list.end() ? std::vector<PriceRate>{} : found->second});
  }

  auto customer = all("customer_price", fmt::format("account eq {} and product eq {}", account_id, product_id));
  if (!customer) return customer.take_error();
  for (const auto& row : *customer) {
    if (auto rate = rate_of(row.as_object())) facts.customer_prices.push_back(*rate);
  }

  auto specials =
      all("special_price", fmt::format("product eq {} and (account eq {} or account empty)", product_id, account_id));
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
  if (!facts.special_prices.empty()) {
    ATRIUM_TRY(records_.database().read([&](storage::Connection& connection) -> Result<void> {
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
      return {};
    }));
  }

  // Rules for this customer or everyone, this product or any, this group or any.
  const std::string scope =
      fmt::format("(account eq {} or account empty) and (product eq {} or product empty)", account_id, product_id);
  const std::string group =
      facts.product_group.empty()
          ? std::string(" and product_group empty")
          : fmt::format(" and (product_group eq {} or product_group empty)", filter_literal(facts.product_group));
  auto discounts = all("discount_rule", scope + group);
  if (!discounts) return discounts.take_error();
  for (const auto& row : *discounts) {
    const auto& record = row.as_object();
    auto percent = decimal_of(record, "percent");
    if (!percent) continue;
    facts.discounts.push_back(DiscountRule{text_of(record, "id"), text_of(record, "name"), scope_of(record), *percent,
                                           decimal_of(record, "min_quantity"),
                                           Validity{text_of(record, "valid_from"), text_of(record, "valid_to")}});
  }
  auto taxes = all("tax_rule", scope + group);
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
