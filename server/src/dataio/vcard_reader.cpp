#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "atrium/dataio/vcard.hpp"

namespace atrium::dataio {

namespace {

std::string upper(std::string_view text) {
  std::string result(text);
  for (auto& c : result) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return result;
}

bool equals_folded(std::string_view left, std::string_view right) {
  return left.size() == right.size() && std::equal(left.begin(), left.end(), right.begin(), [](char a, char b) {
           return std::toupper(static_cast<unsigned char>(a)) == std::toupper(static_cast<unsigned char>(b));
         });
}

bool valid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    std::uint32_t code = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      length = 2;
      code = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      length = 3;
      code = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      length = 4;
      code = c & 0x07;
    } else {
      return false;
    }
    if (i + length > text.size()) return false;
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return false;
      code = (code << 6) | (next & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
    if ((length == 2 && code < 0x80) || (length == 3 && code < 0x800) || (length == 4 && code < 0x10000) ||
        code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
      return false;
    }
    i += length;
  }
  return true;
}

bool name_text(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
  });
}

// Splits at `separator` outside double quotes.
std::vector<std::string_view> split_outside_quotes(std::string_view text, char separator) {
  std::vector<std::string_view> pieces;
  bool quoted = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '"') quoted = !quoted;
    if (text[i] == separator && !quoted) {
      pieces.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  pieces.push_back(text.substr(start));
  return pieces;
}

std::string unescape(std::string_view text) {
  std::string result;
  result.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\' || i + 1 == text.size()) {
      result += text[i];
      continue;
    }
    const char next = text[++i];
    result += next == 'n' || next == 'N' ? '\n' : next;
  }
  return result;
}

// The value split at unescaped ';' for the properties whose values have parts.
std::vector<std::string> parts_of(std::string_view name, std::string_view value) {
  static constexpr std::string_view kStructured[] = {"N", "ADR", "ORG", "GENDER", "CLIENTPIDMAP"};
  std::vector<std::string> parts;
  if (std::find(std::begin(kStructured), std::end(kStructured), name) == std::end(kStructured)) {
    parts.push_back(unescape(value));
    return parts;
  }
  std::size_t start = 0;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '\\') {
      ++i;
    } else if (value[i] == ';') {
      parts.push_back(unescape(value.substr(start, i - start)));
      start = i + 1;
    }
  }
  parts.push_back(unescape(value.substr(start)));
  return parts;
}

struct ParsedLine {
  std::optional<VCardProperty> property;
  std::string error;
};

ParsedLine parse_property(std::string_view line) {
  // The first ':' outside a quoted parameter value ends the name and parameters.
  bool quoted = false;
  std::size_t colon = std::string_view::npos;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '"') quoted = !quoted;
    if (line[i] == ':' && !quoted) {
      colon = i;
      break;
    }
  }
  if (colon == std::string_view::npos) return {std::nullopt, "a property line has no ':'"};
  const auto head = split_outside_quotes(line.substr(0, colon), ';');
  VCardProperty property;
  std::string_view name = head[0];
  if (const auto dot = name.find('.'); dot != std::string_view::npos) {
    property.group = std::string(name.substr(0, dot));
    name.remove_prefix(dot + 1);
    if (!name_text(property.group)) return {std::nullopt, "a property group is not a name"};
  }
  if (!name_text(name)) return {std::nullopt, "a property name is missing or not a name"};
  property.name = upper(name);
  for (std::size_t i = 1; i < head.size(); ++i) {
    std::string_view parameter = head[i];
    if (parameter.empty()) continue;
    const auto equals = parameter.find('=');
    // vCard 2.1 wrote bare types: "TEL;WORK;VOICE:…".
    std::string key = equals == std::string_view::npos ? "TYPE" : upper(parameter.substr(0, equals));
    std::string_view value = equals == std::string_view::npos ? parameter : parameter.substr(equals + 1);
    if (!name_text(key)) return {std::nullopt, "a parameter name is not a name"};
    std::string unquoted;
    for (char c : value) {
      if (c != '"') unquoted += c;
    }
    property.parameters.emplace_back(std::move(key), std::move(unquoted));
  }
  property.parts = parts_of(property.name, line.substr(colon + 1));
  return {std::move(property), {}};
}

struct CardInProgress {
  VCard card;
  std::size_t position = 0;
  std::optional<VCardError> error;
};

}  // namespace

bool VCardProperty::has_type(std::string_view type) const {
  for (const auto& [key, value] : parameters) {
    if (key != "TYPE") continue;
    for (auto piece : split_outside_quotes(value, ',')) {
      if (equals_folded(piece, type)) return true;
    }
  }
  return false;
}

