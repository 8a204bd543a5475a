#include "atrium/dataio/merge_service.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include <algorithm>

#include "../records/record_access.hpp"
#include "../records/record_codec.hpp"
#include "atrium/core/id.hpp"
#include "atrium/records/audit_trail.hpp"
#include "merge_references.hpp"

namespace atrium::dataio {

namespace {

using records::Actor;
using records::EntityLayout;

constexpr std::size_t kMaxIdLength = 64;
constexpr const char* kMergeColumns =
    "id, entity, survivor_id, merged_ids, survivor_before, survivor_version, moved, merged_by_id, merged_at, "
    "undone_at, undone_by_id";

Error invalid(std::string field, std::string code, std::string message) {
  return Error{ErrorCode::validation_failed, "the merge is not valid",
               {{std::move(field), std::move(code), std::move(message)}}};
}

Error conflict(std::string field, std::string code, std::string message) {
  return Error{ErrorCode::conflict, message, {{std::move(field), std::move(code), message}}};
}

bool valid_id(const boost::json::value& value) {
  return value.is_string() && !value.as_string().empty() && value.as_string().size() <= kMaxIdLength;
}

Result<boost::json::object> read_record(storage::Connection& connection, const EntityLayout& layout,
                                        const std::string& id) {
  auto rows = connection.query(
      fmt::format("SELECT {} FROM {} WHERE id = ?", layout.select_list(), layout.entity().table), {id});
  if (!rows) return rows.take_error();
  if (rows->empty()) return make_error(ErrorCode::not_found, fmt::format("no {} with id {}", layout.entity().label, id));
  return records::encode_row(layout, rows->rows[0]);
}

// One entry on the survivor's history naming the merge (or its undo): its own version,
// so the audit chain's one-entry-per-version rule holds.
Result<void> mark_survivor(storage::Connection& connection, const EntityLayout& layout, const std::string& id,
                           const ReferenceChange& change) {
  auto before = read_record(connection, layout, id);
  if (!before) return before.take_error();
  auto bumped = connection.execute(
      fmt::format("UPDATE {} SET version = version + 1, updated_at = ?, updated_by_id = ? WHERE id = ?",
                  layout.entity().table),
      {change.at, change.user_id, id});
  if (!bumped) return bumped.take_error();
  auto after = read_record(connection, layout, id);
  if (!after) return after.take_error();
  return records::append_audit(connection, layout,
                               records::AuditEntry{layout.entity().name, id, change.action, change.user_id, change.at},
                               &*before, *after);
}

boost::json::value parsed_or_null(const storage::Value& stored) {
  if (!stored.is_text()) return nullptr;
  boost::system::error_code failed;
  auto parsed = boost::json::parse(stored.text(), failed);
  return failed ? boost::json::value(nullptr) : parsed;
}

boost::json::value text_or_null(const storage::Value& stored) {
  return stored.is_text() ? boost::json::value(stored.text()) : boost::json::value(nullptr);
}

// A merges row as the API shows it; `with_moves` adds each moved reference.
boost::json::object merge_json(const storage::Row& row, bool with_moves, const std::string& undo_cutoff) {
  const auto moved = parsed_or_null(row[6]);
  const bool undone = !row[9].is_null();
  boost::json::object merge{{"id", row[0].text()},
                            {"entity", row[1].text()},
                            {"survivor_id", row[2].text()},
                            {"merged_ids", parsed_or_null(row[3])},
                            {"moved_count", moved.is_array() ? moved.as_array().size() : 0},
                            {"merged_by_id", row[7].text()},
                            {"merged_at", row[8].text()},
                            {"undone_at", text_or_null(row[9])},
                            {"undone_by_id", text_or_null(row[10])},
                            {"undoable", !undone && row[8].text() >= undo_cutoff}};
  if (with_moves) merge["moved"] = moved;
  return merge;
}

}  // namespace

MergeService::MergeService(records::RecordService& records, const Clock& clock) : records_(records), clock_(clock) {}

Result<MergeRequest> MergeService::parse(const EntityLayout& layout, const boost::json::value& body) {
  const auto* object = body.if_object();
  if (!object) {
    return Error{ErrorCode::bad_request, "the body must be {\"survivor_id\", \"merged_ids\", \"values\"}", {}};
  }
  MergeRequest request;
  const auto* survivor = object->if_contains("survivor_id");
  if (!survivor || !valid_id(*survivor)) {
    return invalid("survivor_id", "FIELD_REQUIRED", "the id of the record that stays");
  }
  request.survivor_id = std::string(survivor->as_string());
  const auto* merged = object->if_contains("merged_ids");
  if (!merged || !merged->is_array() || merged->as_array().empty() ||
      merged->as_array().size() > kMaxMergedRecords) {
    return invalid("merged_ids", "MERGED_IDS_INVALID",
                   fmt::format("the ids of 1 to {} records merged into the survivor", kMaxMergedRecords));
  }
  for (const auto& id : merged->as_array()) {
    if (!valid_id(id)) return invalid("merged_ids", "MERGED_IDS_INVALID", "record ids");
    const std::string text(id.as_string());
    if (text == request.survivor_id) {
      return invalid("merged_ids", "MERGED_IDS_INVALID", "the survivor is not merged into itself");
    }
    if (std::find(request.merged_ids.begin(), request.merged_ids.end(), text) != request.merged_ids.end()) {
      return invalid("merged_ids", "MERGED_IDS_INVALID", fmt::format("{} is named twice", text));
    }
    request.merged_ids.push_back(text);
  }
  if (const auto* values = object->if_contains("values"); values && !values->is_null()) {
    if (!values->is_object()) return invalid("values", "FIELD_INVALID", "field name → id of the record whose value wins");
    for (const auto& [name, source] : values->as_object()) {
      const std::string field_name(name);
      const auto* field = layout.find(field_name);
      if (!field) {
        return invalid("values." + field_name, "UNKNOWN_FIELD",
                       fmt::format("{} has no field '{}'", layout.entity().label, field_name));
      }
      if (field->field->read_only) {
        return invalid("values." + field_name, "FIELD_READ_ONLY", "set by the system, not chosen in a merge");
      }
      const bool known = source.is_string() && (source.as_string() == request.survivor_id ||
                                                std::find(request.merged_ids.begin(), request.merged_ids.end(),
                                                          std::string_view(source.as_string())) !=
                                                    request.merged_ids.end());
      if (!known) {
        return invalid("values." + field_name, "VALUE_SOURCE_INVALID", "the survivor's id or one of merged_ids");
      }
      request.values.emplace(field_name, std::string(source.as_string()));
    }
  }
  return request;
}

Result<boost::json::object> MergeService::merge(const EntityLayout& layout, const MergeRequest& request,
                                                const Actor& actor) {
  if (actor.access && !actor.access->may(layout, access::Action::edit)) {
    return records::access_denied(layout, access::Action::edit);
  }
  const ReferenceChange change{actor.user_id, to_iso8601(clock_.now()), "merge"};
  // Once the caller's rights are checked, the writes that follow from the merge (archiving
  // a record they may only delete, references in records of others) are the system's.
  const Actor system{actor.user_id, nullptr};
  Result<boost::json::object> answer = boost::json::object{};
  ATRIUM_TRY(records_.database().transact([&](storage::Connection& connection) -> Result<void> {
    ATRIUM_TRY(records_.ensure_allowed(connection, layout, request.survivor_id, actor, access::Action::edit));
    for (const auto& id : request.merged_ids) {
      auto editable = records_.ensure_allowed(connection, layout, id, actor, access::Action::edit);
      if (editable) continue;
      if (editable.error().code != ErrorCode::forbidden) return editable.take_error();
      if (!records_.ensure_allowed(connection, layout, id, actor, access::Action::remove)) {
        return editable.take_error();
      }
    }
    auto before = read_record(connection, layout, request.survivor_id);
    if (!before) return before.take_error();
    std::map<std::string, boost::json::object> merged;
    for (const auto& id : request.merged_ids) {
      auto record = read_record(connection, layout, id);
      if (!record) return record.take_error();
      if (!record->at("archived_at").is_null()) {
        return conflict("merged_ids", "MERGE_RECORD_ARCHIVED", fmt::format("{} is archived: restore it first", id));
      }
      merged.emplace(id, std::move(*record));
    }
    boost::json::object chosen;
    for (const auto& [field, source] : request.values) {
      if (source == request.survivor_id) continue;
      const auto& from = merged.at(source);
      const auto* value = from.if_contains(field);
      chosen[field] = value ? *value : boost::json::value(nullptr);
    }
    if (!chosen.empty()) {
      auto patched = records_.patch_within(connection, layout, request.survivor_id, chosen, std::nullopt, actor);
      if (!patched) return patched.take_error();
    }
    auto moved = move_references(connection, records_, layout, request.survivor_id, request.merged_ids, change);
    if (!moved) return moved.take_error();
    for (const auto& id : request.merged_ids) {
      auto archived = records_.set_archived_within(connection, layout, id, true, system);
      if (!archived) return archived.take_error();
    }
    ATRIUM_TRY(mark_survivor(connection, layout, request.survivor_id, change));
    auto survivor = read_record(connection, layout, request.survivor_id);
    if (!survivor) return survivor.take_error();
    boost::json::array merged_ids;
    for (const auto& id : request.merged_ids) merged_ids.emplace_back(id);
    const std::string merge_id = new_id();
    auto inserted = connection.execute(
        "INSERT INTO merges (id, entity, survivor_id, merged_ids, survivor_before, survivor_version, moved, "
        "merged_by_id, merged_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {merge_id, layout.entity().name, request.survivor_id, boost::json::serialize(merged_ids),
         boost::json::serialize(*before), survivor->at("version").as_int64(), boost::json::serialize(*moved),
         actor.user_id, change.at});
    if (!inserted) return inserted.take_error();
    auto row = connection.query(fmt::format("SELECT {} FROM merges WHERE id = ?", kMergeColumns), {merge_id});
    if (!row) return row.take_error();
    if (actor.access) actor.access->strip_hidden(layout, *survivor);
    answer = boost::json::object{{"merge", merge_json(row->rows[0], true, change.at)},
                                 {"survivor", std::move(*survivor)}};
    return {};
  }));
  return answer;
}

