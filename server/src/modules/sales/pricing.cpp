#include "atrium/sales/pricing.hpp"

#include <fmt/format.h>

#include "atrium/core/currency.hpp"

namespace atrium::sales {

namespace {

Error field_error(std::string field, std::string code, std::string message) {
  return Error{ErrorCode::validation_failed, message, {{std::move(field), std::move(code), message}}};
}

Error out_of_range() {
  return field_error("quantity", "AMOUNT_OUT_OF_RANGE", "the amounts of this line leave the range Atrium can hold");
}

std::string money(Decimal amount, const std::string& currency) {
  return fmt::format("{} {}", amount.to_string(minor_unit(currency)), currency);
}

// The source of the unit price, with the steps that led to it.
struct UnitPrice {
  Decimal value;
  std::string kind;
  bool discountable = false;
};

// How specific a rule is for this line: -1 when it does not apply at all.
int specificity(const RuleScope& scope, const PricingFacts& facts) {
  if (!scope.account_id.empty() && scope.account_id != facts.account_id) return -1;
  if (!scope.product_id.empty() && scope.product_id != facts.product_id) return -1;
  if (!scope.product_group.empty() && scope.product_group != facts.product_group) return -1;
  const bool account = !scope.account_id.empty();
  if (account && !scope.product_id.empty()) return 5;
  if (account && !scope.product_group.empty()) return 4;
  if (account) return 3;
  if (!scope.product_id.empty()) return 2;
  if (!scope.product_group.empty()) return 1;
  return 0;
}

// The rate for the quantity on the date: the highest break reached, then the latest start.
const PriceRate* best_rate(const std::vector<PriceRate>& rates, const PriceRequest& request) {
  const PriceRate* best = nullptr;
  for (const auto& rate : rates) {
    if (rate.currency != request.currency || !rate.validity.covers(request.date)) continue;
    if (rate.min_quantity > request.quantity) continue;
    if (!best || rate.min_quantity > best->min_quantity ||
        (rate.min_quantity == best->min_quantity && rate.validity.from > best->validity.from)) {
      best = &rate;
    }
  }
  return best;
}

std::optional<UnitPrice> special_price(const PricingFacts& facts, const PriceRequest& request,
                                       std::vector<PricingStep>& steps) {
  const SpecialPrice* best = nullptr;
  for (const auto& special : facts.special_prices) {
    if (!special.account_id.empty() && special.account_id != facts.account_id) continue;
    auto passed_over = [&](std::string why) {
      steps.push_back({"skipped", "special_price", special.id, special.approval_id,
                       fmt::format("special price {} not used: {}", money(special.unit_price, special.currency), why)});
    };
    if (special.approval == ApprovalState::pending) {
      passed_over("its approval is pending");
      continue;
    }
    if (special.approval == ApprovalState::rejected) {
      passed_over("its approval was rejected");
      continue;
    }
    if (special.approval == ApprovalState::none) {
      passed_over("it has not been approved");
      continue;
    }
    if (special.currency != request.currency) {
      passed_over(fmt::format("it is in {}", special.currency));
      continue;
    }
    if (!special.valid_until.empty() && request.date > special.valid_until) {
      passed_over(fmt::format("it ended on {}", special.valid_until));
      continue;
    }
    if (special.min_quantity && request.quantity < *special.min_quantity) {
      passed_over(fmt::format("it needs a quantity of at least {}", special.min_quantity->to_string()));
      continue;
    }
    if (special.min_line_value) {
      auto value = request.quantity.times(special.unit_price);
      if (!value || *value < *special.min_line_value) {
        passed_over(
            fmt::format("it needs a line value of at least {}", money(*special.min_line_value, special.currency)));
        continue;
      }
    }
    if (!best || special.unit_price < best->unit_price) best = &special;
  }
  if (!best) return std::nullopt;
  steps.push_back({"special_price", "special_price", best->id, best->approval_id,
                   fmt::format("special price {}, approved", money(best->unit_price, best->currency))});
  return UnitPrice{best->unit_price, "special_price", false};
}

std::optional<UnitPrice> customer_price(const PricingFacts& facts, const PriceRequest& request,
                                        std::vector<PricingStep>& steps) {
  const PriceRate* rate = best_rate(facts.customer_prices, request);
  if (!rate) return std::nullopt;
  steps.push_back({"customer_price", "customer_price", rate->id, "",
                   rate->min_quantity.is_zero()
                       ? fmt::format("the customer's own price {}", money(rate->unit_price, rate->currency))
                       : fmt::format("the customer's own price {} from {} on", money(rate->unit_price, rate->currency),
                                     rate->min_quantity.to_string())});
  return UnitPrice{rate->unit_price, "customer_price", false};
}

std::optional<UnitPrice> price_list_price(const PricingFacts& facts, const PriceRequest& request,
                                          std::vector<PricingStep>& steps) {
  // The list asked for, else the customer's own, else the first of the customer's sales type.
  const PriceList* list = nullptr;
  std::string why;
  for (const auto& wanted : {request.price_list_id, facts.account_price_list_id}) {
    if (list || wanted.empty()) continue;
    for (const auto& candidate : facts.price_lists) {
      if (candidate.id == wanted) {
        list = &candidate;
        why = wanted == request.price_list_id ? "the price list asked for" : "the customer's price list";
        break;
      }
    }
  }
  if (!list && !facts.sales_type.empty()) {
    for (const auto& candidate : facts.price_lists) {
      if (candidate.sales_type == facts.sales_type && candidate.currency == request.currency) {
        list = &candidate;
        why = fmt::format("the price list for {} sales", facts.sales_type);
        break;
      }
    }
  }
  if (!list) return std::nullopt;
  const PriceRate* rate = best_rate(list->rates, request);
  if (!rate) {
    steps.push_back({"skipped", "price_list", list->id, "",
                     fmt::format("{} ({}) has no rate for this product in {} on {} for this quantity", list->name, why,
                                 request.currency, request.date)});
    return std::nullopt;
  }
  steps.push_back({"price_list", "price_list_rate", rate->id, "",
                   rate->min_quantity.is_zero()
                       ? fmt::format("{} from {} ({})", money(rate->unit_price, rate->currency), list->name, why)
                       : fmt::format("{} from {} ({}), the rate from {} on", money(rate->unit_price, rate->currency),
                                     list->name, why, rate->min_quantity.to_string())});
  return UnitPrice{rate->unit_price, "price_list", true};
}

std::optional<UnitPrice> list_price(const PricingFacts& facts, const PriceRequest& request,
                                    std::vector<PricingStep>& steps) {
  if (!facts.list_price) return std::nullopt;
  if (facts.list_price_currency != request.currency) {
    steps.push_back({"skipped", "product", facts.product_id, "",
                     fmt::format("the list price is in {}", facts.list_price_currency)});
    return std::nullopt;
  }
  steps.push_back({"list_price", "product", facts.product_id, "",
                   fmt::format("the product's list price {}", money(*facts.list_price, request.currency))});
  return UnitPrice{*facts.list_price, "list_price", true};
}

// The discount of the most specific rule that applies, the highest among equals.
const DiscountRule* best_discount(const PricingFacts& facts, const PriceRequest& request) {
  const DiscountRule* best = nullptr;
  int best_specificity = -1;
  for (const auto& rule : facts.discounts) {
    const int rank = specificity(rule.scope, facts);
    if (rank < 0 || !rule.validity.covers(request.date)) continue;
    if (rule.min_quantity && request.quantity < *rule.min_quantity) continue;
    if (rank > best_specificity || (rank == best_specificity && rule.percent > best->percent)) {
      best = &rule;
      best_specificity = rank;
    }
  }
  return best;
}

const TaxRule* best_tax(const PricingFacts& facts, const PriceRequest& request) {
  const TaxRule* best = nullptr;
  int best_specificity = -1;
  for (const auto& rule : facts.taxes) {
    const int rank = specificity(rule.scope, facts);
    if (rank < 0 || !rule.validity.covers(request.date)) continue;
    if (rank > best_specificity || (rank == best_specificity && rule.validity.from > best->validity.from)) {
      best = &rule;
      best_specificity = rank;
    }
  }
  return best;
}

// Straight to the increment where there is one: rounding to places first could round twice.
Decimal round_amount(Decimal amount, const CurrencyRounding& rounding) {
  return rounding.increment.is_zero() ? amount.rounded(rounding.places, rounding.mode)
                                      : amount.rounded_to(rounding.increment, rounding.mode);
}

}  // namespace

CurrencyRounding rounding_for(const std::string& currency) {
  CurrencyRounding rounding;
  rounding.places = minor_unit(currency);
  if (currency == "CHF") rounding.increment = *Decimal::parse("0.05");
  return rounding;
}

Result<PricedLine> price_line(const PricingFacts& facts, const PriceRequest& request) {
  return price_line(facts, request, rounding_for(request.currency));
}

Result<PricedLine> price_line(const PricingFacts& facts, const PriceRequest& request,
                              const CurrencyRounding& rounding) {
  // Every problem of the line's own input at once, so a form can mark them all.
  std::vector<FieldError> problems;
  if (request.quantity <= Decimal())
    problems.push_back({"quantity", "FIELD_TOO_SMALL", "the quantity must be above 0"});
  if (request.manual_unit_price && request.manual_unit_price->is_negative()) {
    problems.push_back({"unit_price", "FIELD_TOO_SMALL", "a price cannot be negative"});
  }
  const Decimal hundred = *Decimal::from_integer(100);
  if (request.manual_discount && (request.manual_discount->is_negative() || *request.manual_discount > hundred)) {
    problems.push_back({"discount", "FIELD_OUT_OF_RANGE", "a discount is between 0 and 100 percent"});
  }
  if (!problems.empty()) return Error{ErrorCode::validation_failed, problems.front().message, std::move(problems)};

  PricedLine line;
  line.currency = request.currency;
  line.quantity = request.quantity;
  std::vector<PricingStep>& steps = line.explanation;

  std::optional<UnitPrice> unit;
  if (request.manual_unit_price) {
    steps.push_back({"manual_price", "", "", "",
                     fmt::format("{} typed on the line", money(*request.manual_unit_price, request.currency))});
    unit = UnitPrice{*request.manual_unit_price, "manual_price", false};
  }
  if (!unit) unit = special_price(facts, request, steps);
  if (!unit) unit = customer_price(facts, request, steps);
  if (!unit) unit = price_list_price(facts, request, steps);
  if (!unit) unit = list_price(facts, request, steps);
  if (!unit) {
    return field_error("product", "PRICE_NOT_FOUND",
                       fmt::format("no price for this product in {} on {}", request.currency, request.date));
  }
  line.unit_price = unit->value;
  line.price_source = unit->kind;

  if (request.manual_discount) {
    line.discount_percent = *request.manual_discount;
    steps.push_back({"discount", "", "", "", fmt::format("{}% typed on the line", line.discount_percent.to_string())});
  } else if (unit->discountable) {
    if (const DiscountRule* rule = best_discount(facts, request)) {
      line.discount_percent = rule->percent;
      steps.push_back({"discount", "discount_rule", rule->id, "",
                       fmt::format("{}% from the rule {}", rule->percent.to_string(), rule->name)});
    }
  } else {
    steps.push_back({"discount", "", "", "",
                     unit->kind == "manual_price" ? "no automatic discount on a price typed by hand"
                                                  : "no automatic discount on a negotiated price"});
  }

  auto gross = request.quantity.times(line.unit_price);
  if (!gross) return out_of_range();
  line.gross_amount = round_amount(*gross, rounding);
  auto discount = line.gross_amount.percent_of(line.discount_percent);
  if (!discount) return out_of_range();
  line.discount_amount = round_amount(*discount, rounding);
  auto net = line.gross_amount.minus(line.discount_amount);
  if (!net) return out_of_range();
  line.net_amount = *net;

  if (facts.tax_exempt) {
    steps.push_back({"tax", "account", facts.account_id, "", "the customer is exempt from tax"});
  } else if (const TaxRule* rule = best_tax(facts, request)) {
    line.tax_rate = rule->rate;
    steps.push_back(
        {"tax", "tax_rule", rule->id, "", fmt::format("{}% from the rule {}", rule->rate.to_string(), rule->name)});
  } else {
    steps.push_back({"tax", "", "", "", "no tax rule applies"});
  }
  auto tax = line.net_amount.percent_of(line.tax_rate);
  if (!tax) return out_of_range();
  line.tax_amount = round_amount(*tax, rounding);
  auto total = line.net_amount.plus(line.tax_amount);
  if (!total) return out_of_range();
  line.total = *total;
  steps.push_back({"rounding", "", "", "",
                   rounding.increment.is_zero()
                       ? fmt::format("amounts rounded to {} places", rounding.places)
                       : fmt::format("amounts rounded to multiples of {}", rounding.increment.to_string())});
  return line;
}

}  // namespace atrium::sales
