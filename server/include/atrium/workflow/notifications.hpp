#pragma once
// In-app notifications: one row per recipient, written in the caller's transaction (so a
// change and the news of it commit together), then pushed to the recipient's open event
// streams as a "notification" event. Approvals, tasks, reminders, routing and automation
// all notify through this one class.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <cstdint>
#include <functional>
#include <string>

#include "atrium/core/result.hpp"
#include "atrium/core/time.hpp"
#include "atrium/storage/database.hpp"

namespace atrium::workflow {

struct Notification {
  std::string user_id;    // the recipient
  std::string kind;       // dotted, stable: "task.assigned", "approval.requested", "reminder", …
  std::string title;      // one line of plain text
  std::string body;       // plain text; may be empty
  std::string entity;     // the record it is about, if any
  std::string record_id;
  std::string actor_id;   // who caused it; empty for the system
};

class Notifier {
 public:
  // Told after each notification is written: the server pushes it to the user's streams.
  using Listener = std::function<void(const std::string& user_id, const boost::json::object& notification)>;

  Notifier(storage::Database& database, const Clock& clock) : database_(database), clock_(clock) {}
  void set_listener(Listener listener) { listener_ = std::move(listener); }

  // In the caller's transaction. The push happens at once; should the transaction roll
  // back, the browser's next fetch simply does not find the row.
  Result<boost::json::object> notify(storage::Connection& connection, const Notification& notification);
  // In a transaction of its own.
  Result<boost::json::object> notify(const Notification& notification);

  // Newest first; `before` (a created_at) pages on.
  Result<boost::json::array> list(const std::string& user_id, bool unread_only, int limit, const std::string& before);
  Result<std::int64_t> unread_count(const std::string& user_id);
  // False when the user has no such notification.
  Result<bool> mark_read(const std::string& user_id, const std::string& id);
  Result<std::int64_t> mark_all_read(const std::string& user_id);

  const Clock& clock() const { return clock_; }

 private:
  storage::Database& database_;
  const Clock& clock_;
  Listener listener_;
};

// A notification row as the API shows it.
boost::json::object notification_json(const storage::Row& row);

}  // namespace atrium::workflow
