#include "openapi_pricing_paths.hpp"

#include "openapi_operations.hpp"

namespace atrium::records::openapi {

namespace json = boost::json;

namespace {

constexpr std::string_view kTag = "Pricing";

json::object text(std::string_view description = {}) {
  json::object schema{{"type", "string"}};
  if (!description.empty()) schema["description"] = description;
  return schema;
}

json::object decimal(std::string_view description) {
  return {{"type", "string"}, {"pattern", "^-?[0-9]+(\\.[0-9]{1,6})?$"}, {"description", description}};
}

json::object request_schema() {
  json::object line{
      {"type", "object"},
      {"required", json::array{"product", "quantity"}},
      {"additionalProperties", false},
      {"properties",
       {{"product", text("The product's id.")},
        {"quantity", decimal("Above 0.")},
        {"unit_price", decimal("A price typed by hand: it beats every rule and takes no automatic discount.")},
        {"discount", decimal("A discount in percent typed by hand (0–100): it replaces the discount rules.")}}}};
  return {{"type", "object"},
          {"required", json::array{"account", "lines"}},
          {"additionalProperties", false},
          {"properties",
           {{"account", text("The customer's id.")},
            {"date", {{"type", "string"}, {"format", "date"}, {"description", "Default: today."}}},
            {"currency",
             {{"type", "string"}, {"pattern", "^[A-Z]{3}$"}, {"description", "Default: the customer's currency."}}},
            {"price_list", text("Price with this list instead of the customer's.")},
            {"lines", {{"type", "array"}, {"minItems", 1}, {"maxItems", 200}, {"items", std::move(line)}}}}}};
}

json::object step_schema() {
  return {{"type", "object"},
          {"properties",
           {{"kind",
             {{"type", "string"},
              {"enum", json::array{"manual_price", "special_price", "customer_price", "price_list", "list_price",
                                   "discount", "tax", "rounding", "skipped"}}}},
            {"source", text("The entity of the record that decided: price_list_rate, customer_price, …")},
            {"source_id", text()},
            {"approval_id", text("For special prices: the approval that allowed (or has not yet allowed) it.")},
            {"text", text("What the step did, or why a source was passed over.")}}}};
}

json::object answer_schema() {
  json::object line{
      {"type", "object"},
      {"properties",
       {{"product", text()},
        {"product_name", text()},
        {"quantity", text()},
        {"unit_price", text()},
        {"discount_percent", text()},
        {"gross_amount", text("Quantity × unit price, rounded to the currency.")},
        {"discount_amount", text()},
        {"net_amount", text()},
        {"tax_rate", text()},
        {"tax_amount", text()},
        {"total", text()},
        {"price_source",
         {{"type", "string"},
          {"enum", json::array{"manual_price", "special_price", "customer_price", "price_list", "list_price"}}}},
        {"explanation", {{"type", "array"}, {"items", step_schema()}}}}}};
  return {
      {"type", "object"},
      {"properties",
       {{"account", text()},
        {"date", text()},
        {"currency", text()},
        {"lines", {{"type", "array"}, {"items", std::move(line)}}},
        {"totals",
         {{"type", "object"}, {"properties", {{"net_amount", text()}, {"tax_amount", text()}, {"total", text()}}}}}}}};
}

}  // namespace

void add_pricing_paths(json::object& paths) {
  json::object quote = operation("priceLines", "Price lines for a customer, with the explanation of each price", kTag);
  quote["description"] =
      "The unit price comes from the first source that applies: a price typed on the line, an approved special "
      "price, the customer's own price, a price list (the one asked for, the customer's, or the customer's sales "
      "type's), the product's list price. Automatic discounts (the most specific rule) apply to list prices only; "
      "tax from the most specific tax rule. Amounts are exact decimals rounded per currency. 422 VALIDATION_FAILED "
      "names the field: `account` or `lines[i].product` LINK_NOT_FOUND, `lines[i].product` PRICE_NOT_FOUND, "
      "`lines[i].quantity` FIELD_TOO_SMALL, `lines[i].discount` FIELD_OUT_OF_RANGE, FIELD_INVALID_DECIMAL.";
  quote["requestBody"] = {{"required", true}, {"content", json_content(request_schema())}};
  quote["responses"] = {{"200", answer_of("The priced lines and their totals.", answer_schema())}};
  add_errors(quote, {"400", "401", "403", "422"});
  set_security(quote, true);
  paths["/api/v1/pricing/quote"] = {{"post", std::move(quote)}};
}

}  // namespace atrium::records::openapi
