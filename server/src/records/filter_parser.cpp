// The filter DSL: a recursive-descent parser over FilterLexer, and the canonical text of
// a tree. Parentheses the user wrote keep their structure ("(a or b) or c" is an any_of
// inside an any_of); only chains of one operator become one node.
#include <fmt/format.h>

#include <array>
#include <optional>
#include <string_view>
#include <utility>

#include "atrium/records/filter.hpp"
#include "filter_lexer.hpp"

namespace atrium::records {

namespace {

using TokenKind = FilterToken::Kind;

// today ± N days: a century and a half either way is more than any filter needs, and
// keeps date arithmetic far from overflow.
constexpr long long kMaxDayOffset = 100000;

struct OperatorName {
  FilterOperator op;
  std::string_view name;
};
constexpr std::array<OperatorName, 9> kBinaryOperators{{
    {FilterOperator::eq, "eq"},
    {FilterOperator::ne, "ne"},
    {FilterOperator::lt, "lt"},
    {FilterOperator::le, "le"},
    {FilterOperator::gt, "gt"},
    {FilterOperator::ge, "ge"},
    {FilterOperator::in, "in"},
    {FilterOperator::contains, "contains"},
    {FilterOperator::starts, "starts"},
}};

std::string_view operator_name(FilterOperator op) {
  for (const auto& entry : kBinaryOperators) {
    if (entry.op == op) return entry.name;
  }
  return op == FilterOperator::empty ? "empty" : "not empty";
}

bool is_word(const FilterToken& token, std::string_view word) {
  return token.kind == TokenKind::name && token.text == word;
}

std::vector<std::string> split_path(std::string_view text) {
  std::vector<std::string> path;
  while (true) {
    const auto dot = text.find('.');
    path.emplace_back(text.substr(0, dot));
    if (dot == std::string_view::npos) return path;
    text.remove_prefix(dot + 1);
  }
}

FilterNodePtr make_node(FilterNode::Kind kind) {
  auto node = std::make_unique<FilterNode>();
  node->kind = kind;
  return node;
}

class FilterParser {
 public:
  FilterParser(std::string_view text, const FilterLimits& limits) : lexer_(text), limits_(limits) {}

  Result<FilterNodePtr> parse() {
    if (auto first = advance(); !first.ok()) return first.take_error();
    auto tree = parse_expression(0);
    if (!tree.ok()) return tree;
    if (token_.kind != TokenKind::end) return expected("'and', 'or' or the end of the filter");
    return tree;
  }

 private:
  // expr := term { "or" term }
  Result<FilterNodePtr> parse_expression(std::size_t depth) {
    return parse_chain(depth, "or", FilterNode::Kind::any_of, &FilterParser::parse_term);
  }

  // term := factor { "and" factor }
  Result<FilterNodePtr> parse_term(std::size_t depth) {
    return parse_chain(depth, "and", FilterNode::Kind::all_of, &FilterParser::parse_factor);
  }

  Result<FilterNodePtr> parse_chain(std::size_t depth, std::string_view word, FilterNode::Kind kind,
                                    Result<FilterNodePtr> (FilterParser::*operand)(std::size_t)) {
    auto first = (this->*operand)(depth);
    if (!first.ok() || !is_word(token_, word)) return first;
    auto chain = make_node(kind);
    chain->children.push_back(std::move(first.value()));
    while (is_word(token_, word)) {
      if (auto moved = advance(); !moved.ok()) return moved.take_error();
      auto next = (this->*operand)(depth);
      if (!next.ok()) return next;
      chain->children.push_back(std::move(next.value()));
    }
    return chain;
  }

  // factor := "not" factor | "(" expr ")" | cmp
  Result<FilterNodePtr> parse_factor(std::size_t depth) {
    const bool negation = is_word(token_, "not");
    if (!negation && token_.kind != TokenKind::left_paren) return parse_comparison();
    if (depth + 1 > limits_.max_depth) {
      return filter_error(token_.column, fmt::format("expected at most {} levels of parentheses and 'not', found more",
                                                     limits_.max_depth));
    }
    if (auto moved = advance(); !moved.ok()) return moved.take_error();
    if (negation) {
      auto child = parse_factor(depth + 1);
      if (!child.ok()) return child;
      auto node = make_node(FilterNode::Kind::negation);
      node->children.push_back(std::move(child.value()));
      return node;
    }
    auto inner = parse_expression(depth + 1);
    if (!inner.ok()) return inner;
    if (token_.kind != TokenKind::right_paren) return expected("'and', 'or' or ')'");
    if (auto moved = advance(); !moved.ok()) return moved.take_error();
    return inner;
  }

