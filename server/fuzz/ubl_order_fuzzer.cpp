// libFuzzer target for the UBL Order reader: any bytes give an order or a list of issues
// that keeps the readers' promises (incoming_order_promises.hpp), never a crash; the same
// bytes read through the format detection give the same answer.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "incoming_order_promises.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace atrium::sales;
  const std::string_view xml(reinterpret_cast<const char*>(data), size);
  const auto result = parse_ubl_order(xml);
  fuzzing::check_promises(result, IncomingOrderFormat::ubl);
  if (result.order) {
    const auto detected = parse_incoming_order(xml);
    fuzzing::check(detected.order && detected.order->document_id == result.order->document_id);
  }
  return 0;
}
