#include "openapi_sales_paths.hpp"

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

json::object snapshot_schema() {
  return {{"type", "object"},
          {"properties",
           {{"revision", {{"type", "integer"}}},
            {"quotation",
             {{"type", "object"}, {"description", "The quotation as it was, as GET /api/v1/quotations/{id} answers."}}},
            {"lines", {{"type", "array"}, {"items", {{"type", "object"}}}}},
            {"frozen_at", text()},
            {"frozen_by_id", text()}}}};
}

json::object change_schema() {
  return {{"type", "object"}, {"properties", {{"field", text()}, {"from", json::object{}}, {"to", json::object{}}}}};
}

json::object revision_number_in_path() {
  return {{"name", "number"}, {"in", "path"}, {"required", true}, {"schema", {{"type", "integer"}, {"minimum", 1}}}};
}

}  // namespace

void add_quotation_paths(json::object& paths) {
  constexpr std::string_view kQuotations = "Quotations";
  const json::object id = id_in_path("The quotation's id.");

  json::object list = operation("listQuotationRevisions", "The frozen revisions of a quotation", kQuotations);
  list["description"] =
      "A revision is frozen when the quotation is sent, and when the `revise` transition starts "
      "the next one; frozen revisions never change.";
  list["parameters"] = json::array{id};
  list["responses"] = {{"200", answer_of("Oldest first, with their totals; `current` is the revision being worked on.",
                                         json::object{{"type", "object"},
                                                      {"properties",
                                                       {{"data", {{"type", "array"}, {"items", {{"type", "object"}}}}},
                                                        {"current", {{"type", "integer"}}},
                                                        {"status", text()}}}})}};
  add_errors(list, {"401", "404"});
  set_security(list, false);
  paths["/api/v1/quotations/{id}/revisions"] = {{"get", std::move(list)}};

  json::object diff = operation("diffQuotationRevisions", "What changed between two revisions", kQuotations);
  diff["parameters"] = json::array{
      id,
      json::object{
          {"name", "from"}, {"in", "query"}, {"required", true}, {"schema", {{"type", "integer"}, {"minimum", 1}}}},
      json::object{{"name", "to"},
                   {"in", "query"},
                   {"description", "A revision number, or `current` (the default): the quotation as it stands."},
                   {"schema", {{"type", "string"}}}}};
  diff["responses"] = {{"200", answer_of("Header fields changed, and lines added, removed and changed (matched by id).",
                                         json::object{{"type", "object"},
                                                      {"properties",
                                                       {{"from", {{"type", "integer"}}},
                                                        {"to", {{"type", "integer"}}},
                                                        {"fields", {{"type", "array"}, {"items", change_schema()}}},
                                                        {"lines", {{"type", "object"}}}}}})}};
  add_errors(diff, {"401", "404", "422"});
  set_security(diff, false);
  paths["/api/v1/quotations/{id}/revisions/diff"] = {{"get", std::move(diff)}};

  json::object pdf = operation("printQuotation", "The quotation as a PDF", kQuotations);
  pdf["description"] =
      "A4, the own company's letterhead (the oldest internal account), the customer's address, "
      "the lines, tax per rate, totals, terms, `Page N of M`; every script with its font embedded.";
  pdf["parameters"] = json::array{
      id, json::object{{"name", "revision"},
                       {"in", "query"},
                       {"description", "A frozen revision as it was sent; without it, the quotation as it stands."},
                       {"schema", {{"type", "integer"}, {"minimum", 1}}}}};
  pdf["responses"] = {{"200",
                       {{"description", "The PDF, inline, named after the number and revision."},
                        {"content", {{"application/pdf", {{"schema", {{"type", "string"}, {"format", "binary"}}}}}}}}}};
  add_errors(pdf, {"401", "404", "422"});
  set_security(pdf, false);
  paths["/api/v1/quotations/{id}/pdf"] = {{"get", std::move(pdf)}};

  json::object one = operation("getQuotationRevision", "One frozen revision of a quotation", kQuotations);
  one["parameters"] = json::array{id, revision_number_in_path()};
  one["responses"] = {{"200", answer_of("The quotation and its lines as they were.", snapshot_schema())}};
  add_errors(one, {"401", "404", "422"});
  set_security(one, false);
  paths["/api/v1/quotations/{id}/revisions/{number}"] = {{"get", std::move(one)}};
}

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
