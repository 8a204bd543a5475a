#include "atrium/core/text_fold.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>

namespace atrium {

std::string fold_text(std::string_view text) {
  // A transliterator costs milliseconds to build and is not thread-safe: one per thread.
  thread_local std::unique_ptr<icu::Transliterator> folder = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> built(icu::Transliterator::createInstance(
        "NFD; [:Nonspacing Mark:] Remove; Lower; NFC", UTRANS_FORWARD, status));
    return U_SUCCESS(status) ? std::move(built) : nullptr;
  }();
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (folder) {
    folder->transliterate(unicode);
  } else {
    unicode.toLower();
  }
  std::string folded;
  unicode.toUTF8String(folded);
  return folded;
}

}  // namespace atrium
