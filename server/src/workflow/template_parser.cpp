#include "atrium/workflow/template_parser.hpp"

#include <fmt/format.h>

#include <charconv>
#include <map>

#include "atrium/workflow/template_filters.hpp"
#include "atrium/workflow/template_lexer.hpp"

namespace atrium::workflow {

namespace {

using Tokens = std::vector<TemplateToken>;

std::vector<std::string> split_path(const std::string& dotted) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const auto dot = dotted.find('.', start);
    parts.push_back(dotted.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return parts;
}

Result<TemplateOperand> read_operand(const TemplateToken& token) {
  TemplateOperand operand;
  operand.position = token.position;
  switch (token.kind) {
    case TemplateToken::Kind::string: operand.literal = boost::json::string(token.text); return operand;
    case TemplateToken::Kind::number: {
      std::int64_t integer = 0;
      const auto* end = token.text.data() + token.text.size();
      const auto [stop, failure] = std::from_chars(token.text.data(), end, integer);
      // Decimals and integers too large for 64 bits stay exact as their text.
      if (failure == std::errc() && stop == end) {
        operand.literal = integer;
      } else {
        operand.literal = boost::json::string(token.text);
      }
      return operand;
    }
    case TemplateToken::Kind::word:
      if (token.text == "true" || token.text == "false") {
        operand.literal = token.text == "true";
      } else if (token.text == "nil" || token.text == "null") {
        operand.literal = nullptr;
      } else if (token.text == "empty" || token.text == "blank") {
        operand.empty_keyword = true;
      } else {
        operand.kind = TemplateOperand::Kind::path;
        operand.path = split_path(token.text);
      }
      return operand;
    default: return template_error(token.position, fmt::format("expected a value, found '{}'", token.text));
  }
}

// Reads tokens from a position; `end` is where the markup ends, for messages.
class TokenReader {
 public:
  TokenReader(const Tokens& tokens, std::size_t from, TemplatePosition end) : tokens_(tokens), at_(from), end_(end) {}
  bool done() const { return at_ >= tokens_.size(); }
  const TemplateToken* peek() const { return done() ? nullptr : &tokens_[at_]; }
  const TemplateToken& take() { return tokens_[at_++]; }
  TemplatePosition position() const { return done() ? end_ : tokens_[at_].position; }
  Result<TemplateOperand> operand() {
    if (done()) return template_error(end_, "expected a value, found the end of the markup");
    return read_operand(take());
  }
  Result<void> finish() const {
    if (!done()) return template_error(tokens_[at_].position, fmt::format("unexpected '{}'", tokens_[at_].text));
    return {};
  }

