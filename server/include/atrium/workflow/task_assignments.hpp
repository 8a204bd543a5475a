#pragma once
// A record given to several users at once (a task from anyone to anyone): each assignee
// keeps their own status (open, in progress, done, rejected) and progress, and reports
// on it; whoever set the task up is told of every change. The record's own state
// follows: in progress once anyone starts, done when every assignee is done (rejected
// when every one rejected it). Works for any entity whose definition says
// `"access": {"assignable": true}` and whose states are those four.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "atrium/core/result.hpp"
#include "atrium/records/record_service.hpp"
#include "atrium/workflow/notifications.hpp"

namespace atrium::workflow {

struct AssigneeUpdate {
  std::optional<std::string> status;  // open, in_progress, done, rejected
  std::optional<int> progress;        // 0–100
  std::string remarks;                // the progress report's text
};

class TaskAssignments {
 public:
  TaskAssignments(storage::Database& database, records::RecordService& records, Notifier& notifier,
                  const Clock& clock)
      : database_(database), records_(records), notifier_(notifier), clock_(clock) {}

  // The assignees with their status and progress, and every progress report.
  Result<boost::json::object> read(const records::EntityLayout& layout, std::string_view id,
                                   const records::Actor& actor);
  // Replaces the set of assignees (edit right on the record); new ones are notified,
  // those who stay keep their status and progress.
  Result<boost::json::object> assign(const records::EntityLayout& layout, std::string_view id,
                                     const std::vector<std::string>& user_ids, const records::Actor& actor);
  // An assignee reports on their own part; 403 NOT_ASSIGNEE for anyone else.
  Result<boost::json::object> update(const records::EntityLayout& layout, std::string_view id,
                                     const std::string& user_id, const AssigneeUpdate& update,
                                     const records::Actor& actor);

 private:
  // Moves the record to the state its assignees' statuses add up to, by its transitions.
  Result<void> follow_assignees(const records::EntityLayout& layout, std::string_view id,
                                const records::Actor& actor);

  storage::Database& database_;
  records::RecordService& records_;
  Notifier& notifier_;
  const Clock& clock_;
};

}  // namespace atrium::workflow
