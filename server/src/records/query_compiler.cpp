#include "query_compiler.hpp"

#include <fmt/format.h>

#include <sodium.h>

#include <boost/json/serialize.hpp>
#include <chrono>
#include <cstring>

#include "atrium/core/json_body.hpp"

namespace atrium::records {

namespace {

using storage::Dialect;
using storage::Value;

Error filter_error(std::string code, std::string message) {
  return Error{ErrorCode::bad_request, "the filter is not valid", {{"filter", std::move(code), std::move(message)}}};
}

// Standard columns that filters and sorts may use, with whether they hold integers.
struct StandardColumn {
  std::string_view name;
  bool integer;
};
constexpr StandardColumn kStandard[] = {{"id", false},         {"owner_id", false},   {"team_id", false},
                                        {"created_at", false}, {"created_by_id", false}, {"updated_at", false},
                                        {"updated_by_id", false}, {"archived_at", false}, {"version", true}};

const StandardColumn* standard_column(std::string_view name) {
  for (const auto& column : kStandard) {
    if (column.name == name) return &column;
  }
  return nullptr;
}

std::string like_pattern(std::string_view text, bool prefix_only) {
  std::string pattern = prefix_only ? "" : "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += c;
  }
  return pattern + "%";
}

std::string days_from(const std::string& today, long long offset) {
  int y = 0;
  unsigned m = 0, d = 0;
  std::sscanf(today.c_str(), "%d-%u-%u", &y, &m, &d);
  const auto shifted = std::chrono::sys_days(std::chrono::year_month_day{std::chrono::year{y}, std::chrono::month{m},
                                                                         std::chrono::day{d}}) +
                       std::chrono::days{offset};
  const std::chrono::year_month_day date{shifted};
  return fmt::format("{:04d}-{:02d}-{:02d}", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                     static_cast<unsigned>(date.day()));
}

class Compiler {
 public:
  explicit Compiler(const FilterContext& context) : context_(context) {}

  Result<void> node(const FilterNode& node, const EntityLayout& layout, SqlFragment& out) {
    switch (node.kind) {
      case FilterNode::Kind::comparison: return comparison(node.comparison, 0, layout, out);
      case FilterNode::Kind::negation:
        out.sql += "NOT (";
        ATRIUM_TRY(this->node(*node.children.at(0), layout, out));
        out.sql += ")";
        return {};
      case FilterNode::Kind::all_of:
      case FilterNode::Kind::any_of: {
        const char* joiner = node.kind == FilterNode::Kind::all_of ? " AND " : " OR ";
        out.sql += "(";
        for (std::size_t i = 0; i < node.children.size(); ++i) {
          if (i > 0) out.sql += joiner;
          ATRIUM_TRY(this->node(*node.children[i], layout, out));
        }
        out.sql += ")";
        return {};
      }
    }
    return {};
  }

