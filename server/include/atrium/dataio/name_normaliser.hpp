#pragma once
// A party's name as duplicate detection compares it: case and accents folded
// ("Müller" → "muller"), punctuation and runs of space collapsed to one space, and for
// organisations the trailing legal-form words dropped ("ACME GmbH & Co. KG" → "acme").
#include <string>
#include <string_view>

namespace atrium::dataio {

enum class LegalForms { keep, strip };

std::string normalise_name(std::string_view name, LegalForms legal_forms);

}  // namespace atrium::dataio
