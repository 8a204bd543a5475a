#pragma once
// A reminder's fields as a client sends them, checked for shape and size; what they
// mean together (the zone, the rule, the recipients) is the service's to check.
#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "atrium/core/result.hpp"

namespace atrium::workflow {

inline constexpr std::size_t kMaxTitleLength = 200;
inline constexpr std::size_t kMaxNotesLength = 5000;

struct ReminderInput {
  std::optional<std::string> title, notes, starts_at, time_zone, rrule;
  // Present when the body names the record link; an empty entity clears it.
  std::optional<std::string> entity, record_id;
  std::optional<std::vector<std::string>> recipient_ids, channels;
  std::optional<bool> create_task;
  std::optional<std::int64_t> version;
};

// BAD_REQUEST for a body that is not an object; VALIDATION_FAILED naming every field
// that is unknown, of the wrong type, too long, or (when creating) missing.
Result<ReminderInput> read_reminder_input(const boost::json::value& body, bool creating);

}  // namespace atrium::workflow