 private:
  // Resolves path[at…] on `layout`; a link followed by more names becomes a subquery on
  // the linked entity's table.
  Result<void> comparison(const FilterComparison& cmp, std::size_t at, const EntityLayout& layout, SqlFragment& out) {
    const std::string& name = cmp.path.at(at);
    const bool last = at + 1 == cmp.path.size();
    if (const auto* standard = standard_column(name); standard && last) {
      return standard_comparison(cmp, *standard, out);
    }
    const FieldLayout* field = layout.find_field(name);
    if (!field) field = layout.find(name);  // `account_id` as well as `account`
    if (!field) {
      return filter_error("FILTER_UNKNOWN_FIELD", fmt::format("{} has no field '{}'", layout.entity().label, name));
    }
    if (context_.field_guard) ATRIUM_TRY(context_.field_guard(layout, *field));
    const auto& definition = *field->field;
    if (!last && definition.type == "link") {
      const EntityLayout* target = context_.layouts(definition.link_entity);
      out.sql += fmt::format("{} IN (SELECT id FROM {} WHERE ", field->columns[0].name, target->entity().table);
      if (context_.link_scope) {
        auto scope = context_.link_scope(*target);
        if (!scope) return scope.take_error();
        out.sql += "(" + scope->sql + ") AND ";
        out.params.insert(out.params.end(), scope->params.begin(), scope->params.end());
      }
      ATRIUM_TRY(comparison(cmp, at + 1, *target, out));
      out.sql += ")";
      return {};
    }
    std::string column = field->columns[0].name;
    if (!last) {
      const auto parts = field->type->parts();
      const auto& part = cmp.path[at + 1];
      const auto found = std::find(parts.begin(), parts.end(), part);
      if (found == parts.end() || at + 2 != cmp.path.size()) {
        return filter_error("FILTER_UNKNOWN_FIELD", fmt::format("{} has no part '{}'", definition.name, part));
      }
      column = field->columns[static_cast<std::size_t>(found - parts.begin())].name;
      // Parts other than the first are plain text (address lines, a currency code).
      if (found != parts.begin() || definition.type == "address") return text_comparison(cmp, column, out);
    }
    if (!field->type->supports(cmp.op)) {
      return filter_error("FILTER_OPERATOR_NOT_SUPPORTED",
                          fmt::format("{} cannot be compared with this operator", definition.name));
    }
    const bool set_valued = definition.type == "multi_enum" || definition.type == "link_multiple";
    const bool few_valued = definition.type == "enum" || definition.type == "boolean";
    if (few_valued && context_.avoid_choice_indexes && context_.dialect == Dialect::sqlite) column = "+" + column;
    return typed_comparison(cmp, column, set_valued, [&](const FilterValue& value) -> Result<Value> {
      FilterValue resolved = value;
      if (value.kind == FilterValue::Kind::today) {
        resolved.kind = FilterValue::Kind::string;
        resolved.text = days_from(context_.today, value.day_offset);
      }
      auto operand = field->type->filter_operand(resolved, definition);
      if (auto* problem = std::get_if<metadata::FieldProblem>(&operand)) {
        return filter_error(problem->code, fmt::format("{}: {}", definition.name, problem->message));
      }
      return std::get<Value>(operand);
    }, out);
  }

  Result<void> standard_comparison(const FilterComparison& cmp, const StandardColumn& column, SqlFragment& out) {
    return typed_comparison(cmp, std::string(column.name), false, [&](const FilterValue& value) -> Result<Value> {
      if (column.integer) {
        if (value.kind != FilterValue::Kind::number) return filter_error("FILTER_TYPE_MISMATCH", "a whole number");
        return Value(static_cast<std::int64_t>(std::stoll(value.text)));
      }
      if (value.kind == FilterValue::Kind::today) return Value(days_from(context_.today, value.day_offset));
      if (value.kind != FilterValue::Kind::string) return filter_error("FILTER_TYPE_MISMATCH", "a string");
      return Value(value.text);
    }, out);
  }

  Result<void> text_comparison(const FilterComparison& cmp, const std::string& column, SqlFragment& out) {
    return typed_comparison(cmp, column, false, [&](const FilterValue& value) -> Result<Value> {
      if (value.kind != FilterValue::Kind::string) return filter_error("FILTER_TYPE_MISMATCH", "a string");
      return Value(value.text);
    }, out);
  }

