// The OpenAPI paths of the sales cycle beyond the record routes: allocating enquiries,
// making one document from another, importing purchase order files, and the
// customer's balance, ageing and chain.
#include "openapi_operations.hpp"
#include "openapi_sales_paths.hpp"

namespace atrium::records::openapi {

namespace json = boost::json;

namespace {

constexpr std::string_view kTag = "Sales cycle";

json::object text(std::string_view description = {}) {
  json::object schema{{"type", "string"}};
  if (!description.empty()) schema["description"] = description;
  return schema;
}

// A record of `entity` as its schema in the document, when the catalog defines it (a
// catalog without the sales entities still gets a valid document).
json::object record_schema(const metadata::Catalog& catalog, std::string_view entity, std::string_view schema) {
  if (catalog.find(entity)) return component_ref("schemas", schema);
  return {{"type", "object"}};
}

// POST {path} that makes a document of `schema` from the record in the path.
void add_conversion(json::object& paths, const metadata::Catalog& catalog, const std::string& path, std::string id,
                    std::string summary, std::pair<std::string_view, std::string_view> made, std::string description,
                    json::object body = {}) {
  json::object op = operation(std::move(id), std::move(summary), kTag);
  op["description"] = std::move(description);
  op["parameters"] = json::array{id_in_path("The source record's id.")};
  if (!body.empty()) op["requestBody"] = {{"required", false}, {"content", json_content(std::move(body))}};
  op["responses"] = {{"201", answer_of("The new document.", record_schema(catalog, made.first, made.second))}};
  add_errors(op, {"401", "403", "404", "409", "422"});
  set_security(op, true);
  paths[path] = {{"post", std::move(op)}};
}

json::object amounts_by_currency(std::initializer_list<std::string_view> names) {
  json::object properties;
  for (auto name : names) properties[name] = text();
  return {{"type", "object"},
          {"description", "Per ISO currency code, each amount an exact decimal string."},
          {"additionalProperties", {{"type", "object"}, {"properties", std::move(properties)}}}};
}

}  // namespace

void add_sales_cycle_paths(json::object& paths, const metadata::Catalog& catalog) {
  json::object allocate = operation("allocateEnquiry", "Allocate an enquiry to a sales person, dealer or agent", kTag);
  allocate["description"] =
      "Sets who handles the enquiry and opens a task for them (for a dealer or agent: for the account's owner), due "
      "when the quotation is (else in two days). Needs the edit right on the enquiry. 422 names `user_id` "
      "(FIELD_REQUIRED when neither is given, LINK_NOT_FOUND for no active user) or `dealer_id`; 409 ENQUIRY_CLOSED.";
  allocate["parameters"] = json::array{id_in_path("The enquiry's id.")};
  allocate["requestBody"] = {
      {"required", true},
      {"content", json_content(json::object{{"type", "object"},
                                            {"properties",
                                             {{"user_id", text("A user's id.")},
                                              {"dealer_id", text("An account's id: the dealer or agent.")},
                                              {"note", text("The task's description (at most 2000 characters).")}}}})}};
  allocate["responses"] = {{"200", answer_of("The enquiry.", record_schema(catalog, "enquiry", "Enquiry"))}};
  add_errors(allocate, {"401", "403", "404", "409", "422"});
  set_security(allocate, true);
  paths["/api/v1/enquiries/{id}/allocate"] = {{"post", std::move(allocate)}};

  add_conversion(paths, catalog, "/api/v1/enquiries/{id}/quotation", "quoteEnquiry", "Make a quotation from an enquiry",
                 {"quotation", "Quotation"},
                 "A draft quotation for the customer with the enquiry's lines (a variant made for a line is offered "
                 "instead of its product), priced by the pricing function. 409 ENQUIRY_CLOSED or ALREADY_CONVERTED.");
  add_conversion(paths, catalog, "/api/v1/enquiries/{id}/order", "orderEnquiry", "Make an order from an enquiry",
                 {"sales_order", "SalesOrder"},
                 "A draft order with the enquiry's lines, priced by the pricing function. 409 ENQUIRY_CLOSED.");
  add_conversion(paths, catalog, "/api/v1/quotations/{id}/order", "orderQuotation",
                 "Make an order from an accepted quotation", {"sales_order", "SalesOrder"},
                 "A draft order with the accepted revision's lines at their prices. 409 QUOTATION_NOT_ACCEPTED, "
                 "ALREADY_CONVERTED (an order not cancelled exists).");
  add_conversion(paths, catalog, "/api/v1/orders/{id}/invoice", "invoiceOrder",
                 "Invoice what an order has not yet invoiced", {"invoice", "Invoice"},
                 "A draft invoice with every order line's quantity not yet invoiced, at the order's prices; the "
                 "order's charges go on its first invoice. 409 ORDER_NOT_CONFIRMED, NOTHING_TO_INVOICE.");
  add_conversion(paths, catalog, "/api/v1/deliveries/{id}/invoice", "invoiceDelivery",
                 "Invoice what a shipped delivery carried", {"invoice", "Invoice"},
                 "A draft invoice naming the delivery (`delivery_id`), with each order line's quantity the delivery "
                 "carried and the order has not invoiced yet, at the order's prices; the order's charges go on its "
                 "first invoice. 409 DELIVERY_NOT_SHIPPED, ALREADY_CONVERTED (a delivery is invoiced once), "
                 "NOTHING_TO_INVOICE.");
  add_conversion(
      paths, catalog, "/api/v1/invoices/{id}/credit_note", "creditInvoice", "Make a credit note for an issued invoice",
      {"invoice", "Invoice"},
      "A draft credit note for some lines (and quantities) of the invoice, or all of it. Issued, it settles the "
      "invoice's open amount. 422 names `lines[i].invoice_line_id` or `lines[i].quantity`; 409 INVOICE_NOT_ISSUED.",
      json::object{
          {"type", "object"},
          {"properties",
           {{"reason", text("Kept as the credit note's notes.")},
            {"lines",
             {{"type", "array"},
              {"items",
               {{"type", "object"},
                {"properties", {{"invoice_line_id", text()}, {"quantity", text("Above 0, at most invoiced.")}}}}}}}}}});
  add_conversion(paths, catalog, "/api/v1/orders/{id}/delivery", "deliverOrder", "Schedule a delivery of an order",
                 {"delivery", "Delivery"},
                 "A scheduled delivery of what the order has not delivered yet, or of the `lines` given "
                 "([{order_line_id, quantity}]); `scheduled_date`, `carrier`, `tracking_number` are taken over. 422 "
                 "DELIVERY_EXCEEDS_ORDER; 409 ORDER_NOT_CONFIRMED, NOTHING_TO_DELIVER.",
                 json::object{{"type", "object"},
                              {"properties",
                               {{"scheduled_date", {{"type", "string"}, {"format", "date"}}},
                                {"carrier", text()},
                                {"tracking_number", text()},
                                {"lines", {{"type", "array"}, {"items", {{"type", "object"}}}}}}}});
  add_conversion(
      paths, catalog, "/api/v1/claims/{id}/resolve", "resolveClaim", "Settle an accepted claim", {"claim", "Claim"},
      "`resolution`: credit (a credit note for the claimed quantities), replacement (an order for them, "
      "free of charge), reorder (an order at the invoice's prices), repair or reimbursement (a task). The "
      "claim is resolved and names what settled it. 409 CLAIM_NOT_ACCEPTED.",
      json::object{{"type", "object"},
                   {"required", json::array{"resolution"}},
                   {"properties",
                    {{"resolution",
                      {{"type", "string"},
                       {"enum", json::array{"credit", "replacement", "reorder", "repair", "reimbursement"}}}}}}});
  add_conversion(paths, catalog, "/api/v1/enquiry_lines/{id}/variant", "makeVariant",
                 "Make a product variant for a line's requested changes", {"product", "Product"},
                 "A new product, variant of the line's, specified with the requested changes; the quotation made "
                 "from the enquiry offers it. 422 FIELD_REQUIRED (requested_changes), 409 ALREADY_CONVERTED.");

  json::object import = operation("importOrder", "Import a purchase order file", kTag);
  import["description"] =
      "The body is a UBL 2.1 (or 2.0) Order document or an EDIFACT ORDERS interchange. The buyer is found among the "
      "customers the caller reads by code (its id, company or VAT id) or name; each line's product by code (the "
      "seller's item id, the buyer's or the standard id). 422 VALIDATION_FAILED lists every problem of the file, "
      "each with its place in `field` (`/Order/OrderLine[2]/LineItem/Quantity`, `segment 14 (QTY)`): "
      "ORDER_DTD_REFUSED, ORDER_NOT_WELL_FORMED, ORDER_WRONG_DOCUMENT, ORDER_MISSING_FIELD, ORDER_UNKNOWN_CUSTOMER, "
      "ORDER_UNKNOWN_PRODUCT, EDIFACT_SYNTAX, …; nothing is imported then. 409 ORDER_ALREADY_IMPORTED.";
  import["requestBody"] = {{"required", true},
                           { "content",
                             { {"application/xml",
                                {
                                  { "schema",
                                    {
                                      { "type",
                                        "string" }
                                    } }
                                }},
                               { "application/edifact",
                                 {
                                   { "schema",
                                     {
                                       { "type",
                                         "string" }
                                     } }
                                 } } } }};
  import["responses"] = {
      { "201",
        answer_of("The new draft order.", record_schema(catalog, "sales_order", "SalesOrder")) }};
  add_errors(import, {"401", "403", "409", "413", "422"});
  set_security(import, true);
  paths["/api/v1/orders/import"] = {{"post", std::move(import)}};

  json::object balance = operation("getAccountBalance", "A customer's balance and the age of what is open", kTag);
  balance["description"] =
      "Over the invoices and payments the caller reads: invoiced, credited, paid, unallocated, open, overdue and "
      "balance (open less unallocated), and the open amount by days past due.";
  balance["parameters"] = json::array{id_in_path("The account's id.")};
  balance["responses"] = {
      {"200", answer_of("Per currency.",
                        json::object{
                            {"type", "object"},
                            {"properties",
                             {{"account_id", text()},
                              {"as_of", {{"type", "string"}, {"format", "date"}}},
                              {"currencies", amounts_by_currency({"invoiced", "credited", "paid", "unallocated", "open",
                                                                  "overdue", "balance", "current", "days_1_30",
                                                                  "days_31_60", "days_61_90", "days_over_90"})}}}})}};
  add_errors(balance, {"401", "404"});
  set_security(balance, false);
  paths["/api/v1/accounts/{id}/balance"] = {{"get", std::move(balance)}};

  json::object chain = operation("getAccountChain", "A customer's chain from enquiry to payment", kTag);
  chain["description"] =
      "Each chain starts at its earliest document: enquiry → quotation → its frozen revisions → order → invoices and "
      "credit notes → payments, by time, with the seconds each step took after the one before.";
  chain["parameters"] = json::array{id_in_path("The account's id.")};
  json::object step{{"type", "object"},
                    {"properties",
                     {{"kind",
                       {{"type", "string"},
                        {"enum", json::array{"enquiry", "quotation", "quotation_revision", "order", "delivery",
                                             "invoice", "credit_note", "payment", "claim"}}}},
                      {"id", text()},
                      {"number", text()},
                      {"label", text()},
                      {"status", text()},
                      {"at", {{"type", "string"}, {"format", "date-time"}}},
                      {"revision", {{"type", "integer"}}},
                      {"seconds_since_previous", {{"type", json::array{"integer", "null"}}}}}}};
  chain["responses"] = {
      {"200", answer_of("The chains, oldest first.",
                        json::object{{"type", "object"},
                                     {"properties",
                                      {{"account_id", text()},
                                       {"chains",
                                        {{"type", "array"},
                                         {"items",
                                          {{"type", "object"},
                                           {"properties",
                                            {{"steps", {{"type", "array"}, {"items", std::move(step)}}},
                                             {"seconds_total", {{"type", json::array{"integer", "null"}}}}}}}}}}}}})}};
  add_errors(chain, {"401", "404"});
  set_security(chain, false);
  paths["/api/v1/accounts/{id}/chain"] = {{"get", std::move(chain)}};

  json::object enquiries = operation("getEnquiryAnalysis", "Enquiries by customer, dealer, area or product", kTag);
  enquiries["description"] =
      "Over the enquiries the caller reads: how many, the value asked (per currency) and, by product, the quantity. "
      "400 names `group_by` or `status` (FIELD_INVALID_ENUM).";
  enquiries["parameters"] = json::array{
      json::object{{"name", "group_by"},
                   {"in", "query"},
                   {"schema", {{"type", "string"}, {"enum", json::array{"customer", "dealer", "area", "product"}}}}},
      json::object{{"name", "status"},
                   {"in", "query"},
                   {"description", "pending (the default): new and allocated ones; all: every one."},
                   {"schema", {{"type", "string"}, {"enum", json::array{"pending", "all"}}}}}};
  enquiries["responses"] = {
      {"200", answer_of("One row per group, the most enquiries first.",
                        json::object{{"type", "object"},
                                     {"properties",
                                      {{"group_by", text()},
                                       {"status", text()},
                                       {"data",
                                        {{"type", "array"},
                                         {"items",
                                          {{"type", "object"},
                                           {"properties",
                                            {{"key", text("The customer's, dealer's or product's id, or the area.")},
                                             {"enquiries", {{"type", "integer"}}},
                                             {"quantity", text()},
                                             {"value", amounts_by_currency({"value"})}}}}}}},
                                       {"truncated", {{"type", "boolean"}}}}}})}};
  add_errors(enquiries, {"400", "401"});
  set_security(enquiries, false);
  paths["/api/v1/reports/enquiries"] = {{"get", std::move(enquiries)}};

  json::object ageing = operation("getAgeing", "Open invoices by customer and by how late they are", kTag);
  ageing["description"] = "Over the invoices the caller reads.";
  ageing["responses"] = {
      {"200",
       answer_of(
           "One row per customer with open invoices.",
           json::object{{"type", "object"},
                        {"properties",
                         {{"as_of", {{"type", "string"}, {"format", "date"}}},
                          {"data",
                           {{"type", "array"},
                            {"items",
                             {{"type", "object"},
                              {"properties",
                               {{"account_id", text()},
                                {"account_name", text()},
                                {"invoices", {{"type", "integer"}}},
                                {"currencies", amounts_by_currency({"open", "overdue", "current", "days_1_30",
                                                                    "days_31_60", "days_61_90", "days_over_90"})}}}}}}},
                          {"totals", amounts_by_currency({"open", "overdue", "current", "days_1_30", "days_31_60",
                                                          "days_61_90", "days_over_90"})},
                          {"truncated", {{"type", "boolean"}}}}}})}};
  add_errors(ageing, {"401"});
  set_security(ageing, false);
  paths["/api/v1/reports/ageing"] = {{"get", std::move(ageing)}};
}

}  // namespace atrium::records::openapi
