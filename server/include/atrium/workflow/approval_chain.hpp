#pragma once
// An approval rule's chain: levels decided one after the other, each naming who decides
// (the members of a role, the requester's manager some levels up, or named users) and
// whether one of them suffices (`any`) or every one must approve (`all`).
#include <boost/json/array.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "atrium/core/result.hpp"

namespace atrium::workflow {

// When a rule starts an approval: a record created, changed, asked to be deleted, or on
// request (a user or an automation rule names the rule).
enum class ApprovalTrigger { on_create, on_update, on_delete, manual };
std::string_view trigger_name(ApprovalTrigger trigger);
std::optional<ApprovalTrigger> trigger_from_name(std::string_view name);
// The approval's `kind`: create, update, delete, manual.
std::string_view approval_kind(ApprovalTrigger trigger);

// `approve_right` is no rule's choice: it is the level of a deletion no rule covers, open
// to anyone with the approve right on the entity.
enum class ApproverKind { role, manager, users, approve_right };
enum class LevelMode { any, all };
std::string_view approver_kind_name(ApproverKind kind);
std::string_view level_mode_name(LevelMode mode);

struct ApprovalLevel {
  ApproverKind kind = ApproverKind::role;
  std::string role;                   // role: the role's name
  int depth = 1;                      // manager: 1 is the requester's own manager
  std::vector<std::string> user_ids;  // users
  LevelMode mode = LevelMode::any;
};
using ApprovalChain = std::vector<ApprovalLevel>;

inline constexpr std::size_t kMaxApprovalLevels = 10;
inline constexpr std::size_t kMaxUsersPerLevel = 50;
inline constexpr int kMaxManagerDepth = 10;

// The levels' shape (VALIDATION_FAILED naming `levels[1].role` and the like); whether
// roles and users exist is the rule store's question.
// A running approval's stored copy may also hold the approve_right level.
enum class ChainSource { rule, running_approval };
Result<ApprovalChain> chain_from_json(const boost::json::value& levels, ChainSource source = ChainSource::rule);
boost::json::array chain_to_json(const ApprovalChain& chain);
// A deletion without a rule of its own.
ApprovalChain default_deletion_chain();

}  // namespace atrium::workflow