  template <class Convert>
  Result<void> typed_comparison(const FilterComparison& cmp, const std::string& column, bool set_valued,
                                Convert convert, SqlFragment& out) {
    using Op = FilterOperator;
    if (cmp.op == Op::empty) {
      out.sql += column + " IS NULL";
      return {};
    }
    if (cmp.op == Op::not_empty) {
      out.sql += column + " IS NOT NULL";
      return {};
    }
    if (cmp.value.kind == FilterValue::Kind::user_attribute) {
      const auto* values = context_.user_values;
      const auto found = values ? values->find(cmp.value.text) : access::UserValues::const_iterator{};
      if (!values || found == values->end()) {
        return filter_error("FILTER_UNKNOWN_ATTRIBUTE", fmt::format("user.{} is not available", cmp.value.text));
      }
      // A user's values are a set: eq, in and contains all mean "one of them".
      if (cmp.op != Op::eq && cmp.op != Op::in && cmp.op != Op::contains) {
        return filter_error("FILTER_OPERATOR_NOT_SUPPORTED", "user values compare with eq, in or contains");
      }
      FilterComparison resolved;
      resolved.path = cmp.path;
      resolved.op = Op::in;
      resolved.value.kind = FilterValue::Kind::list;
      for (const auto& text : found->second) {
        FilterValue item;
        item.kind = FilterValue::Kind::string;
        item.text = text;
        resolved.value.items.push_back(std::move(item));
      }
      return typed_comparison(resolved, column, set_valued, convert, out);
    }
    if (cmp.op == Op::in) {
      std::vector<Value> values;
      for (const auto& item : cmp.value.items) {
        if (item.kind == FilterValue::Kind::null) continue;
        auto converted = convert(item);
        if (!converted) return converted.take_error();
        values.push_back(std::move(*converted));
      }
      if (values.empty()) {
        out.sql += "1 = 0";
        return {};
      }
      if (set_valued) return any_element(column, values, out);
      out.sql += column + " IN (";
      for (std::size_t i = 0; i < values.size(); ++i) {
        out.sql += i == 0 ? "?" : ", ?";
        out.params.push_back(std::move(values[i]));
      }
      out.sql += ")";
      return {};
    }
    if (cmp.value.kind == FilterValue::Kind::null) {
      if (cmp.op == Op::eq || cmp.op == Op::ne) {
        out.sql += column + (cmp.op == Op::eq ? " IS NULL" : " IS NOT NULL");
        return {};
      }
      return filter_error("FILTER_TYPE_MISMATCH", "null compares only with eq and ne");
    }
    auto operand = convert(cmp.value);
    if (!operand) return operand.take_error();
    if (set_valued) {
      if (cmp.op != Op::contains) return filter_error("FILTER_OPERATOR_NOT_SUPPORTED", "use contains or in");
      return any_element(column, {*operand}, out);
    }
    switch (cmp.op) {
      case Op::eq: out.sql += column + " = ?"; break;
      // "not equal" includes rows without a value, as people mean it.
      case Op::ne: out.sql += fmt::format("({} IS NULL OR {} <> ?)", column, column); break;
      case Op::lt: out.sql += column + " < ?"; break;
      case Op::le: out.sql += column + " <= ?"; break;
      case Op::gt: out.sql += column + " > ?"; break;
      case Op::ge: out.sql += column + " >= ?"; break;
      case Op::contains:
      case Op::starts: {
        if (!operand->is_text()) return filter_error("FILTER_TYPE_MISMATCH", "contains and starts take text");
        out.sql += fmt::format("{} {} ? ESCAPE '\\'", column,
                               context_.dialect == Dialect::postgresql ? "ILIKE" : "LIKE");
        out.params.emplace_back(like_pattern(operand->text(), cmp.op == Op::starts));
        return {};
      }
      default: return filter_error("FILTER_OPERATOR_NOT_SUPPORTED", "unsupported operator");
    }
    out.params.push_back(std::move(*operand));
    return {};
  }

  // A JSON array column holding at least one of `values`.
  Result<void> any_element(const std::string& column, const std::vector<Value>& values, SqlFragment& out) {
    std::string marks;
    for (std::size_t i = 0; i < values.size(); ++i) marks += i == 0 ? "?" : ", ?";
    if (context_.dialect == Dialect::sqlite) {
      out.sql += fmt::format("EXISTS (SELECT 1 FROM json_each({}) WHERE json_each.value IN ({}))", column, marks);
    } else {
      out.sql += fmt::format("jsonb_exists_any({}::jsonb, ARRAY[{}]::text[])", column, marks);
    }
    for (const auto& value : values) out.params.push_back(value);
    return {};
  }

  const FilterContext& context_;
};

}  // namespace

Result<SqlFragment> compile_filter(const FilterNode& node, const EntityLayout& layout, const FilterContext& context) {
  SqlFragment out;
  Compiler compiler(context);
  ATRIUM_TRY(compiler.node(node, layout, out));
  return out;
}

