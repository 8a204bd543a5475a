#pragma once
// What a job handler sees while it runs.
#include "atrium/core/time.hpp"
#include "atrium/workflow/job.hpp"

namespace atrium::storage {
class Connection;
}

namespace atrium::workflow {

struct JobContext {
  const ClaimedJob& job;
  // The transaction that also marks the job done, for handlers whose effects are
  // database writes: the effect and the completion commit together or not at all.
  // Null for handlers registered with JobEffects::external (they run outside any
  // transaction).
  storage::Connection* connection = nullptr;
  TimePoint now;  // the queue's clock when the run started
};

}  // namespace atrium::workflow
