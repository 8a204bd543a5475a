#pragma once
// ISO 4217 facts that amounts need: whether a code is well formed and how many digits
// after the point the currency shows.
#include <string_view>

namespace atrium {

// Three capital letters.
bool is_currency_code(std::string_view text);
// Digits after the point (ISO 4217 minor units): 0 for JPY, 3 for KWD, 2 unless listed.
int minor_unit(std::string_view currency);

}  // namespace atrium
