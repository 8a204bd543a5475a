#include "atrium/records/search_index.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "atrium/core/text_fold.hpp"

namespace atrium::records {

namespace {

// Word characters: ASCII letters and digits, and every byte of a multi-byte UTF-8
// character (letters of other scripts). Everything else separates words.
bool word_byte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

std::string text_of(const boost::json::value& value) {
  if (value.is_string()) return std::string(value.as_string());
  if (value.is_object()) {
    std::string joined;
    for (const auto& [key, part] : value.as_object()) {
      if (part.is_string()) joined += (joined.empty() ? "" : " ") + std::string(part.as_string());
    }
    return joined;
  }
  if (value.is_array()) {
    std::string joined;
    for (const auto& item : value.as_array()) {
      if (item.is_string()) joined += (joined.empty() ? "" : " ") + std::string(item.as_string());
    }
    return joined;
  }
  return {};
}

void escape_into(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
}

// Moves a byte offset back to the start of a UTF-8 character.
std::size_t character_start(std::string_view text, std::size_t offset) {
  while (offset > 0 && offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0U) == 0x80U) --offset;
  return offset;
}

}  // namespace

bool is_searchable(const EntityLayout& layout) {
  return std::any_of(layout.fields().begin(), layout.fields().end(), [](const auto& f) { return f.field->searchable; });
}

