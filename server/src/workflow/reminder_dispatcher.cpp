#include "atrium/workflow/reminder_dispatcher.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "atrium/core/log.hpp"
#include "atrium/records/audit_trail.hpp"
#include "atrium/records/record_service.hpp"
#include "atrium/storage/database.hpp"
#include "atrium/workflow/job_queue.hpp"
#include "atrium/workflow/job_registry.hpp"
#include "atrium/workflow/job_scheduler.hpp"
#include "atrium/workflow/notifications.hpp"
#include "atrium/workflow/outbox.hpp"
#include "reminder_rows.hpp"

namespace atrium::workflow {

namespace {

using storage::Connection;
using storage::Row;

struct Recipient {
  std::string user_id;
  std::string email;
  bool active = false;
};

// The recipients of a batch's reminders, in one query per few hundred reminders.
Result<std::map<std::string, std::vector<Recipient>>> recipients_of(Connection& connection,
                                                                    const std::vector<Row>& reminders) {
  std::map<std::string, std::vector<Recipient>> found;
  if (reminders.empty()) return found;
  std::string marks;
  storage::Params params;
  for (const Row& row : reminders) {
    marks += marks.empty() ? "?" : ", ?";
    params.push_back(row[kId]);
  }
  ATRIUM_TRY(connection.each(
      fmt::format("SELECT rr.reminder_id, u.id, u.email, u.active FROM reminder_recipients rr JOIN users u ON "
                  "u.id = rr.user_id WHERE rr.reminder_id IN ({}) ORDER BY rr.reminder_id, u.id",
                  marks),
      params, [&](const Row& row) {
        found[row[0].text()].push_back({row[1].text(), text_of(row[2]), row[3].integer() != 0});
        return true;
      }));
  return found;
}

std::string local_text(const std::string& time_zone, TimePoint instant) {
  auto local = instant_to_local(time_zone, instant);
  if (!local) return to_iso8601(instant);
  // "2027-01-31 09:00 Europe/Berlin"
  return fmt::format("{:04d}-{:02d}-{:02d} {:02d}:{:02d} {}", local->year, local->month, local->day, local->hour,
                     local->minute, time_zone);
}

}  // namespace

void ReminderDispatcher::register_jobs(JobRegistry& registry, JobQueue& queue) {
  registry.add(kDispatchRemindersKind, [this, &queue](JobContext& context) -> Result<void> {
    auto delivered = deliver_due(*context.connection, context.now, kBatchSize);
    if (!delivered) return delivered.take_error();
    if (!delivered->more_due) return {};
    // Committed with this batch, so a backlog is worked off batch by batch without
    // waiting for the next slot of the schedule.
    auto next = queue.enqueue(*context.connection, NewJob{.kind = kDispatchRemindersKind, .max_attempts = 3});
    if (!next) return next.take_error();
    return {};
  });
}

Result<void> ReminderDispatcher::schedule(JobScheduler& scheduler) {
  return scheduler.define(
      RecurringJob{.name = kDispatchRemindersKind, .kind = kDispatchRemindersKind, .schedule = "every 5 seconds"});
}

Result<ReminderDelivery> ReminderDispatcher::deliver_due(Connection& connection, TimePoint now, int limit) {
  ReminderDelivery delivery;
  const std::string now_text = to_iso8601(now);
  // Another process's batch holds its rows until it commits: SKIP LOCKED passes them by.
  const std::string sql = fmt::format(
      "SELECT {} FROM reminders WHERE status = ? AND next_at <= ? ORDER BY next_at, id LIMIT {}{}", kReminderColumns,
      limit, connection.dialect() == storage::Dialect::postgresql ? " FOR UPDATE SKIP LOCKED" : "");
  auto due = connection.query(sql, {kReminderActive, now_text});
  if (!due) return due.take_error();
  delivery.more_due = static_cast<int>(due->size()) >= limit;
  if (due->empty()) return delivery;
  auto recipients = recipients_of(connection, due->rows);
  if (!recipients) return recipients.take_error();
  const records::EntityLayout* tasks = records_.by_name("task");

  for (const Row& row : due->rows) {
    const std::string& id = row[kId].text();
    const std::string occurrence_text = row[kNextAt].text();
    const auto occurrence = from_iso8601(occurrence_text);
    auto recurrence = recurrence_of(row);
    // The next occurrence after this one, or after now when several were missed.
    std::optional<TimePoint> next;
    if (recurrence && occurrence) next = recurrence->next_after(std::max(*occurrence, now));
    const bool ended = !next.has_value();

    // The occurrence's row first: when it exists already, this occurrence was delivered
    // and only the schedule still has to move on.
    ATRIUM_TRY(connection.execute_script("SAVEPOINT atrium_reminder"));
    auto claimed = connection.execute(
        "INSERT INTO reminder_occurrences (reminder_id, occurrence_at, fired_at, recipients) VALUES (?, ?, ?, 0) "
        "ON CONFLICT (reminder_id, occurrence_at) DO NOTHING",
        {id, occurrence_text, now_text});
    if (!claimed) return claimed.take_error();
    int notified = 0, emails = 0, created_tasks = 0;
    boost::json::array task_ids;
    Result<void> delivered;
    if (*claimed > 0) {
      const auto channels = split_channels(row[kChannels].text());
      const bool in_app = std::find(channels.begin(), channels.end(), "in_app") != channels.end();
      const bool email = std::find(channels.begin(), channels.end(), "email") != channels.end();
      const std::string entity = text_of(row[kEntity]);
      const std::string record_id = text_of(row[kRecordId]);
      const std::string when = occurrence ? local_text(row[kTimeZone].text(), *occurrence) : occurrence_text;
      const auto found = recipients->find(id);
      const std::vector<Recipient> none;
      delivered = [&]() -> Result<void> {
        for (const Recipient& recipient : found == recipients->end() ? none : found->second) {
          // A user deactivated since the reminder was set is no longer reminded.
          if (!recipient.active) continue;
          ++notified;
          if (in_app) {
            auto notice = notifier_.notify(
                connection, Notification{recipient.user_id, "reminder", row[kTitle].text(), row[kNotes].text(), entity,
                                         record_id, row[kCreatedBy].text()});
            if (!notice) return notice.take_error();
          }
          if (email && !recipient.email.empty()) {
            std::string body = row[kTitle].text() + "\n\n";
            if (!row[kNotes].text().empty()) body += row[kNotes].text() + "\n\n";
            body += "Due " + when + ".\n";
            auto queued = outbox_.queue(connection, OutgoingEmail{.to_address = recipient.email,
                                                                  .to_user_id = recipient.user_id,
                                                                  .subject = "Reminder: " + row[kTitle].text(),
                                                                  .body_text = std::move(body),
                                                                  .entity = entity,
                                                                  .record_id = record_id,
                                                                  .source = "reminder"});
            if (!queued) return queued.take_error();
            ++emails;
          }
          if (row[kCreateTask].integer() != 0 && tasks) {
            boost::json::object task{{"title", row[kTitle].text().substr(0, 200)},
                                     {"description", row[kNotes].text()},
                                     {"due_at", occurrence_text}};
            if (entity == "account" || entity == "contact" || entity == "product") {
              task["parent"] = boost::json::object{{"entity", entity}, {"id", record_id}};
            }
            // Created as the recipient's own task, by Atrium on their behalf: the task's
            // validation and audit apply; the reminder's entry names who set it.
            auto created = records_.create_within(connection, *tasks, task, records::Actor{recipient.user_id, nullptr});
            if (!created) return created.take_error();
            task_ids.emplace_back(created->at("id"));
            ++created_tasks;
          }
        }
        return {};
      }();
      if (delivered) {
        boost::json::object details{{"occurrence_at", occurrence_text},
                                    {"recipients", notified},
                                    {"emails", emails},
                                    {"tasks", std::move(task_ids)},
                                    {"next_at", ended ? boost::json::value(nullptr) : boost::json::value(to_iso8601(*next))}};
        delivered = records::append_security_event(
            connection, records::AuditEntry{"reminder", id, "fire", row[kCreatedBy].text(), now_text}, details);
      }
      if (delivered) {
        auto counted = connection.execute(
            "UPDATE reminder_occurrences SET recipients = ?, emails = ?, tasks = ? WHERE reminder_id = ? AND "
            "occurrence_at = ?",
            {notified, emails, created_tasks, id, occurrence_text});
        if (!counted) delivered = counted.take_error();
      }
    }
    if (!delivered) {
      // A delivery that cannot succeed (a task the definition no longer accepts) must
      // not hold up the others, nor fire again: it is logged and the schedule moves on.
      ATRIUM_TRY(connection.execute_script("ROLLBACK TO SAVEPOINT atrium_reminder"));
      std::string fields;
      for (const auto& field : delivered.error().fields) fields += " " + field.field + ": " + field.code;
      log::warn("reminder {} at {} was not delivered: {}{}", id, occurrence_text, delivered.error().message, fields);
    }
    ATRIUM_TRY(connection.execute_script("RELEASE SAVEPOINT atrium_reminder"));
    auto moved = connection.execute(
        "UPDATE reminders SET next_at = ?, status = ?, fired_count = fired_count + ?, last_fired_at = ? "
        "WHERE id = ? AND next_at = ? AND status = ?",
        {ended ? storage::Value() : storage::Value(to_iso8601(*next)), ended ? kReminderEnded : kReminderActive,
         delivered && *claimed > 0 ? 1 : 0, occurrence_text, id, occurrence_text, kReminderActive});
    if (!moved) return moved.take_error();
    ++delivery.reminders;
  }
  return delivery;
}

}  // namespace atrium::workflow
