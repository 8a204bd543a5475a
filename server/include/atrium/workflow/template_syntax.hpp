#pragma once
// The parsed form of a message template (docs/templates.md): a tree of text, outputs,
// branches and loops that the renderer walks. Every piece keeps where it stood in the
// source, so errors and unknown merge fields are named by line and column.
#include <boost/json/value.hpp>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace atrium::workflow {

// Bounds that hold for any input: a template cannot hang or exhaust the server.
inline constexpr std::size_t kMaxTemplateSize = 64 * 1024;       // bytes of source
inline constexpr std::size_t kMaxTemplateNesting = 16;           // if/unless/for inside each other
inline constexpr std::size_t kMaxTemplateFilters = 16;           // filters on one output
inline constexpr std::size_t kMaxTemplateLoopIterations = 5000;  // all loops of one rendering together
inline constexpr std::size_t kMaxTemplateOutput = 256 * 1024;    // bytes rendered

struct TemplatePosition {
  std::size_t line = 1;
  std::size_t column = 1;  // 1-based, in characters
};

// A value in an expression: a merge field's dotted path, or a literal.
struct TemplateOperand {
  enum class Kind { path, literal };
  Kind kind = Kind::literal;
  std::vector<std::string> path;  // {"account", "parent", "name"}
  boost::json::value literal;     // string, integer, decimal text as a string, true/false, null
  bool empty_keyword = false;     // `empty`: compares equal to "", [] and {}
  TemplatePosition position;
};

struct TemplateFilterCall {
  std::string name;
  std::vector<TemplateOperand> arguments;
  TemplatePosition position;
};

struct TemplateExpression {
  TemplateOperand operand;
  std::vector<TemplateFilterCall> filters;
};

// `left`, or `left <op> right`.
struct TemplateComparison {
  enum class Operator { truthy, equal, not_equal, less, greater, less_or_equal, greater_or_equal, contains };
  TemplateOperand left;
  Operator op = Operator::truthy;
  TemplateOperand right;
};

// `and` binds tighter than `or`: the OR of groups of comparisons that are AND-ed.
using TemplateCondition = std::vector<std::vector<TemplateComparison>>;

struct TemplateNode;
using TemplateBlock = std::vector<TemplateNode>;

struct TemplateBranch {
  TemplateCondition condition;
  TemplateBlock body;
};

struct TemplateNode {
  enum class Kind { text, output, branch, loop };
  Kind kind = Kind::text;
  TemplatePosition position;
  // text
  std::string text;
  // output
  TemplateExpression expression;
  // branch: if/elsif…/else, or unless (whose first condition is negated)
  std::vector<TemplateBranch> branches;
  TemplateBlock otherwise;
  bool negated = false;
  // loop
  std::string variable;
  TemplateOperand collection;
  std::size_t limit = 0;  // 0: no limit of its own
  TemplateBlock body;
};

struct ParsedTemplate {
  TemplateBlock nodes;
};

// A merge field the template reads, rooted at the context (not at a loop variable).
struct MergeFieldUse {
  std::vector<std::string> path;
  TemplatePosition position;
  // Read as the collection of a loop: the field must be a list.
  bool as_collection = false;
};

}  // namespace atrium::workflow
