#pragma once
// Automation rules in the database (table automation_rules), what they did and where
// loop protection stopped them (automation_log), and the once-only marks of date and
// schedule triggers (automation_firings).
#include <boost/json/array.hpp>
#include <optional>
#include <string>
#include <vector>

#include "atrium/core/result.hpp"
#include "atrium/core/time.hpp"
#include "atrium/records/record_service.hpp"
#include "atrium/storage/database.hpp"
#include "atrium/workflow/automation_rule.hpp"

namespace atrium::workflow {

struct AutomationLogEntry {
  std::string rule_id;
  std::string entity;
  std::string record_id;
  std::string event;   // "fired", "done", "stopped", "failed"
  std::string detail;
  int depth = 0;
};

class AutomationRuleStore {
 public:
  AutomationRuleStore(records::RecordService& records, const Clock& clock) : records_(records), clock_(clock) {}

  Result<boost::json::array> list(const std::string& entity);
  Result<AutomationRule> get(storage::Connection& connection, const std::string& id);
  Result<AutomationRule> get(const std::string& id);
  // The body read and checked (read_automation_rule), then written.
  Result<AutomationRule> create(const boost::json::object& body, const std::string& user_id);
  Result<AutomationRule> update(const std::string& id, const boost::json::object& body);
  Result<void> remove(const std::string& id);

  // The active rules of an entity with one of these triggers.
  Result<std::vector<AutomationRule>> active_rules(storage::Connection& connection, const std::string& entity,
                                                   const std::vector<TriggerKind>& kinds);
  // Every active rule with this trigger, of any entity.
  Result<std::vector<AutomationRule>> active_rules(storage::Connection& connection, TriggerKind kind);

  // False when the mark was there already: the firing happened before.
  Result<bool> mark_fired(storage::Connection& connection, const std::string& rule_id, const std::string& record_id,
                          const std::string& key);
  Result<void> log(storage::Connection& connection, const AutomationLogEntry& entry);
  // A rule's log, newest first.
  Result<boost::json::array> runs(const std::string& rule_id, std::size_t limit);

 private:
  records::RecordService& records_;
  const Clock& clock_;
};

}  // namespace atrium::workflow
