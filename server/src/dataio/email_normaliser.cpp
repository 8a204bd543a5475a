#include "atrium/dataio/email_normaliser.hpp"

#include "atrium/core/text_fold.hpp"

namespace atrium::dataio {

std::string normalise_email(std::string_view email) {
  constexpr std::string_view kSpace = " \t\r\n";
  const auto first = email.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  email = email.substr(first, email.find_last_not_of(kSpace) - first + 1);
  // "Mailto:" prefixes come with pasted links and vCards.
  if (email.size() > 7 && fold_text(email.substr(0, 7)) == "mailto:") email.remove_prefix(7);
  const auto at = email.rfind('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == email.size()) return {};
  // Only case is folded: accents are part of an internationalised address.
  std::string normalised(email);
  for (auto& c : normalised) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return normalised;
}

}  // namespace atrium::dataio
