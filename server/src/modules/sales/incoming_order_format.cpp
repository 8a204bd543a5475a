// Which reader a file needs, told by its first characters: XML starts with '<' (after a
// byte order mark and blanks), an EDIFACT interchange with UNA, UNB or a bare UNH.
#include <fmt/format.h>

#include "atrium/sales/incoming_order.hpp"
#include "incoming_order_values.hpp"

namespace atrium::sales {

OrderParseResult parse_incoming_order(std::string_view bytes) {
  std::string_view start = bytes;
  if (start.starts_with("\xEF\xBB\xBF")) start.remove_prefix(3);
  const auto first = start.find_first_not_of(" \t\r\n");
  start.remove_prefix(first == std::string_view::npos ? start.size() : first);
  if (start.starts_with("<") || start.starts_with("\xFE\xFF") || start.starts_with("\xFF\xFE")) {
    return parse_ubl_order(bytes);
  }
  if (start.starts_with("UNA") || start.starts_with("UNB") || start.starts_with("UNH")) {
    return parse_edifact_orders(bytes);
  }
  order_values::OrderIssues issues;
  issues.add("/", order_values::kUnknownFormat,
             start.empty() ? std::string("the file is empty")
                           : std::string("the file is neither a UBL Order (XML) nor an EDIFACT ORDERS interchange"));
  return std::move(issues).refuse();
}

}  // namespace atrium::sales
