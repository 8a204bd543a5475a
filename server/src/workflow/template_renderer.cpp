#include "atrium/workflow/template_renderer.hpp"

#include <boost/json/string.hpp>
#include <fmt/format.h>

#include "atrium/workflow/template_filters.hpp"

namespace atrium::workflow {

namespace {

using boost::json::value;

Error limit_error(TemplatePosition position, std::string_view detail) {
  const std::string message = fmt::format("line {}, column {}: {}", position.line, position.column, detail);
  return Error{ErrorCode::validation_failed, message, {{"template", "TEMPLATE_LIMIT", message}}};
}

// Liquid's truthiness: only nil and false are false.
bool truthy(const value& item) { return !item.is_null() && !(item.is_bool() && !item.as_bool()); }

bool is_empty(const value& item) {
  return item.is_null() || (item.is_string() && item.as_string().empty()) ||
         (item.is_array() && item.as_array().empty()) || (item.is_object() && item.as_object().empty());
}

// Money compares by its amount.
const value& comparable(const value& item) {
  if (item.is_object()) {
    if (const auto* amount = item.as_object().if_contains("amount")) return *amount;
  }
  return item;
}

// -2 when the two cannot be ordered.
int order(const value& left_value, const value& right_value) {
  const value& left = comparable(left_value);
  const value& right = comparable(right_value);
  const auto left_number = read_decimal(left);
  const auto right_number = read_decimal(right);
  if (left_number && right_number) return compare_decimals(*left_number, *right_number);
  if (left.is_string() && right.is_string()) {
    const int compared = left.as_string().subview().compare(right.as_string().subview());
    return compared < 0 ? -1 : (compared > 0 ? 1 : 0);
  }
  if (left.is_bool() && right.is_bool()) return left.as_bool() == right.as_bool() ? 0 : -2;
  if (left.is_null() && right.is_null()) return 0;
  return -2;
}

class Renderer {
 public:
  Renderer(const boost::json::object& context, TemplateOutput output) : context_(context), output_(output) {}

  Result<void> block(const TemplateBlock& nodes) {
    for (const auto& node : nodes) {
      switch (node.kind) {
        case TemplateNode::Kind::text:
          ATRIUM_TRY(write(node.text, node.position));
          break;
        case TemplateNode::Kind::output:
          ATRIUM_TRY(print(node));
          break;
        case TemplateNode::Kind::branch:
          ATRIUM_TRY(branch(node));
          break;
        case TemplateNode::Kind::loop:
          ATRIUM_TRY(loop(node));
          break;
      }
    }
    return {};
  }

  std::string take() { return std::move(out_); }

 private:
  struct LoopFrame {
    std::string variable;
    const value* item = nullptr;
    boost::json::object forloop;
  };

  Result<void> write(std::string_view text, TemplatePosition position) {
    if (out_.size() + text.size() > kMaxTemplateOutput) {
      return limit_error(position, fmt::format("the output is larger than {} bytes", kMaxTemplateOutput));
    }
    out_.append(text);
    return {};
  }

  // The value at a path; null when any step is missing.
  value resolve(const TemplateOperand& operand) const {
    if (operand.kind == TemplateOperand::Kind::literal) return operand.literal;
    const value* current = nullptr;
    value forloop;
    const std::string& root = operand.path.front();
    for (auto frame = frames_.rbegin(); frame != frames_.rend() && !current; ++frame) {
      if (frame->variable == root) current = frame->item;
    }
    if (!current && root == "forloop" && !frames_.empty()) {
      forloop = frames_.back().forloop;
      current = &forloop;
    }
    if (!current) {
      current = context_.if_contains(root);
      if (!current) return nullptr;
    }
    value holder;  // for the sizes computed on the way
    for (std::size_t i = 1; i < operand.path.size(); ++i) {
      const std::string& step = operand.path[i];
      if (current->is_object()) {
        const auto* next = current->as_object().if_contains(step);
        if (!next && step == "size") {
          holder = static_cast<std::int64_t>(current->as_object().size());
          current = &holder;
          continue;
        }
        if (!next) return nullptr;
        current = next;
      } else if (current->is_array()) {
        const auto& items = current->as_array();
        if (step == "size") {
          holder = static_cast<std::int64_t>(items.size());
          current = &holder;
        } else if (step == "first" || step == "last") {
          if (items.empty()) return nullptr;
          current = step == "first" ? &items.front() : &items.back();
        } else {
          return nullptr;
        }
      } else if (current->is_string() && step == "size") {
        auto sized = apply_template_filter("size", *current, {});
        holder = sized ? *sized : value(nullptr);
        current = &holder;
      } else {
        return nullptr;
      }
    }
    return *current;
  }