Result<std::vector<SortKey>> parse_sort(std::string_view text, const EntityLayout& layout) {
  std::vector<SortKey> keys;
  if (text.empty()) text = "-created_at";
  while (!text.empty()) {
    const auto comma = text.find(',');
    std::string_view item = text.substr(0, comma);
    text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
    SortKey key;
    if (!item.empty() && (item[0] == '-' || item[0] == '+')) {
      key.descending = item[0] == '-';
      item.remove_prefix(1);
    }
    const auto sort_error = [&](std::string message) {
      return Error{ErrorCode::bad_request, "the sort is not valid", {{"sort", "SORT_INVALID", std::move(message)}}};
    };
    if (const auto* standard = standard_column(item)) {
      key.column = std::string(standard->name);
    } else if (const FieldLayout* field = layout.find_field(item) ? layout.find_field(item) : layout.find(item)) {
      if (!field->type->sortable()) return sort_error(fmt::format("{} cannot be sorted on", item));
      key.column = field->columns[0].name;
    } else {
      return sort_error(fmt::format("{} has no field '{}'", layout.entity().label, item));
    }
    if (keys.size() >= 4) return sort_error("at most 4 sort fields");
    if (key.column != "id") keys.push_back(key);
  }
  keys.push_back(SortKey{"id", !keys.empty() && keys.back().descending});
  return keys;
}

std::string order_by_sql(const std::vector<SortKey>& keys) {
  std::string sql;
  for (const auto& key : keys) {
    // The same NULL placement on both databases: NULL is the smallest value.
    sql += fmt::format("{}{} {}", sql.empty() ? "" : ", ", key.column,
                       key.descending ? "DESC NULLS LAST" : "ASC NULLS FIRST");
  }
  return sql;
}

SqlFragment after_cursor_sql(const std::vector<SortKey>& keys, const storage::Row& values) {
  // (k1 beyond v1) OR (k1 = v1 AND ((k2 beyond v2) OR (k2 = v2 AND …)))
  SqlFragment out;
  std::string closing;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const auto& key = keys[i];
    const auto& value = values[i];
    const bool last = i + 1 == keys.size();
    std::string beyond;
    std::string equal;
    if (value.is_null()) {
      beyond = key.descending ? "1 = 0" : key.column + " IS NOT NULL";
      equal = key.column + " IS NULL";
    } else {
      beyond = key.descending ? fmt::format("({} < ? OR {} IS NULL)", key.column, key.column)
                              : fmt::format("{} > ?", key.column);
      equal = key.column + " = ?";
    }
    out.sql += "(" + beyond;
    if (!value.is_null()) out.params.push_back(value);
    if (!last) {
      out.sql += " OR (" + equal + " AND ";
      if (!value.is_null()) out.params.push_back(value);
      closing += "))";
    } else {
      closing += ")";
    }
  }
  out.sql += closing;
  return out;
}

std::string encode_cursor(std::string_view sort, const storage::Row& values) {
  boost::json::array items;
  for (const auto& value : values) {
    if (value.is_null()) {
      items.emplace_back(nullptr);
    } else if (value.is_integer()) {
      items.emplace_back(value.integer());
    } else {
      items.emplace_back(value.to_canonical_text());
    }
  }
  const std::string json = boost::json::serialize(boost::json::object{{"s", sort}, {"v", std::move(items)}});
  std::string encoded(sodium_base64_encoded_len(json.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(encoded.data(), encoded.size(), reinterpret_cast<const unsigned char*>(json.data()), json.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  encoded.resize(std::strlen(encoded.c_str()));
  return encoded;
}

Result<storage::Row> decode_cursor(std::string_view cursor, std::string_view sort, std::size_t key_count) {
  const Error invalid{ErrorCode::bad_request, "the cursor is not valid",
                      {{"cursor", "CURSOR_INVALID", "use the next_cursor of a page with the same sort"}}};
  if (cursor.size() > 4096) return invalid;
  std::string json(cursor.size(), '\0');
  std::size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(json.data()), json.size(), cursor.data(), cursor.size(),
                        nullptr, &length, nullptr, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0) {
    return invalid;
  }
  json.resize(length);
  auto parsed = parse_json(json);
  if (!parsed || !parsed->is_object()) return invalid;
  const auto& object = parsed->as_object();
  const auto* sort_used = object.if_contains("s");
  const auto* values = object.if_contains("v");
  if (!sort_used || !sort_used->is_string() || sort_used->as_string() != sort || !values || !values->is_array() ||
      values->as_array().size() != key_count) {
    return invalid;
  }
  storage::Row row;
  for (const auto& item : values->as_array()) {
    if (item.is_null()) {
      row.emplace_back();
    } else if (item.is_int64()) {
      row.emplace_back(item.as_int64());
    } else if (item.is_string()) {
      row.emplace_back(std::string(item.as_string()));
    } else {
      return invalid;
    }
  }
  return row;
}

}  // namespace atrium::records
