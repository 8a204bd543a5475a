#include "atrium/core/currency.hpp"

#include <algorithm>

namespace atrium {

bool is_currency_code(std::string_view text) {
  return text.size() == 3 && std::all_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

int minor_unit(std::string_view currency) {
  static constexpr std::string_view kNone[] = {"BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG",
                                               "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF"};
  static constexpr std::string_view kThree[] = {"BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"};
  if (std::find(std::begin(kNone), std::end(kNone), currency) != std::end(kNone)) return 0;
  if (std::find(std::begin(kThree), std::end(kThree), currency) != std::end(kThree)) return 3;
  return 2;
}

}  // namespace atrium
