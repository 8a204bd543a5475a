#include "filter_lexer.hpp"

#include <fmt/format.h>

#include <utility>

namespace atrium::records {

namespace {

// Names and numbers longer than this are cut short in messages.
constexpr std::size_t kShownLength = 40;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_name_start(char c) {
  return (c >= 'a' && c <= 'z') || c == '_';
}
bool is_name_char(char c) {
  return is_name_start(c) || is_digit(c);
}
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
bool is_continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// The length of the UTF-8 sequence at offset, or 0 when it is not one (overlong forms,
// surrogates and code points past U+10FFFF included).
std::size_t sequence_length(std::string_view text, std::size_t offset) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char first = byte(offset);
  if (first < 0x80) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (first >= 0xC2 && first <= 0xDF) {
    length = 2;
  } else if (first == 0xE0) {
    length = 3;
    low = 0xA0;
  } else if ((first >= 0xE1 && first <= 0xEC) || first == 0xEE || first == 0xEF) {
    length = 3;
  } else if (first == 0xED) {
    length = 3;
    high = 0x9F;
  } else if (first == 0xF0) {
    length = 4;
    low = 0x90;
  } else if (first >= 0xF1 && first <= 0xF3) {
    length = 4;
  } else if (first == 0xF4) {
    length = 4;
    high = 0x8F;
  } else {
    return 0;
  }
  for (std::size_t i = 1; i < length; ++i) {
    if (offset + i >= text.size()) return 0;
    const unsigned char next = byte(offset + i);
    if (next < (i == 1 ? low : 0x80) || next > (i == 1 ? high : 0xBF)) return 0;
  }
  return length;
}

std::string describe_character(std::string_view character) {
  const auto first = static_cast<unsigned char>(character.front());
  if (character.size() == 1 && (first < 0x20 || first == 0x7F)) return fmt::format("the character U+{:04X}", first);
  return fmt::format("'{}'", character);
}

std::string shortened(std::string_view text) {
  if (text.size() <= kShownLength) return std::string(text);
  return std::string(text.substr(0, kShownLength)) + "...";
}

}  // namespace

Error filter_error(std::size_t column, std::string_view detail) {
  return filter_error(fmt::format("at column {}: {}", column, detail));
}

Error filter_error(std::string_view detail) {
  return Error{ErrorCode::bad_request, "the filter is not valid", {{"filter", "FILTER_INVALID", std::string(detail)}}};
}

std::string describe_token(const FilterToken& token) {
  using Kind = FilterToken::Kind;
  switch (token.kind) {
    case Kind::end: return "the end of the filter";
    case Kind::name:
    case Kind::number: return fmt::format("'{}'", shortened(token.text));
    case Kind::string: return "a string";
    case Kind::left_paren: return "'('";
    case Kind::right_paren: return "')'";
    case Kind::left_bracket: return "'['";
    case Kind::right_bracket: return "']'";
    case Kind::comma: return "','";
    case Kind::plus: return "'+'";
    case Kind::minus: return "'-'";
    case Kind::other: return describe_character(token.text);
  }
  return "something else";
}

Result<void> check_filter_text(std::string_view text, std::size_t max_length) {
  std::size_t column = 1;
  for (std::size_t offset = 0; offset < text.size(); ++column) {
    if (column > max_length) {
      return filter_error(column, fmt::format("expected at most {} characters, found more", max_length));
    }
    const std::size_t length = sequence_length(text, offset);
    if (length == 0) {
      return filter_error(column, fmt::format("expected UTF-8 text, found the byte 0x{:02X}",
                                              static_cast<unsigned char>(text[offset])));
    }
    offset += length;
  }
  return {};
}

