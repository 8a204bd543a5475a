#pragma once
// The tokens of the filter DSL, read one at a time so that the error reported is the
// first one in the text. Columns are 1-based and counted in characters (code points).
#include <cstddef>
#include <string>
#include <string_view>

#include "atrium/core/result.hpp"

namespace atrium::records {

struct FilterToken {
  enum class Kind {
    end,
    name,  // a path: names joined by dots, as one token ("account.area")
    number,
    string,
    left_paren,
    right_paren,
    left_bracket,
    right_bracket,
    comma,
    plus,
    minus,
    other,  // any other character: always an error where it stands
  };
  Kind kind = Kind::end;
  std::size_t offset = 0;  // bytes into the text
  std::size_t end = 0;     // bytes, one past the token
  std::size_t column = 1;
  std::string text;  // name: the dotted path; number: as written; string: unescaped; other: the character
};

// BAD_REQUEST with FILTER_INVALID on the field "filter": "at column N: <detail>".
Error filter_error(std::size_t column, std::string_view detail);
// The same without a position ("the filter is empty").
Error filter_error(std::string_view detail);

// What a token is, for the "found ..." part of a message: 'and', '(', a string, the end of
// the filter.
std::string describe_token(const FilterToken& token);

// The text is UTF-8 and at most max_length characters long. The lexer relies on the first.
Result<void> check_filter_text(std::string_view text, std::size_t max_length);

class FilterLexer {
 public:
  // The text must have passed check_filter_text.
  explicit FilterLexer(std::string_view text) : text_(text) {}

  Result<FilterToken> next();

 private:
  Result<FilterToken> read_number(FilterToken token);
  Result<FilterToken> read_name(FilterToken token);
  Result<FilterToken> read_string(FilterToken token);
  FilterToken finish(FilterToken token, FilterToken::Kind kind, std::size_t bytes);
  // The character at a byte offset as "'x'", or "the end of the filter" past the end.
  std::string describe_at(std::size_t offset) const;

  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t column_ = 1;
};

}  // namespace atrium::records
