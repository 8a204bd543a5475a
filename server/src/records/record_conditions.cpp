// Conditions stored as data (approval rules, automation rules): the list filter language
// checked against an entity's fields when saved, and evaluated on one record inside the
// transaction that wrote it.
#include <fmt/format.h>

#include "atrium/records/filter.hpp"
#include "atrium/records/record_service.hpp"
#include "query_compiler.hpp"

namespace atrium::records {

Result<void> RecordService::check_condition(const EntityLayout& layout, const std::string& condition) const {
  if (condition.empty()) return {};
  auto tree = parse_filter(condition);
  if (!tree) return tree.take_error();
  const LayoutLookup lookup = [this](std::string_view name) { return by_name(name); };
  auto compiled = compile_filter(**tree, layout, FilterContext{lookup, database_.dialect(), today()});
  if (!compiled) return compiled.take_error();
  return {};
}

Result<bool> RecordService::meets_condition(storage::Connection& connection, const EntityLayout& layout,
                                            std::string_view id, const std::string& condition) const {
  std::string where = "id = ?";
  storage::Params params{std::string(id)};
  if (!condition.empty()) {
    auto tree = parse_filter(condition);
    if (!tree) return tree.take_error();
    const LayoutLookup lookup = [this](std::string_view name) { return by_name(name); };
    auto compiled = compile_filter(**tree, layout, FilterContext{lookup, database_.dialect(), today()});
    if (!compiled) return compiled.take_error();
    where += " AND (" + compiled->sql + ")";
    params.insert(params.end(), compiled->params.begin(), compiled->params.end());
  }
  auto met = connection.query(fmt::format("SELECT 1 FROM {} WHERE {}", layout.entity().table, where), params);
  if (!met) return met.take_error();
  return !met->empty();
}

}  // namespace atrium::records