std::vector<std::string> search_terms(std::string_view text) {
  const std::string folded = fold_text(text.substr(0, 200));
  std::vector<std::string> terms;
  std::string current;
  for (char c : folded) {
    if (word_byte(static_cast<unsigned char>(c))) {
      current += c;
    } else if (!current.empty()) {
      terms.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) terms.push_back(std::move(current));
  if (terms.size() > 8) terms.resize(8);
  return terms;
}

std::string highlight(std::string_view text, const std::vector<std::string>& terms, std::size_t window) {
  // Words are found in the original text and compared folded, so "Köln" matches "kol".
  struct Word {
    std::size_t begin;
    std::size_t end;
    bool hit;
  };
  std::vector<Word> words;
  std::size_t first_hit = std::string_view::npos;
  for (std::size_t i = 0; i < text.size();) {
    if (!word_byte(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && word_byte(static_cast<unsigned char>(text[end]))) ++end;
    const std::string folded = fold_text(text.substr(i, end - i));
    const bool hit = std::any_of(terms.begin(), terms.end(), [&](const auto& term) { return folded.starts_with(term); });
    if (hit && first_hit == std::string_view::npos) first_hit = i;
    words.push_back({i, end, hit});
    i = end;
  }
  std::size_t from = 0;
  if (first_hit != std::string_view::npos && first_hit > window / 3) from = character_start(text, first_hit - window / 3);
  std::size_t to = std::min(text.size(), from + window);
  to = character_start(text, to);
  if (to < from) to = from;
  std::string out = from > 0 ? "…" : "";
  std::size_t at = from;
  for (const auto& word : words) {
    if (word.end <= from || word.begin >= to || !word.hit) continue;
    const std::size_t begin = std::max(word.begin, from);
    escape_into(out, text.substr(at, begin - at));
    out += "<mark>";
    escape_into(out, text.substr(begin, std::min(word.end, to) - begin));
    out += "</mark>";
    at = std::min(word.end, to);
  }
  escape_into(out, text.substr(at, to - at));
  if (to < text.size()) out += "…";
  return out;
}

std::string searchable_text(const EntityLayout& layout, const boost::json::object& record) {
  std::string body;
  for (const auto& field : layout.fields()) {
    if (!field.field->searchable) continue;
    const auto* value = record.if_contains(field.api_name);
    if (!value) continue;
    const std::string text = text_of(*value);
    if (!text.empty()) body += (body.empty() ? "" : " · ") + text;
  }
  return body;
}

Result<void> index_record(storage::Connection& connection, const EntityLayout& layout,
                          const boost::json::object& record, IndexMode mode) {
  if (!is_searchable(layout)) return {};
  const std::string id(record.at("id").as_string());
  std::string title;
  if (const auto* value = record.if_contains(layout.find_field(layout.entity().title_field)->api_name)) {
    title = text_of(*value);
  }
  const std::string body = searchable_text(layout, record);
  if (mode == IndexMode::replace) ATRIUM_TRY(unindex_record(connection, layout, id));
  if (body.empty() && title.empty()) return {};
  auto inserted = connection.execute(
      "INSERT INTO search_documents (entity, record_id, title, body, folded) VALUES (?, ?, ?, ?, ?)",
      {layout.entity().name, id, title, body, fold_text(title + " " + body)});
  if (!inserted) return inserted.take_error();
  return {};
}

Result<void> unindex_record(storage::Connection& connection, const EntityLayout& layout, std::string_view id) {
  auto deleted = connection.execute("DELETE FROM search_documents WHERE entity = ? AND record_id = ?",
                                    {layout.entity().name, id});
  if (!deleted) return deleted.take_error();
  return {};
}

Result<boost::json::array> search(storage::Database& database, const SearchQuery& query) {
  const auto terms = search_terms(query.text);
  std::size_t letters = 0;
  for (const auto& term : terms) letters += term.size();
  if (terms.empty() || letters < 2) {
    return Error{ErrorCode::bad_request, "the search is too short",
                 {{"q", "SEARCH_TOO_SHORT", "at least two letters or digits"}}};
  }
  struct Hit {
    std::string entity;
    std::string id;
    std::string title;
    std::string body;
    double score;
  };
  std::vector<Hit> hits;
  const auto scope_of = [&](const EntityLayout& layout) -> const SearchScope* {
    auto found = query.scopes.find(&layout);
    return found == query.scopes.end() ? nullptr : &found->second;
  };
  // The scope is a condition on the entity's own columns, written against its table's
  // name; search_documents shares no column name with entity tables, so it applies as is.
  const auto scope_sql = [](const SearchScope* scope) -> std::string {
    if (!scope || scope->sql.empty()) return {};
    return " AND (" + scope->sql + ")";
  };
  // With hidden searchable fields, the index's text says too much: each hit (from
  // `first` on) is held against the text the caller may see, and dropped unless every
  // term still matches there.
  const auto keep_visible_matches = [&](storage::Connection& connection, const SearchScope* scope,
                                        std::size_t first) -> Result<void> {
    if (!scope || !scope->visible_text) return {};
    std::vector<Hit> kept(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(first));
    for (std::size_t i = first; i < hits.size(); ++i) {
      auto text = scope->visible_text(connection, hits[i].id);
      if (!text) return text.take_error();
      if (scope->hide_title) hits[i].title.clear();
      const std::string folded = " " + fold_text(hits[i].title + " " + *text);
      const bool matches = std::all_of(terms.begin(), terms.end(), [&](const std::string& term) {
        for (std::size_t at = folded.find(term); at != std::string::npos; at = folded.find(term, at + 1)) {
          if (!word_byte(static_cast<unsigned char>(folded[at - 1]))) return true;
        }
        return false;
      });
      if (!matches) continue;
      hits[i].body = std::move(*text);
      kept.push_back(std::move(hits[i]));
    }
    hits = std::move(kept);
    return {};
  };
  ATRIUM_TRY(database.snapshot([&](storage::Connection& connection) -> Result<void> {
    const bool sqlite = connection.dialect() == storage::Dialect::sqlite;
    // Terms hold only word characters, so quoting them is all the escaping needed.
    std::string match;
    for (const auto& term : terms) {
      match += sqlite ? fmt::format("{}\"{}\"*", match.empty() ? "" : " ", term)
                      : fmt::format("{}{}:*", match.empty() ? "" : " & ", term);
    }
    if (sqlite) {
      // FTS5 ranks its matches fast on its own and slowly inside a join: the best
      // candidates first, then each entity's table over just those.
      const std::size_t candidates = std::max<std::size_t>(200, query.limit * 10);
      std::map<std::int64_t, double> scores;
      ATRIUM_TRY(connection.each(
          fmt::format("SELECT rowid, rank FROM search_fts WHERE search_fts MATCH ? ORDER BY rank LIMIT {}", candidates),
          {match}, [&](const storage::Row& row) {
            scores.emplace(row[0].integer(), -row[1].real());
            return true;
          }));
      if (scores.empty()) return {};
      std::string marks;
      storage::Params rowids;
      for (const auto& [rowid, score] : scores) {
        marks += marks.empty() ? "?" : ", ?";
        rowids.emplace_back(rowid);
      }
      // Each entity through its own table, so what a list may not show, search does not
      // find either: the access predicates of lists join here.
      for (const EntityLayout* layout : query.entities) {
        if (!is_searchable(*layout)) continue;
        const SearchScope* scope = scope_of(*layout);
        storage::Params params = rowids;
        params.emplace_back(layout->entity().name);
        if (scope) params.insert(params.end(), scope->params.begin(), scope->params.end());
        const std::size_t first = hits.size();
        ATRIUM_TRY(connection.each(
            fmt::format("SELECT d.rowid, d.record_id, d.title, d.body FROM search_documents AS d "
                        "JOIN {0} ON {0}.id = d.record_id WHERE d.rowid IN ({1}) AND d.entity = ? "
                        "AND {0}.archived_at IS NULL{2}",
                        layout->entity().table, marks, scope_sql(scope)),
            params, [&](const storage::Row& row) {
              hits.push_back({layout->entity().plural, row[1].text(), row[2].text(), row[3].text(),
                              scores[row[0].integer()]});
              return true;
            }));
        ATRIUM_TRY(keep_visible_matches(connection, scope, first));
      }
      return {};
    }
    for (const EntityLayout* layout : query.entities) {
      if (!is_searchable(*layout)) continue;
      const SearchScope* scope = scope_of(*layout);
      const std::string sql = fmt::format(
          "SELECT d.record_id, d.title, d.body, "
          "ts_rank(to_tsvector('simple', d.folded), to_tsquery('simple', ?))::float8 AS score "
          "FROM search_documents AS d JOIN {0} ON {0}.id = d.record_id "
          "WHERE to_tsvector('simple', d.folded) @@ to_tsquery('simple', ?) AND d.entity = ? "
          "AND {0}.archived_at IS NULL{1} ORDER BY score DESC LIMIT {2}",
          layout->entity().table, scope_sql(scope), query.limit);
      storage::Params params{match, match, layout->entity().name};
      if (scope) params.insert(params.end(), scope->params.begin(), scope->params.end());
      const std::size_t first = hits.size();
      ATRIUM_TRY(connection.each(sql, params, [&](const storage::Row& row) {
        hits.push_back({layout->entity().plural, row[0].text(), row[1].text(), row[2].text(),
                        row[3].is_real() ? row[3].real() : 0.0});
        return true;
      }));
      ATRIUM_TRY(keep_visible_matches(connection, scope, first));
    }
    return {};
  }));
  std::stable_sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.score > b.score; });
  if (hits.size() > query.limit) hits.resize(query.limit);
  boost::json::array data;
  for (const auto& hit : hits) {
    data.push_back({{"entity", hit.entity},
                    {"id", hit.id},
                    {"title", hit.title},
                    {"title_highlighted", highlight(hit.title, terms)},
                    {"snippet", highlight(hit.body, terms)},
                    {"score", hit.score}});
  }
  return data;
}

}  // namespace atrium::records
