// Every pricing rule and its precedence, as a table: one base set of facts, and per case
// what changes and what the price, the amounts and the deciding record must be.
#include "atrium/sales/pricing.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

namespace atrium::sales {
namespace {

Decimal d(const char* text) {
  return Decimal::parse(text).value();
}

PriceRate rate(const char* id, const char* min_quantity, const char* price, const char* from = "", const char* to = "",
               const char* currency = "EUR") {
  return PriceRate{id, d(min_quantity), d(price), currency, Validity{from, to}};
}

SpecialPrice special(const char* id, const char* price, ApprovalState approval, const char* account = "acc-1") {
  SpecialPrice value;
  value.id = id;
  value.account_id = account;
  value.unit_price = d(price);
  value.currency = "EUR";
  value.approval = approval;
  value.approval_id = std::string("apv-") + id;
  return value;
}

DiscountRule discount(const char* id, const char* percent, RuleScope scope) {
  return DiscountRule{id, id, std::move(scope), d(percent), std::nullopt, {}};
}

// A domestic customer of valves: the domestic list has a break at 10 and a new rate from
// 2028; the export list is cheaper; discounts of 2% for everyone and 5% on valves; 19% tax.
PricingFacts base_facts() {
  PricingFacts facts;
  facts.account_id = "acc-1";
  facts.sales_type = "domestic";
  facts.product_id = "prd-1";
  facts.product_group = "valves";
  facts.list_price = d("100");
  facts.list_price_currency = "EUR";
  facts.price_lists = {
      PriceList{
          "pl-dom",
          "Domestic 2027",
          "domestic",
          "EUR",
          {rate("r-dom", "0", "90", "2027-01-01", "2027-12-31"),
           rate("r-dom-10", "10", "85", "2027-01-01", "2027-12-31"), rate("r-dom-2028", "0", "95", "2028-01-01")}},
      PriceList{"pl-exp", "Export", "export", "EUR", {rate("r-exp", "0", "80")}},
      PriceList{"pl-usd", "Dealers (USD)", "dealer", "USD", {rate("r-usd", "0", "110", "", "", "USD")}},
  };
  facts.discounts = {discount("d-all", "2", {}), discount("d-valves", "5", {"", "", "valves"})};
  facts.taxes = {TaxRule{"t-std", "standard", {}, d("19"), {}},
                 TaxRule{"t-books", "books", {"", "", "books"}, d("7"), {}}};
  return facts;
}

PriceRequest base_request() {
  return PriceRequest{d("1"), "2027-06-01", "EUR", "", std::nullopt, std::nullopt};
}

struct Case {
  const char* name;
  std::function<void(PricingFacts&, PriceRequest&)> change;
  // Expected: the source of the price and the record that decided it.
  const char* source;
  const char* decided_by;
  const char* unit_price;
  const char* discount_percent;
  const char* net_amount;
  const char* tax_amount;
  const char* total;
};

using F = PricingFacts;
using R = PriceRequest;

const std::vector<Case>& cases() {
  static const std::vector<Case> table = {
      // --- where the unit price comes from
      {"the price list of the customer's sales type", [](F&, R&) {}, "price_list", "r-dom", "90", "5", "85.5", "16.25",
       "101.75"},
      {"a quantity break", [](F&, R& r) { r.quantity = d("10"); }, "price_list", "r-dom-10", "85", "5", "807.5",
       "153.43", "960.93"},
      {"a break not reached keeps the lower rate", [](F&, R& r) { r.quantity = d("9.999"); }, "price_list", "r-dom",
       "90", "5", "854.91", "162.43", "1017.34"},
      {"the rate valid on the date", [](F&, R& r) { r.date = "2028-02-01"; }, "price_list", "r-dom-2028", "95", "5",
       "90.25", "17.15", "107.4"},
      {"the last day of a rate still counts", [](F&, R& r) { r.date = "2027-12-31"; }, "price_list", "r-dom", "90", "5",
       "85.5", "16.25", "101.75"},
      {"no rate on the date falls back to the list price", [](F&, R& r) { r.date = "2026-06-01"; }, "list_price",
       "prd-1", "100", "5", "95", "18.05", "113.05"},
      {"the list asked for beats the sales type", [](F&, R& r) { r.price_list_id = "pl-exp"; }, "price_list", "r-exp",
       "80", "5", "76", "14.44", "90.44"},
      {"the customer's own list beats the sales type", [](F& f, R&) { f.account_price_list_id = "pl-exp"; },
       "price_list", "r-exp", "80", "5", "76", "14.44", "90.44"},
      {"the list asked for beats the customer's own",
       [](F& f, R& r) {
         f.account_price_list_id = "pl-exp";
         r.price_list_id = "pl-dom";
       },
       "price_list", "r-dom", "90", "5", "85.5", "16.25", "101.75"},
      {"without a sales type the list price", [](F& f, R&) { f.sales_type.clear(); }, "list_price", "prd-1", "100", "5",
       "95", "18.05", "113.05"},
      {"the list of the sales type in the currency asked",
       [](F& f, R& r) {
         f.sales_type = "dealer";
         r.currency = "USD";
       },
       "price_list", "r-usd", "110", "5", "104.5", "19.86", "124.36"},
      {"a customer price beats the price list, without automatic discount",
       [](F& f, R&) { f.customer_prices = {rate("cp-1", "0", "70")}; }, "customer_price", "cp-1", "70", "0", "70",
       "13.3", "83.3"},
      {"a customer price's quantity break",
       [](F& f, R& r) {
         f.customer_prices = {rate("cp-1", "0", "70"), rate("cp-50", "50", "65")};
         r.quantity = d("60");
       },
       "customer_price", "cp-50", "65", "0", "3900", "741", "4641"},
      {"an expired customer price is passed over",
       [](F& f, R&) { f.customer_prices = {rate("cp-old", "0", "70", "2026-01-01", "2026-12-31")}; }, "price_list",
       "r-dom", "90", "5", "85.5", "16.25", "101.75"},
      {"an approved special price beats the customer price",
       [](F& f, R&) {
         f.customer_prices = {rate("cp-1", "0", "70")};
         f.special_prices = {special("sp-1", "60", ApprovalState::approved)};
       },
       "special_price", "sp-1", "60", "0", "60", "11.4", "71.4"},
      {"the lowest of two approved special prices",
       [](F& f, R&) {
         f.special_prices = {special("sp-1", "60", ApprovalState::approved),
                             special("sp-2", "55", ApprovalState::approved, "")};
       },
       "special_price", "sp-2", "55", "0", "55", "10.45", "65.45"},
      {"a pending special price is not usable",
       [](F& f, R&) { f.special_prices = {special("sp-1", "60", ApprovalState::pending)}; }, "price_list", "r-dom",
       "90", "5", "85.5", "16.25", "101.75"},
      {"a rejected special price is not usable",
       [](F& f, R&) { f.special_prices = {special("sp-1", "60", ApprovalState::rejected)}; }, "price_list", "r-dom",
       "90", "5", "85.5", "16.25", "101.75"},
      {"a special price never sent for approval is not usable",
       [](F& f, R&) { f.special_prices = {special("sp-1", "60", ApprovalState::none)}; }, "price_list", "r-dom", "90",
       "5", "85.5", "16.25", "101.75"},
      {"another customer's special price is ignored",
       [](F& f, R&) { f.special_prices = {special("sp-1", "60", ApprovalState::approved, "acc-2")}; }, "price_list",
       "r-dom", "90", "5", "85.5", "16.25", "101.75"},
      {"a special price below its minimum quantity",
       [](F& f, R&) {
         auto value = special("sp-1", "60", ApprovalState::approved);
         value.min_quantity = d("5");
         f.special_prices = {value};
       },
       "price_list", "r-dom", "90", "5", "85.5", "16.25", "101.75"},
      {"a special price at its minimum quantity",
       [](F& f, R& r) {
         auto value = special("sp-1", "60", ApprovalState::approved);
         value.min_quantity = d("5");
         f.special_prices = {value};
         r.quantity = d("5");
       },
       "special_price", "sp-1", "60", "0", "300", "57", "357"},
      {"a special price after its end",
       [](F& f, R&) {
         auto value = special("sp-1", "60", ApprovalState::approved);
         value.valid_until = "2027-05-31";
         f.special_prices = {value};
       },
       "price_list", "r-dom", "90", "5", "85.5", "16.25", "101.75"},
      {"a special price on its last day",
       [](F& f, R&) {
         auto value = special("sp-1", "60", ApprovalState::approved);
         value.valid_until = "2027-06-01";
         f.special_prices = {value};
       },
       "special_price", "sp-1", "60", "0", "60", "11.4", "71.4"},
      {"a special price below its minimum line value",
       [](F& f, R& r) {
         auto value = special("sp-1", "60", ApprovalState::approved);
         value.min_line_value = d("600");
         f.special_prices = {value};
         r.quantity = d("9");
       },
       "price_list", "r-dom", "90", "5", "769.5", "146.21", "915.71"},
      {"a special price at its minimum line value",
       [](F& f, R& r) {
         auto value = special("sp-1", "60", ApprovalState::approved);
         value.min_line_value = d("600");
         f.special_prices = {value};
         r.quantity = d("10");
       },
       "special_price", "sp-1", "60", "0", "600", "114", "714"},
      {"a price typed by hand beats everything and takes no automatic discount",
       [](F& f, R& r) {
         f.special_prices = {special("sp-1", "60", ApprovalState::approved)};
         r.manual_unit_price = d("50");
       },
       "manual_price", "", "50", "0", "50", "9.5", "59.5"},
      // --- discounts
      {"a discount typed by hand replaces the rules", [](F&, R& r) { r.manual_discount = d("12.5"); }, "price_list",
       "r-dom", "90", "12.5", "78.75", "14.96", "93.71"},
      {"a discount typed by hand applies to a special price too",
       [](F& f, R& r) {
         f.special_prices = {special("sp-1", "60", ApprovalState::approved)};
         r.manual_discount = d("10");
       },
       "special_price", "sp-1", "60", "10", "54", "10.26", "64.26"},
      {"the customer's rule beats a bigger group rule",
       [](F& f, R&) {
         f.discounts.push_back(discount("d-acc", "3", {"acc-1", "", ""}));
       },
       "price_list", "r-dom", "90", "3", "87.3", "16.59", "103.89"},
      {"customer and group beat the customer alone",
       [](F& f, R&) {
         f.discounts.push_back(discount("d-acc", "3", {"acc-1", "", ""}));
         f.discounts.push_back(discount("d-acc-valves", "7", {"acc-1", "", "valves"}));
       },
       "price_list", "r-dom", "90", "7", "83.7", "15.9", "99.6"},
      {"customer and product beat customer and group",
       [](F& f, R&) {
         f.discounts.push_back(discount("d-acc-valves", "7", {"acc-1", "", "valves"}));
         f.discounts.push_back(discount("d-acc-prd", "1", {"acc-1", "prd-1", ""}));
       },
       "price_list", "r-dom", "90", "1", "89.1", "16.93", "106.03"},
      {"a product rule beats a group rule",
       [](F& f, R&) {
         f.discounts.push_back(discount("d-prd", "4", {"", "prd-1", ""}));
       },
       "price_list", "r-dom", "90", "4", "86.4", "16.42", "102.82"},
      {"the highest of equally specific rules",
       [](F& f, R&) {
         f.discounts.push_back(discount("d-valves-2", "6", {"", "", "valves"}));
       },
       "price_list", "r-dom", "90", "6", "84.6", "16.07", "100.67"},
      {"another customer's rule does not apply",
       [](F& f, R&) {
         f.discounts.push_back(discount("d-other", "30", {"acc-2", "", ""}));
       },
       "price_list", "r-dom", "90", "5", "85.5", "16.25", "101.75"},
      {"a rule below its minimum quantity gives way",
       [](F& f, R&) {
         auto rule = discount("d-acc", "9", {"acc-1", "", ""});
         rule.min_quantity = d("2");
         f.discounts.push_back(rule);
       },
       "price_list", "r-dom", "90", "5", "85.5", "16.25", "101.75"},
      {"an expired rule gives way",
       [](F& f, R&) {
         auto rule = discount("d-acc", "9", {"acc-1", "", ""});
         rule.validity = {"2026-01-01", "2026-12-31"};
         f.discounts.push_back(rule);
       },
       "price_list", "r-dom", "90", "5", "85.5", "16.25", "101.75"},
      {"the general rule when nothing more specific applies", [](F& f, R&) { f.product_group = "pumps"; }, "price_list",
       "r-dom", "90", "2", "88.2", "16.76", "104.96"},
      // --- taxes
      {"a tax-exempt customer pays no tax", [](F& f, R&) { f.tax_exempt = true; }, "price_list", "r-dom", "90", "5",
       "85.5", "0", "85.5"},
      {"the group's tax rate", [](F& f, R&) { f.product_group = "books"; }, "price_list", "r-dom", "90", "2", "88.2",
       "6.17", "94.37"},
      {"a customer's tax rule beats the group's",
       [](F& f, R&) {
         f.product_group = "books";
         f.taxes.push_back(TaxRule{"t-acc", "reverse charge", {"acc-1", "", ""}, d("0"), {}});
       },
       "price_list", "r-dom", "90", "2", "88.2", "0", "88.2"},
      {"a new rate from its date",
       [](F& f, R&) {
         f.taxes.push_back(TaxRule{"t-new", "standard 2027", {}, d("20"), {"2027-01-01", ""}});
       },
       "price_list", "r-dom", "90", "5", "85.5", "17.1", "102.6"},
      // --- amounts and rounding
      {"a fractional quantity", [](F&, R& r) { r.quantity = d("2.5"); }, "price_list", "r-dom", "90", "5", "213.75",
       "40.61", "254.36"},
      {"yen have no minor unit",
       [](F& f, R& r) {
         f.sales_type.clear();
         f.list_price = d("1234");
         f.list_price_currency = "JPY";
         f.discounts.clear();
         f.taxes = {TaxRule{"t-jp", "consumption", {}, d("10"), {}}};
         r.currency = "JPY";
         r.quantity = d("3");
       },
       "list_price", "prd-1", "1234", "0", "3702", "370", "4072"},
      {"Swiss francs round to 0.05",
       [](F& f, R& r) {
         f.sales_type.clear();
         f.list_price = d("10.03");
         f.list_price_currency = "CHF";
         f.discounts.clear();
         f.taxes = {TaxRule{"t-ch", "MWST", {}, d("7.7"), {}}};
         r.currency = "CHF";
       },
       "list_price", "prd-1", "10.03", "0", "10.05", "0.75", "10.8"},
      {"the discount is rounded on its own",
       [](F&, R& r) {
         r.manual_unit_price = d("0.99");
         r.manual_discount = d("3");
         r.quantity = d("7");
       },
       "manual_price", "", "0.99", "3", "6.72", "1.28", "8"},
  };
  return table;
}

class PricingTable : public testing::TestWithParam<std::size_t> {};

TEST_P(PricingTable, PricesAndExplains) {
  const Case& row = cases().at(GetParam());
  SCOPED_TRACE(row.name);
  auto facts = base_facts();
  auto request = base_request();
  row.change(facts, request);
  auto line = price_line(facts, request);
  ASSERT_TRUE(line.ok()) << line.error().message;
  EXPECT_EQ(line->price_source, row.source);
  EXPECT_EQ(line->unit_price, d(row.unit_price));
  EXPECT_EQ(line->discount_percent, d(row.discount_percent));
  EXPECT_EQ(line->net_amount, d(row.net_amount)) << line->net_amount.to_string();
  EXPECT_EQ(line->tax_amount, d(row.tax_amount)) << line->tax_amount.to_string();
  EXPECT_EQ(line->total, d(row.total)) << line->total.to_string();
  // The explanation names the record that set the price.
  bool named = false;
  for (const auto& step : line->explanation) {
    if (step.kind == row.source) named = step.source_id == row.decided_by;
  }
  EXPECT_TRUE(named) << "no " << row.source << " step naming " << row.decided_by;
}

INSTANTIATE_TEST_SUITE_P(Rules, PricingTable, testing::Range<std::size_t>(0, cases().size()));

TEST(PricingTest, ExplainsWhyASpecialPriceWasPassedOver) {
  auto facts = base_facts();
  facts.special_prices = {special("sp-1", "60", ApprovalState::pending)};
  auto line = price_line(facts, base_request());
  ASSERT_TRUE(line.ok());
  bool explained = false;
  for (const auto& step : line->explanation) {
    if (step.kind == "skipped" && step.source_id == "sp-1") {
      explained = step.approval_id == "apv-sp-1" && step.text.find("pending") != std::string::npos;
    }
  }
  EXPECT_TRUE(explained);
}

TEST(PricingTest, AnApprovedSpecialPriceNamesItsApproval) {
  auto facts = base_facts();
  facts.special_prices = {special("sp-1", "60", ApprovalState::approved)};
  auto line = price_line(facts, base_request());
  ASSERT_TRUE(line.ok());
  EXPECT_EQ(line->explanation.front().approval_id, "apv-sp-1");
}

TEST(PricingTest, RefusesWhatCannotBePriced) {
  auto facts = base_facts();
  auto request = base_request();
  request.currency = "GBP";
  auto missing = price_line(facts, request);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().fields.at(0).code, "PRICE_NOT_FOUND");
  EXPECT_EQ(missing.error().fields.at(0).field, "product");

  request = base_request();
  request.quantity = d("0");
  EXPECT_EQ(price_line(facts, request).error().fields.at(0).code, "FIELD_TOO_SMALL");
  request = base_request();
  request.manual_discount = d("100.01");
  EXPECT_EQ(price_line(facts, request).error().fields.at(0).code, "FIELD_OUT_OF_RANGE");
  request = base_request();
  request.manual_unit_price = d("-1");
  EXPECT_EQ(price_line(facts, request).error().fields.at(0).code, "FIELD_TOO_SMALL");
  request = base_request();
  request.quantity = d("9000000000");
  request.manual_unit_price = d("9000");
  EXPECT_EQ(price_line(facts, request).error().fields.at(0).code, "AMOUNT_OUT_OF_RANGE");
}

}  // namespace
}  // namespace atrium::sales
