#include "atrium/dataio/address_book_presets.hpp"

#include "atrium/core/text_fold.hpp"

namespace atrium::dataio {

const std::vector<AddressBookPreset>& address_book_presets() {
  static const std::vector<AddressBookPreset> presets{
      {"google",
       "Google Contacts",
       {{"Given Name", "first_name"},
        {"First Name", "first_name"},
        {"Family Name", "last_name"},
        {"Last Name", "last_name"},
        {"E-mail 1 - Value", "email"},
        {"E-mail 2 - Value", "email_other"},
        {"Phone 1 - Value", "phone"},
        {"Phone 2 - Value", "mobile"},
        {"Organization 1 - Title", "title"},
        {"Organization Title", "title"},
        {"Address 1 - Street", "address.street"},
        {"Address 1 - City", "address.city"},
        {"Address 1 - Postal Code", "address.postal_code"},
        {"Address 1 - Region", "address.region"},
        {"Address 1 - Country", "address.country"},
        {"Birthday", "birthday"},
        {"Notes", "comments"}}},
      {"outlook",
       "Outlook",
       {{"First Name", "first_name"},
        {"Last Name", "last_name"},
        {"Job Title", "title"},
        {"E-mail Address", "email"},
        {"E-mail 2 Address", "email_other"},
        {"Business Phone", "phone"},
        {"Mobile Phone", "mobile"},
        {"Business Street", "address.street"},
        {"Business City", "address.city"},
        {"Business Postal Code", "address.postal_code"},
        {"Business State", "address.region"},
        {"Business Country/Region", "address.country"},
        {"Birthday", "birthday"},
        {"Notes", "comments"}}},
  };
  return presets;
}

const AddressBookPreset* match_address_book_preset(const std::vector<std::string>& header) {
  std::vector<std::string> folded;
  folded.reserve(header.size());
  for (const auto& column : header) folded.push_back(fold_text(column));
  const AddressBookPreset* best = nullptr;
  int best_hits = 0;
  for (const auto& preset : address_book_presets()) {
    int hits = 0;
    // Both exports write "First Name": the preset with more of its own columns wins.
    for (const auto& [column, field] : preset.columns) {
      const std::string wanted = fold_text(column);
      for (const auto& have : folded) {
        if (have == wanted) {
          ++hits;
          break;
        }
      }
    }
    if (hits >= 3 && hits > best_hits) {
      best = &preset;
      best_hits = hits;
    }
  }
  return best;
}

}  // namespace atrium::dataio
