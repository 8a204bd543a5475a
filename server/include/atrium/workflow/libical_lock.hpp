#pragma once
// libical keeps its zones, their expanded transitions and its error number in shared
// state that it fills lazily, without locks of its own. Reminders (RRULE expansion) and
// business calendars (time zones) both call into it: every call holds this one lock.
#include <mutex>

namespace atrium::workflow {

// The first call also makes libical's errors values rather than aborts: rules and zone
// names from outside are expected to be wrong at times.
std::mutex& libical_lock();

}  // namespace atrium::workflow