Result<FilterToken> FilterLexer::next() {
  while (pos_ < text_.size() && is_space(text_[pos_])) {
    ++pos_;
    ++column_;
  }
  FilterToken token;
  token.offset = pos_;
  token.column = column_;
  using Kind = FilterToken::Kind;
  if (pos_ >= text_.size()) {
    token.end = pos_;
    return token;
  }
  const char c = text_[pos_];
  switch (c) {
    case '(': return finish(std::move(token), Kind::left_paren, 1);
    case ')': return finish(std::move(token), Kind::right_paren, 1);
    case '[': return finish(std::move(token), Kind::left_bracket, 1);
    case ']': return finish(std::move(token), Kind::right_bracket, 1);
    case ',': return finish(std::move(token), Kind::comma, 1);
    case '+': return finish(std::move(token), Kind::plus, 1);
    case '-':
      if (pos_ + 1 < text_.size() && is_digit(text_[pos_ + 1])) return read_number(std::move(token));
      return finish(std::move(token), Kind::minus, 1);
    case '"': return read_string(std::move(token));
    default: break;
  }
  if (is_digit(c)) return read_number(std::move(token));
  if (is_name_start(c)) return read_name(std::move(token));
  const std::size_t length = sequence_length(text_, pos_);
  token.text = std::string(text_.substr(pos_, length));
  return finish(std::move(token), Kind::other, length);
}

FilterToken FilterLexer::finish(FilterToken token, FilterToken::Kind kind, std::size_t bytes) {
  token.kind = kind;
  for (std::size_t i = 0; i < bytes; ++i) {
    if (!is_continuation(text_[pos_ + i])) ++column_;
  }
  pos_ += bytes;
  token.end = pos_;
  return token;
}

std::string FilterLexer::describe_at(std::size_t offset) const {
  if (offset >= text_.size()) return "the end of the filter";
  return describe_character(text_.substr(offset, sequence_length(text_, offset)));
}

Result<FilterToken> FilterLexer::read_number(FilterToken token) {
  std::size_t end = pos_;
  if (text_[end] == '-') ++end;
  while (end < text_.size() && is_digit(text_[end])) ++end;
  if (end < text_.size() && text_[end] == '.') {
    if (end + 1 >= text_.size() || !is_digit(text_[end + 1])) {
      // Numbers are ASCII: the column of the byte after the dot is easy to count.
      return filter_error(column_ + (end + 1 - pos_), "expected a digit after '.', found " + describe_at(end + 1));
    }
    ++end;
    while (end < text_.size() && is_digit(text_[end])) ++end;
  }
  token.text = std::string(text_.substr(pos_, end - pos_));
  return finish(std::move(token), FilterToken::Kind::number, end - pos_);
}

Result<FilterToken> FilterLexer::read_name(FilterToken token) {
  std::size_t end = pos_;
  while (true) {
    while (end < text_.size() && is_name_char(text_[end])) ++end;
    if (end >= text_.size() || text_[end] != '.') break;
    if (end + 1 >= text_.size() || !is_name_start(text_[end + 1])) {
      return filter_error(column_ + (end + 1 - pos_), "expected a name after '.', found " + describe_at(end + 1));
    }
    ++end;
  }
  if (end < text_.size() && text_[end] >= 'A' && text_[end] <= 'Z') {
    return filter_error(column_ + (end - pos_),
                        "expected a lowercase letter, a digit or '_' in a name, found " + describe_at(end));
  }
  token.text = std::string(text_.substr(pos_, end - pos_));
  return finish(std::move(token), FilterToken::Kind::name, end - pos_);
}

Result<FilterToken> FilterLexer::read_string(FilterToken token) {
  const std::size_t opening_column = column_;
  std::size_t offset = pos_ + 1;
  std::size_t column = column_ + 1;
  std::string value;
  while (true) {
    if (offset >= text_.size()) {
      return filter_error(column, fmt::format("expected '\"' to close the string that starts at column {}, found "
                                              "the end of the filter",
                                              opening_column));
    }
    const char c = text_[offset];
    if (c == '"') break;
    if (c == '\\') {
      if (offset + 1 >= text_.size()) {  // a backslash last: the next round reports the open string
        ++offset;
        ++column;
        continue;
      }
      const char escaped = text_[offset + 1];
      if (escaped != '"' && escaped != '\\') {
        return filter_error(column + 1, "expected '\"' or '\\' after '\\', found " + describe_at(offset + 1));
      }
      value += escaped;
      offset += 2;
      column += 2;
      continue;
    }
    const std::size_t length = sequence_length(text_, offset);
    value.append(text_.substr(offset, length));
    offset += length;
    ++column;
  }
  token.text = std::move(value);
  return finish(std::move(token), FilterToken::Kind::string, offset + 1 - pos_);
}

}  // namespace atrium::records
