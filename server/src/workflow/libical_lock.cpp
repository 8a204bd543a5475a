#include "atrium/workflow/libical_lock.hpp"

#include <libical/ical.h>

namespace atrium::workflow {

std::mutex& libical_lock() {
  static std::mutex lock;
  static const bool quiet = [] {
    icalerror_set_errors_are_fatal(0);
    return true;
  }();
  (void)quiet;
  return lock;
}

}  // namespace atrium::workflow
