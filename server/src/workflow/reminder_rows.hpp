#pragma once
// A reminder as stored: the columns every reader selects, in order, and what the row
// means. Shared by the service (requests) and the dispatcher (deliveries).
#include <boost/json/object.hpp>
#include <string>
#include <vector>

#include "atrium/core/result.hpp"
#include "atrium/storage/database.hpp"
#include "atrium/workflow/recurrence.hpp"

namespace atrium::workflow {

inline constexpr const char* kReminderColumns =
    "id, created_by_id, title, notes, starts_at, time_zone, rrule, entity, record_id, channels, create_task, status, "
    "next_at, fired_count, last_fired_at, created_at, updated_at, version";

enum ReminderColumn {
  kId, kCreatedBy, kTitle, kNotes, kStartsAt, kTimeZone, kRule, kEntity, kRecordId, kChannels, kCreateTask, kStatus,
  kNextAt, kFiredCount, kLastFiredAt, kCreatedAt, kUpdatedAt, kVersion
};

// Statuses: active (occurrences to come), ended (the rule ran out), cancelled.
inline constexpr const char* kReminderActive = "active";
inline constexpr const char* kReminderEnded = "ended";
inline constexpr const char* kReminderCancelled = "cancelled";

// Text of a nullable column ("" for NULL).
inline std::string text_of(const storage::Value& value) {
  return value.is_null() ? std::string() : value.text();
}

// "in_app,email" ↔ the list.
std::vector<std::string> split_channels(const std::string& text);
std::string join_channels(const std::vector<std::string>& channels);

// The stored start, zone and rule read back as a recurrence.
Result<Recurrence> recurrence_of(const storage::Row& row);

// The reminder's fields as the API shows them (without recipients and history).
boost::json::object reminder_json(const storage::Row& row);

}  // namespace atrium::workflow
