#pragma once
// The CSV columns of the common address-book exports (Google Contacts, old and new, and
// Outlook) and the contact field each one fills, so such a file maps itself.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace atrium::dataio {

struct AddressBookPreset {
  std::string_view name;  // "google", "outlook"
  std::string_view label;
  // Column name (as the export writes it) → contact field or address part.
  std::vector<std::pair<std::string_view, std::string_view>> columns;
};

const std::vector<AddressBookPreset>& address_book_presets();

// The preset most of whose columns the header has (at least three, compared without
// case), or null.
const AddressBookPreset* match_address_book_preset(const std::vector<std::string>& header);

}  // namespace atrium::dataio