 private:
  const Tokens& tokens_;
  std::size_t at_;
  TemplatePosition end_;
};

Result<TemplateExpression> read_expression(TokenReader& reader) {
  TemplateExpression expression;
  auto operand = reader.operand();
  if (!operand) return operand.take_error();
  expression.operand = std::move(*operand);
  while (!reader.done()) {
    const auto& pipe = reader.take();
    if (pipe.kind != TemplateToken::Kind::pipe) {
      return template_error(pipe.position, fmt::format("expected '|' or the end, found '{}'", pipe.text));
    }
    if (reader.done() || reader.peek()->kind != TemplateToken::Kind::word) {
      return template_error(reader.position(), "expected a filter's name after '|'");
    }
    const auto& name = reader.take();
    const auto shape = template_filter_shape(name.text);
    if (!shape) return template_error(name.position, fmt::format("unknown filter '{}'", name.text));
    TemplateFilterCall call{name.text, {}, name.position};
    if (!reader.done() && reader.peek()->kind == TemplateToken::Kind::colon) {
      reader.take();
      while (true) {
        auto argument = reader.operand();
        if (!argument) return argument.take_error();
        call.arguments.push_back(std::move(*argument));
        if (reader.done() || reader.peek()->kind != TemplateToken::Kind::comma) break;
        reader.take();
      }
    }
    if (call.arguments.size() < shape->min_arguments || call.arguments.size() > shape->max_arguments) {
      return template_error(
          name.position, shape->min_arguments == shape->max_arguments
                             ? fmt::format("the filter '{}' takes {} argument(s)", name.text, shape->min_arguments)
                             : fmt::format("the filter '{}' takes {} to {} arguments", name.text, shape->min_arguments,
                                           shape->max_arguments));
    }
    if (expression.filters.size() >= kMaxTemplateFilters) {
      return template_error(name.position, fmt::format("at most {} filters on one output", kMaxTemplateFilters));
    }
    expression.filters.push_back(std::move(call));
  }
  return expression;
}

Result<TemplateCondition> read_condition(TokenReader& reader) {
  static const std::map<std::string, TemplateComparison::Operator, std::less<>> operators{
      {"==", TemplateComparison::Operator::equal},         {"!=", TemplateComparison::Operator::not_equal},
      {"<", TemplateComparison::Operator::less},           {">", TemplateComparison::Operator::greater},
      {"<=", TemplateComparison::Operator::less_or_equal}, {">=", TemplateComparison::Operator::greater_or_equal},
      {"contains", TemplateComparison::Operator::contains}};
  if (reader.done()) return template_error(reader.position(), "expected a condition");
  TemplateCondition condition(1);
  while (true) {
    TemplateComparison comparison;
    auto left = reader.operand();
    if (!left) return left.take_error();
    comparison.left = std::move(*left);
    if (const auto* next = reader.peek();
        next && (next->kind == TemplateToken::Kind::compare ||
                 (next->kind == TemplateToken::Kind::word && next->text == "contains"))) {
      comparison.op = operators.at(reader.take().text);
      auto right = reader.operand();
      if (!right) return right.take_error();
      comparison.right = std::move(*right);
    }
    condition.back().push_back(std::move(comparison));
    if (reader.done()) break;
    const auto& joiner = reader.take();
    if (joiner.kind == TemplateToken::Kind::word && joiner.text == "and") continue;
    if (joiner.kind == TemplateToken::Kind::word && joiner.text == "or") {
      condition.emplace_back();
      continue;
    }
    return template_error(joiner.position, fmt::format("expected 'and', 'or' or the end, found '{}'", joiner.text));
  }
  return condition;
}

class Parser {
 public:
  explicit Parser(std::vector<TemplatePiece> pieces) : pieces_(std::move(pieces)) {}

  Result<ParsedTemplate> parse() {
    ParsedTemplate parsed;
    auto block = parse_block(0, {});
    if (!block) return block.take_error();
    parsed.nodes = std::move(*block);
    return parsed;
  }

 private:
  // Parses pieces into a block until a tag whose name is one of `ends` (left unread), or
  // the end of the template when `ends` is empty.
  Result<TemplateBlock> parse_block(std::size_t depth, const std::vector<std::string_view>& ends) {
    TemplateBlock block;
    while (at_ < pieces_.size()) {
      const TemplatePiece& piece = pieces_[at_];
      if (piece.kind == TemplatePiece::Kind::text) {
        TemplateNode node;
        node.kind = TemplateNode::Kind::text;
        node.position = piece.position;
        node.text = piece.text;
        block.push_back(std::move(node));
        ++at_;
        continue;
      }
      if (piece.kind == TemplatePiece::Kind::output) {
        if (piece.tokens.empty()) return template_error(piece.position, "an output needs a value");
        TokenReader reader(piece.tokens, 0, piece.position);
        auto expression = read_expression(reader);
        if (!expression) return expression.take_error();
        TemplateNode node;
        node.kind = TemplateNode::Kind::output;
        node.position = piece.position;
        node.expression = std::move(*expression);
        block.push_back(std::move(node));
        ++at_;
        continue;
      }
      const std::string& name = piece.tokens.front().text;
      for (const auto end : ends) {
        if (name == end) return block;
      }
      if (name == "if" || name == "unless" || name == "for") {
        if (depth + 1 > kMaxTemplateNesting) {
          return template_error(piece.position, fmt::format("blocks nest at most {} deep", kMaxTemplateNesting));
        }
        auto node = name == "for" ? parse_loop(depth + 1) : parse_branch(depth + 1);
        if (!node) return node.take_error();
        block.push_back(std::move(*node));
        continue;
      }
      if (name == "elsif" || name == "else" || name == "endif" || name == "endunless" || name == "endfor") {
        return template_error(piece.position, fmt::format("'{}' without its opening tag", name));
      }
      return template_error(piece.position, fmt::format("unknown tag '{}'", name));
    }
    if (!ends.empty()) {
      return template_error(opened_.back(), fmt::format("this block is not closed by {{% {} %}}", ends.back()));
    }
    return block;
  }

