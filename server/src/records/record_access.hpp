#pragma once
// One caller's access, compiled for the record service (DESIGN §6): per entity and
// action the SQL condition a record must meet, and the fields the caller may not see or
// change. Built per request from the caller's grants; every read and write path of the
// record service takes it, so the rules hold on lists, counts, search, related lists,
// history and the event log alike.
#include <boost/json/object.hpp>
#include <map>
#include <memory>
#include <string>

#include "atrium/access/grants.hpp"
#include "atrium/records/entity_layout.hpp"
#include "query_compiler.hpp"

namespace atrium::records {

class RecordAccess {
 public:
  RecordAccess(std::shared_ptr<const access::UserGrants> grants, LayoutLookup layouts, storage::Dialect dialect,
               std::string today);

  const access::UserGrants& grants() const { return *grants_; }
  const std::string& user_id() const { return grants_->user_id; }
  bool unrestricted() const { return grants_->administrator; }

  // Whether any role grants the action on the entity at all.
  bool may(const EntityLayout& layout, access::Action action) const;
  // The condition over the entity's own columns that records the caller may `action`
  // meet: the OR of the roles' scopes, AND the parent's read condition for a child
  // entity. FORBIDDEN (ACCESS_DENIED) when no role grants the action.
  Result<SqlFragment> condition(const EntityLayout& layout, access::Action action) const;

  access::FieldMode mode(const EntityLayout& layout, const FieldLayout& field) const;
  // FORBIDDEN with FIELD_HIDDEN on `where` (filter, sort, fields, q) for a hidden field.
  Result<void> check_visible(const EntityLayout& layout, const FieldLayout& field, std::string_view where) const;
  // FORBIDDEN naming every written field that is hidden or read-only for the caller.
  Result<void> check_writable(const EntityLayout& layout, const std::vector<const FieldLayout*>& touched) const;
  void strip_hidden(const EntityLayout& layout, boost::json::object& record) const;
  bool hides_any(const EntityLayout& layout) const;

  // The parts of one scope, for explanations: the SQL of a single right.
  Result<SqlFragment> right_condition(const EntityLayout& layout, const access::Right& right) const;

 private:
  Result<SqlFragment> compute(const EntityLayout& layout, access::Action action) const;
  SqlFragment parent_of_many(const EntityLayout& layout, const FieldLayout& link) const;
  static SqlFragment combine(const SqlFragment& scope, const SqlFragment& parent);

  std::shared_ptr<const access::UserGrants> grants_;
  LayoutLookup layouts_;
  storage::Dialect dialect_;
  std::string today_;
  mutable std::map<std::string, Result<SqlFragment>, std::less<>> memo_;
};

class RecordService;
// The access of a caller with these grants, for one request.
RecordAccess access_for(const RecordService& records, std::shared_ptr<const access::UserGrants> grants);

// Whether the record meets the caller's condition for `action`; without access (null or
// unrestricted), whether it exists.
Result<bool> record_meets(storage::Connection& connection, const EntityLayout& layout, std::string_view id,
                          const RecordAccess* access, access::Action action);

// The error for an entity or action no role grants.
Error access_denied(const EntityLayout& layout, access::Action action);

}  // namespace atrium::records