const VCardProperty* VCard::first(std::string_view name) const {
  for (const auto& property : properties) {
    if (property.name == name) return &property;
  }
  return nullptr;
}

std::vector<const VCardProperty*> VCard::all(std::string_view name) const {
  std::vector<const VCardProperty*> found;
  for (const auto& property : properties) {
    if (property.name == name) found.push_back(&property);
  }
  return found;
}

VCardReadResult read_vcards(std::string_view text) {
  VCardReadResult result;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  // Logical lines: a line starting with a space or tab continues the one before.
  std::vector<std::pair<std::size_t, std::string>> lines;
  std::size_t number = 0;
  bool too_long = false;
  for (std::size_t start = 0; start < text.size();) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view physical = text.substr(start, end - start);
    if (physical.ends_with('\r')) physical.remove_suffix(1);
    ++number;
    start = end + 1;
    if (!physical.empty() && (physical[0] == ' ' || physical[0] == '\t') && !lines.empty()) {
      auto& last = lines.back().second;
      if (last.size() + physical.size() > kMaxVCardLine) {
        too_long = true;
        continue;
      }
      last.append(physical.substr(1));
    } else {
      lines.emplace_back(number, std::string(physical.substr(0, std::min(physical.size(), kMaxVCardLine + 1))));
    }
  }

  std::optional<CardInProgress> current;
  bool outside_reported = false;
  const auto fail = [&](std::size_t line, std::string code, std::string message) {
    if (current && !current->error) current->error = VCardError{current->position, line, std::move(code), std::move(message)};
  };
  for (const auto& [line_number, line] : lines) {
    if (!current) {
      if (line.find_first_not_of(" \t") == std::string::npos) continue;
      if (equals_folded(line, "BEGIN:VCARD")) {
        if (result.total == kMaxVCards) {
          result.errors.push_back({result.total, line_number, "VCARD_TOO_LARGE",
                                   fmt::format("at most {} cards are read from one file", kMaxVCards)});
          break;
        }
        current = CardInProgress{{}, result.total++, std::nullopt};
        outside_reported = false;
      } else if (!outside_reported) {
        result.errors.push_back({result.total, line_number, "VCARD_SYNTAX", "text outside BEGIN:VCARD … END:VCARD"});
        outside_reported = true;
      }
      continue;
    }
    if (equals_folded(line, "END:VCARD")) {
      if (!current->error && current->card.version.empty()) fail(line_number, "VCARD_VERSION", "the card has no VERSION");
      if (current->error) {
        result.errors.push_back(std::move(*current->error));
      } else {
        result.index.push_back(current->position);
        result.cards.push_back(std::move(current->card));
      }
      current.reset();
      continue;
    }
    if (current->error) continue;
    if (line.empty()) continue;
    if (too_long || line.size() > kMaxVCardLine) {
      fail(line_number, "VCARD_TOO_LARGE", fmt::format("a line is longer than {} bytes", kMaxVCardLine));
      continue;
    }
    if (!valid_utf8(line)) {
      fail(line_number, "VCARD_ENCODING", "the text is not UTF-8");
      continue;
    }
    if (equals_folded(line, "BEGIN:VCARD")) {
      fail(line_number, "VCARD_SYNTAX", "a card inside a card");
      continue;
    }
    auto parsed = parse_property(line);
    if (!parsed.property) {
      fail(line_number, "VCARD_SYNTAX", parsed.error);
      continue;
    }
    auto& property = *parsed.property;
    for (const auto& [key, value] : property.parameters) {
      if ((key == "CHARSET" && !equals_folded(value, "UTF-8")) ||
          (key == "ENCODING" && equals_folded(value, "QUOTED-PRINTABLE"))) {
        fail(line_number, "VCARD_ENCODING", fmt::format("{}={} is not read: write the card as UTF-8", key, value));
      }
    }
    if (property.name == "VERSION") {
      if (property.value() != "3.0" && property.value() != "4.0") {
        fail(line_number, "VCARD_VERSION", fmt::format("version {} is not read: 3.0 and 4.0 are", property.value()));
      }
      current->card.version = property.value();
      continue;
    }
    if (current->card.properties.size() == kMaxVCardProperties) {
      fail(line_number, "VCARD_TOO_LARGE", fmt::format("a card has more than {} properties", kMaxVCardProperties));
      continue;
    }
    current->card.properties.push_back(std::move(property));
  }
  if (current) {
    fail(lines.empty() ? 0 : lines.back().first, "VCARD_SYNTAX", "the card has no END:VCARD");
    result.errors.push_back(std::move(*current->error));
  }
  return result;
}

}  // namespace atrium::dataio
