#pragma once
// Global search over every entity's searchable fields: ranked, by word prefix, case and
// accent blind (SQLite FTS5 / PostgreSQL text vectors over Atrium's folded text).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
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

struct SearchQuery {
  std::string text;
  std::vector<const EntityLayout*> entities;
  std::size_t limit = 20;
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