  Result<void> print(const TemplateNode& node) {
    value item = resolve(node.expression.operand);
    bool safe = false;
    for (const auto& filter : node.expression.filters) {
      std::vector<value> arguments;
      arguments.reserve(filter.arguments.size());
      for (const auto& argument : filter.arguments) arguments.push_back(resolve(argument));
      auto applied = apply_template_filter(filter.name, item, arguments);
      if (!applied) {
        Error error = applied.take_error();
        error.message = fmt::format("line {}, column {}: {}", filter.position.line, filter.position.column,
                                    error.message);
        for (auto& field : error.fields) field.message = error.message;
        return error;
      }
      item = std::move(*applied);
      // Escaped once by `escape`, or let through by `raw`; any later filter works on text
      // again and the result is escaped as usual.
      safe = filter.name == "raw" || filter.name == "escape";
    }
    const std::string text = template_text(item);
    if (output_ == TemplateOutput::html && !safe) return write(escape_html(text), node.position);
    return write(text, node.position);
  }

  bool compare(const TemplateComparison& comparison) const {
    const value left = resolve(comparison.left);
    if (comparison.op == TemplateComparison::Operator::truthy) {
      return comparison.left.empty_keyword ? false : truthy(left);
    }
    if (comparison.op == TemplateComparison::Operator::contains) {
      const value right = resolve(comparison.right);
      if (left.is_string()) {
        const std::string needle = template_text(right);
        return left.as_string().subview().find(needle) != std::string_view::npos;
      }
      if (left.is_array()) {
        for (const auto& item : left.as_array()) {
          if (order(item, right) == 0) return true;
        }
      }
      return false;
    }
    if (comparison.left.empty_keyword || comparison.right.empty_keyword) {
      const bool empty = comparison.left.empty_keyword ? is_empty(resolve(comparison.right)) : is_empty(left);
      if (comparison.op == TemplateComparison::Operator::equal) return empty;
      if (comparison.op == TemplateComparison::Operator::not_equal) return !empty;
      return false;
    }
    const value right = resolve(comparison.right);
    const int ordered = order(left, right);
    switch (comparison.op) {
      case TemplateComparison::Operator::equal: return ordered == 0;
      case TemplateComparison::Operator::not_equal: return ordered != 0;
      case TemplateComparison::Operator::less: return ordered == -1;
      case TemplateComparison::Operator::greater: return ordered == 1;
      case TemplateComparison::Operator::less_or_equal: return ordered == -1 || ordered == 0;
      case TemplateComparison::Operator::greater_or_equal: return ordered == 1 || ordered == 0;
      default: return false;
    }
  }

  bool holds(const TemplateCondition& condition) const {
    for (const auto& group : condition) {
      bool all = true;
      for (const auto& comparison : group) {
        if (!compare(comparison)) {
          all = false;
          break;
        }
      }
      if (all) return true;
    }
    return false;
  }

  Result<void> branch(const TemplateNode& node) {
    for (std::size_t i = 0; i < node.branches.size(); ++i) {
      bool taken = holds(node.branches[i].condition);
      if (i == 0 && node.negated) taken = !taken;
      if (taken) return block(node.branches[i].body);
    }
    return block(node.otherwise);
  }

  Result<void> loop(const TemplateNode& node) {
    const value collection = resolve(node.collection);
    if (!collection.is_array()) return {};
    const auto& items = collection.as_array();
    std::size_t count = items.size();
    if (node.limit > 0 && node.limit < count) count = node.limit;
    for (std::size_t i = 0; i < count; ++i) {
      if (++iterations_ > kMaxTemplateLoopIterations) {
        return limit_error(node.position, fmt::format("loops ran more than {} times", kMaxTemplateLoopIterations));
      }
      LoopFrame frame;
      frame.variable = node.variable;
      frame.item = &items[i];
      frame.forloop = {{"index", static_cast<std::int64_t>(i + 1)},
                       {"index0", static_cast<std::int64_t>(i)},
                       {"first", i == 0},
                       {"last", i + 1 == count},
                       {"length", static_cast<std::int64_t>(count)}};
      frames_.push_back(std::move(frame));
      auto done = block(node.body);
      frames_.pop_back();
      if (!done) return done;
    }
    return {};
  }

  const boost::json::object& context_;
  TemplateOutput output_;
  std::string out_;
  std::vector<LoopFrame> frames_;
  std::size_t iterations_ = 0;
};

}  // namespace

Result<std::string> render_template(const ParsedTemplate& parsed, const boost::json::object& context,
                                    TemplateOutput output) {
  Renderer renderer(context, output);
  ATRIUM_TRY(renderer.block(parsed.nodes));
  return renderer.take();
}

}  // namespace atrium::workflow
