#include "atrium/workflow/template_lexer.hpp"

#include <fmt/format.h>

namespace atrium::workflow {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
bool valid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    std::uint32_t code = 0;
    if (byte < 0x80) {
      ++i;
      continue;
    }
    if ((byte & 0xE0) == 0xC0) {
      length = 2;
      code = byte & 0x1F;
    } else if ((byte & 0xF0) == 0xE0) {
      length = 3;
      code = byte & 0x0F;
    } else if ((byte & 0xF8) == 0xF0) {
      length = 4;
      code = byte & 0x07;
    } else {
      return false;
    }
    if (i + length > text.size()) return false;
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return false;
      code = (code << 6) | (next & 0x3F);
    }
    if ((length == 2 && code < 0x80) || (length == 3 && code < 0x800) || (length == 4 && code < 0x10000) ||
        code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
      return false;
    }
    i += length;
  }
  return true;
}

// Line and column of byte offsets met in increasing order, in one pass over the source.
class PositionCursor {
 public:
  explicit PositionCursor(std::string_view source) : source_(source) {}
  TemplatePosition at(std::size_t offset) {
    while (offset_ < offset && offset_ < source_.size()) {
      const char c = source_[offset_++];
      if (c == '\n') {
        ++position_.line;
        position_.column = 1;
      } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
        ++position_.column;
      }
    }
    return position_;
  }

 private:
  std::string_view source_;
  std::size_t offset_ = 0;
  TemplatePosition position_;
};

// The offset of `{% <word> %}` (with optional whitespace control) at or after `from`,
// and the offset just past it; npos when there is none.
std::pair<std::size_t, std::size_t> find_end_tag(std::string_view source, std::size_t from, std::string_view word) {
  for (std::size_t start = source.find("{%", from); start != std::string_view::npos;
       start = source.find("{%", start + 2)) {
    std::size_t i = start + 2;
    if (i < source.size() && source[i] == '-') ++i;
    while (i < source.size() && is_space(source[i])) ++i;
    if (source.substr(i, word.size()) != word) continue;
    i += word.size();
    while (i < source.size() && is_space(source[i])) ++i;
    if (i < source.size() && source[i] == '-') ++i;
    if (source.substr(i, 2) == "%}") return {start, i + 2};
  }
  return {std::string_view::npos, std::string_view::npos};
}

// The words of one piece of markup: `inner` starts at byte `base` of the source.
Result<std::vector<TemplateToken>> tokenize(std::string_view inner, std::size_t base, PositionCursor& cursor) {
  std::vector<TemplateToken> tokens;
  std::size_t i = 0;
  while (i < inner.size()) {
    const char c = inner[i];
    if (is_space(c)) {
      ++i;
      continue;
    }
    TemplateToken token;
    token.position = cursor.at(base + i);
    if (is_letter(c)) {
      std::size_t end = i;
      while (true) {
        while (end < inner.size() && (is_letter(inner[end]) || is_digit(inner[end]))) ++end;
        if (end + 1 < inner.size() && inner[end] == '.' && (is_letter(inner[end + 1]) || is_digit(inner[end + 1]))) {
          ++end;
          continue;
        }
        break;
      }
      if (end < inner.size() && inner[end] == '.') {
        return template_error(cursor.at(base + end), "a name cannot end with '.'");
      }
      token.kind = TemplateToken::Kind::word;
      token.text = std::string(inner.substr(i, end - i));
      i = end;
    } else if (is_digit(c) || (c == '-' && i + 1 < inner.size() && is_digit(inner[i + 1]))) {
      std::size_t end = i + 1;
      while (end < inner.size() && is_digit(inner[end])) ++end;
      if (end + 1 < inner.size() && inner[end] == '.' && is_digit(inner[end + 1])) {
        ++end;
        while (end < inner.size() && is_digit(inner[end])) ++end;
      }
      if (end - i > 40) return template_error(token.position, "a number of at most 40 digits");
      token.kind = TemplateToken::Kind::number;
      token.text = std::string(inner.substr(i, end - i));
      i = end;
    } else if (c == '"' || c == '\'') {
      const auto close = inner.find(c, i + 1);
      if (close == std::string_view::npos) return template_error(token.position, "the string is not closed");
      token.kind = TemplateToken::Kind::string;
      token.text = std::string(inner.substr(i + 1, close - i - 1));
      i = close + 1;
    } else if (c == '=' || c == '!' || c == '<' || c == '>') {
      const bool two = i + 1 < inner.size() && inner[i + 1] == '=';
      if ((c == '=' || c == '!') && !two) {
        return template_error(token.position, fmt::format("'{}' alone is not an operator (== or !=)", c));
      }
      token.kind = TemplateToken::Kind::compare;
      token.text = std::string(inner.substr(i, two ? 2 : 1));
      i += two ? 2 : 1;
    } else if (c == '|' || c == ':' || c == ',') {
      token.kind = c == '|' ? TemplateToken::Kind::pipe
                            : (c == ':' ? TemplateToken::Kind::colon : TemplateToken::Kind::comma);
      token.text = std::string(1, c);
      ++i;
    } else {
      const auto byte = static_cast<unsigned char>(c);
      return template_error(token.position, byte >= 0x20 && byte < 0x7F
                                                ? fmt::format("unexpected character '{}'", c)
                                                : std::string("unexpected character"));
    }
    tokens.push_back(std::move(token));
  }
  return tokens;
}

