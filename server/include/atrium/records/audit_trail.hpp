#pragma once
// The audit trail: who changed what, when, from which value to which, for every record
// write, in the same transaction as the write.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <string>

#include "atrium/core/result.hpp"
#include "atrium/records/entity_layout.hpp"
#include "atrium/storage/database.hpp"

namespace atrium::records {

struct AuditEntry {
  std::string entity;
  std::string record_id;
  std::string action;  // create, update, archive, restore, delete
  std::string user_id;
  std::string at;
};

// Appends one entry with the fields that differ between `before` (null for a create)
// and `after`.
Result<void> append_audit(storage::Connection& connection, const EntityLayout& layout, const AuditEntry& entry,
                          const boost::json::object* before, const boost::json::object& after);

// Appends an entry for a change that is not a write of the record's fields (a routing
// move), with `changes` in the shape of a write's ([{"field","old","new"}]). The caller
// bumps the record's version in the same transaction: one entry per version, as
// verify_audit expects, and the version's row lock orders the chain.
Result<void> append_record_event(storage::Connection& connection, const AuditEntry& entry,
                                 const boost::json::array& changes);
// Events about a record that leave it as it is (an approval requested or decided, an
// automation rule's action: their actions start with "approval." or "automation.") also
// go through append_record_event, without a new version: verification does not count
// them against the record's version.
bool is_unversioned_event(std::string_view action);

// The entries of one record, oldest first.
Result<boost::json::array> record_history(storage::Connection& connection, std::string_view entity,
                                          std::string_view record_id);

struct AuditQuery {
  std::string entity;
  std::string user_id;
  std::string since;  // ISO 8601, inclusive
  std::string until;  // exclusive
  std::int64_t after_sequence = 0;
  std::size_t limit = 100;
  // Set by the record service for callers with restricted access: the entries they may
  // see (trusted SQL over audit_log's columns, built there).
  std::string scope_sql;
  storage::Params scope_params;
};
// The global event log, by sequence.
Result<boost::json::array> audit_events(storage::Connection& connection, const AuditQuery& query);

struct AuditVerification {
  std::int64_t entries = 0;
  std::int64_t records = 0;
  std::vector<std::string> problems;  // empty: intact
};

// Walks every record's chain: hashes recomputed, links followed, and a live record's
// entry count held against its version (a missing last entry shows there).
Result<AuditVerification> verify_audit(storage::Database& database, const std::vector<const EntityLayout*>& layouts);

// Appends a security event (entity "auth": sign-ins, sign-outs, tokens, second factors)
// to the chain of `entry.record_id`, with `details` as its changes. Unlike a record's
// writes these have no version to order them, so the chain's row in audit_chain_locks
// is locked first: two events of one user at once still form one chain, which
// verify_audit walks like any other.
Result<void> append_security_event(storage::Connection& connection, const AuditEntry& entry,
                                   const boost::json::object& details);

}  // namespace atrium::records
