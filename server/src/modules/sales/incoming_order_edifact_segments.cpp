#include "incoming_order_edifact_segments.hpp"

#include <fmt/format.h>

namespace atrium::sales::edifact {

namespace {

using namespace order_values;

bool is_tag_character(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool is_printable_ascii(char c) {
  return c > ' ' && c < 0x7F;
}

// The six characters after "UNA": component, element, decimal mark, release, a reserved
// position (a space in syntax version 3), terminator.
bool read_service_string_advice(std::string_view advice, Separators& separators, OrderIssues& issues) {
  // Every position is a printable ASCII character (or a space for an unused one): the
  // text may be converted from ISO 8859-1 later, which must not move a separator.
  for (const char c : advice) {
    if (c != ' ' && !is_printable_ascii(c)) {
      issues.add("segment 1 (UNA)", kEdifactSyntax,
                 "the service string advice holds a character that is not printable ASCII");
      return false;
    }
  }
  const Separators read{advice[0], advice[1], advice[2], advice[3] == ' ' ? '\0' : advice[3], advice[5]};
  const char delimiters[] = {read.component, read.element, read.terminator};
  for (const char c : delimiters) {
    if (!is_printable_ascii(c) || is_tag_character(c) || (c >= 'a' && c <= 'z')) {
      issues.add("segment 1 (UNA)", kEdifactSyntax,
                 fmt::format("the service string advice names {} as a separator; separators are punctuation",
                             quoted(std::string(1, c))));
      return false;
    }
  }
  const bool distinct = read.component != read.element && read.component != read.terminator &&
                        read.element != read.terminator && read.release != read.component &&
                        read.release != read.element && read.release != read.terminator;
  if (!distinct) {
    issues.add("segment 1 (UNA)", kEdifactSyntax, "the service string advice uses one character for two purposes");
    return false;
  }
  if (read.decimal_mark != '.' && read.decimal_mark != ',') {
    issues.add("segment 1 (UNA)", kEdifactSyntax,
               fmt::format("the decimal mark {} is neither '.' nor ','", quoted(std::string(1, read.decimal_mark))));
    return false;
  }
  separators = read;
  return true;
}

}  // namespace

const std::string& Segment::value(std::size_t element, std::size_t component) const {
  static const std::string kAbsent;
  if (element == 0 || component == 0 || element > elements.size()) return kAbsent;
  const auto& components = elements[element - 1];
  return component > components.size() ? kAbsent : components[component - 1];
}

std::string Segment::where() const {
  return fmt::format("segment {} ({})", number, tag);
}

Interchange split_segments(std::string_view text, OrderIssues& issues) {
  Interchange interchange;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  const auto start = text.find_first_not_of(" \t\r\n");
  text.remove_prefix(start == std::string_view::npos ? text.size() : start);

  std::size_t number = 0;
  if (text.starts_with("UNA")) {
    if (text.size() < 9) {
      issues.add("segment 1 (UNA)", kEdifactSyntax, "the file ends inside the service string advice (UNA)");
      return interchange;
    }
    if (!read_service_string_advice(text.substr(3, 6), interchange.separators, issues)) return interchange;
    text.remove_prefix(9);
    number = 1;
  }
  const Separators& separators = interchange.separators;

  Segment current;
  std::string component;
  bool started = false;  // any data of the current segment seen
  // False once the file has more segments than are read.
  const auto finish_segment = [&]() {
    current.elements.back().push_back(std::move(component));
    component.clear();
    ++number;
    current.number = number;
    // The tag is the first component of the first "element"; the data elements follow.
    const std::string tag = current.elements.front().front();
    const bool tag_ok =
        tag.size() == 3 && is_tag_character(tag[0]) && is_tag_character(tag[1]) && is_tag_character(tag[2]);
    if (!tag_ok) {
      issues.add(fmt::format("segment {}", number), kEdifactSyntax,
                 fmt::format("{} is not a segment tag (three capital letters or digits)", quoted(tag)));
    } else if (interchange.segments.size() == kMaxSegments) {
      issues.add(fmt::format("segment {}", number), kTooLarge,
                 fmt::format("the file has more than {} segments", kMaxSegments));
      return false;
    } else {
      current.tag = tag;
      current.elements.erase(current.elements.begin());
      interchange.segments.push_back(std::move(current));
    }
    current = Segment{};
    current.elements.emplace_back();
    started = false;
    return true;
  };

  current.elements.emplace_back();
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (separators.release != '\0' && c == separators.release) {
      if (i + 1 >= text.size()) {
        issues.add(fmt::format("segment {}", number + 1), kEdifactSyntax,
                   "the file ends after a release character: it is cut off");
        return interchange;
      }
      component.push_back(text[++i]);
      started = true;
      continue;
    }
    // Line breaks are for people reading the file; some senders also wrap long segments.
    if (c == '\r' || c == '\n') continue;
    if (!started && (c == ' ' || c == '\t')) continue;
    if (c == separators.terminator) {
      if (!finish_segment()) return interchange;
      continue;
    }
    started = true;
    if (c == separators.element) {
      current.elements.back().push_back(std::move(component));
      component.clear();
      current.elements.emplace_back();
    } else if (c == separators.component) {
      current.elements.back().push_back(std::move(component));
      component.clear();
    } else {
      component.push_back(c);
    }
  }
  if (started) {
    const std::string& first = current.elements.front().empty() ? component : current.elements.front().front();
    std::string tag;
    for (const char c : first.substr(0, 3)) tag.push_back(is_tag_character(c) ? c : '?');
    issues.add(fmt::format("segment {} ({})", number + 1, tag), kEdifactSyntax,
               fmt::format("the file ends inside segment {} without a segment terminator: it is cut off", number + 1));
  }
  return interchange;
}

std::string latin1_to_utf8(std::string_view text) {
  std::string utf8;
  utf8.reserve(text.size() + text.size() / 8);
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x80) {
      utf8.push_back(c);
    } else {
      utf8.push_back(static_cast<char>(0xC0 | (byte >> 6)));
      utf8.push_back(static_cast<char>(0x80 | (byte & 0x3F)));
    }
  }
  return utf8;
}

}  // namespace atrium::sales::edifact
