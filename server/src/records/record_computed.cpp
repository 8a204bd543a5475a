// Fields the system sets: values computers derive from a record (stored with the write
// that caused them, in one audit entry), recomputation when what they read changed, and
// system writes of fields no client may set.
#include <fmt/format.h>

#include <algorithm>

#include "atrium/records/audit_trail.hpp"
#include "atrium/records/record_service.hpp"
#include "atrium/records/search_index.hpp"
#include "record_codec.hpp"
#include "record_transitions.hpp"

namespace atrium::records {

namespace {

// UPDATE of the decoded columns; `touch` also moves the version and the change stamp.
Result<void> store(storage::Connection& connection, const EntityLayout& layout, std::string_view id,
                   const DecodedInput& decoded, const std::string* touched_at, const std::string* touched_by) {
  std::string sets;
  storage::Params params;
  if (touched_at) {
    sets = "version = version + 1, updated_at = ?, updated_by_id = ?";
    params = {*touched_at, *touched_by};
  }
  for (const auto& assignment : decoded.assignments) {
    sets += (sets.empty() ? "" : ", ") + assignment.column + " = ?";
    params.push_back(assignment.value);
  }
  if (sets.empty()) return {};
  params.emplace_back(std::string(id));
  auto changed = connection.execute(fmt::format("UPDATE {} SET {} WHERE id = ?", layout.entity().table, sets), params);
  if (!changed) return changed.take_error();
  return {};
}

}  // namespace

Result<boost::json::object> RecordService::get_within(storage::Connection& connection, const EntityLayout& layout,
                                                      std::string_view id) {
  return read_record(connection, layout, id);
}

Result<boost::json::array> RecordService::live_rows_within(storage::Connection& connection, const EntityLayout& layout,
                                                            std::string_view condition, const storage::Params& params) {
  auto rows = connection.query(fmt::format("SELECT {} FROM {} WHERE archived_at IS NULL AND ({})", layout.select_list(),
                                           layout.entity().table, condition),
                               params);
  if (!rows) return rows.take_error();
  boost::json::array records;
  records.reserve(rows->rows.size());
  for (const auto& row : rows->rows) records.emplace_back(encode_row(layout, row));
  return records;
}

Result<boost::json::object> RecordService::computed_values(storage::Connection& connection, const EntityLayout& layout,
                                                           const boost::json::object& record) {
  boost::json::object values;
  auto found = computers_.find(layout.entity().name);
  if (found == computers_.end()) return values;
  for (const auto& computer : found->second) {
    auto computed = computer(connection, layout, record);
    if (!computed) return computed.take_error();
    for (auto& [key, value] : *computed) values[key] = std::move(value);
  }
  return values;
}

Result<boost::json::object> RecordService::apply_computed(storage::Connection& connection, const EntityLayout& layout,
                                                          std::string_view id, boost::json::object record) {
  auto values = computed_values(connection, layout, record);
  if (!values) return values.take_error();
  if (values->empty()) return record;
  auto decoded = decode_input(layout, *values, WriteMode::patch, true);
  if (!decoded) return decoded.take_error();
  ATRIUM_TRY(store(connection, layout, id, *decoded, nullptr, nullptr));
  return read_record(connection, layout, id);
}

RecomputeBatch::RecomputeBatch(RecordService& records, storage::Connection& connection)
    : records_(records), connection_(connection) {
  std::lock_guard lock(records_.batches_mutex_);
  // Inside another batch on the same transaction, the outer one recomputes for both.
  owner_ = records_.batches_.try_emplace(&connection_).second;
}

RecomputeBatch::~RecomputeBatch() {
  if (!owner_) return;
  std::lock_guard lock(records_.batches_mutex_);
  records_.batches_.erase(&connection_);
}

Result<void> RecomputeBatch::finish() {
  if (!owner_) return {};
  std::vector<RecordService::DeferredRecompute> noted;
  {
    std::lock_guard lock(records_.batches_mutex_);
    auto found = records_.batches_.find(&connection_);
    if (found == records_.batches_.end()) return {};
    noted = std::move(found->second);
    records_.batches_.erase(found);
  }
  for (const auto& record : noted) {
    auto done = records_.recompute_within(connection_, *record.layout, record.id, record.actor);
    if (!done) return done.error();
  }
  return {};
}

Result<void> RecordService::recompute_soon_within(storage::Connection& connection, const EntityLayout& layout,
                                                  std::string_view id, const Actor& actor) {
  {
    std::lock_guard lock(batches_mutex_);
    if (auto batch = batches_.find(&connection); batch != batches_.end()) {
      auto& noted = batch->second;
      const bool known = std::any_of(noted.begin(), noted.end(), [&](const DeferredRecompute& record) {
        return record.layout == &layout && record.id == id;
      });
      if (!known) noted.push_back(DeferredRecompute{&layout, std::string(id), actor});
      return {};
    }
  }
  auto done = recompute_within(connection, layout, id, actor);
  if (!done) return done.error();
  return {};
}

Result<boost::json::object> RecordService::recompute_within(storage::Connection& connection, const EntityLayout& layout,
                                                            std::string_view id, const Actor& actor) {
  auto current = read_record(connection, layout, id);
  if (!current) return current;
  auto values = computed_values(connection, layout, *current);
  if (!values) return values.take_error();
  // Only what differs is written: a recomputation that changes nothing leaves no trace.
  // The computed values, decoded to columns, against the stored columns in one read.
  std::vector<std::pair<std::string, std::vector<storage::Value>>> computed;
  std::string columns;
  for (const auto& [key, value] : *values) {
    auto decoded = decode_input(layout, boost::json::object{{key, value}}, WriteMode::patch, true);
    if (!decoded) return decoded.take_error();
    std::vector<storage::Value> cells;
    for (auto& assignment : decoded->assignments) {
      columns += (columns.empty() ? "" : ", ") + assignment.column;
      cells.push_back(std::move(assignment.value));
    }
    computed.emplace_back(std::string(key), std::move(cells));
  }
  boost::json::object changed;
  if (!columns.empty()) {
    auto stored = connection.query(fmt::format("SELECT {} FROM {} WHERE id = ?", columns, layout.entity().table), {id});
    if (!stored) return stored.take_error();
    if (stored->empty()) return current;
    std::size_t next = 0;
    for (const auto& [key, cells] : computed) {
      bool same = true;
      for (const auto& cell : cells) {
        if (!(cell == stored->rows[0][next++])) same = false;
      }
      if (!same) changed[key] = values->at(key);
    }
  }
  if (changed.empty()) return current;
  return write_system_within(connection, layout, id, changed, actor);
}

Result<boost::json::object> RecordService::write_system_within(storage::Connection& connection,
                                                               const EntityLayout& layout, std::string_view id,
                                                               const boost::json::object& values, const Actor& actor) {
  auto before = read_record(connection, layout, id);
  if (!before) return before;
  auto decoded = decode_input(layout, values, WriteMode::patch, true);
  if (!decoded) return decoded.take_error();
  ATRIUM_TRY(check_against_database(connection, layout, catalog_, *decoded, id));
  const std::string now = to_iso8601(clock_.now());
  ATRIUM_TRY(store(connection, layout, id, *decoded, &now, &actor.user_id));
  return finish_update(connection, layout, id, *before, actor, now);
}

}  // namespace atrium::records
