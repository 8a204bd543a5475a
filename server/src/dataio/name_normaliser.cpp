#include "atrium/dataio/name_normaliser.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <vector>

#include "atrium/core/text_fold.hpp"

namespace atrium::dataio {

namespace {

// Legal-form words as they read once folded and without dots ("S.A.R.L." → "sarl").
// Multi-word forms ("GmbH & Co. KG", "Pty Ltd", "Sp. z o.o.") are runs of these words.
constexpr std::string_view kLegalForms[] = {
    "ab",   "ag",   "aps",  "as",   "asa",  "bhd",  "bv",  "bvba", "co",   "company", "corp", "corporation",
    "cv",   "eg",   "ek",   "ev",   "gbr",  "gesmbh", "gmbh", "haftungsbeschrankt", "inc", "incorporated",
    "kft",  "kg",   "kgaa", "kk",   "lda",  "limited", "llc", "llp",  "lp",   "ltd",   "ltda", "mbh",
    "nv",   "ohg",  "oo",   "oy",   "oyj",  "plc",  "private", "pte", "pty", "pvt",  "sa",   "sac",
    "sae",  "sarl", "sas",  "sdn",  "se",   "sl",   "slu",  "sp",   "spa",  "sro",  "srl",  "ug",  "z"};

bool legal_form(std::string_view word) {
  return std::find(std::begin(kLegalForms), std::end(kLegalForms), word) != std::end(kLegalForms);
}

// Folded text split into words of letters and digits: dots and apostrophes join
// ("g.m.b.h." → "gmbh", "o'neil" → "oneil"), anything else separates.
std::vector<std::string> words_of(const std::string& folded) {
  std::vector<std::string> words(1);
  const auto* bytes = reinterpret_cast<const uint8_t*>(folded.data());
  const auto length = static_cast<int32_t>(folded.size());
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c == '.' || c == '\'' || c == 0x2019) continue;
    if (c >= 0 && u_isalnum(c)) {
      words.back().append(folded, static_cast<std::size_t>(start), static_cast<std::size_t>(i - start));
    } else if (!words.back().empty()) {
      words.emplace_back();
    }
  }
  if (words.back().empty()) words.pop_back();
  return words;
}

}  // namespace

std::string normalise_name(std::string_view name, LegalForms legal_forms) {
  auto words = words_of(fold_text(name));
  if (legal_forms == LegalForms::strip) {
    // Trailing words only, and never the whole name: "Co-operative Bank" stays, and a
    // company called "AG" is still "ag".
    while (words.size() > 1 && legal_form(words.back())) words.pop_back();
  }
  std::string normalised;
  for (const auto& word : words) {
    if (!normalised.empty()) normalised += ' ';
    normalised += word;
  }
  return normalised;
}

}  // namespace atrium::dataio
