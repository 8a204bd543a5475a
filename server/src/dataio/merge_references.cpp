#include "merge_references.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include <algorithm>

#include "../records/record_codec.hpp"
#include "atrium/records/audit_trail.hpp"

namespace atrium::dataio {

namespace {

using records::EntityLayout;
using records::FieldLayout;

std::string marks_for(std::size_t count) {
  std::string marks;
  for (std::size_t i = 0; i < count; ++i) marks += i == 0 ? "?" : ", ?";
  return marks;
}

// A link list with the merged ids replaced by the survivor, once.
std::string relinked_list(const std::string& stored, const std::string& survivor_id,
                          const std::vector<std::string>& merged_ids) {
  boost::system::error_code failed;
  auto parsed = boost::json::parse(stored, failed);
  if (failed || !parsed.is_array()) return stored;
  boost::json::array relinked;
  for (const auto& item : parsed.as_array()) {
    boost::json::value id = item;
    if (item.is_string() &&
        std::find(merged_ids.begin(), merged_ids.end(), std::string_view(item.as_string())) != merged_ids.end()) {
      id = boost::json::value(survivor_id);
    }
    if (std::find(relinked.begin(), relinked.end(), id) == relinked.end()) relinked.push_back(std::move(id));
  }
  return boost::json::serialize(relinked);
}

// Sets one row's column, with the version, update stamp and audit entry every record
// write has, so history and the audit chain's verification see the move.
Result<bool> rewrite(storage::Connection& connection, const EntityLayout& layout, const std::string& id,
                     const std::string& column, const storage::Value& expected, const storage::Value& value,
                     const ReferenceChange& change) {
  auto before_rows = connection.query(
      fmt::format("SELECT {} FROM {} WHERE id = ?", layout.select_list(), layout.entity().table), {id});
  if (!before_rows) return before_rows.take_error();
  if (before_rows->empty()) return false;
  const auto before = records::encode_row(layout, before_rows->rows[0]);
  auto changed = connection.execute(
      fmt::format("UPDATE {} SET {} = ?, version = version + 1, updated_at = ?, updated_by_id = ? "
                  "WHERE id = ? AND {} = ?",
                  layout.entity().table, column, column),
      {value, change.at, change.user_id, id, expected});
  if (!changed) return changed.take_error();
  if (*changed == 0) return false;
  auto after_rows = connection.query(
      fmt::format("SELECT {} FROM {} WHERE id = ?", layout.select_list(), layout.entity().table), {id});
  if (!after_rows) return after_rows.take_error();
  const auto after = records::encode_row(layout, after_rows->rows[0]);
  ATRIUM_TRY(records::append_audit(connection, layout,
                                   records::AuditEntry{layout.entity().name, id, change.action, change.user_id,
                                                       change.at},
                                   &before, after));
  return true;
}

}  // namespace

Result<boost::json::array> move_references(storage::Connection& connection, records::RecordService& records,
                                           const EntityLayout& target, const std::string& survivor_id,
                                           const std::vector<std::string>& merged_ids,
                                           const ReferenceChange& change) {
  boost::json::array moved;
  std::vector<std::string> merge_set = merged_ids;
  merge_set.push_back(survivor_id);
  const auto in_merge = [&](const std::string& id) {
    return std::find(merge_set.begin(), merge_set.end(), id) != merge_set.end();
  };
  for (const auto& entity : records.catalog().entities()) {
    const EntityLayout* other = records.by_plural(entity.plural);
    if (!other) continue;
    for (const FieldLayout& field : other->fields()) {
      const auto& definition = *field.field;
      const bool parent = definition.type == "parent" &&
                          std::find(definition.link_entities.begin(), definition.link_entities.end(),
                                    target.entity().name) != definition.link_entities.end();
      const bool link = (definition.type == "link" || definition.type == "link_multiple") &&
                        definition.link_entity == target.entity().name;
      if (!parent && !link) continue;
      const std::string& column = field.columns[0].name;
      // The rows referring to a merged record, with the stored value of the reference.
      std::string condition;
      storage::Params params;
      if (definition.type == "link_multiple") {
        // A link list is JSON text: candidates by text, then checked element by element.
        for (const auto& id : merged_ids) {
          condition += fmt::format("{}{} LIKE ?", condition.empty() ? "" : " OR ", column);
          params.emplace_back("%\"" + id + "\"%");
        }
        condition = "(" + condition + ")";
      } else if (parent) {
        condition = fmt::format("{} = ? AND {} IN ({})", column, field.columns[1].name, marks_for(merged_ids.size()));
        params.emplace_back(target.entity().name);
        for (const auto& id : merged_ids) params.emplace_back(id);
      } else {
        condition = fmt::format("{} IN ({})", column, marks_for(merged_ids.size()));
        for (const auto& id : merged_ids) params.emplace_back(id);
      }
      const std::string& value_column = parent ? field.columns[1].name : column;
      std::vector<std::pair<std::string, std::string>> rows;  // id, stored value
      ATRIUM_TRY(connection.each(
          fmt::format("SELECT id, {} FROM {} WHERE {} ORDER BY id", value_column, entity.table, condition), params,
          [&](const storage::Row& row) {
            if (row[1].is_text()) rows.emplace_back(row[0].text(), row[1].text());
            return true;
          }));
      for (const auto& [id, stored] : rows) {
        if (other == &target && in_merge(id)) continue;
        const std::string after =
            definition.type == "link_multiple" ? relinked_list(stored, survivor_id, merged_ids) : survivor_id;
        if (after == stored) continue;
        auto rewritten = rewrite(connection, *other, id, value_column, stored, after, change);
        if (!rewritten) return rewritten.take_error();
        if (!*rewritten) continue;
        moved.emplace_back(boost::json::object{{"entity", entity.name},
                                               {"id", id},
                                               {"field", field.api_name},
                                               {"before", stored},
                                               {"after", after}});
      }
    }
  }
  return moved;
}

Result<std::size_t> restore_references(storage::Connection& connection, records::RecordService& records,
                                       const boost::json::array& moved, const ReferenceChange& change) {
  std::size_t restored = 0;
  for (const auto& item : moved) {
    const auto* move = item.if_object();
    if (!move) continue;
    const auto text = [move](std::string_view key) {
      const auto* value = move->if_contains(key);
      return value && value->is_string() ? std::string(value->as_string()) : std::string();
    };
    const EntityLayout* layout = records.by_name(text("entity"));
    const FieldLayout* field = layout ? layout->find(text("field")) : nullptr;
    if (!field) continue;  // the entity or field is gone since: nothing to put back
    const std::string& column = field->field->type == "parent" ? field->columns[1].name : field->columns[0].name;
    auto rewritten = rewrite(connection, *layout, text("id"), column, text("after"), text("before"), change);
    if (!rewritten) return rewritten.take_error();
    if (*rewritten) ++restored;
  }
  return restored;
}

}  // namespace atrium::dataio