  Result<TemplateNode> parse_branch(std::size_t depth) {
    const TemplatePiece& opening = pieces_[at_++];
    const bool unless = opening.tokens.front().text == "unless";
    const std::string_view end = unless ? "endunless" : "endif";
    TemplateNode node;
    node.kind = TemplateNode::Kind::branch;
    node.position = opening.position;
    node.negated = unless;
    opened_.push_back(opening.position);
    TokenReader reader(opening.tokens, 1, opening.position);
    auto condition = read_condition(reader);
    if (!condition) return condition.take_error();
    const std::vector<std::string_view> ends = unless ? std::vector<std::string_view>{"else", "endunless"}
                                                      : std::vector<std::string_view>{"elsif", "else", "endif"};
    auto body = parse_block(depth, ends);
    if (!body) return body.take_error();
    node.branches.push_back({std::move(*condition), std::move(*body)});
    while (true) {
      const TemplatePiece& tag = pieces_[at_++];
      const std::string& name = tag.tokens.front().text;
      if (name == end) {
        if (tag.tokens.size() > 1) return template_error(tag.tokens[1].position, "nothing may follow the tag's name");
        break;
      }
      if (name == "elsif") {
        TokenReader elsif(tag.tokens, 1, tag.position);
        auto next_condition = read_condition(elsif);
        if (!next_condition) return next_condition.take_error();
        auto next_body = parse_block(depth, ends);
        if (!next_body) return next_body.take_error();
        node.branches.push_back({std::move(*next_condition), std::move(*next_body)});
        continue;
      }
      // else: only the end may follow.
      if (tag.tokens.size() > 1) return template_error(tag.tokens[1].position, "nothing may follow 'else'");
      auto otherwise = parse_block(depth, {end});
      if (!otherwise) return otherwise.take_error();
      node.otherwise = std::move(*otherwise);
      const TemplatePiece& closing = pieces_[at_++];
      if (closing.tokens.size() > 1) {
        return template_error(closing.tokens[1].position, "nothing may follow the tag's name");
      }
      break;
    }
    opened_.pop_back();
    return node;
  }

  Result<TemplateNode> parse_loop(std::size_t depth) {
    const TemplatePiece& opening = pieces_[at_++];
    TemplateNode node;
    node.kind = TemplateNode::Kind::loop;
    node.position = opening.position;
    opened_.push_back(opening.position);
    TokenReader reader(opening.tokens, 1, opening.position);
    if (reader.done() || reader.peek()->kind != TemplateToken::Kind::word ||
        reader.peek()->text.find('.') != std::string::npos) {
      return template_error(reader.position(), "expected the loop variable's name: {% for item in list %}");
    }
    node.variable = reader.take().text;
    if (reader.done() || reader.peek()->text != "in") return template_error(reader.position(), "expected 'in'");
    reader.take();
    auto collection = reader.operand();
    if (!collection) return collection.take_error();
    if (collection->kind != TemplateOperand::Kind::path) {
      return template_error(collection->position, "a loop runs over a merge field");
    }
    node.collection = std::move(*collection);
    if (!reader.done()) {
      const auto& word = reader.take();
      if (word.text != "limit" || reader.done() || reader.take().kind != TemplateToken::Kind::colon || reader.done()) {
        return template_error(word.position, "expected 'limit: <number>'");
      }
      const auto& count = reader.take();
      std::size_t limit = 0;
      const auto [stop, failure] = std::from_chars(count.text.data(), count.text.data() + count.text.size(), limit);
      if (count.kind != TemplateToken::Kind::number || failure != std::errc() ||
          stop != count.text.data() + count.text.size() || limit == 0) {
        return template_error(count.position, "the limit is a whole number above 0");
      }
      node.limit = limit;
    }
    if (auto finished = reader.finish(); !finished) return finished.take_error();
    auto body = parse_block(depth, {"endfor"});
    if (!body) return body.take_error();
    node.body = std::move(*body);
    const TemplatePiece& closing = pieces_[at_++];
    if (closing.tokens.size() > 1) return template_error(closing.tokens[1].position, "nothing may follow 'endfor'");
    opened_.pop_back();
    return node;
  }

