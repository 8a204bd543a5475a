#pragma once
// The one pricing function: what a product costs a customer on a date, in a quantity,
// with the explanation of every rule that decided it. It is pure: the facts (price
// lists, customer prices, special prices, discount and tax rules) are read beforehand
// (pricing_facts.hpp), so every rule and its precedence is tested as a table.
//
// The unit price comes from the first source that applies, in this order:
//   1. a price typed by hand on the line;
//   2. a special price: approved, for this customer or any, in the currency, and its
//      conditions met (minimum quantity, valid until, minimum line value); the lowest wins;
//   3. the customer's own price for the product (the highest quantity break reached,
//      then the latest start);
//   4. a price list: the one asked for, else the customer's, else the first of the
//      customer's sales type — its rate for the date and the highest quantity break
//      reached (then the latest start);
//   5. the product's list price.
// Automatic discounts apply to prices from 4 and 5 only: the others are already
// negotiated. A discount typed by hand applies to any price and replaces the rules; otherwise the most specific
// rule that applies wins (customer + product, customer + group, customer, product,
// group, everyone), the highest percentage among equally specific ones.
// The tax rate is that of the most specific tax rule in the same order; a tax-exempt
// customer pays none.
// Amounts: quantity × unit price is exact; the line amount, the discount and the tax
// are each rounded to the currency's rounding (its minor unit, half up, unless the
// currency has its own rule such as Swiss 0.05).
#include <optional>
#include <string>
#include <vector>

#include "atrium/core/decimal.hpp"
#include "atrium/core/result.hpp"

namespace atrium::sales {

// Dates are "YYYY-MM-DD"; an empty bound is open.
struct Validity {
  std::string from;
  std::string to;  // inclusive
  bool covers(const std::string& date) const { return (from.empty() || from <= date) && (to.empty() || date <= to); }
};

// A unit price from a quantity on, for a while: a price-list rate or a customer's price.
struct PriceRate {
  std::string id;
  Decimal min_quantity;
  Decimal unit_price;
  std::string currency;
  Validity validity;
};

struct PriceList {
  std::string id;
  std::string name;
  std::string sales_type;
  std::string currency;
  std::vector<PriceRate> rates;  // for the product being priced
};

enum class ApprovalState { none, pending, approved, rejected };

struct SpecialPrice {
  std::string id;
  std::string account_id;  // empty: any customer
  Decimal unit_price;
  std::string currency;
  std::optional<Decimal> min_quantity;
  std::string valid_until;  // inclusive; empty: no end
  std::optional<Decimal> min_line_value;
  ApprovalState approval = ApprovalState::none;
  std::string approval_id;
};

// What a rule is for; empty parts match everything.
struct RuleScope {
  std::string account_id;
  std::string product_id;
  std::string product_group;
};

struct DiscountRule {
  std::string id;
  std::string name;
  RuleScope scope;
  Decimal percent;
  std::optional<Decimal> min_quantity;
  Validity validity;
};

struct TaxRule {
  std::string id;
  std::string name;
  RuleScope scope;
  Decimal rate;
  Validity validity;
};

struct CurrencyRounding {
  int places = 2;
  Decimal increment;  // zero: to `places` only
  Rounding mode = Rounding::half_up;
};
// The currency's minor unit, half up; CHF amounts end in 0.05 (Swiss rounding).
CurrencyRounding rounding_for(const std::string& currency);

struct PricingFacts {
  std::string account_id;
  std::string sales_type;
  std::string account_price_list_id;
  bool tax_exempt = false;
  std::string product_id;
  std::string product_group;
  std::optional<Decimal> list_price;
  std::string list_price_currency;
  std::vector<PriceList> price_lists;
  std::vector<PriceRate> customer_prices;  // this customer's, for this product
  std::vector<SpecialPrice> special_prices;
  std::vector<DiscountRule> discounts;
  std::vector<TaxRule> taxes;
};

struct PriceRequest {
  Decimal quantity;
  std::string date;
  std::string currency;
  std::string price_list_id;  // empty: the customer's
  std::optional<Decimal> manual_unit_price;
  std::optional<Decimal> manual_discount;  // percent
};

// One line of the explanation: which source or rule, and what it did or why it was
// passed over.
struct PricingStep {
  std::string kind;    // manual_price, special_price, customer_price, price_list, list_price,
                       // discount, tax, rounding, skipped
  std::string source;  // the entity of the record that decided, e.g. "price_list_rate"
  std::string source_id;
  std::string approval_id;
  std::string text;
};

struct PricedLine {
  std::string currency;
  Decimal quantity;
  Decimal unit_price;
  Decimal discount_percent;
  Decimal gross_amount;     // quantity × unit price, rounded
  Decimal discount_amount;  // rounded
  Decimal net_amount;       // gross − discount
  Decimal tax_rate;
  Decimal tax_amount;  // rounded
  Decimal total;       // net + tax
  std::string price_source;
  std::vector<PricingStep> explanation;
};

// PRICE_NOT_FOUND (no source has a price in the currency), FIELD_TOO_SMALL (quantity ≤ 0,
// negative price), FIELD_OUT_OF_RANGE (a discount outside 0–100), AMOUNT_OUT_OF_RANGE.
Result<PricedLine> price_line(const PricingFacts& facts, const PriceRequest& request);
Result<PricedLine> price_line(const PricingFacts& facts, const PriceRequest& request, const CurrencyRounding& rounding);

}  // namespace atrium::sales
