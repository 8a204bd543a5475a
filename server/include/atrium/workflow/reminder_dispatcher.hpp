#pragma once
// Delivers reminders whose time has come. A recurring job ("reminders.dispatch", every
// few seconds) takes the due reminders in batches, oldest first: for each it delivers the
// occurrence (an in-app notification, an e-mail in the outbox, a task, as the reminder
// asks), records it, and moves `next_at` to the next occurrence or ends the reminder,
// all in the job's transaction. A full batch queues the next batch at once.
//
// Why one sweeping job rather than a delayed job per reminder: an edit or a cancel then
// changes one row instead of finding and replacing a job, a sweep over the `next_at`
// index costs the same for ten reminders as for a million, and 100,000 reminders due in
// one minute are 200 transactions of 500 rather than 100,000 jobs.
//
// Exactly once per occurrence: the occurrence's row (reminder, time) is unique and is
// written before anything is delivered, in the same transaction; on PostgreSQL the due
// rows are taken FOR UPDATE SKIP LOCKED, so processes sharing the database split them.
//
// Missed occurrences: a reminder whose time passed while no server ran fires once, late,
// for the first occurrence it missed; the next one is then the first after now. The
// occurrences skipped in between are not delivered (they still count towards COUNT).
#include <string>

#include "atrium/core/result.hpp"
#include "atrium/core/time.hpp"

namespace atrium::storage {
class Connection;
}
namespace atrium::records {
class RecordService;
}

namespace atrium::workflow {

class JobQueue;
class JobRegistry;
class JobScheduler;
class Notifier;
class Outbox;

inline constexpr const char* kDispatchRemindersKind = "reminders.dispatch";

struct ReminderDelivery {
  int reminders = 0;      // occurrences delivered
  bool more_due = false;  // the batch was full: others may be waiting
};

class ReminderDispatcher {
 public:
  static constexpr int kBatchSize = 500;

  ReminderDispatcher(records::RecordService& records, Notifier& notifier, Outbox& outbox, const Clock& clock)
      : records_(records), notifier_(notifier), outbox_(outbox), clock_(clock) {}

  // Registers the job kind; a full batch enqueues its successor through `queue`.
  void register_jobs(JobRegistry& registry, JobQueue& queue);
  // Every 5 seconds: a reminder arrives at most that late.
  Result<void> schedule(JobScheduler& scheduler);

  // Delivers up to `limit` reminders due at `now`, in the caller's transaction.
  Result<ReminderDelivery> deliver_due(storage::Connection& connection, TimePoint now, int limit);

 private:
  records::RecordService& records_;
  Notifier& notifier_;
  Outbox& outbox_;
  const Clock& clock_;
};

}  // namespace atrium::workflow