Result<boost::json::object> MergeService::undo(std::string_view merge_id, const Actor& actor) {
  if (actor.access && !actor.access->unrestricted()) {
    return make_error(ErrorCode::forbidden, "only administrators undo merges");
  }
  const auto now = clock_.now();
  const ReferenceChange change{actor.user_id, to_iso8601(now), "unmerge"};
  const std::string cutoff = to_iso8601(now - kMergeUndoWindow);
  const Actor system{actor.user_id, nullptr};
  Result<boost::json::object> answer = boost::json::object{};
  ATRIUM_TRY(records_.database().transact([&](storage::Connection& connection) -> Result<void> {
    auto rows = connection.query(fmt::format("SELECT {} FROM merges WHERE id = ?", kMergeColumns), {merge_id});
    if (!rows) return rows.take_error();
    if (rows->empty()) return make_error(ErrorCode::not_found, fmt::format("no merge with id {}", merge_id));
    const auto& row = rows->rows[0];
    if (!row[9].is_null()) return conflict("id", "MERGE_ALREADY_UNDONE", "the merge was undone already");
    if (row[8].text() < cutoff) {
      return conflict("id", "MERGE_UNDO_EXPIRED", "a merge can be undone for 30 days only");
    }
    const EntityLayout* layout = records_.by_name(row[1].text());
    if (!layout) return make_error(ErrorCode::not_found, "the merged entity no longer exists");
    const std::string survivor_id = row[2].text();
    auto survivor = read_record(connection, *layout, survivor_id);
    if (!survivor) return survivor.take_error();
    if (survivor->at("version").as_int64() != row[5].integer()) {
      return conflict("survivor_id", "MERGE_SURVIVOR_CHANGED",
                      "the surviving record changed since the merge: undoing would lose that change");
    }
    // The survivor's fields as they were before the merge.
    const auto before = parsed_or_null(row[4]);
    boost::json::object restored;
    if (before.is_object()) {
      for (const auto& field : layout->fields()) {
        if (field.field->read_only) continue;
        const auto* was = before.as_object().if_contains(field.api_name);
        const auto* now_value = survivor->if_contains(field.api_name);
        const boost::json::value old_value = was ? *was : boost::json::value(nullptr);
        const boost::json::value current = now_value ? *now_value : boost::json::value(nullptr);
        if (old_value != current) restored[field.api_name] = old_value;
      }
    }
    if (!restored.empty()) {
      auto patched = records_.patch_within(connection, *layout, survivor_id, restored, std::nullopt, system);
      if (!patched) return patched.take_error();
    }
    const auto moved = parsed_or_null(row[6]);
    if (moved.is_array()) {
      auto count = restore_references(connection, records_, moved.as_array(), change);
      if (!count) return count.take_error();
    }
    const auto merged_ids = parsed_or_null(row[3]);
    if (merged_ids.is_array()) {
      for (const auto& id : merged_ids.as_array()) {
        if (!id.is_string()) continue;
        auto restored_record = records_.set_archived_within(connection, *layout, std::string(id.as_string()), false,
                                                            system);
        if (!restored_record) return restored_record.take_error();
      }
    }
    ATRIUM_TRY(mark_survivor(connection, *layout, survivor_id, change));
    auto marked = connection.execute(
        "UPDATE merges SET undone_at = ?, undone_by_id = ? WHERE id = ? AND undone_at IS NULL",
        {change.at, actor.user_id, std::string(merge_id)});
    if (!marked) return marked.take_error();
    auto after = connection.query(fmt::format("SELECT {} FROM merges WHERE id = ?", kMergeColumns), {merge_id});
    if (!after) return after.take_error();
    answer = merge_json(after->rows[0], true, cutoff);
    return {};
  }));
  return answer;
}

