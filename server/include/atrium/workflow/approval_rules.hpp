#pragma once
// Approval rules stored as data and administered through `/api/v1/approval-rules`: each
// is checked when saved (the entity exists, the condition compiles against its fields,
// the chain's roles and users exist), so the engine only meets rules that can run.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "atrium/core/result.hpp"
#include "atrium/core/time.hpp"
#include "atrium/records/record_service.hpp"
#include "atrium/storage/database.hpp"
#include "atrium/workflow/approval_chain.hpp"

namespace atrium::workflow {

struct ApprovalRule {
  std::string id;
  std::string entity;  // the entity's name: "account"
  std::string name;
  ApprovalTrigger trigger = ApprovalTrigger::manual;
  std::string condition;  // list filter language; empty: every record
  ApprovalChain levels;
  bool active = true;
  std::string created_at;
  std::string updated_at;
  std::int64_t version = 1;
};

boost::json::object rule_json(const ApprovalRule& rule);

inline constexpr std::size_t kMaxApprovalRules = 1000;

class ApprovalRules {
 public:
  ApprovalRules(storage::Database& database, const records::RecordService& records, const Clock& clock)
      : database_(database), records_(records), clock_(clock) {}

  Result<std::vector<ApprovalRule>> list(const std::string& entity);
  Result<ApprovalRule> get(const std::string& id);
  Result<ApprovalRule> create(const boost::json::object& input, const std::string& actor_id);
  // Only the members given change; `version` (or If-Match) guards against lost updates.
  Result<ApprovalRule> update(const std::string& id, const boost::json::object& input,
                              std::optional<std::int64_t> expected_version, const std::string& actor_id);
  // Running approvals keep their copy of the chain.
  Result<void> remove(const std::string& id);

  // In the caller's transaction: the active rules of an entity for one trigger, oldest first.
  static Result<std::vector<ApprovalRule>> active(storage::Connection& connection, std::string_view entity,
                                                  ApprovalTrigger trigger);
  static Result<std::optional<ApprovalRule>> find(storage::Connection& connection, std::string_view id);

 private:
  // The rule after `input` is applied to `rule`, checked as a whole.
  Result<void> apply(storage::Connection& connection, ApprovalRule& rule, const boost::json::object& input) const;

  storage::Database& database_;
  const records::RecordService& records_;
  const Clock& clock_;
};

}  // namespace atrium::workflow
