#include "atrium/records/deletion_approvals.hpp"

#include <fmt/format.h>

#include "atrium/core/id.hpp"

namespace atrium::records {

namespace {

constexpr const char* kColumns =
    "id, kind, entity, record_id, status, requested_by_id, requested_at, decided_by_id, decided_at, remarks, version";

boost::json::value text_or_null(const storage::Value& value) {
  return value.is_null() ? boost::json::value(nullptr) : boost::json::value(value.text());
}

boost::json::object approval_json(const storage::Row& row) {
  return {{"id", row[0].text()},           {"kind", row[1].text()},          {"entity", row[2].text()},
          {"record_id", row[3].text()},    {"status", row[4].text()},        {"requested_by_id", text_or_null(row[5])},
          {"requested_at", row[6].text()}, {"decided_by_id", text_or_null(row[7])}, {"decided_at", text_or_null(row[8])},
          {"remarks", text_or_null(row[9])}, {"version", row[10].integer()}};
}

Result<boost::json::object> read_approval(storage::Connection& connection, std::string_view id) {
  auto rows = connection.query(fmt::format("SELECT {} FROM approvals WHERE id = ?", kColumns), {id});
  if (!rows) return rows.take_error();
  if (rows->empty()) return make_error(ErrorCode::not_found, fmt::format("no approval with id {}", id));
  return approval_json(rows->rows[0]);
}

}  // namespace

Result<boost::json::object> DeletionApprovals::request(const EntityLayout& layout, std::string_view id,
                                                       const Actor& actor) {
  if (auto exists = records_.get(layout, id, {"id"}, actor.access); !exists) return exists.take_error();
  ATRIUM_TRY(database_.read([&](storage::Connection& connection) {
    return records_.ensure_allowed(connection, layout, id, actor, access::Action::remove);
  }));
  ATRIUM_TRY(records_.ensure_unreferenced(layout, id));
  Result<boost::json::object> approval = boost::json::object{};
  ATRIUM_TRY(database_.transact([&](storage::Connection& connection) -> Result<void> {
    auto pending = connection.query(
        "SELECT id FROM approvals WHERE kind = 'delete' AND entity = ? AND record_id = ? AND status = 'pending'",
        {layout.entity().name, id});
    if (!pending) return pending.take_error();
    std::string approval_id = pending->empty() ? new_id() : pending->rows[0][0].text();
    if (pending->empty()) {
      auto inserted = connection.execute(
          "INSERT INTO approvals (id, kind, entity, record_id, status, requested_by_id, requested_at) "
          "VALUES (?, 'delete', ?, ?, 'pending', ?, ?)",
          {approval_id, layout.entity().name, id, actor.user_id, to_iso8601(clock_.now())});
      if (!inserted) return inserted.take_error();
    }
    approval = read_approval(connection, approval_id);
    if (!approval) return approval.error();
    return {};
  }));
  return approval;
}

Result<boost::json::object> DeletionApprovals::decide(std::string_view approval_id, bool approve,
                                                      const std::string& remarks, const Actor& actor) {
  auto current = get(approval_id);
  if (!current) return current.take_error();
  if (current->at("status").as_string() != "pending") {
    return make_error(ErrorCode::conflict, fmt::format("the approval is {} already", std::string_view(current->at("status").as_string())));
  }
  // Four eyes: whoever asked for a deletion does not also grant it.
  if (current->at("requested_by_id") == boost::json::value(actor.user_id)) {
    return make_error(ErrorCode::forbidden, "an approval is decided by someone other than its requester");
  }
  const EntityLayout* layout = records_.by_name(std::string(current->at("entity").as_string()));
  const std::string record_id(current->at("record_id").as_string());
  // Deciding takes the approve right on the entity, within its scope.
  if (layout && actor.access) {
    ATRIUM_TRY(database_.read([&](storage::Connection& connection) {
      return records_.ensure_allowed(connection, *layout, record_id, actor, access::Action::approve);
    }));
  }
  if (approve && layout) {
    // The record may have gained references while the request waited: then the
    // approval stays pending and the answer says why. The approval is the authority for
    // the deletion, not the approver's own delete right.
    ATRIUM_TRY(records_.remove(*layout, record_id, Actor{actor.user_id}));
  }
  Result<boost::json::object> decided = boost::json::object{};
  ATRIUM_TRY(database_.transact([&](storage::Connection& connection) -> Result<void> {
    auto changed = connection.execute(
        "UPDATE approvals SET status = ?, decided_by_id = ?, decided_at = ?, remarks = ?, version = version + 1 "
        "WHERE id = ? AND status = 'pending'",
        {approve ? "approved" : "rejected", actor.user_id, to_iso8601(clock_.now()),
         remarks.empty() ? storage::Value() : storage::Value(remarks), std::string(approval_id)});
    if (!changed) return changed.take_error();
    decided = read_approval(connection, approval_id);
    if (!decided) return decided.error();
    return {};
  }));
  return decided;
}

Result<boost::json::object> DeletionApprovals::get(std::string_view approval_id) {
  Result<boost::json::object> approval = boost::json::object{};
  ATRIUM_TRY(database_.read([&](storage::Connection& connection) -> Result<void> {
    approval = read_approval(connection, approval_id);
    if (!approval) return approval.error();
    return {};
  }));
  return approval;
}

Result<boost::json::array> DeletionApprovals::list(std::string_view status) {
  boost::json::array approvals;
  ATRIUM_TRY(database_.read([&](storage::Connection& connection) -> Result<void> {
    return connection.each(
        fmt::format("SELECT {} FROM approvals WHERE status = ? ORDER BY requested_at, id LIMIT 500", kColumns),
        {status}, [&](const storage::Row& row) {
          approvals.push_back(approval_json(row));
          return true;
        });
  }));
  return approvals;
}

}  // namespace atrium::records
