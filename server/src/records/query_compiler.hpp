#pragma once
// Turns a parsed filter, a sort and a cursor into SQL with bound parameters. Every
// name in the SQL comes from the definitions; every value from the request is bound.
#include <functional>
#include <string>
#include <vector>

#include "atrium/core/result.hpp"
#include "atrium/access/grants.hpp"
#include "atrium/records/entity_layout.hpp"
#include "atrium/records/filter.hpp"
#include "atrium/storage/database.hpp"

namespace atrium::records {

struct SqlFragment {
  std::string sql;
  storage::Params params;
};

using LayoutLookup = std::function<const EntityLayout*(std::string_view entity_name)>;

struct FilterContext {
  const LayoutLookup& layouts;
  storage::Dialect dialect;
  std::string today;  // "YYYY-MM-DD", for `today±Nd`
  // SQLite's planner does not see that a LIMIT stops an ordered index walk early: it
  // picks the index of a filter on a few-valued field (area, type) and sorts every
  // match. When the sort has an index, comparisons on such fields are written so their
  // indexes are not used (`+column`), and the walk in sort order wins.
  bool avoid_choice_indexes = false;
  // `user.<name>` values (access rules); without them such values are refused.
  const access::UserValues* user_values = nullptr;
  // For filters the caller wrote: refuses fields the caller may not see (FORBIDDEN,
  // FIELD_HIDDEN), and narrows a path through a link to the linked records the caller
  // may read, so a filter cannot probe records out of scope.
  std::function<Result<void>(const EntityLayout&, const FieldLayout&)> field_guard;
  std::function<Result<SqlFragment>(const EntityLayout&)> link_scope;
};

Result<SqlFragment> compile_filter(const FilterNode& node, const EntityLayout& layout, const FilterContext& context);

struct SortKey {
  std::string column;
  bool descending = false;
};

// "name,-created_at" → keys, always ending with id so the order is total.
Result<std::vector<SortKey>> parse_sort(std::string_view text, const EntityLayout& layout);
std::string order_by_sql(const std::vector<SortKey>& keys);
// Rows strictly after the cursor's row in the sort order (NULL sorts as the smallest).
SqlFragment after_cursor_sql(const std::vector<SortKey>& keys, const storage::Row& cursor_values);

// Opaque cursors: the sort keys' values of the last row, bound to the sort they came from.
std::string encode_cursor(std::string_view sort, const storage::Row& values);
Result<storage::Row> decode_cursor(std::string_view cursor, std::string_view sort, std::size_t key_count);

}  // namespace atrium::records
