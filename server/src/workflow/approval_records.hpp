#pragma once
// The rows of a running approval as the engine's files share them: the approval with its
// stored chain, its steps, and the entries it writes into the record's audit trail.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "atrium/core/result.hpp"
#include "atrium/storage/database.hpp"
#include "atrium/workflow/approval_chain.hpp"

namespace atrium::workflow {

inline constexpr const char* kApprovalColumns =
    "a.id, a.kind, a.entity, a.record_id, a.status, a.requested_by_id, a.requested_at, a.decided_by_id, "
    "a.decided_at, a.remarks, a.version, a.rule_id, a.rule_name, a.levels, a.current_level";

struct ApprovalRow {
  std::string id;
  std::string kind;
  std::string entity;
  std::string record_id;
  std::string status;
  std::string requested_by_id;
  std::string requested_at;
  std::optional<std::string> decided_by_id;
  std::optional<std::string> decided_at;
  std::optional<std::string> remarks;
  std::int64_t version = 1;
  std::optional<std::string> rule_id;
  std::optional<std::string> rule_name;
  ApprovalChain levels;
  std::size_t current_level = 0;
};

// From a row selected with kApprovalColumns.
ApprovalRow approval_row(const storage::Row& row);
Result<std::optional<ApprovalRow>> load_approval(storage::Connection& connection, std::string_view id);
// The approval without its levels' detail: what lists show.
boost::json::object approval_summary(const ApprovalRow& approval);

// One entry in the record's audit trail, e.g. "approval.approved", with what happened as
// its changes (the approval, the level, the remarks, on whose behalf).
Result<void> audit_approval(storage::Connection& connection, const ApprovalRow& approval, std::string_view action,
                            std::string_view user_id, std::string_view at, const boost::json::object& details);

// A user's display name, or the id when the user is gone.
Result<std::string> user_name(storage::Connection& connection, std::string_view user_id);

}  // namespace atrium::workflow
