#pragma once
// The first pass over a template: text, `{{ … }}` outputs and `{% … %}` tags as pieces,
// with `{% raw %}` and `{% comment %}` resolved here (their insides are not markup), and
// the words of each piece of markup as tokens with their line and column.
#include <string>
#include <string_view>
#include <vector>

#include "atrium/core/result.hpp"
#include "atrium/workflow/template_syntax.hpp"

namespace atrium::workflow {

struct TemplateToken {
  enum class Kind {
    word,      // a name or dotted path: account.name, forloop.index, and, contains
    string,    // unquoted text of '…' or "…"
    number,    // as written: 12, -3, 1.50
    compare,   // == != < > <= >=
    pipe,      // |
    colon,     // :
    comma,     // ,
  };
  Kind kind = Kind::word;
  std::string text;
  TemplatePosition position;
};

struct TemplatePiece {
  enum class Kind { text, output, tag };
  Kind kind = Kind::text;
  std::string text;                   // text: as it stands (after whitespace control)
  std::vector<TemplateToken> tokens;  // output and tag: the markup's words
  TemplatePosition position;          // where the piece starts
};

// VALIDATION_FAILED with one field error (field "template", code TEMPLATE_SYNTAX) whose
// message starts "line L, column C: ".
Error template_error(TemplatePosition position, std::string_view detail);

// Splits a template into pieces. TEMPLATE_SYNTAX for unclosed markup, a bad character or
// an unclosed string, raw or comment; TEMPLATE_TOO_LARGE over kMaxTemplateSize or for
// text that is not UTF-8.
Result<std::vector<TemplatePiece>> lex_template(std::string_view source);

}  // namespace atrium::workflow
