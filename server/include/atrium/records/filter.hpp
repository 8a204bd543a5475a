#pragma once
// The filter DSL of list URLs (`filter=area eq "north" and not (name starts "A")`), as
// a syntax tree. Grammar (DESIGN §4):
//   expr    := term { "or" term }
//   term    := factor { "and" factor }
//   factor  := "not" factor | "(" expr ")" | cmp
//   cmp     := path op value | path "empty" | path "not" "empty"
//   path    := name { "." name }
//   op      := eq | ne | lt | le | gt | ge | in | contains | starts
//   value   := string | number | true | false | null | "[" value { "," value } "]"
//            | "user." name | "today" [ ("+"|"-") number "d" ]
// Parsing knows nothing about entities; the query compiler checks paths and types.
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "atrium/core/result.hpp"

namespace atrium::records {

enum class FilterOperator { eq, ne, lt, le, gt, ge, in, contains, starts, empty, not_empty };

struct FilterValue {
  enum class Kind { string, number, boolean, null, list, user_attribute, today };
  Kind kind = Kind::null;
  std::string text;                // string; number as written ("12.50"); attribute name
  bool boolean = false;
  long long day_offset = 0;        // today ± N days
  std::vector<FilterValue> items;  // list
};

struct FilterComparison {
  std::vector<std::string> path;  // ["account", "area"]
  FilterOperator op = FilterOperator::eq;
  FilterValue value;              // unused for empty / not_empty
};

struct FilterNode;
using FilterNodePtr = std::unique_ptr<FilterNode>;

struct FilterNode {
  enum class Kind { comparison, all_of, any_of, negation };
  Kind kind = Kind::comparison;
  FilterComparison comparison;          // comparison
  std::vector<FilterNodePtr> children;  // all_of (and), any_of (or), negation (one child)
};

struct FilterLimits {
  std::size_t max_length = 4096;  // characters of filter text
  std::size_t max_depth = 32;     // nesting of parentheses and not
  std::size_t max_terms = 100;    // comparisons
  std::size_t max_list = 1000;    // values in one list
};

// BAD_REQUEST-class errors carry the position: code FILTER_INVALID in fields[0] with
// field "filter" and a message such as "at column 17: expected a value".
Result<FilterNodePtr> parse_filter(std::string_view text, const FilterLimits& limits = {});

// The canonical text of a tree: parse(to_text(parse(x))) == parse(x).
std::string to_text(const FilterNode& node);

}  // namespace atrium::records