  // cmp := path op value | path "empty" | path "not" "empty"
  Result<FilterNodePtr> parse_comparison() {
    if (token_.kind != TokenKind::name || token_.text == "and" || token_.text == "or") {
      return expected("a field name, '(' or 'not'");
    }
    if (++comparisons_ > limits_.max_terms) {
      return filter_error(token_.column, fmt::format("expected at most {} comparisons, found more", limits_.max_terms));
    }
    auto node = make_node(FilterNode::Kind::comparison);
    FilterComparison& comparison = node->comparison;
    comparison.path = split_path(token_.text);
    if (auto moved = advance(); !moved.ok()) return moved.take_error();

    auto op = read_operator();
    if (!op.ok()) return op.take_error();
    comparison.op = *op;
    if (comparison.op == FilterOperator::empty || comparison.op == FilterOperator::not_empty) return node;

    if (comparison.op == FilterOperator::in) {
      const bool attribute = token_.kind == TokenKind::name && token_.text.starts_with("user.");
      if (token_.kind != TokenKind::left_bracket && !attribute) {
        return expected("a list such as [\"a\", \"b\"] or a user attribute after 'in'");
      }
    } else if (token_.kind == TokenKind::left_bracket) {
      return expected(fmt::format("a single value after '{}'", operator_name(comparison.op)));
    }
    auto value = token_.kind == TokenKind::left_bracket ? parse_list() : parse_value(false);
    if (!value.ok()) return value.take_error();
    comparison.value = std::move(value.value());
    return node;
  }

  // Leaves the token after the operator current.
  Result<FilterOperator> read_operator() {
    constexpr std::string_view kExpected =
        "an operator (eq, ne, lt, le, gt, ge, in, contains, starts, empty or not empty)";
    if (token_.kind != TokenKind::name) return expected(kExpected);
    std::optional<FilterOperator> op;
    for (const auto& entry : kBinaryOperators) {
      if (token_.text == entry.name) op = entry.op;
    }
    if (token_.text == "empty") op = FilterOperator::empty;
    if (token_.text == "not") {
      if (auto moved = advance(); !moved.ok()) return moved.take_error();
      if (!is_word(token_, "empty")) return expected("'empty' after 'not'");
      op = FilterOperator::not_empty;
    }
    if (!op) return expected(kExpected);
    if (auto moved = advance(); !moved.ok()) return moved.take_error();
    return *op;
  }

  // "[" value { "," value } "]", of scalars only.
  Result<FilterValue> parse_list() {
    FilterValue list;
    list.kind = FilterValue::Kind::list;
    if (auto moved = advance(); !moved.ok()) return moved.take_error();
    if (token_.kind == TokenKind::right_bracket) return expected("a value in the list");
    while (true) {
      if (list.items.size() == limits_.max_list) {
        return filter_error(token_.column,
                            fmt::format("expected at most {} values in a list, found more", limits_.max_list));
      }
      auto item = parse_value(true);
      if (!item.ok()) return item;
      list.items.push_back(std::move(item.value()));
      if (token_.kind == TokenKind::right_bracket) break;
      if (token_.kind != TokenKind::comma) return expected("',' or ']'");
      if (auto moved = advance(); !moved.ok()) return moved.take_error();
    }
    if (auto moved = advance(); !moved.ok()) return moved.take_error();
    return list;
  }

  // A single value; in a list, only string, number, true, false and null.
  Result<FilterValue> parse_value(bool in_list) {
    FilterValue value;
    const std::string_view wanted = in_list ? "a string, a number, true, false or null" : "a value";
    switch (token_.kind) {
      case TokenKind::string: value.kind = FilterValue::Kind::string; break;
      case TokenKind::number: value.kind = FilterValue::Kind::number; break;
      case TokenKind::name:
        if (token_.text == "true" || token_.text == "false") {
          value.kind = FilterValue::Kind::boolean;
          value.boolean = token_.text == "true";
        } else if (token_.text == "null") {
          value.kind = FilterValue::Kind::null;
        } else if (!in_list && token_.text == "today") {
          return parse_today();
        } else if (!in_list && token_.text.starts_with("user.") && token_.text.find('.', 5) == std::string::npos) {
          value.kind = FilterValue::Kind::user_attribute;
          value.text = token_.text.substr(5);
          if (auto moved = advance(); !moved.ok()) return moved.take_error();
          return value;
        } else {
          return expected(wanted);
        }
        break;
      default: return expected(wanted);
    }
    if (value.kind == FilterValue::Kind::string || value.kind == FilterValue::Kind::number) {
      value.text = std::move(token_.text);
    }
    if (auto moved = advance(); !moved.ok()) return moved.take_error();
    return value;
  }

