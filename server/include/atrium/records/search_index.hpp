#pragma once
// Global search over every entity's searchable fields: ranked, by word prefix, case and
// accent blind (SQLite FTS5 / PostgreSQL text vectors over Atrium's folded text).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "atrium/core/result.hpp"
#include "atrium/records/entity_layout.hpp"
#include "atrium/storage/database.hpp"

namespace atrium::records {

// Puts a record's current JSON into the index (replacing what was there), or takes it
// out; part of the writing transaction.
enum class IndexMode { replace, new_record };
Result<void> index_record(storage::Connection& connection, const EntityLayout& layout, const boost::json::object& record,
                          IndexMode mode = IndexMode::replace);
Result<void> unindex_record(storage::Connection& connection, const EntityLayout& layout, std::string_view id);
bool is_searchable(const EntityLayout& layout);
// The record's searchable fields as one text, in definition order (what is indexed).
std::string searchable_text(const EntityLayout& layout, const boost::json::object& record);

// What one caller may find of an entity (set by the record service from their access).
struct SearchScope {
  std::string sql;  // over the entity's own columns (qualified, if at all, by its table's name); empty: all
  storage::Params params;
  // Set when some searchable fields are hidden from the caller: the record's searchable
  // text without them. A hit must match it, and its snippet comes from it.
  std::function<Result<std::string>(storage::Connection&, const std::string& id)> visible_text;
  bool hide_title = false;  // the title field itself is hidden: hits show no title
};

struct SearchQuery {
  std::string text;
  std::vector<const EntityLayout*> entities;
  std::size_t limit = 20;
  std::map<const EntityLayout*, SearchScope> scopes;
};

// {"entity","id","title","snippet","score"} best first; snippet is HTML-escaped text
// with the matched words in <mark>.
Result<boost::json::array> search(storage::Database& database, const SearchQuery& query);

// The query's words, folded: what is looked up, each as a prefix.
std::vector<std::string> search_terms(std::string_view text);
// `text` escaped for HTML with every word starting with one of `terms` marked; cut to a
// window around the first match.
std::string highlight(std::string_view text, const std::vector<std::string>& terms, std::size_t window = 160);

}  // namespace atrium::records
