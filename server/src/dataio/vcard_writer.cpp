#include "atrium/dataio/vcard.hpp"

namespace atrium::dataio {

namespace {

// RFC 6350 §3.2: lines SHOULD NOT be longer than 75 octets; a continuation starts with
// a space. Never inside a UTF-8 sequence.
void append_folded(std::string& out, std::string_view line) {
  constexpr std::size_t kWidth = 75;
  std::size_t limit = kWidth;
  while (line.size() > limit) {
    std::size_t cut = limit;
    while (cut > 1 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    limit = kWidth - 1;
  }
  out.append(line);
  out += "\r\n";
}

std::string parameter_value(std::string_view value) {
  if (value.find_first_of(":;,") == std::string_view::npos) return std::string(value);
  std::string quoted = "\"";
  for (char c : value) {
    if (c != '"') quoted += c;
  }
  return quoted + "\"";
}

}  // namespace

std::string escape_vcard_text(std::string_view text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\\': escaped += "\\\\"; break;
      case ',': escaped += "\\,"; break;
      case ';': escaped += "\\;"; break;
      case '\n': escaped += "\\n"; break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') break;  // CRLF is one newline
        escaped += "\\n";
        break;
      default: escaped += c;
    }
  }
  return escaped;
}

std::string write_vcard(const VCard& card) {
  std::string out = "BEGIN:VCARD\r\n";
  append_folded(out, "VERSION:" + (card.version.empty() ? std::string("4.0") : card.version));
  for (const auto& property : card.properties) {
    if (property.name == "VERSION") continue;
    std::string line = property.group.empty() ? property.name : property.group + "." + property.name;
    for (const auto& [key, value] : property.parameters) line += ";" + key + "=" + parameter_value(value);
    line += ':';
    for (std::size_t i = 0; i < property.parts.size(); ++i) {
      if (i > 0) line += ';';
      line += escape_vcard_text(property.parts[i]);
    }
    append_folded(out, line);
  }
  out += "END:VCARD\r\n";
  return out;
}

}  // namespace atrium::dataio
