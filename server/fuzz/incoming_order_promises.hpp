#pragma once
// What every incoming-order reader promises for any input, checked by the fuzz targets:
// an order exactly when there are no issues; each issue with a path, a code and a
// message; reports and orders within their limits; all text valid UTF-8 (the readers
// convert or refuse other encodings); dates as yyyy-mm-dd and quantities above zero.
#include <cstdlib>
#include <string_view>

#include "atrium/sales/incoming_order.hpp"
#include "incoming_order_values.hpp"

namespace atrium::sales::fuzzing {

inline void check(bool condition) {
  if (!condition) std::abort();
}

inline void check_text(std::string_view text) {
  check(!order_values::first_invalid_utf8(text).has_value());
}

inline void check_date(std::string_view date) {
  check(date.empty() || order_values::is_iso_date(date));
}

inline void check_party(const OrderParty& party) {
  for (const auto* text : {&party.name, &party.identifier, &party.identifier_scheme, &party.endpoint_id, &party.vat_id,
                           &party.company_id, &party.address.street, &party.address.additional_street,
                           &party.address.city, &party.address.postal_code, &party.address.region,
                           &party.address.country_code, &party.contact.name, &party.contact.email,
                           &party.contact.phone}) {
    check_text(*text);
  }
}

inline void check_promises(const OrderParseResult& result, IncomingOrderFormat format) {
  check(result.order.has_value() == result.issues.empty());
  check(result.issues.size() <= kMaxOrderIssues);
  for (const auto& issue : result.issues) {
    check(!issue.code.empty() && !issue.message.empty() && !issue.path.empty());
    check_text(issue.path);
    check_text(issue.message);
  }
  if (!result.order) return;
  const IncomingOrder& order = *result.order;
  check(order.format == format);
  check(!order.document_id.empty());
  check(order.issue_date.size() == 10);
  check_date(order.issue_date);
  check_date(order.delivery.requested_start);
  check_date(order.delivery.requested_end);
  check(order.currency.empty() || order.currency.size() == 3);
  check_text(order.document_id);
  check_text(order.note);
  check_party(order.buyer);
  check_party(order.seller);
  check_text(order.delivery.party_name);
  check(!order.lines.empty() && order.lines.size() <= kMaxOrderLines);
  for (const auto& line : order.lines) {
    check(!line.quantity.is_negative() && !line.quantity.is_zero());
    check(!line.line_id.empty());
    for (const auto* text : {&line.line_id, &line.buyer_item_id, &line.seller_item_id, &line.standard_item_id,
                             &line.name, &line.description, &line.note, &line.unit_code}) {
      check_text(*text);
    }
  }
}

}  // namespace atrium::sales::fuzzing