void trim_trailing_space(std::string& text) {
  while (!text.empty() && is_space(text.back())) text.pop_back();
}

}  // namespace

Error template_error(TemplatePosition position, std::string_view detail) {
  const std::string message = fmt::format("line {}, column {}: {}", position.line, position.column, detail);
  return Error{ErrorCode::validation_failed, message, {{"template", "TEMPLATE_SYNTAX", message}}};
}

Result<std::vector<TemplatePiece>> lex_template(std::string_view source) {
  if (source.size() > kMaxTemplateSize) {
    return Error{ErrorCode::validation_failed, "the template is too large",
                 {{"template", "TEMPLATE_TOO_LARGE", fmt::format("at most {} bytes", kMaxTemplateSize)}}};
  }
  if (!valid_utf8(source)) {
    return Error{ErrorCode::validation_failed, "the template is not UTF-8",
                 {{"template", "TEMPLATE_NOT_UTF8", "text in UTF-8"}}};
  }
  std::vector<TemplatePiece> pieces;
  PositionCursor cursor(source);
  bool strip_next_text = false;
  const auto add_text = [&](std::string_view text, std::size_t offset) {
    std::size_t skip = 0;
    if (strip_next_text) {
      while (skip < text.size() && is_space(text[skip])) ++skip;
      strip_next_text = false;
    }
    if (skip == text.size()) return;
    TemplatePiece piece;
    piece.kind = TemplatePiece::Kind::text;
    piece.position = cursor.at(offset + skip);
    piece.text = std::string(text.substr(skip));
    pieces.push_back(std::move(piece));
  };

  std::size_t at = 0;
  while (at < source.size()) {
    const auto output = source.find("{{", at);
    const auto tag = source.find("{%", at);
    const auto start = std::min(output, tag);
    if (start == std::string_view::npos) {
      add_text(source.substr(at), at);
      break;
    }
    const bool is_output = start == output;
    std::size_t inner_start = start + 2;
    const bool strip_before = inner_start < source.size() && source[inner_start] == '-';
    if (strip_before) ++inner_start;
    // The close, skipping quoted strings so that "}}" inside one does not end the markup.
    const std::string_view close = is_output ? "}}" : "%}";
    std::size_t i = inner_start;
    std::size_t close_at = std::string_view::npos;
    while (i < source.size()) {
      const char c = source[i];
      if (c == '"' || c == '\'') {
        const auto quote_end = source.find(c, i + 1);
        if (quote_end == std::string_view::npos) break;
        i = quote_end + 1;
        continue;
      }
      if (source.substr(i, 2) == close) {
        close_at = i;
        break;
      }
      ++i;
    }
    if (close_at == std::string_view::npos) {
      add_text(source.substr(at, start - at), at);
      return template_error(cursor.at(start), fmt::format("'{}' is not closed by '{}'", is_output ? "{{" : "{%", close));
    }
    std::size_t inner_end = close_at;
    const bool strip_after = inner_end > inner_start && source[inner_end - 1] == '-';
    if (strip_after) --inner_end;

    std::string before(source.substr(at, start - at));
    if (strip_before) trim_trailing_space(before);
    add_text(before, at);
    strip_next_text = false;

    const TemplatePosition position = cursor.at(start);
    auto tokens = tokenize(source.substr(inner_start, inner_end - inner_start), inner_start, cursor);
    if (!tokens) return tokens.take_error();
    std::size_t next = close_at + 2;

    const bool is_raw = !is_output && !tokens->empty() && tokens->front().text == "raw";
    const bool is_comment = !is_output && !tokens->empty() && tokens->front().text == "comment";
    if (is_raw || is_comment) {
      if (tokens->size() != 1) return template_error((*tokens)[1].position, "nothing may follow the tag's name");
      const auto [end_start, end_after] = find_end_tag(source, next, is_raw ? "endraw" : "endcomment");
      if (end_start == std::string_view::npos) {
        return template_error(position, is_raw ? "{% raw %} is not closed by {% endraw %}"
                                               : "{% comment %} is not closed by {% endcomment %}");
      }
      if (is_raw) {
        strip_next_text = strip_after;
        add_text(source.substr(next, end_start - next), next);
      }
      strip_next_text = false;
      at = end_after;
      continue;
    }

    TemplatePiece piece;
    piece.kind = is_output ? TemplatePiece::Kind::output : TemplatePiece::Kind::tag;
    piece.position = position;
    piece.tokens = std::move(*tokens);
    if (!is_output && piece.tokens.empty()) return template_error(position, "a tag needs a name");
    pieces.push_back(std::move(piece));
    strip_next_text = strip_after;
    at = next;
  }
  return pieces;
}

}  // namespace atrium::workflow
