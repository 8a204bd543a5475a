#pragma once
// Reminders as their users see them: set, read, changed and cancelled through here.
//
// Who may remind whom: any signed-in user may set a reminder for themselves and for any
// other active staff user (as with tasks, from anyone to anyone). A reminder about a
// record needs the record to be visible to the one who sets it and to every recipient,
// each under their own access. A reminder is visible to the one who set it and to its
// recipients, and only the one who set it changes or cancels it; to everybody else it
// does not exist (404).
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "atrium/core/result.hpp"
#include "atrium/core/time.hpp"
#include "atrium/records/record_service.hpp"

namespace atrium::access {
class GrantStore;
}

namespace atrium::workflow {

enum class ReminderScope { involved, received, set_by_me };
enum class ReminderPeriod { upcoming, past, every };

struct ReminderListQuery {
  ReminderScope scope = ReminderScope::involved;
  ReminderPeriod period = ReminderPeriod::upcoming;
  std::size_t limit = 50;
  std::size_t offset = 0;
};

class ReminderService {
 public:
  static constexpr std::size_t kMaxPageSize = 200;
  static constexpr std::size_t kMaxRecipients = 50;

  ReminderService(records::RecordService& records, access::GrantStore& grants, const Clock& clock)
      : records_(records), grants_(grants), clock_(clock) {}

  // 201's body: the reminder with its recipients. VALIDATION_FAILED naming each field
  // at fault (RRULE_INVALID, TIMEZONE_UNKNOWN, RECIPIENT_UNKNOWN, …).
  Result<boost::json::object> create(const records::Actor& actor, const boost::json::value& body);
  // Changes what the body names; a new start, zone or rule starts the schedule afresh
  // from now. VERSION_CONFLICT when `expected_version` is not the stored one.
  Result<boost::json::object> patch(const records::Actor& actor, const std::string& id,
                                    const boost::json::value& body, std::optional<std::int64_t> expected_version);
  // No further occurrences; the history stays.
  Result<boost::json::object> cancel(const records::Actor& actor, const std::string& id);
  // With its recipients, its last occurrences and the next few to come.
  Result<boost::json::object> get(const records::Actor& actor, const std::string& id);
  // {"data": [...], "next_cursor": "50" or null}
  Result<boost::json::object> list(const records::Actor& actor, const ReminderListQuery& query);
  // Whom one may remind, for the recipient picker: active staff users whose name or
  // username contains `text` (any case), by name: {"data": [{"id", "name", "username"}]}.
  Result<boost::json::object> recipients(const std::string& text, std::size_t limit);
  // The caller's next reminders for the dashboard: {"items": [...], "total": N}.
  Result<boost::json::value> upcoming_for(const records::Actor& actor, std::size_t limit);

 private:
  records::RecordService& records_;
  access::GrantStore& grants_;
  const Clock& clock_;
};

}  // namespace atrium::workflow
