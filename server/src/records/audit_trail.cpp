#include "atrium/records/audit_trail.hpp"

#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include <map>

#include "atrium/access/session_store.hpp"
#include "atrium/core/json_body.hpp"

namespace atrium::records {

namespace {

// The first entry of a record links to this instead of a previous hash.
const std::string kGenesis(64, '0');

std::string entry_hash(const std::string& previous, const AuditEntry& entry, const std::string& changes) {
  // Length-prefixed parts: no two different entries serialise to the same text.
  std::string text;
  for (const std::string* part : {&previous, &entry.entity, &entry.record_id, &entry.action, &entry.user_id, &entry.at,
                                  &changes}) {
    text += fmt::format("{}:{};", part->size(), *part);
  }
  return access::sha256_hex(text);
}

boost::json::object entry_json(const storage::Row& row) {
  auto changes = parse_json(row[6].text());
  return {{"sequence", row[0].integer()},
          {"entity", row[1].text()},
          {"record_id", row[2].text()},
          {"action", row[3].text()},
          {"user_id", row[4].is_null() ? boost::json::value(nullptr) : boost::json::value(row[4].text())},
          {"at", row[5].text()},
          {"changes", changes ? std::move(*changes) : boost::json::value(boost::json::array{})}};
}

constexpr const char* kColumns = "sequence, entity, record_id, action, user_id, at, changes, previous_hash, hash";

}  // namespace

Result<void> append_audit(storage::Connection& connection, const EntityLayout& layout, const AuditEntry& entry,
                          const boost::json::object* before, const boost::json::object& after) {
  boost::json::array changes;
  auto add = [&](std::string_view field, const boost::json::value& old_value, const boost::json::value& new_value) {
    if (old_value != new_value) changes.push_back({{"field", field}, {"old", old_value}, {"new", new_value}});
  };
  static const boost::json::value kNull;
  auto value_in = [](const boost::json::object* object, std::string_view key) -> const boost::json::value& {
    if (!object) return kNull;
    const auto* found = object->if_contains(key);
    return found ? *found : kNull;
  };
  for (const auto& field : layout.fields()) {
    if (!field.field->audited) continue;
    add(field.api_name, value_in(before, field.api_name), value_in(&after, field.api_name));
  }
  add("archived_at", value_in(before, "archived_at"), value_in(&after, "archived_at"));
  // Even a write that changed nothing gets its entry: one entry per version is what lets
  // verification see a deleted last entry.

  // A create is a record's first entry (its id is new): no previous entry to look up.
  std::string previous_hash = kGenesis;
  if (entry.action != "create") {
    auto previous = connection.query(
        "SELECT hash FROM audit_log WHERE entity = ? AND record_id = ? ORDER BY sequence DESC LIMIT 1",
        {entry.entity, entry.record_id});
    if (!previous) return previous.take_error();
    if (!previous->empty()) previous_hash = previous->rows[0][0].text();
  }
  const std::string changes_text = boost::json::serialize(changes);
  auto inserted = connection.execute(
      "INSERT INTO audit_log (entity, record_id, action, user_id, at, changes, previous_hash, hash) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {entry.entity, entry.record_id, entry.action,
       entry.user_id.empty() ? storage::Value() : storage::Value(entry.user_id), entry.at, changes_text, previous_hash,
       entry_hash(previous_hash, entry, changes_text)});
  if (!inserted) return inserted.take_error();
  return {};
}

Result<void> append_record_event(storage::Connection& connection, const AuditEntry& entry,
                                 const boost::json::array& changes) {
  auto previous = connection.query(
      "SELECT hash FROM audit_log WHERE entity = ? AND record_id = ? ORDER BY sequence DESC LIMIT 1",
      {entry.entity, entry.record_id});
  if (!previous) return previous.take_error();
  const std::string previous_hash = previous->empty() ? kGenesis : previous->rows[0][0].text();
  const std::string changes_text = boost::json::serialize(changes);
  auto inserted = connection.execute(
      "INSERT INTO audit_log (entity, record_id, action, user_id, at, changes, previous_hash, hash) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {entry.entity, entry.record_id, entry.action,
       entry.user_id.empty() ? storage::Value() : storage::Value(entry.user_id), entry.at, changes_text, previous_hash,
       entry_hash(previous_hash, entry, changes_text)});
  if (!inserted) return inserted.take_error();
  return {};
}

bool is_unversioned_event(std::string_view action) {
  return action.starts_with("approval.") || action.starts_with("automation.");
}

Result<boost::json::array> record_history(storage::Connection& connection, std::string_view entity,
                                          std::string_view record_id) {
  boost::json::array entries;
  ATRIUM_TRY(connection.each(
      fmt::format("SELECT {} FROM audit_log WHERE entity = ? AND record_id = ? ORDER BY sequence", kColumns),
      {entity, record_id}, [&](const storage::Row& row) {
        entries.push_back(entry_json(row));
        return true;
      }));
  return entries;
}