  std::vector<TemplatePiece> pieces_;
  std::size_t at_ = 0;
  std::vector<TemplatePosition> opened_;  // the blocks being read, for "not closed"
};

// Loop variables in scope: name → the collection's merge path.
using LoopScopes = std::vector<std::pair<std::string, std::vector<std::string>>>;

void collect_operand(const TemplateOperand& operand, const LoopScopes& scopes, bool as_collection,
                     std::vector<MergeFieldUse>& uses) {
  if (operand.kind != TemplateOperand::Kind::path || operand.path.empty()) return;
  const std::string& root = operand.path.front();
  for (auto scope = scopes.rbegin(); scope != scopes.rend(); ++scope) {
    if (scope->first != root) continue;
    MergeFieldUse use{scope->second, operand.position, as_collection};
    use.path.insert(use.path.end(), operand.path.begin() + 1, operand.path.end());
    uses.push_back(std::move(use));
    return;
  }
  if (root == "forloop" && !scopes.empty()) return;
  uses.push_back({operand.path, operand.position, as_collection});
}

void collect_condition(const TemplateCondition& condition, const LoopScopes& scopes, std::vector<MergeFieldUse>& uses) {
  for (const auto& group : condition) {
    for (const auto& comparison : group) {
      collect_operand(comparison.left, scopes, false, uses);
      collect_operand(comparison.right, scopes, false, uses);
    }
  }
}

void collect_block(const TemplateBlock& block, LoopScopes& scopes, std::vector<MergeFieldUse>& uses) {
  for (const auto& node : block) {
    switch (node.kind) {
      case TemplateNode::Kind::text: break;
      case TemplateNode::Kind::output:
        collect_operand(node.expression.operand, scopes, false, uses);
        for (const auto& filter : node.expression.filters) {
          for (const auto& argument : filter.arguments) collect_operand(argument, scopes, false, uses);
        }
        break;
      case TemplateNode::Kind::branch:
        for (const auto& branch : node.branches) {
          collect_condition(branch.condition, scopes, uses);
          collect_block(branch.body, scopes, uses);
        }
        collect_block(node.otherwise, scopes, uses);
        break;
      case TemplateNode::Kind::loop: {
        collect_operand(node.collection, scopes, true, uses);
        // The variable stands for the collection's elements: its paths continue the
        // collection's own (after resolving it through outer loops).
        std::vector<MergeFieldUse> collection;
        collect_operand(node.collection, scopes, true, collection);
        std::vector<std::string> base = collection.empty() ? node.collection.path : collection.front().path;
        // Sizes and positions of the collection are not fields of its elements; a root
        // field that happens to be called first or last is one, though.
        if (base.size() > 1 && (base.back() == "first" || base.back() == "last")) base.pop_back();
        scopes.emplace_back(node.variable, std::move(base));
        collect_block(node.body, scopes, uses);
        scopes.pop_back();
        break;
      }
    }
  }
}

}  // namespace

Result<ParsedTemplate> parse_template(std::string_view source) {
  auto pieces = lex_template(source);
  if (!pieces) return pieces.take_error();
  return Parser(std::move(*pieces)).parse();
}

std::vector<MergeFieldUse> merge_field_uses(const ParsedTemplate& parsed) {
  std::vector<MergeFieldUse> uses;
  LoopScopes scopes;
  collect_block(parsed.nodes, scopes, uses);
  return uses;
}

}  // namespace atrium::workflow
