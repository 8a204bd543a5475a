#include "atrium/dataio/phone_normaliser.hpp"

#include <algorithm>
#include <utility>

namespace atrium::dataio {

namespace {

// Calling codes of the countries a customer base most often spans (ITU-T E.164 list).
constexpr std::pair<std::string_view, std::string_view> kCallingCodes[] = {
    {"AE", "971"}, {"AR", "54"},  {"AT", "43"},  {"AU", "61"},  {"BE", "32"},  {"BG", "359"}, {"BR", "55"},
    {"CA", "1"},   {"CH", "41"},  {"CL", "56"},  {"CN", "86"},  {"CO", "57"},  {"CY", "357"}, {"CZ", "420"},
    {"DE", "49"},  {"DK", "45"},  {"EE", "372"}, {"EG", "20"},  {"ES", "34"},  {"FI", "358"}, {"FR", "33"},
    {"GB", "44"},  {"GR", "30"},  {"HK", "852"}, {"HR", "385"}, {"HU", "36"},  {"ID", "62"},  {"IE", "353"},
    {"IL", "972"}, {"IN", "91"},  {"IS", "354"}, {"IT", "39"},  {"JP", "81"},  {"KR", "82"},  {"LI", "423"},
    {"LT", "370"}, {"LU", "352"}, {"LV", "371"}, {"MA", "212"}, {"MC", "377"}, {"MT", "356"}, {"MX", "52"},
    {"MY", "60"},  {"NG", "234"}, {"NL", "31"},  {"NO", "47"},  {"NZ", "64"},  {"PE", "51"},  {"PH", "63"},
    {"PL", "48"},  {"PT", "351"}, {"RO", "40"},  {"RS", "381"}, {"RU", "7"},   {"SA", "966"}, {"SE", "46"},
    {"SG", "65"},  {"SI", "386"}, {"SK", "421"}, {"TH", "66"},  {"TR", "90"},  {"TW", "886"}, {"UA", "380"},
    {"US", "1"},   {"VN", "84"},  {"ZA", "27"},
};

// Fewer digits than this are an extension or a typo, not a number worth matching on.
constexpr std::size_t kMinimumDigits = 6;
// E.164 allows 15 digits; a little slack for national prefixes, then it is not a number.
constexpr std::size_t kMaximumDigits = 17;

}  // namespace

std::optional<std::string_view> calling_code(std::string_view country) {
  if (country.size() != 2) return std::nullopt;
  const char upper[2] = {static_cast<char>(std::toupper(static_cast<unsigned char>(country[0]))),
                         static_cast<char>(std::toupper(static_cast<unsigned char>(country[1])))};
  const std::string_view key(upper, 2);
  for (const auto& [iso, code] : kCallingCodes) {
    if (iso == key) return code;
  }
  return std::nullopt;
}

std::string normalise_phone(std::string_view phone, std::string_view country) {
  // An extension ("… ext. 12", "… x12") is not part of the number that identifies a party.
  for (std::string_view marker : {"ext", "Ext", "EXT", "x", "#"}) {
    const auto at = phone.find(marker);
    if (at != std::string_view::npos && at > 0) phone = phone.substr(0, at);
  }
  bool international = false;
  std::string digits;
  for (std::size_t i = 0; i < phone.size(); ++i) {
    const char c = phone[i];
    if (c == '+' && digits.empty()) international = true;
    // "+44 (0)20 …": the trunk zero in brackets is dialled only from inside the country.
    if (c == '(' && international && phone.substr(i, 3) == "(0)") {
      i += 2;
      continue;
    }
    if (c >= '0' && c <= '9') digits += c;
  }
  if (!international && digits.starts_with("00")) {
    international = true;
    digits.erase(0, 2);
  }
  if (digits.size() < kMinimumDigits || digits.size() > kMaximumDigits) return {};
  if (international) return "+" + digits;
  const auto code = calling_code(country);
  // North America writes national numbers without a trunk zero, often with the "1".
  if (code == "1") {
    if (digits.size() == 11 && digits.front() == '1') return "+" + digits;
    return "+1" + digits;
  }
  if (!code) return digits.front() == '0' ? digits.substr(1) : digits;
  // Italy (and San Marino, Vatican) keep the leading zero after the calling code.
  if (*code != "39" && digits.front() == '0') digits.erase(0, 1);
  return "+" + std::string(*code) + digits;
}

}  // namespace atrium::dataio
