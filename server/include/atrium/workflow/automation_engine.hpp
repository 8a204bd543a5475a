#pragma once
// Runs automation rules (DESIGN §7). A record write is checked against the rules of its
// entity inside the write's transaction, and each rule that fires is queued as a durable
// job in that same transaction, so a rolled-back write fires nothing. The job runs the
// rule's actions in order as the system, each recorded in the record's audit trail as
// "automation.<action>" naming the rule. Dates reached and schedules are found by a
// recurring scan driven by the injected clock.
//
// Loop protection: the writes an action makes carry its chain (how deep, which rules
// fired on which records); a rule does not fire twice on one record within a chain, and
// no chain goes deeper than kMaxAutomationDepth. Each stop is logged and kept in the
// rule's log.
#include <string>
#include <vector>

#include "atrium/core/result.hpp"
#include "atrium/core/time.hpp"
#include "atrium/records/record_service.hpp"
#include "atrium/workflow/automation_rule_store.hpp"

namespace atrium::workflow {

class ApprovalEngine;
class JobQueue;
class JobRegistry;
class JobScheduler;
class MessageTemplates;
class Notifier;
class Outbox;
struct JobContext;

inline constexpr int kMaxAutomationDepth = 5;
inline constexpr const char* kAutomationRunKind = "automation.run";
inline constexpr const char* kAutomationScanKind = "automation.scan";
inline constexpr const char* kAutomationWebhookKind = "automation.webhook";

// The rules and records a chain of automatic writes went through.
struct AutomationChain {
  int depth = 0;  // 0: a person's write
  std::vector<std::string> fired;  // "rule_id/record_id"
};

class AutomationEngine {
 public:
  AutomationEngine(records::RecordService& records, AutomationRuleStore& rules, MessageTemplates& templates,
                   Notifier& notifier, Outbox& outbox, const Clock& clock)
      : records_(records), rules_(rules), templates_(templates), notifier_(notifier), outbox_(outbox),
        clock_(clock) {}

  // Optional: without it, start_approval actions fail (and are logged).
  void set_approvals(ApprovalEngine* approvals) { approvals_ = approvals; }

  // Observes the record service's writes. Called once while the server starts.
  void attach(JobQueue& queue);
  void register_jobs(JobRegistry& registry);
  // The recurring scan for date_reached and schedule triggers.
  Result<void> schedule(JobScheduler& scheduler);

 private:
  Result<void> on_write(storage::Connection& connection, const records::RecordWriteEvent& event);
  // Queues the rule's run for the record unless loop protection stops it.
  Result<void> fire(storage::Connection& connection, const AutomationRule& rule, const std::string& record_id,
                    const AutomationChain& chain, const std::string& reason);
  Result<void> run(JobContext& context);
  Result<void> scan(JobContext& context);
  Result<void> scan_dates(storage::Connection& connection, const AutomationRule& rule, TimePoint now);
  Result<void> scan_schedule(storage::Connection& connection, const AutomationRule& rule, TimePoint now);

  // One action on the record (automation_actions.cpp): its effect and its audit entry.
  Result<std::string> act(storage::Connection& connection, const AutomationRule& rule, const AutomationAction& action,
                          const records::EntityLayout& layout, const std::string& record_id,
                          const boost::json::object& record);
  Result<std::string> create_task(storage::Connection& connection, const AutomationRule& rule,
                                  const AutomationAction& action, const records::EntityLayout& layout,
                                  const std::string& record_id, const boost::json::object& record);
  Result<std::string> notify(storage::Connection& connection, const AutomationRule& rule,
                             const AutomationAction& action, const records::EntityLayout& layout,
                             const std::string& record_id, const boost::json::object& record);
  Result<std::string> send_email(storage::Connection& connection, const AutomationRule& rule,
                                 const AutomationAction& action, const records::EntityLayout& layout,
                                 const std::string& record_id, const boost::json::object& record);
  // The user an action addresses: the record's owner, the owner's manager or a user.
  Result<std::string> recipient(storage::Connection& connection, const AutomationAction& action,
                                const boost::json::object& record);
  Result<std::string> render_text(const std::string& source, const records::EntityLayout& layout,
                                  const std::string& record_id);

  records::RecordService& records_;
  AutomationRuleStore& rules_;
  MessageTemplates& templates_;
  Notifier& notifier_;
  Outbox& outbox_;
  const Clock& clock_;
  JobQueue* queue_ = nullptr;
  ApprovalEngine* approvals_ = nullptr;
};

}  // namespace atrium::workflow
