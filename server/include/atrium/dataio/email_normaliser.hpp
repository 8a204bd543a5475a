#pragma once
// An e-mail address as duplicate detection compares it: trimmed and lower-cased; empty
// when the text is not shaped like an address (no "@" between two parts).
#include <string>
#include <string_view>

namespace atrium::dataio {

std::string normalise_email(std::string_view email);

}  // namespace atrium::dataio