Result<boost::json::array> audit_events(storage::Connection& connection, const AuditQuery& query) {
  std::string where = "sequence > ?";
  storage::Params params{query.after_sequence};
  if (!query.entity.empty()) {
    where += " AND entity = ?";
    params.emplace_back(query.entity);
  }
  if (!query.user_id.empty()) {
    where += " AND user_id = ?";
    params.emplace_back(query.user_id);
  }
  if (!query.since.empty()) {
    where += " AND at >= ?";
    params.emplace_back(query.since);
  }
  if (!query.until.empty()) {
    where += " AND at < ?";
    params.emplace_back(query.until);
  }
  if (!query.scope_sql.empty()) {
    where += " AND (" + query.scope_sql + ")";
    params.insert(params.end(), query.scope_params.begin(), query.scope_params.end());
  }
  boost::json::array entries;
  ATRIUM_TRY(connection.each(
      fmt::format("SELECT {} FROM audit_log WHERE {} ORDER BY sequence LIMIT {}", kColumns, where, query.limit), params,
      [&](const storage::Row& row) {
        entries.push_back(entry_json(row));
        return true;
      }));
  return entries;
}

Result<AuditVerification> verify_audit(storage::Database& database, const std::vector<const EntityLayout*>& layouts) {
  AuditVerification report;
  ATRIUM_TRY(database.snapshot([&](storage::Connection& connection) -> Result<void> {
    std::map<std::pair<std::string, std::string>, std::pair<std::string, std::int64_t>> chains;  // last hash, count
    ATRIUM_TRY(connection.each(
        fmt::format("SELECT {} FROM audit_log ORDER BY entity, record_id, sequence", kColumns), {},
        [&](const storage::Row& row) {
          ++report.entries;
          const AuditEntry entry{row[1].text(), row[2].text(), row[3].text(), row[4].is_null() ? "" : row[4].text(),
                                 row[5].text()};
          auto& [last_hash, count] = chains[{entry.entity, entry.record_id}];
          const std::string expected_previous = last_hash.empty() ? kGenesis : last_hash;
          const auto sequence = row[0].integer();
          if (row[7].text() != expected_previous) {
            report.problems.push_back(fmt::format("entry {} of {} {} does not follow the entry before it (deleted or "
                                                  "reordered entries)",
                                                  sequence, entry.entity, entry.record_id));
          }
          if (entry_hash(row[7].text(), entry, row[6].text()) != row[8].text()) {
            report.problems.push_back(fmt::format("entry {} of {} {} was altered", sequence, entry.entity,
                                                  entry.record_id));
          }
          last_hash = row[8].text();
          // Events about a record (approvals) are links of its chain but not versions.
          if (!is_unversioned_event(entry.action)) ++count;
          return true;
        }));
    report.records = static_cast<std::int64_t>(chains.size());
    // Every write bumps a record's version and adds exactly one entry.
    for (const EntityLayout* layout : layouts) {
      ATRIUM_TRY(connection.each(fmt::format("SELECT id, version FROM {}", layout->entity().table), {},
                                 [&](const storage::Row& row) {
                                   auto found = chains.find({layout->entity().name, row[0].text()});
                                   if (found == chains.end()) {
                                     report.problems.push_back(fmt::format("{} {} has no audit entries",
                                                                           layout->entity().name, row[0].text()));
                                   } else if (found->second.second != row[1].integer()) {
                                     report.problems.push_back(fmt::format(
                                         "{} {} is at version {} but has {} audit entries", layout->entity().name,
                                         row[0].text(), row[1].integer(), found->second.second));
                                   }
                                   return true;
                                 }));
    }
    return {};
  }));
  return report;
}

Result<void> append_security_event(storage::Connection& connection, const AuditEntry& entry,
                                   const boost::json::object& details) {
  // An upsert takes the row lock on PostgreSQL until commit; SQLite has one writer.
  auto locked = connection.execute(
      "INSERT INTO audit_chain_locks (entity, record_id, appended_at) VALUES (?, ?, ?) "
      "ON CONFLICT (entity, record_id) DO UPDATE SET appended_at = excluded.appended_at",
      {entry.entity, entry.record_id, entry.at});
  if (!locked) return locked.take_error();
  auto previous = connection.query(
      "SELECT hash FROM audit_log WHERE entity = ? AND record_id = ? ORDER BY sequence DESC LIMIT 1",
      {entry.entity, entry.record_id});
  if (!previous) return previous.take_error();
  const std::string previous_hash = previous->empty() ? kGenesis : previous->rows[0][0].text();
  const std::string changes_text = boost::json::serialize(details);
  auto inserted = connection.execute(
      "INSERT INTO audit_log (entity, record_id, action, user_id, at, changes, previous_hash, hash) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {entry.entity, entry.record_id, entry.action,
       entry.user_id.empty() ? storage::Value() : storage::Value(entry.user_id), entry.at, changes_text, previous_hash,
       entry_hash(previous_hash, entry, changes_text)});
  if (!inserted) return inserted.take_error();
  return {};
}

}  // namespace atrium::records
