// An order file's format told by its first bytes, whichever reader it then needs.
#include <gtest/gtest.h>

#include <string>

#include "atrium/sales/incoming_order.hpp"
#include "incoming_order_fixture.hpp"

namespace atrium::sales {
namespace {

using testing::read_order_fixture;

TEST(IncomingOrderFormat, TellsTheFormatsApart) {
  const auto xml = read_order_fixture("ubl/UBL-Order-2.1-Example.xml");
  const auto edi = read_order_fixture("edifact/orders-d96a-unoc.edi");
  ASSERT_FALSE(xml.empty());
  ASSERT_FALSE(edi.empty());

  const auto ubl = parse_incoming_order("\xEF\xBB\xBF\n" + xml);
  ASSERT_TRUE(ubl.order);
  EXPECT_EQ(ubl.order->format, IncomingOrderFormat::ubl);
  EXPECT_EQ(ubl.order->document_id, "34");

  const auto edifact = parse_incoming_order("\r\n" + edi);
  ASSERT_TRUE(edifact.order);
  EXPECT_EQ(edifact.order->format, IncomingOrderFormat::edifact);
  EXPECT_EQ(edifact.order->document_id, "PO-2024-0117");

  // A refused file keeps the reader's own issues.
  const auto change = parse_incoming_order(read_order_fixture("ubl/UBL-OrderChange-2.1-Example.xml"));
  ASSERT_EQ(change.issues.size(), 1u);
  EXPECT_EQ(change.issues[0].code, "ORDER_WRONG_DOCUMENT");

  for (const std::string text : {"", "  \n", "Order;Qty\n1;2\n", "%PDF-1.7"}) {
    const auto unknown = parse_incoming_order(text);
    EXPECT_FALSE(unknown.order);
    ASSERT_EQ(unknown.issues.size(), 1u) << text;
    EXPECT_EQ(unknown.issues[0].code, "ORDER_UNKNOWN_FORMAT");
  }
}

}  // namespace
}  // namespace atrium::sales
