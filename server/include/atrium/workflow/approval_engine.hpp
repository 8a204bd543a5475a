#pragma once
// The approvals engine (DESIGN §7): approval rules are data (entity, trigger, condition in
// the list filter language, a chain of approver levels); this class starts approvals when
// a write matches a rule, keeps the record locked while one is pending, takes decisions
// level by level (with delegation while an approver is away) and writes every step into
// the record's audit trail. Deletions of master data are one of its triggers.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "atrium/access/grants.hpp"
#include "atrium/core/result.hpp"
#include "atrium/core/time.hpp"
#include "atrium/records/deletion_approvals.hpp"
#include "atrium/records/record_service.hpp"
#include "atrium/storage/database.hpp"
#include "atrium/workflow/approval_chain.hpp"
#include "atrium/workflow/approval_rules.hpp"

namespace atrium::workflow {

class Notifier;

enum class ApprovalDecision { approve, reject };

// Told when an approval ends ("approved" or "rejected"), inside the deciding transaction,
// so the module that owns the record can move it on (an approved quotation may be sent).
using ApprovalOutcomeObserver =
    std::function<Result<void>(storage::Connection&, std::string_view entity, std::string_view record_id,
                               std::string_view outcome, const records::Actor& decider)>;

// What a list of approvals is narrowed to; empty members narrow nothing.
struct ApprovalListQuery {
  std::string status = "pending";  // pending, approved, rejected, or "all"
  std::string entity;              // "account"
  std::string record_id;
  bool assigned_to_caller = false;   // waiting for the caller now (directly or by delegation)
  bool requested_by_caller = false;  // the caller's own requests
  std::size_t limit = 100;
};

class ApprovalEngine final : public records::DeletionApprovals {
 public:
  ApprovalEngine(storage::Database& database, records::RecordService& records, access::GrantStore& grants,
                 Notifier& notifier, const Clock& clock);

  // Hooks the engine into the record service: writes that match an active on_create or
  // on_update rule start approvals in their own transaction, and edits of a record with a
  // pending approval are refused (409 APPROVAL_PENDING). Called once while the server starts.
  void attach();
  void add_outcome_observer(ApprovalOutcomeObserver observer) { outcome_observers_.push_back(std::move(observer)); }
  // Whether the record waits for an approval, inside the caller's transaction.
  Result<bool> pending(storage::Connection& connection, std::string_view entity, std::string_view record_id);

  // Starts an approval of `rule_id`'s chain for the record, inside the caller's
  // transaction (automation rules use this for "start approval"). Answers the new
  // approval's id; NOT_FOUND for an unknown rule, VALIDATION_FAILED when the rule is for
  // another entity, CONFLICT when the record already waits for this rule.
  Result<std::string> start(storage::Connection& connection, std::string_view rule_id, std::string_view entity,
                            std::string_view record_id, std::string_view requester_id);

  // DELETE of master data: the pending deletion approval (an existing one again). The
  // first active on_delete rule whose condition the record meets gives the chain; without
  // one, anyone with the approve right on the entity but the requester decides.
  Result<boost::json::object> request(const records::EntityLayout& layout, std::string_view id,
                                      const records::Actor& actor) override;

  // Approve or reject the level waiting for the actor (or for someone they stand in
  // for). FORBIDDEN for the requester and for anyone not among the level's approvers;
  // CONFLICT once the approval is decided.
  Result<boost::json::object> decide(std::string_view approval_id, ApprovalDecision decision,
                                     const std::string& remarks, const records::Actor& actor);

  // One approval with its levels, approvers and decisions; NOT_FOUND unless the actor
  // requested it, may decide it, or holds the approve right on its entity.
  Result<boost::json::object> get(std::string_view approval_id, const records::Actor& actor);
  Result<boost::json::array> list(const ApprovalListQuery& query, const records::Actor& actor);
  // The pending approvals of one record the actor may see (the record page's banner).
  Result<boost::json::array> pending_for_record(std::string_view entity, std::string_view record_id,
                                                const records::Actor& actor);

 private:
  // Inserts the approval and reaches its first level, in the caller's transaction.
  Result<std::string> begin(storage::Connection& connection, const records::EntityLayout& layout,
                            std::string_view record_id, ApprovalTrigger trigger, const ApprovalRule* rule,
                            std::string_view requester_id);
  // Makes `level` the one waiting: its approvers get a step each and a notification.
  Result<void> enter_level(storage::Connection& connection, std::string_view approval_id, std::size_t level);
  Result<std::vector<std::string>> approvers_of(storage::Connection& connection, const ApprovalLevel& level,
                                                std::string_view entity, std::string_view requester_id);
  Result<void> on_write(storage::Connection& connection, const records::RecordWriteEvent& event);
  Result<void> ensure_unlocked(storage::Connection& connection, const records::EntityLayout& layout,
                               std::string_view id);
  // Whether the actor may see the approval (requester, approver, delegate, approve right).
  Result<bool> visible_to(storage::Connection& connection, const boost::json::object& approval,
                          const records::Actor& actor);

  storage::Database& database_;
  records::RecordService& records_;
  access::GrantStore& grants_;
  Notifier& notifier_;
  const Clock& clock_;
  std::vector<ApprovalOutcomeObserver> outcome_observers_;
};

}  // namespace atrium::workflow