  // "today" [ ("+"|"-") number "d" ], the current token being "today".
  Result<FilterValue> parse_today() {
    FilterValue value;
    value.kind = FilterValue::Kind::today;
    if (auto moved = advance(); !moved.ok()) return moved.take_error();
    bool negative = false;
    if (token_.kind == TokenKind::plus || token_.kind == TokenKind::minus) {
      const std::string sign = token_.kind == TokenKind::plus ? "'+'" : "'-'";
      negative = token_.kind == TokenKind::minus;
      if (auto moved = advance(); !moved.ok()) return moved.take_error();
      if (token_.kind != TokenKind::number || token_.text.front() == '-') {
        return expected("a whole number of days after " + sign);
      }
    } else if (token_.kind == TokenKind::number && token_.text.front() == '-') {
      // "today-3d": the lexer reads "-3" as one number.
      negative = true;
      token_.text.erase(0, 1);
      ++token_.column;
    } else {
      return value;
    }
    long long days = 0;
    for (const char digit : token_.text) {
      if (digit < '0' || digit > '9') return expected("a whole number of days");
      days = days * 10 + (digit - '0');
      if (days > kMaxDayOffset) return expected(fmt::format("at most {} days", kMaxDayOffset));
    }
    const std::size_t number_end = token_.end;
    if (auto moved = advance(); !moved.ok()) return moved.take_error();
    if (!is_word(token_, "d") || token_.offset != number_end) return expected("'d' right after the number of days");
    if (auto moved = advance(); !moved.ok()) return moved.take_error();
    value.day_offset = negative ? -days : days;
    return value;
  }

  Result<void> advance() {
    auto next = lexer_.next();
    if (!next.ok()) return next.take_error();
    token_ = std::move(next.value());
    return {};
  }

  Error expected(std::string_view what) const {
    return filter_error(token_.column, fmt::format("expected {}, found {}", what, describe_token(token_)));
  }

  FilterLexer lexer_;
  const FilterLimits& limits_;
  FilterToken token_;
  std::size_t comparisons_ = 0;
};

// --- canonical text ----------------------------------------------------------------------

void append_value(std::string& out, const FilterValue& value) {
  switch (value.kind) {
    case FilterValue::Kind::string:
      out += '"';
      for (const char c : value.text) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
      }
      out += '"';
      break;
    case FilterValue::Kind::number: out += value.text; break;
    case FilterValue::Kind::boolean: out += value.boolean ? "true" : "false"; break;
    case FilterValue::Kind::null: out += "null"; break;
    case FilterValue::Kind::list:
      out += '[';
      for (std::size_t i = 0; i < value.items.size(); ++i) {
        if (i > 0) out += ", ";
        append_value(out, value.items[i]);
      }
      out += ']';
      break;
    case FilterValue::Kind::user_attribute: out += "user." + value.text; break;
    case FilterValue::Kind::today:
      out += "today";
      if (value.day_offset != 0) out += fmt::format("{:+}d", value.day_offset);
      break;
  }
}

void append_node(std::string& out, const FilterNode& node);

// A child in parentheses where printing it bare would parse differently.
void append_child(std::string& out, const FilterNode& child, bool parenthesize) {
  if (parenthesize) out += '(';
  append_node(out, child);
  if (parenthesize) out += ')';
}

void append_node(std::string& out, const FilterNode& node) {
  using Kind = FilterNode::Kind;
  switch (node.kind) {
    case Kind::comparison: {
      const FilterComparison& comparison = node.comparison;
      for (std::size_t i = 0; i < comparison.path.size(); ++i) {
        if (i > 0) out += '.';
        out += comparison.path[i];
      }
      out += ' ';
      out += operator_name(comparison.op);
      if (comparison.op != FilterOperator::empty && comparison.op != FilterOperator::not_empty) {
        out += ' ';
        append_value(out, comparison.value);
      }
      break;
    }
    case Kind::all_of:
    case Kind::any_of: {
      const std::string_view separator = node.kind == Kind::all_of ? " and " : " or ";
      for (std::size_t i = 0; i < node.children.size(); ++i) {
        if (i > 0) out += separator;
        const Kind child = node.children[i]->kind;
        // "or" binds loosest, so an any_of inside anything needs parentheses; an all_of
        // needs them inside an all_of (where bare it would join the chain).
        append_child(out, *node.children[i],
                     child == Kind::any_of || (child == Kind::all_of && node.kind == Kind::all_of));
      }
      break;
    }
    case Kind::negation:
      out += "not ";
      if (!node.children.empty()) {
        const Kind child = node.children.front()->kind;
        append_child(out, *node.children.front(), child == Kind::all_of || child == Kind::any_of);
      }
      break;
  }
}

}  // namespace

Result<FilterNodePtr> parse_filter(std::string_view text, const FilterLimits& limits) {
  if (auto checked = check_filter_text(text, limits.max_length); !checked.ok()) return checked.take_error();
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return filter_error("the filter is empty");
  return FilterParser(text, limits).parse();
}

std::string to_text(const FilterNode& node) {
  std::string out;
  append_node(out, node);
  return out;
}

}  // namespace atrium::records
