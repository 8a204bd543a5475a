#pragma once
// vCard (RFC 6350, and the 3.0 of RFC 2426 that most address books still write): the
// cards of a .vcf text and the text of a card. Reading unfolds lines, splits parameters
// and structured values, and undoes escapes; writing does the reverse and folds lines at
// 75 octets without splitting a character. Text must be UTF-8.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace atrium::dataio {

struct VCardProperty {
  std::string group;  // "item1" of "item1.EMAIL"; mostly empty
  std::string name;   // upper case: "EMAIL"
  std::vector<std::pair<std::string, std::string>> parameters;  // name upper case; "TYPE" values as written
  // The value split at unescaped ';' (N, ADR, ORG have parts), each part unescaped. Single
  // values have one part.
  std::vector<std::string> parts;

  const std::string& value() const { return parts.front(); }
  // Whether a TYPE parameter (or a 2.1-style bare one) names `type`, case-insensitive.
  bool has_type(std::string_view type) const;
};

struct VCard {
  std::string version;  // "3.0" or "4.0"
  std::vector<VCardProperty> properties;

  const VCardProperty* first(std::string_view name) const;
  std::vector<const VCardProperty*> all(std::string_view name) const;
};

struct VCardError {
  std::size_t card = 0;  // 0-based position among the cards of the text
  std::size_t line = 0;  // 1-based line (after unfolding, counted in the original text)
  std::string code;      // VCARD_SYNTAX, VCARD_VERSION, VCARD_ENCODING, VCARD_TOO_LARGE
  std::string message;
};

struct VCardReadResult {
  std::vector<VCard> cards;        // the cards read without error, in order
  std::vector<std::size_t> index;  // each card's position in the text (to name it in reports)
  std::vector<VCardError> errors;  // per card; one error drops that card only
  std::size_t total = 0;           // cards seen, good and bad
};

inline constexpr std::size_t kMaxVCards = 5000;
inline constexpr std::size_t kMaxVCardProperties = 500;
inline constexpr std::size_t kMaxVCardLine = 64 * 1024;

VCardReadResult read_vcards(std::string_view text);

// One card as text: BEGIN/END, CRLF line ends, folded lines. The card's version is
// written as given (normally "4.0").
std::string write_vcard(const VCard& card);

// Value escaping of RFC 6350 §3.4: backslash, comma, semicolon and newline.
std::string escape_vcard_text(std::string_view text);

}  // namespace atrium::dataio