Result<boost::json::array> MergeService::list(std::string_view entity, std::size_t limit, const Actor& actor) const {
  if (actor.access && !actor.access->unrestricted()) {
    return make_error(ErrorCode::forbidden, "only administrators see merges");
  }
  const std::string cutoff = to_iso8601(clock_.now() - kMergeUndoWindow);
  boost::json::array merges;
  ATRIUM_TRY(records_.database().read([&](storage::Connection& connection) -> Result<void> {
    std::string where = entity.empty() ? "1 = 1" : "entity = ?";
    storage::Params params;
    if (!entity.empty()) params.emplace_back(std::string(entity));
    return connection.each(
        fmt::format("SELECT {} FROM merges WHERE {} ORDER BY merged_at DESC, id DESC LIMIT {}", kMergeColumns, where,
                    limit),
        params, [&](const storage::Row& row) {
          merges.emplace_back(merge_json(row, false, cutoff));
          return true;
        });
  }));
  return merges;
}

Result<boost::json::object> MergeService::get(std::string_view merge_id, const Actor& actor) const {
  if (actor.access && !actor.access->unrestricted()) {
    return make_error(ErrorCode::forbidden, "only administrators see merges");
  }
  const std::string cutoff = to_iso8601(clock_.now() - kMergeUndoWindow);
  Result<boost::json::object> merge = boost::json::object{};
  ATRIUM_TRY(records_.database().read([&](storage::Connection& connection) -> Result<void> {
    auto rows = connection.query(fmt::format("SELECT {} FROM merges WHERE id = ?", kMergeColumns), {merge_id});
    if (!rows) return rows.take_error();
    if (rows->empty()) return make_error(ErrorCode::not_found, fmt::format("no merge with id {}", merge_id));
    merge = merge_json(rows->rows[0], true, cutoff);
    return {};
  }));
  return merge;
}

}  // namespace atrium::dataio
