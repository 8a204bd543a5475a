#pragma once
// Text as search compares it: lower case, accents removed ("Köln" → "koln",
// "ΑΘΉΝΑ" → "αθηνα"), through ICU so every script is handled alike.
#include <string>
#include <string_view>

namespace atrium {

std::string fold_text(std::string_view text);

}  // namespace atrium
