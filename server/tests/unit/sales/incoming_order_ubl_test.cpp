// UBL Order files: the official OASIS examples read value by value, prefixes that differ
// from the usual ones, documents that must be refused (DTDs, entities, other document
// types) and files with several problems reported together.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "atrium/sales/incoming_order.hpp"
#include "incoming_order_fixture.hpp"
#include "support/temp_dir.hpp"

namespace atrium::sales {
namespace {

using testing::read_order_fixture;

Decimal d(const char* text) {
  return Decimal::parse(text).value();
}

std::string official_example() {
  auto xml = read_order_fixture("ubl/UBL-Order-2.1-Example.xml");
  EXPECT_FALSE(xml.empty()) << "fixture ubl/UBL-Order-2.1-Example.xml not found";
  return xml;
}

// `text` with the first `from` replaced; a test whose edit finds nothing fails.
std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << "not in the document: " << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

std::string replaced_all(std::string text, const std::string& from, const std::string& to) {
  EXPECT_NE(text.find(from), std::string::npos) << "not in the document: " << from;
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

bool has_issue(const OrderParseResult& result, const std::string& path, const std::string& code) {
  return std::any_of(result.issues.begin(), result.issues.end(),
                     [&](const OrderImportIssue& issue) { return issue.path == path && issue.code == code; });
}

std::string describe(const OrderParseResult& result) {
  std::string text;
  for (const auto& issue : result.issues) text += issue.path + " " + issue.code + ": " + issue.message + "\n";
  return text;
}

// Every value of the UBL 2.1 example that an order import uses.
void expect_official_example_values(const OrderParseResult& result) {
  ASSERT_TRUE(result.order) << describe(result);
  EXPECT_TRUE(result.issues.empty());
  const IncomingOrder& order = *result.order;
  EXPECT_EQ(order.format, IncomingOrderFormat::ubl);
  EXPECT_EQ(format_name(order.format), "ubl");
  EXPECT_EQ(order.document_id, "34");
  EXPECT_EQ(order.issue_date, "2010-01-20");
  EXPECT_EQ(order.currency, "SEK");
  EXPECT_EQ(order.note, "Information text for the whole order");

  const OrderParty& buyer = order.buyer;
  EXPECT_EQ(buyer.name, "Johnssons byggvaror");
  EXPECT_EQ(buyer.endpoint_id, "7300072311115");
  EXPECT_EQ(buyer.identifier, "7300070011115");
  EXPECT_EQ(buyer.identifier_scheme, "GLN");
  EXPECT_EQ(buyer.vat_id, "SE1234567801");
  EXPECT_EQ(buyer.company_id, "5532331183");
  EXPECT_EQ(buyer.address.street, "Rådhusgatan 5");
  EXPECT_EQ(buyer.address.additional_street, "2nd floor");
  EXPECT_EQ(buyer.address.city, "Stockholm");
  EXPECT_EQ(buyer.address.postal_code, "11000");
  EXPECT_EQ(buyer.address.region, "RegionX");
  EXPECT_EQ(buyer.address.country_code, "SE");
  EXPECT_EQ(buyer.contact.name, "Pelle Svensson");  // no Contact/Name: the Person's
  EXPECT_EQ(buyer.contact.email, "pelle@johnsson.se");
  EXPECT_EQ(buyer.contact.phone, "123456");

  const OrderParty& seller = order.seller;
  EXPECT_EQ(seller.name, "Moderna Produkter AB");
  EXPECT_EQ(seller.endpoint_id, "7302347231111");
  EXPECT_EQ(seller.identifier, "SellerPartyID123");
  EXPECT_EQ(seller.identifier_scheme, "");
  EXPECT_EQ(seller.vat_id, "");
  EXPECT_EQ(seller.company_id, "5532332283");
  EXPECT_EQ(seller.address.street, "Kungsgatan 22");
  EXPECT_EQ(seller.address.country_code, "SE");
  EXPECT_EQ(seller.contact.name, "Lars Petersen");
  EXPECT_EQ(seller.contact.email, "lars@moderna.se");
  EXPECT_EQ(seller.contact.phone, "34557");

  EXPECT_EQ(order.delivery.party_name, "Swedish trucking");
  EXPECT_EQ(order.delivery.address.street, "Rådhusgatan 5");
  EXPECT_EQ(order.delivery.address.city, "Stockholm");
  EXPECT_EQ(order.delivery.address.postal_code, "11000");
  EXPECT_EQ(order.delivery.requested_start, "2010-02-10");
  EXPECT_EQ(order.delivery.requested_end, "2010-02-25");

  EXPECT_EQ(order.totals.line_extension_amount, d("6225"));
  EXPECT_EQ(order.totals.tax_amount, d("100"));
  EXPECT_EQ(order.totals.payable_amount, d("6225"));

  ASSERT_EQ(order.lines.size(), 2u);
  const IncomingOrderLine& paint = order.lines[0];
  EXPECT_EQ(paint.line_id, "1");
  EXPECT_EQ(paint.note, "Freetext note on line 1");
  EXPECT_EQ(paint.quantity, d("120"));
  EXPECT_EQ(paint.unit_code, "LTR");
  EXPECT_EQ(paint.unit_price, d("50"));
  EXPECT_EQ(paint.price_base_quantity, d("1"));
  EXPECT_EQ(paint.line_extension_amount, d("6000"));
  EXPECT_EQ(paint.name, "Falu Rödfärg");
  EXPECT_EQ(paint.description, "Red paint");
  EXPECT_EQ(paint.seller_item_id, "SItemNo001");
  EXPECT_EQ(paint.standard_item_id, "1234567890123");
  EXPECT_EQ(paint.buyer_item_id, "");

  const IncomingOrderLine& brush = order.lines[1];
  EXPECT_EQ(brush.line_id, "2");
  EXPECT_EQ(brush.quantity, d("15"));
  EXPECT_EQ(brush.unit_code, "C62");
  EXPECT_EQ(brush.unit_price, d("15"));
  EXPECT_EQ(brush.line_extension_amount, d("225"));
  EXPECT_EQ(brush.name, "Pensel 20 mm");
  EXPECT_EQ(brush.description, "Very good pencils for red paint.");
  EXPECT_EQ(brush.seller_item_id, "SItemNo011");
  EXPECT_EQ(brush.standard_item_id, "123452340123");
}

TEST(IncomingOrderUbl, ReadsTheOfficialUbl21ExampleWithAllItsValues) {
  expect_official_example_values(parse_ubl_order(official_example()));
}

TEST(IncomingOrderUbl, ReadsTheUbl20InternationalExample) {
  const auto xml = read_order_fixture("ubl/UBL-Order-2.0-Example-International.xml");
  ASSERT_FALSE(xml.empty());
  const auto result = parse_ubl_order(xml);
  ASSERT_TRUE(result.order) << describe(result);
  const IncomingOrder& order = *result.order;
  EXPECT_EQ(order.document_id, "AEG012345");
  EXPECT_EQ(order.issue_date, "2005-06-20");
  EXPECT_EQ(order.currency, "USD");  // no DocumentCurrencyCode: the amounts name it
  EXPECT_EQ(order.buyer.name, "IYT Corporation");
  EXPECT_EQ(order.buyer.address.street, "Avon Way 56A");
  EXPECT_EQ(order.buyer.address.additional_street, "3rd Floor, Room 5");
  EXPECT_EQ(order.buyer.address.postal_code, "ZZ99 1ZZ");
  EXPECT_EQ(order.buyer.address.country_code, "GB");
  EXPECT_EQ(order.buyer.contact.name, "Mr Fred Churchill");
  EXPECT_EQ(order.buyer.contact.email, "fred@iytcorporation.gov.uk");
  EXPECT_EQ(order.seller.name, "Consortial");
  EXPECT_EQ(order.seller.address.region, "Massachusetts");
  // UBL 2.0's Delivery/DeliveryAddress.
  EXPECT_EQ(order.delivery.address.city, "Bridgtow");
  EXPECT_EQ(order.delivery.requested_start, "2005-06-29");
  EXPECT_EQ(order.delivery.requested_end, "2005-06-30");
  EXPECT_EQ(order.totals.payable_amount, d("1000"));
  ASSERT_EQ(order.lines.size(), 1u);
  EXPECT_EQ(order.lines[0].quantity, d("100"));
  EXPECT_EQ(order.lines[0].unit_code, "KGM");
  EXPECT_EQ(order.lines[0].unit_price, d("10"));
  EXPECT_EQ(order.lines[0].name, "Acme Beeswax");
  EXPECT_EQ(order.lines[0].buyer_item_id, "6578489");
  EXPECT_EQ(order.lines[0].seller_item_id, "17589683");
}

TEST(IncomingOrderUbl, RefusesOrderChangesAndCancellations) {
  for (const std::string name : {"OrderChange", "OrderCancellation"}) {
    const auto xml = read_order_fixture("ubl/UBL-" + name + "-2.1-Example.xml");
    ASSERT_FALSE(xml.empty()) << name;
    const auto result = parse_ubl_order(xml);
    EXPECT_FALSE(result.order) << name;
    ASSERT_EQ(result.issues.size(), 1u) << describe(result);
    EXPECT_EQ(result.issues[0].code, "ORDER_WRONG_DOCUMENT");
    EXPECT_EQ(result.issues[0].path, "/" + name);
    EXPECT_NE(result.issues[0].message.find("UBL " + name), std::string::npos) << result.issues[0].message;
    EXPECT_NE(result.issues[0].message.find("earlier order"), std::string::npos) << result.issues[0].message;
  }
}

TEST(IncomingOrderUbl, MatchesElementsByNamespaceNotByPrefix) {
  const auto example = official_example();
  // Other prefixes for the same namespaces.
  auto renamed = replaced_all(example, "cbc:", "b:");
  renamed = replaced_all(renamed, "cac:", "agg:");
  renamed = replaced(renamed, "xmlns:cbc=", "xmlns:b=");
  renamed = replaced(renamed, "xmlns:cac=", "xmlns:agg=");
  expect_official_example_values(parse_ubl_order(renamed));

  // The Order element prefixed and the basic components in the default namespace.
  auto swapped = replaced_all(example, "<cbc:", "<");
  swapped = replaced_all(swapped, "</cbc:", "</");
  swapped = replaced(swapped, "<Order xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Order-2\"",
                     "<o:Order xmlns:o=\"urn:oasis:names:specification:ubl:schema:xsd:Order-2\" "
                     "xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\"");
  swapped = replaced(swapped, "</Order>", "</o:Order>");
  expect_official_example_values(parse_ubl_order(swapped));

  // The usual prefix bound to another namespace is not UBL's: its elements are not read.
  const auto foreign = replaced(example, "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
                                "urn:example:not-ubl");
  const auto result = parse_ubl_order(foreign);
  EXPECT_FALSE(result.order);
  EXPECT_TRUE(has_issue(result, "/Order/ID", "ORDER_MISSING_FIELD")) << describe(result);
}

TEST(IncomingOrderUbl, RefusesADoctypeWithAnExternalEntityWithoutReadingIt) {
  atrium::testing::TempDir directory;
  const auto secret_path = directory.file("secret.txt");
  std::ofstream(secret_path) << "TOP-SECRET-MARKER";
  const std::string xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE Order [\n  <!ENTITY secret SYSTEM \"file://" +
                          secret_path +
                          "\">\n]>\n"
                          "<Order xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Order-2\" "
                          "xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\">"
                          "<cbc:ID>1</cbc:ID><cbc:Note>&secret;</cbc:Note></Order>";
  const auto result = parse_ubl_order(xml);
  EXPECT_FALSE(result.order);
  ASSERT_EQ(result.issues.size(), 1u) << describe(result);
  EXPECT_EQ(result.issues[0].code, "ORDER_DTD_REFUSED");
  EXPECT_NE(result.issues[0].message.find("line 2"), std::string::npos) << result.issues[0].message;
  EXPECT_EQ(describe(result).find("TOP-SECRET-MARKER"), std::string::npos);

  // An external DTD alone is refused the same way.
  const auto external = parse_ubl_order(
      "<!DOCTYPE Order SYSTEM \"http://127.0.0.1:9/order.dtd\">"
      "<Order xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Order-2\"/>");
  ASSERT_EQ(external.issues.size(), 1u) << describe(external);
  EXPECT_EQ(external.issues[0].code, "ORDER_DTD_REFUSED");

  // Without a DOCTYPE an entity reference is not well-formed and never becomes text.
  const auto example = official_example();
  const auto referenced = parse_ubl_order(
      replaced(example, "Information text for the whole order", "&secret;"));
  EXPECT_FALSE(referenced.order);
  ASSERT_EQ(referenced.issues.size(), 1u) << describe(referenced);
  EXPECT_EQ(referenced.issues[0].code, "ORDER_NOT_WELL_FORMED");
  EXPECT_NE(referenced.issues[0].message.find("&secret;"), std::string::npos) << referenced.issues[0].message;
  EXPECT_NE(referenced.issues[0].message.find("line 12"), std::string::npos) << referenced.issues[0].message;

  // The five predefined entities and character references are text as usual.
  const auto escaped = parse_ubl_order(
      replaced(example, "Information text for the whole order", "Tom &amp; Jerry &lt;3 &#x263A;&#65;"));
  ASSERT_TRUE(escaped.order) << describe(escaped);
  EXPECT_EQ(escaped.order->note, "Tom & Jerry <3 \u263A" "A");
}

TEST(IncomingOrderUbl, RefusesBillionLaughs) {
  std::string xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n";
  xml += " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n";
  for (int level = 2; level <= 9; ++level) {
    xml += " <!ENTITY lol" + std::to_string(level) + " \"";
    for (int i = 0; i < 10; ++i) xml += "&lol" + std::to_string(level - 1) + ";";
    xml += "\">\n";
  }
  xml += "]>\n<Order xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Order-2\">&lol9;</Order>\n";
  const auto result = parse_ubl_order(xml);
  EXPECT_FALSE(result.order);
  ASSERT_EQ(result.issues.size(), 1u) << describe(result);
  EXPECT_EQ(result.issues[0].code, "ORDER_DTD_REFUSED");
  EXPECT_LT(result.issues[0].message.size(), 200u);
}

TEST(IncomingOrderUbl, RefusesOtherRootElements) {
  const auto invoice = parse_ubl_order(
      "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"><ID>1</ID></Invoice>");
  ASSERT_EQ(invoice.issues.size(), 1u) << describe(invoice);
  EXPECT_EQ(invoice.issues[0].code, "ORDER_WRONG_DOCUMENT");
  EXPECT_EQ(invoice.issues[0].path, "/Invoice");

  // The right name in a namespace of its own is not a UBL Order.
  const auto other = parse_ubl_order(
      replaced(official_example(), "xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Order-2\"",
               "xmlns=\"urn:example:orders\""));
  ASSERT_EQ(other.issues.size(), 1u) << describe(other);
  EXPECT_EQ(other.issues[0].code, "ORDER_WRONG_DOCUMENT");
  EXPECT_NE(other.issues[0].message.find("urn:example:orders"), std::string::npos) << other.issues[0].message;

  const auto unprefixed = parse_ubl_order("<Order><ID>1</ID></Order>");
  ASSERT_EQ(unprefixed.issues.size(), 1u) << describe(unprefixed);
  EXPECT_EQ(unprefixed.issues[0].code, "ORDER_WRONG_DOCUMENT");
}

TEST(IncomingOrderUbl, ReportsEveryMissingFieldWithItsPath) {
  auto xml = official_example();
  xml = replaced(xml, "<cbc:ID>34</cbc:ID>", "");
  xml = replaced(xml, "<cbc:IssueDate>2010-01-20</cbc:IssueDate>", "<cbc:IssueDate> </cbc:IssueDate>");
  xml = replaced(xml, "<cbc:Quantity unitCode=\"C62\">15</cbc:Quantity>", "");
  xml = replaced(xml, "<cbc:ID>2</cbc:ID>", "");
  const auto result = parse_ubl_order(xml);
  EXPECT_FALSE(result.order);
  EXPECT_EQ(result.issues.size(), 4u) << describe(result);
  EXPECT_TRUE(has_issue(result, "/Order/ID", "ORDER_MISSING_FIELD")) << describe(result);
  EXPECT_TRUE(has_issue(result, "/Order/IssueDate", "ORDER_MISSING_FIELD")) << describe(result);
  EXPECT_TRUE(has_issue(result, "/Order/OrderLine[2]/LineItem/ID", "ORDER_MISSING_FIELD")) << describe(result);
  EXPECT_TRUE(has_issue(result, "/Order/OrderLine[2]/LineItem/Quantity", "ORDER_MISSING_FIELD")) << describe(result);

  const auto no_parties = parse_ubl_order(
      "<Order xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Order-2\" "
      "xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\">"
      "<cbc:ID>7</cbc:ID><cbc:IssueDate>2024-02-29</cbc:IssueDate></Order>");
  EXPECT_TRUE(has_issue(no_parties, "/Order/BuyerCustomerParty/Party", "ORDER_MISSING_FIELD")) << describe(no_parties);
  EXPECT_TRUE(has_issue(no_parties, "/Order/SellerSupplierParty/Party", "ORDER_MISSING_FIELD"));
  EXPECT_TRUE(has_issue(no_parties, "/Order/OrderLine", "ORDER_MISSING_FIELD"));
  EXPECT_EQ(no_parties.issues.size(), 3u) << describe(no_parties);
}

TEST(IncomingOrderUbl, ReportsNumbersDatesAndCodesThatAreNotValid) {
  auto xml = official_example();
  xml = replaced(xml, "<cbc:Quantity unitCode=\"LTR\">120</cbc:Quantity>",
                 "<cbc:Quantity unitCode=\"LTR\">twelve</cbc:Quantity>");
  xml = replaced(xml, "<cbc:PriceAmount currencyID=\"SEK\">15</cbc:PriceAmount>",
                 "<cbc:PriceAmount currencyID=\"SEK\">1,5</cbc:PriceAmount>");
  xml = replaced(xml, "<cbc:StartDate>2010-02-10</cbc:StartDate>", "<cbc:StartDate>2010-02-30</cbc:StartDate>");
  xml = replaced(xml, "<cbc:TaxAmount currencyID=\"SEK\">100</cbc:TaxAmount>",
                 "<cbc:TaxAmount currencyID=\"EUR\">100</cbc:TaxAmount>");
  const auto result = parse_ubl_order(xml);
  EXPECT_FALSE(result.order);
  EXPECT_TRUE(has_issue(result, "/Order/OrderLine[1]/LineItem/Quantity", "ORDER_INVALID_NUMBER")) << describe(result);
  EXPECT_TRUE(has_issue(result, "/Order/OrderLine[2]/LineItem/Price/PriceAmount", "ORDER_INVALID_NUMBER"));
  EXPECT_TRUE(has_issue(result, "/Order/Delivery/RequestedDeliveryPeriod/StartDate", "ORDER_INVALID_DATE"));
  EXPECT_TRUE(has_issue(result, "/Order/TaxTotal/TaxAmount", "ORDER_CURRENCY_MISMATCH"));
  EXPECT_EQ(result.issues.size(), 4u) << describe(result);
  for (const auto& issue : result.issues) EXPECT_FALSE(issue.message.empty()) << issue.path;

  const auto zero = parse_ubl_order(replaced(official_example(), ">120</cbc:Quantity>", ">0.000</cbc:Quantity>"));
  EXPECT_TRUE(has_issue(zero, "/Order/OrderLine[1]/LineItem/Quantity", "ORDER_INVALID_NUMBER")) << describe(zero);

  // xsd:decimal spellings that are numbers all the same.
  const auto spelled = parse_ubl_order(replaced(official_example(), ">120</cbc:Quantity>", "> +12.50 </cbc:Quantity>"));
  ASSERT_TRUE(spelled.order) << describe(spelled);
  EXPECT_EQ(spelled.order->lines[0].quantity, d("12.5"));
}

TEST(IncomingOrderUbl, ReportsFilesThatAreNotXmlOrTooBig) {
  const auto broken = parse_ubl_order(replaced(official_example(), "</cac:OrderLine>", "</cac:OrderLin>"));
  EXPECT_FALSE(broken.order);
  ASSERT_EQ(broken.issues.size(), 1u) << describe(broken);
  EXPECT_EQ(broken.issues[0].code, "ORDER_NOT_WELL_FORMED");
  EXPECT_EQ(broken.issues[0].message.rfind("line ", 0), 0u) << broken.issues[0].message;

  // pugixml would drop text beside the root element and accept a second root.
  const auto beside = parse_ubl_order("%=" + official_example());
  ASSERT_EQ(beside.issues.size(), 1u) << describe(beside);
  EXPECT_EQ(beside.issues[0].code, "ORDER_NOT_WELL_FORMED");
  const auto two_roots = parse_ubl_order(official_example() + "<Order/>");
  ASSERT_EQ(two_roots.issues.size(), 1u) << describe(two_roots);
  EXPECT_EQ(two_roots.issues[0].code, "ORDER_NOT_WELL_FORMED");

  const auto latin1 = parse_ubl_order(replaced(official_example(), "Rådhusgatan", "R\xE5" "dhusgatan"));
  ASSERT_EQ(latin1.issues.size(), 1u) << describe(latin1);
  EXPECT_EQ(latin1.issues[0].code, "ORDER_INVALID_ENCODING");

  const auto huge = parse_ubl_order(std::string(kMaxOrderFileBytes + 1, ' '));
  ASSERT_EQ(huge.issues.size(), 1u);
  EXPECT_EQ(huge.issues[0].code, "ORDER_TOO_LARGE");

  std::string many = "<Order xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Order-2\" "
                     "xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2\">";
  for (std::size_t i = 0; i <= kMaxOrderLines; ++i) many += "<cac:OrderLine/>";
  many += "</Order>";
  const auto too_many = parse_ubl_order(many);
  EXPECT_TRUE(has_issue(too_many, "/Order/OrderLine", "ORDER_TOO_MANY_LINES")) << describe(too_many);
}

TEST(IncomingOrderUbl, StopsTheReportAtItsLimit) {
  std::string xml = "<Order xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Order-2\" "
                    "xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2\">";
  for (int i = 0; i < 500; ++i) xml += "<cac:OrderLine/>";
  xml += "</Order>";
  const auto result = parse_ubl_order(xml);
  ASSERT_EQ(result.issues.size(), kMaxOrderIssues);
  EXPECT_EQ(result.issues.back().code, "ORDER_TOO_MANY_ISSUES");
}

}  // namespace
}  // namespace atrium::sales
