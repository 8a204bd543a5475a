#pragma once
// An EDIFACT interchange cut into segments, elements and components (ISO 9735 syntax
// version 3): the service string advice (UNA) sets the separators, the release character
// keeps a separator as text, line breaks between or inside segments are not data.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "incoming_order_values.hpp"

namespace atrium::sales::edifact {

struct Separators {
  char component = ':';
  char element = '+';
  char decimal_mark = '.';
  char release = '?';  // '\0' when the UNA says none is used
  char terminator = '\'';
};

struct Segment {
  std::size_t number = 0;  // 1-based in file order, UNA included
  std::string tag;
  // The data elements after the tag, each a list of components.
  std::vector<std::vector<std::string>> elements;

  // Element and component counted from 1 as the directories count them ("QTY+21:5"
  // has 21 at 1/1 and 5 at 1/2); empty when absent.
  const std::string& value(std::size_t element, std::size_t component = 1) const;
  // "segment 14 (QTY)"
  std::string where() const;
};

struct Interchange {
  Separators separators;
  std::vector<Segment> segments;
};

// At most this many segments are read from one file: ten thousand lines of a few
// segments each, and the header, fit well below it.
inline constexpr std::size_t kMaxSegments = 200'000;

// Cuts `text` into segments. Syntax problems (a bad UNA, a tag that is not three letters
// or digits, a file ending inside a segment) are added to `issues`; segments read up to
// a problem are still returned.
Interchange split_segments(std::string_view text, order_values::OrderIssues& issues);

// ISO 8859-1 text (syntax level UNOC) as UTF-8.
std::string latin1_to_utf8(std::string_view text);

}  // namespace atrium::sales::edifact
