#pragma once
// A phone number as duplicate detection compares it: "+" and the digits in international
// form, so "+44 20 7123 4567", "0044 20 7123 4567" and, in Great Britain,
// "(020) 7123 4567" are all "+442071234567". A national number (no "+" or "00") takes the
// calling code of `country` (ISO 3166 alpha-2) after dropping its trunk "0"; without a
// known country it stays national ("2071234567"). Empty for text with too few digits to be
// a number.
#include <optional>
#include <string>
#include <string_view>

namespace atrium::dataio {

std::string normalise_phone(std::string_view phone, std::string_view country);

// The calling code of an ISO 3166 alpha-2 country ("GB" → "44"), when known.
std::optional<std::string_view> calling_code(std::string_view country);

}  // namespace atrium::dataio
