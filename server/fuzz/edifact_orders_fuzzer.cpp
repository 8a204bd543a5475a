// libFuzzer target for the EDIFACT ORDERS reader: any bytes give an order or a list of
// issues that keeps the readers' promises (incoming_order_promises.hpp), never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "incoming_order_promises.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace atrium::sales;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto result = parse_edifact_orders(text);
  fuzzing::check_promises(result, IncomingOrderFormat::edifact);
  return 0;
}
