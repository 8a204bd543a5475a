// libFuzzer target for the vCard reader and writer. Any input must give cards or an error
// per card, never a crash; every card and error is named by a position among the cards
// seen; and a card read, written and read again is the same card (names, groups,
// parameters and values), so what an export writes an import reads back.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "atrium/dataio/vcard.hpp"

namespace {

using atrium::dataio::read_vcards;
using atrium::dataio::write_vcard;

void check(bool condition) {
  if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto read = read_vcards(text);
  check(read.cards.size() == read.index.size());
  check(read.cards.size() <= read.total);
  for (std::size_t i = 0; i < read.index.size(); ++i) {
    check(read.index[i] < read.total);
    if (i > 0) check(read.index[i] > read.index[i - 1]);
  }
  for (const auto& error : read.errors) {
    check(!error.code.empty() && !error.message.empty());
    check(error.card <= read.total);
  }
  for (const auto& card : read.cards) {
    check(card.version == "3.0" || card.version == "4.0");
    for (const auto& property : card.properties) check(!property.name.empty() && !property.parts.empty());
    const auto again = read_vcards(write_vcard(card));
    check(again.errors.empty());
    check(again.cards.size() == 1);
    const auto& back = again.cards[0];
    check(back.version == card.version);
    check(back.properties.size() == card.properties.size());
    for (std::size_t i = 0; i < card.properties.size(); ++i) {
      const auto& original = card.properties[i];
      const auto& copy = back.properties[i];
      check(copy.name == original.name && copy.group == original.group);
      check(copy.parameters == original.parameters);
      // A lone carriage return inside a value is written as a line break: the one loss.
      if (original.parts.size() == copy.parts.size()) {
        for (std::size_t k = 0; k < original.parts.size(); ++k) {
          if (original.parts[k].find('\r') == std::string::npos) check(copy.parts[k] == original.parts[k]);
        }
      } else {
        bool carriage_return = false;
        for (const auto& part : original.parts) carriage_return |= part.find('\r') != std::string::npos;
        check(carriage_return);
      }
    }
  }
  return 0;
}
