// EDIFACT ORDERS interchanges: a realistic file read value by value (ISO 8859-1, released
// separators), other separators from a UNA, and broken variants of the file whose
// problems are all reported with the segment they are in.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "atrium/sales/incoming_order.hpp"
#include "incoming_order_fixture.hpp"

namespace atrium::sales {
namespace {

using testing::read_order_fixture;

Decimal d(const char* text) {
  return Decimal::parse(text).value();
}

// The fixture is ISO 8859-1 (syntax level UNOC), as such files are sent.
std::string example_interchange() {
  auto text = read_order_fixture("edifact/orders-d96a-unoc.edi");
  EXPECT_FALSE(text.empty()) << "fixture edifact/orders-d96a-unoc.edi not found";
  return text;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << "not in the interchange: " << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

std::string latin1_as_utf8(const std::string& text) {
  std::string utf8;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x80) {
      utf8.push_back(c);
    } else {
      utf8.push_back(static_cast<char>(0xC0 | (byte >> 6)));
      utf8.push_back(static_cast<char>(0x80 | (byte & 0x3F)));
    }
  }
  return utf8;
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

void expect_example_values(const OrderParseResult& result) {
  ASSERT_TRUE(result.order) << describe(result);
  const IncomingOrder& order = *result.order;
  EXPECT_EQ(order.format, IncomingOrderFormat::edifact);
  EXPECT_EQ(format_name(order.format), "edifact");
  EXPECT_EQ(order.document_id, "PO-2024-0117");
  EXPECT_EQ(order.issue_date, "2024-03-15");
  EXPECT_EQ(order.currency, "EUR");
  EXPECT_EQ(order.note, "Deliver to gate 3: ring twice+wait");  // released ':' and '+'

  EXPECT_EQ(order.buyer.name, "Baumarkt Müller GmbH");
  EXPECT_EQ(order.buyer.identifier, "4012345000009");
  EXPECT_EQ(order.buyer.identifier_scheme, "GLN");
  EXPECT_EQ(order.buyer.vat_id, "DE123456789");
  EXPECT_EQ(order.buyer.address.street, "Industriestraße 12");
  EXPECT_EQ(order.buyer.address.additional_street, "Halle B");
  EXPECT_EQ(order.buyer.address.city, "Köln");
  EXPECT_EQ(order.buyer.address.postal_code, "50667");
  EXPECT_EQ(order.buyer.address.country_code, "DE");
  EXPECT_EQ(order.buyer.contact.name, "Anna Schmidt");
  EXPECT_EQ(order.buyer.contact.phone, "+49 221 555 0101");
  EXPECT_EQ(order.buyer.contact.email, "anna.schmidt@baumarkt-mueller.example");

  EXPECT_EQ(order.seller.name, "Atrium Tools NV");
  EXPECT_EQ(order.seller.identifier, "5412345000013");
  EXPECT_EQ(order.seller.address.city, "Brussel");
  EXPECT_EQ(order.seller.address.country_code, "BE");
  EXPECT_EQ(order.seller.contact.name, "");  // the CTA belongs to the buyer

  EXPECT_EQ(order.delivery.party_name, "Baumarkt Müller Lager Nord");
  EXPECT_EQ(order.delivery.address.street, "Lagerweg 4");
  EXPECT_EQ(order.delivery.address.postal_code, "50825");
  EXPECT_EQ(order.delivery.requested_start, "2024-03-22");
  EXPECT_EQ(order.delivery.requested_end, "2024-03-22");

  ASSERT_EQ(order.lines.size(), 3u);
  const IncomingOrderLine& hammer = order.lines[0];
  EXPECT_EQ(hammer.line_id, "1");
  EXPECT_EQ(hammer.standard_item_id, "4006381333931");
  EXPECT_EQ(hammer.seller_item_id, "HS-200");
  EXPECT_EQ(hammer.buyer_item_id, "B-7781");
  EXPECT_EQ(hammer.name, "Hammer 500 g, fibreglass handle");
  EXPECT_EQ(hammer.quantity, d("24"));
  EXPECT_EQ(hammer.unit_code, "PCE");
  EXPECT_EQ(hammer.unit_price, d("12.99"));
  EXPECT_EQ(hammer.price_base_quantity, std::nullopt);
  EXPECT_EQ(hammer.line_extension_amount, d("311.76"));

  EXPECT_EQ(order.lines[1].name, "Screwdriver set'Pro', 12 pieces");  // released terminators
  EXPECT_EQ(order.lines[1].quantity, d("10"));
  EXPECT_EQ(order.lines[1].unit_code, "SET");

  const IncomingOrderLine& cable = order.lines[2];
  EXPECT_EQ(cable.quantity, d("12.5"));
  EXPECT_EQ(cable.unit_code, "MTR");
  EXPECT_EQ(cable.unit_price, d("18.40"));
  EXPECT_EQ(cable.price_base_quantity, d("10"));
  EXPECT_EQ(cable.line_extension_amount, d("23"));

  EXPECT_EQ(order.totals.line_extension_amount, d("583.76"));
  EXPECT_EQ(order.totals.tax_amount, d("110.91"));
  EXPECT_EQ(order.totals.payable_amount, d("694.67"));
}

TEST(IncomingOrderEdifact, ReadsTheExampleInterchange) {
  expect_example_values(parse_edifact_orders(example_interchange()));
}

TEST(IncomingOrderEdifact, ReadsTheSameInterchangeInUtf8AndWithoutLineBreaks) {
  auto text = replaced(latin1_as_utf8(example_interchange()), "UNOC:3", "UNOW:4");
  expect_example_values(parse_edifact_orders(text));

  std::string one_line;
  std::copy_if(text.begin(), text.end(), std::back_inserter(one_line), [](char c) { return c != '\n'; });
  expect_example_values(parse_edifact_orders(one_line));
  // Windows line ends, and a segment wrapped by a mail gateway, are not data either.
  std::string windows;
  for (const char c : text) windows += c == '\n' ? std::string("\r\n") : std::string(1, c);
  expect_example_values(parse_edifact_orders(replaced(windows, "PO-2024-", "PO-20\r\n24-")));
}

TEST(IncomingOrderEdifact, HonoursOtherSeparatorsFromTheServiceStringAdvice) {
  const std::string text =
      "UNA>*,! ~\n"
      "UNB*UNOY>3*BUYER*SELLER*240315>0930*REF42~\n"
      "UNH*M1*ORDERS>D>96A>UN~\n"
      "BGM*220*PO!*77!~!!*9~\n"
      "DTM*137>20240315>102~\n"
      "NAD*BY*123**Käufer AG~\n"
      "LIN*1**4006381333931>EN~\n"
      "QTY*21>2,5>KGM~\n"
      "PRI*AAA>1,25~\n"
      "UNS*S~\n"
      "CNT*2>1~\n"
      "UNT*10*M1~\n"
      "UNZ*1*REF42~\n";
  const auto result = parse_edifact_orders(text);
  ASSERT_TRUE(result.order) << describe(result);
  EXPECT_EQ(result.order->document_id, "PO*77~!");
  EXPECT_EQ(result.order->buyer.name, "Käufer AG");
  ASSERT_EQ(result.order->lines.size(), 1u);
  EXPECT_EQ(result.order->lines[0].quantity, d("2.5"));
  EXPECT_EQ(result.order->lines[0].unit_price, d("1.25"));
  EXPECT_EQ(result.order->currency, "");

  // With ',' as the decimal mark a '.' is not one.
  const auto point = parse_edifact_orders(replaced(text, "QTY*21>2,5>KGM", "QTY*21>2.5>KGM"));
  EXPECT_FALSE(point.order);
  EXPECT_TRUE(has_issue(point, "segment 8 (QTY)", "ORDER_INVALID_NUMBER")) << describe(point);

  const auto bad_advice = parse_edifact_orders(replaced(text, "UNA>*,! ~", "UNA>>,! ~"));
  EXPECT_FALSE(bad_advice.order);
  EXPECT_TRUE(has_issue(bad_advice, "segment 1 (UNA)", "EDIFACT_SYNTAX")) << describe(bad_advice);
}

TEST(IncomingOrderEdifact, ChecksTheControlCountsAndReferences) {
  const auto example = example_interchange();
  const auto short_count = parse_edifact_orders(replaced(example, "UNT+38+1'", "UNT+37+1'"));
  EXPECT_FALSE(short_count.order);
  ASSERT_EQ(short_count.issues.size(), 1u) << describe(short_count);
  EXPECT_EQ(short_count.issues[0].path, "segment 40 (UNT)");
  EXPECT_EQ(short_count.issues[0].code, "EDIFACT_CONTROL_MISMATCH");
  EXPECT_NE(short_count.issues[0].message.find("38"), std::string::npos) << short_count.issues[0].message;

  const auto other_reference = parse_edifact_orders(replaced(example, "UNT+38+1'", "UNT+38+2'"));
  EXPECT_TRUE(has_issue(other_reference, "segment 40 (UNT)", "EDIFACT_CONTROL_MISMATCH")) << describe(other_reference);

  const auto interchange = parse_edifact_orders(replaced(example, "UNZ+1+ORD0001'", "UNZ+2+ORD0002'"));
  EXPECT_EQ(interchange.issues.size(), 2u) << describe(interchange);
  EXPECT_TRUE(has_issue(interchange, "segment 41 (UNZ)", "EDIFACT_CONTROL_MISMATCH"));

  const auto line_count = parse_edifact_orders(replaced(example, "CNT+2:3'", "CNT+2:4'"));
  EXPECT_TRUE(has_issue(line_count, "segment 39 (CNT)", "EDIFACT_CONTROL_MISMATCH")) << describe(line_count);
}

TEST(IncomingOrderEdifact, ReportsACutOffFile) {
  const auto example = example_interchange();
  // Cut inside a segment: the segment, the message and the interchange are unfinished.
  const auto inside = parse_edifact_orders(example.substr(0, example.find("QTY+21:10:SET") + 8));
  EXPECT_FALSE(inside.order);
  EXPECT_TRUE(has_issue(inside, "segment 26 (QTY)", "EDIFACT_SYNTAX")) << describe(inside);
  EXPECT_TRUE(has_issue(inside, "segment 3 (UNH)", "EDIFACT_SYNTAX")) << describe(inside);
  EXPECT_TRUE(has_issue(inside, "file", "EDIFACT_SYNTAX")) << describe(inside);
  const auto cut = std::find_if(inside.issues.begin(), inside.issues.end(),
                                [](const OrderImportIssue& issue) { return issue.path == "segment 26 (QTY)"; });
  ASSERT_NE(cut, inside.issues.end());
  EXPECT_NE(cut->message.find("cut off"), std::string::npos) << cut->message;

  // Cut after a whole segment: no UNT and no UNZ.
  const auto between = parse_edifact_orders(example.substr(0, example.find("UNS+S'")));
  EXPECT_FALSE(between.order);
  EXPECT_TRUE(has_issue(between, "segment 3 (UNH)", "EDIFACT_SYNTAX")) << describe(between);
  EXPECT_TRUE(has_issue(between, "file", "EDIFACT_SYNTAX")) << describe(between);

  // A release character as the last byte.
  const auto released = parse_edifact_orders(example + "?");
  EXPECT_FALSE(released.order);
  EXPECT_EQ(released.issues.size(), 1u) << describe(released);
  EXPECT_EQ(released.issues[0].code, "EDIFACT_SYNTAX");
}

TEST(IncomingOrderEdifact, ReportsEveryProblemOfAMessageWithItsSegment) {
  auto text = example_interchange();
  text = replaced(text, "BGM+220+PO-2024-0117+9'", "BGM+220++9'");
  text = replaced(text, "DTM+137:20240315:102'", "DTM+137:20240231:102'");
  text = replaced(text, "QTY+21:24:PCE'", "QTY+21:2x4:PCE'");
  text = replaced(text, "PRI+AAA:24.90'", "PRI+AAA:24,90'");
  text = replaced(text, "NAD+SU+5412345000013::9++Atrium Tools NV+Kunstlaan 5+Brussel++1000+BE'",
                  "NAD+SU+5412345000013::9++Atrium Tools NV+Kunstlaan 5+Brussel++1000+Belgium'");
  const auto result = parse_edifact_orders(text);
  EXPECT_FALSE(result.order);
  EXPECT_TRUE(has_issue(result, "segment 4 (BGM)", "ORDER_MISSING_FIELD")) << describe(result);
  EXPECT_TRUE(has_issue(result, "segment 5 (DTM)", "ORDER_INVALID_DATE")) << describe(result);
  EXPECT_TRUE(has_issue(result, "segment 20 (QTY)", "ORDER_INVALID_NUMBER")) << describe(result);
  EXPECT_TRUE(has_issue(result, "segment 28 (PRI)", "ORDER_INVALID_NUMBER")) << describe(result);
  EXPECT_TRUE(has_issue(result, "segment 14 (NAD)", "ORDER_INVALID_CODE")) << describe(result);
  EXPECT_EQ(result.issues.size(), 5u) << describe(result);

  // Segments left out: a line without quantity, a message without date and buyer.
  auto missing = example_interchange();
  missing = replaced(missing, "QTY+21:10:SET'\n", "");
  missing = replaced(missing, "DTM+137:20240315:102'\n", "");
  missing = replaced(missing, "NAD+BY+", "NAD+IV+");
  missing = replaced(missing, "UNT+38+1'", "UNT+36+1'");
  const auto gaps = parse_edifact_orders(missing);
  EXPECT_FALSE(gaps.order);
  EXPECT_TRUE(has_issue(gaps, "segment 22 (LIN)", "ORDER_MISSING_FIELD")) << describe(gaps);
  EXPECT_TRUE(has_issue(gaps, "segment 3 (UNH)", "ORDER_MISSING_FIELD")) << describe(gaps);
  EXPECT_EQ(gaps.issues.size(), 3u) << describe(gaps);
}

TEST(IncomingOrderEdifact, RefusesOtherMessagesAndSeveralOrders) {
  const auto example = example_interchange();
  const auto invoice = parse_edifact_orders(replaced(example, "ORDERS:D:96A", "INVOIC:D:96A"));
  EXPECT_TRUE(has_issue(invoice, "segment 3 (UNH)", "ORDER_WRONG_DOCUMENT")) << describe(invoice);

  const auto cancellation = parse_edifact_orders(replaced(example, "BGM+220+PO-2024-0117+9'", "BGM+220+PO-2024-0117+1'"));
  EXPECT_TRUE(has_issue(cancellation, "segment 4 (BGM)", "ORDER_WRONG_DOCUMENT")) << describe(cancellation);

  // The same message twice in one interchange.
  const auto start = example.find("UNH+");
  const auto end = example.find("UNZ+");
  auto twice = example;
  twice.insert(end, example.substr(start, end - start));
  twice = replaced(twice, "UNZ+1+", "UNZ+2+");
  const auto several = parse_edifact_orders(twice);
  EXPECT_FALSE(several.order);
  ASSERT_EQ(several.issues.size(), 1u) << describe(several);
  EXPECT_EQ(several.issues[0].code, "EDIFACT_SEVERAL_MESSAGES");
  EXPECT_EQ(several.issues[0].path, "segment 41 (UNH)");
}

TEST(IncomingOrderEdifact, RefusesWhatIsNotEdifact) {
  const auto example = example_interchange();
  // Latin-1 bytes in an interchange that says it is UTF-8.
  const auto encoding = parse_edifact_orders(replaced(example, "UNOC:3", "UNOW:4"));
  ASSERT_EQ(encoding.issues.size(), 1u) << describe(encoding);
  EXPECT_EQ(encoding.issues[0].code, "ORDER_INVALID_ENCODING");

  const auto tag = parse_edifact_orders(replaced(example, "LIN+2++", "lin+2++"));
  EXPECT_TRUE(has_issue(tag, "segment 23", "EDIFACT_SYNTAX")) << describe(tag);

  for (const std::string text : {"", "UNA", "UNB+UNOC:3'", "hello world"}) {
    const auto result = parse_edifact_orders(text);
    EXPECT_FALSE(result.order) << text;
    EXPECT_FALSE(result.issues.empty()) << text;
  }
}

}  // namespace
}  // namespace atrium::sales
