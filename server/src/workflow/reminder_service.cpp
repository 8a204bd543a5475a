#include "atrium/workflow/reminder_service.hpp"

#include <boost/json/array.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "../records/record_access.hpp"
#include "atrium/access/grants.hpp"
#include "atrium/core/id.hpp"
#include "atrium/records/audit_trail.hpp"
#include "atrium/workflow/recurrence.hpp"
#include "reminder_input.hpp"
#include "reminder_rows.hpp"

namespace atrium::workflow {

namespace {

using storage::Connection;
using storage::Row;

constexpr std::size_t kHistoryShown = 20;
constexpr std::size_t kUpcomingShown = 5;

// A reminder the caller set or receives; anybody else's reads as absent.
constexpr const char* kInvolvedSql =
    "(created_by_id = ? OR EXISTS (SELECT 1 FROM reminder_recipients rr WHERE rr.reminder_id = reminders.id AND "
    "rr.user_id = ?))";
constexpr const char* kReceivedSql =
    "EXISTS (SELECT 1 FROM reminder_recipients rr WHERE rr.reminder_id = reminders.id AND rr.user_id = ?)";

// Every value of a reminder, as it will be stored.
struct Draft {
  std::string title, notes, starts_at, time_zone, rrule, entity, record_id;
  std::vector<std::string> recipients, channels;
  bool create_task = false;
  // Worked out by `check`:
  std::optional<TimePoint> next_at;  // set when the schedule starts afresh
};

Error not_found(const std::string& id) {
  return make_error(ErrorCode::not_found, fmt::format("no reminder with id {}", id));
}

Result<Row> read_row(Connection& connection, const std::string& id, const std::string& user_id) {
  auto rows = connection.query(fmt::format("SELECT {} FROM reminders WHERE id = ? AND {}", kReminderColumns,
                                           kInvolvedSql),
                               {id, user_id, user_id});
  if (!rows) return rows.take_error();
  if (rows->empty()) return not_found(id);
  return std::move(rows->rows[0]);
}

// Recipients of several reminders, id → [{id, name}].
Result<std::map<std::string, boost::json::array>> recipients_of(Connection& connection,
                                                               const std::vector<std::string>& ids) {
  std::map<std::string, boost::json::array> found;
  if (ids.empty()) return found;
  std::string marks;
  storage::Params params;
  for (const auto& id : ids) {
    marks += marks.empty() ? "?" : ", ?";
    params.emplace_back(id);
  }
  ATRIUM_TRY(connection.each(fmt::format("SELECT rr.reminder_id, u.id, u.name FROM reminder_recipients rr JOIN users "
                                         "u ON u.id = rr.user_id WHERE rr.reminder_id IN ({}) ORDER BY u.name, u.id",
                                         marks),
                             params, [&](const Row& row) {
                               found[row[0].text()].push_back(
                                   boost::json::object{{"id", row[1].text()}, {"name", row[2].text()}});
                               return true;
                             }));
  return found;
}

boost::json::object with_recipients(boost::json::object reminder, const boost::json::array* recipients) {
  boost::json::array ids;
  if (recipients) {
    for (const auto& recipient : *recipients) ids.push_back(recipient.as_object().at("id"));
  }
  reminder["recipient_ids"] = std::move(ids);
  reminder["recipients"] = recipients ? *recipients : boost::json::array{};
  return reminder;
}

Draft draft_of(const Row& row, std::vector<std::string> recipients) {
  return Draft{row[kTitle].text(),   row[kNotes].text(),     row[kStartsAt].text(),          row[kTimeZone].text(),
               row[kRule].text(),    text_of(row[kEntity]),  text_of(row[kRecordId]),        std::move(recipients),
               split_channels(row[kChannels].text()),        row[kCreateTask].integer() != 0, std::nullopt};
}

void apply(const ReminderInput& input, Draft& draft) {
  if (input.title) draft.title = *input.title;
  if (input.notes) draft.notes = *input.notes;
  if (input.starts_at) draft.starts_at = *input.starts_at;
  if (input.time_zone) draft.time_zone = *input.time_zone;
  if (input.rrule) draft.rrule = *input.rrule;
  if (input.entity) draft.entity = *input.entity;
  if (input.record_id) draft.record_id = *input.record_id;
  if (input.recipient_ids) draft.recipients = *input.recipient_ids;
  if (input.channels) draft.channels = *input.channels;
  if (input.create_task) draft.create_task = *input.create_task;
}

boost::json::object audit_details(const Draft& draft) {
  boost::json::array recipients;
  for (const auto& id : draft.recipients) recipients.emplace_back(id);
  return {{"title", draft.title},         {"starts_at", draft.starts_at}, {"time_zone", draft.time_zone},
          {"rrule", draft.rrule},         {"entity", draft.entity},       {"record_id", draft.record_id},
          {"recipient_ids", recipients}, {"channels", join_channels(draft.channels)},
          {"create_task", draft.create_task}};
}

Result<void> write_recipients(Connection& connection, const std::string& id, const std::vector<std::string>& users) {
  ATRIUM_TRY(connection.execute("DELETE FROM reminder_recipients WHERE reminder_id = ?", {id}));
  for (const auto& user : users) {
    ATRIUM_TRY(connection.execute("INSERT INTO reminder_recipients (reminder_id, user_id) VALUES (?, ?)", {id, user}));
  }
  return {};
}

}  // namespace

namespace {

// Checks a draft as a whole and works out its schedule: the zone, the rule, the start,
// the recipients, the record link and the right to create tasks. `reschedule`: the next
// occurrence is computed afresh from now (a new reminder, or a new start, zone or rule).
Result<void> check(records::RecordService& records, access::GrantStore& grants, const Clock& clock,
                   const records::Actor& actor, Draft& draft, bool reschedule) {
  Error invalid{ErrorCode::validation_failed, "the reminder is not valid", {}};
  const auto fail = [&](std::string field, std::string code, std::string message) {
    invalid.fields.push_back({std::move(field), std::move(code), std::move(message)});
  };

  // The start: a local time in the zone, or an instant ("…Z") read in it.
  std::optional<LocalDateTime> start = parse_local_date_time(draft.starts_at);
  if (!start && time_zone_known(draft.time_zone)) {
    if (auto instant = from_iso8601(draft.starts_at)) start = instant_to_local(draft.time_zone, *instant);
  }
  if (!start) {
    if (time_zone_known(draft.time_zone)) {
      fail("starts_at", "DATETIME_INVALID", "a local date and time such as 2027-01-31T09:00, or an instant in UTC");
    } else {
      fail("time_zone", "TIMEZONE_UNKNOWN", "an IANA time zone name such as Europe/Berlin");
    }
  } else {
    auto recurrence = Recurrence::make(*start, draft.time_zone, draft.rrule);
    if (!recurrence) {
      for (auto& field : recurrence.error().fields) invalid.fields.push_back(field);
    } else {
      draft.starts_at = to_text(*start);
      draft.rrule = recurrence->rule();
      if (reschedule) {
        // Due this very second still counts as to come.
        draft.next_at = recurrence->next_after(clock.now() - std::chrono::seconds(1));
        if (!draft.next_at) fail("starts_at", "REMINDER_IN_PAST", "the reminder has no occurrence after now");
      }
    }
  }

  // Recipients: active staff users.
  auto recipients_valid = records.database().read([&](Connection& connection) -> Result<void> {
    for (const auto& user : draft.recipients) {
      auto found = connection.query("SELECT active, kind FROM users WHERE id = ?", {user});
      if (!found) return found.take_error();
      if (found->empty() || found->rows[0][1].text() != "staff") {
        fail("recipient_ids", "RECIPIENT_UNKNOWN", fmt::format("no user with id {}", user));
      } else if (found->rows[0][0].integer() == 0) {
        fail("recipient_ids", "RECIPIENT_INACTIVE", fmt::format("user {} is not active", user));
      }
    }
    return {};
  });
  if (!recipients_valid) return recipients_valid.take_error();

  // The record: visible to the one who sets the reminder and to every recipient.
  if (draft.entity.empty() != draft.record_id.empty()) {
    fail(draft.entity.empty() ? "entity" : "record_id", "FIELD_REQUIRED", "a record link names entity and record_id");
  } else if (!draft.entity.empty()) {
    const records::EntityLayout* layout = records.by_name(draft.entity);
    if (!layout) layout = records.by_plural(draft.entity);
    if (!layout) {
      fail("entity", "ENTITY_UNKNOWN", fmt::format("no entity '{}'", draft.entity));
    } else {
      draft.entity = layout->entity().name;
      if (!records.get(*layout, draft.record_id, {"id"}, actor.access)) {
        fail("record_id", "LINK_NOT_FOUND", fmt::format("no {} with id {}", layout->entity().label, draft.record_id));
      } else if (invalid.fields.empty()) {
        for (const auto& user : draft.recipients) {
          if (user == actor.user_id && actor.access) continue;
          auto user_grants = grants.for_user(user);
          if (!user_grants) return user_grants.take_error();
          const records::RecordAccess access = records::access_for(records, *user_grants);
          if (!records.get(*layout, draft.record_id, {"id"}, &access)) {
            fail("recipient_ids", "RECORD_NOT_VISIBLE",
                 fmt::format("user {} may not see this {}", user, layout->entity().label));
          }
        }
      }
    }
  }
  if (!invalid.fields.empty()) return invalid;

  if (draft.create_task) {
    const records::EntityLayout* tasks = records.by_name("task");
    if (!tasks) return Error{ErrorCode::validation_failed, "tasks are not available", {{"create_task", "FIELD_INVALID", "no task entity"}}};
    if (actor.access && !actor.access->may(*tasks, access::Action::create)) {
      return Error{ErrorCode::forbidden, "you may not create tasks",
                   {{"create_task", "ACCESS_DENIED", "creating tasks needs the right to create tasks"}}};
    }
  }
  return {};
}

}  // namespace

Result<boost::json::object> ReminderService::create(const records::Actor& actor, const boost::json::value& body) {
  auto input = read_reminder_input(body, true);
  if (!input) return input.take_error();
  Draft draft;
  draft.recipients = {actor.user_id};
  draft.channels = {"in_app"};
  apply(*input, draft);
  if (!input->time_zone) {
    // The user's own zone, as their profile has it.
    ATRIUM_TRY(records_.database().read([&](Connection& connection) -> Result<void> {
      auto zone = connection.query("SELECT time_zone FROM users WHERE id = ?", {actor.user_id});
      if (!zone) return zone.take_error();
      draft.time_zone = zone->empty() ? "UTC" : zone->rows[0][0].text();
      return {};
    }));
  }
  ATRIUM_TRY(check(records_, grants_, clock_, actor, draft, true));
  const std::string id = new_id();
  const std::string now = to_iso8601(clock_.now());
  ATRIUM_TRY(records_.database().transact([&](Connection& connection) -> Result<void> {
    ATRIUM_TRY(connection.execute(
        "INSERT INTO reminders (id, created_by_id, title, notes, starts_at, time_zone, rrule, entity, record_id, "
        "channels, create_task, status, next_at, fired_count, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, "
        "?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, 1)",
        {id, actor.user_id, draft.title, draft.notes, draft.starts_at, draft.time_zone, draft.rrule,
         draft.entity.empty() ? storage::Value() : storage::Value(draft.entity),
         draft.record_id.empty() ? storage::Value() : storage::Value(draft.record_id), join_channels(draft.channels),
         draft.create_task ? 1 : 0, kReminderActive, to_iso8601(*draft.next_at), now, now}));
    ATRIUM_TRY(write_recipients(connection, id, draft.recipients));
    return records::append_security_event(connection, {"reminder", id, "create", actor.user_id, now},
                                          audit_details(draft));
  }));
  return get(actor, id);
}

Result<boost::json::object> ReminderService::patch(const records::Actor& actor, const std::string& id,
                                                   const boost::json::value& body,
                                                   std::optional<std::int64_t> expected_version) {
  auto input = read_reminder_input(body, false);
  if (!input) return input.take_error();
  if (!expected_version) expected_version = input->version;
  Row row;
  std::vector<std::string> recipients;
  ATRIUM_TRY(records_.database().read([&](Connection& connection) -> Result<void> {
    auto found = read_row(connection, id, actor.user_id);
    if (!found) return found.take_error();
    row = std::move(*found);
    return connection.each("SELECT user_id FROM reminder_recipients WHERE reminder_id = ? ORDER BY user_id", {id},
                           [&](const Row& recipient) {
                             recipients.push_back(recipient[0].text());
                             return true;
                           });
  }));
  if (row[kCreatedBy].text() != actor.user_id) {
    return make_error(ErrorCode::forbidden, "only the one who set a reminder changes it");
  }
  if (row[kStatus].text() == kReminderCancelled) {
    return Error{ErrorCode::conflict, "the reminder is cancelled",
                 {{"status", "REMINDER_CANCELLED", "a cancelled reminder is not changed; set a new one"}}};
  }
  if (expected_version && *expected_version != row[kVersion].integer()) {
    return make_error(ErrorCode::version_conflict,
                      fmt::format("the reminder is at version {}, not {}", row[kVersion].integer(), *expected_version));
  }
  Draft draft = draft_of(row, std::move(recipients));
  apply(*input, draft);
  const bool reschedule = input->starts_at || input->time_zone || input->rrule;
  ATRIUM_TRY(check(records_, grants_, clock_, actor, draft, reschedule));
  const std::string now = to_iso8601(clock_.now());
  ATRIUM_TRY(records_.database().transact([&](Connection& connection) -> Result<void> {
    storage::Params params{draft.title,
                           draft.notes,
                           draft.starts_at,
                           draft.time_zone,
                           draft.rrule,
                           draft.entity.empty() ? storage::Value() : storage::Value(draft.entity),
                           draft.record_id.empty() ? storage::Value() : storage::Value(draft.record_id),
                           join_channels(draft.channels),
                           draft.create_task ? 1 : 0,
                           now};
    std::string sql =
        "UPDATE reminders SET title = ?, notes = ?, starts_at = ?, time_zone = ?, rrule = ?, entity = ?, "
        "record_id = ?, channels = ?, create_task = ?, updated_at = ?, version = version + 1";
    // Only a new schedule moves next_at: otherwise the dispatcher's own moves stand.
    if (reschedule) {
      sql += ", status = ?, next_at = ?";
      params.emplace_back(kReminderActive);
      params.emplace_back(to_iso8601(*draft.next_at));
    }
    sql += " WHERE id = ? AND version = ?";
    params.emplace_back(id);
    params.emplace_back(row[kVersion].integer());
    auto updated = connection.execute(sql, params);
    if (!updated) return updated.take_error();
    if (*updated == 0) return make_error(ErrorCode::version_conflict, "the reminder was changed meanwhile");
    if (input->recipient_ids) ATRIUM_TRY(write_recipients(connection, id, draft.recipients));
    return records::append_security_event(connection, {"reminder", id, "update", actor.user_id, now},
                                          audit_details(draft));
  }));
  return get(actor, id);
}

Result<boost::json::object> ReminderService::cancel(const records::Actor& actor, const std::string& id) {
  const std::string now = to_iso8601(clock_.now());
  ATRIUM_TRY(records_.database().transact([&](Connection& connection) -> Result<void> {
    auto row = read_row(connection, id, actor.user_id);
    if (!row) return row.take_error();
    if ((*row)[kCreatedBy].text() != actor.user_id) {
      return make_error(ErrorCode::forbidden, "only the one who set a reminder cancels it");
    }
    if ((*row)[kStatus].text() == kReminderCancelled) return {};
    ATRIUM_TRY(connection.execute(
        "UPDATE reminders SET status = ?, next_at = NULL, updated_at = ?, version = version + 1 WHERE id = ?",
        {kReminderCancelled, now, id}));
    return records::append_security_event(connection, {"reminder", id, "cancel", actor.user_id, now},
                                          boost::json::object{{"status", kReminderCancelled}});
  }));
  return get(actor, id);
}

Result<boost::json::object> ReminderService::get(const records::Actor& actor, const std::string& id) {
  boost::json::object reminder;
  ATRIUM_TRY(records_.database().read([&](Connection& connection) -> Result<void> {
    auto row = read_row(connection, id, actor.user_id);
    if (!row) return row.take_error();
    auto recipients = recipients_of(connection, {id});
    if (!recipients) return recipients.take_error();
    const auto found = recipients->find(id);
    reminder = with_recipients(reminder_json(*row), found == recipients->end() ? nullptr : &found->second);
    reminder["can_edit"] = (*row)[kCreatedBy].text() == actor.user_id;
    boost::json::array history;
    ATRIUM_TRY(connection.each(
        fmt::format("SELECT occurrence_at, fired_at, recipients, emails, tasks FROM reminder_occurrences WHERE "
                    "reminder_id = ? ORDER BY occurrence_at DESC LIMIT {}",
                    kHistoryShown),
        {id}, [&](const Row& occurrence) {
          history.push_back(boost::json::object{{"occurrence_at", occurrence[0].text()},
                                                {"fired_at", occurrence[1].text()},
                                                {"recipients", occurrence[2].integer()},
                                                {"emails", occurrence[3].integer()},
                                                {"tasks", occurrence[4].integer()}});
          return true;
        }));
    reminder["occurrences"] = std::move(history);
    boost::json::array upcoming;
    if ((*row)[kStatus].text() == kReminderActive && !(*row)[kNextAt].is_null()) {
      upcoming.emplace_back((*row)[kNextAt].text());
      if (auto recurrence = recurrence_of(*row); recurrence && recurrence->repeats()) {
        if (auto next = from_iso8601((*row)[kNextAt].text())) {
          for (const TimePoint time : recurrence->occurrences_after(*next, kUpcomingShown - 1)) {
            upcoming.emplace_back(to_iso8601(time));
          }
        }
      }
    }
    reminder["upcoming"] = std::move(upcoming);
    return {};
  }));
  return reminder;
}

Result<boost::json::object> ReminderService::list(const records::Actor& actor, const ReminderListQuery& query) {
  if (query.limit == 0 || query.limit > kMaxPageSize) {
    return Error{ErrorCode::bad_request, "the limit is not valid",
                 {{"limit", "LIMIT_INVALID", fmt::format("1 to {}", kMaxPageSize)}}};
  }
  std::string where;
  storage::Params params;
  switch (query.scope) {
    case ReminderScope::involved: where = kInvolvedSql; params = {actor.user_id, actor.user_id}; break;
    case ReminderScope::received: where = kReceivedSql; params = {actor.user_id}; break;
    case ReminderScope::set_by_me: where = "created_by_id = ?"; params = {actor.user_id}; break;
  }
  std::string order;
  switch (query.period) {
    case ReminderPeriod::upcoming:
      where += " AND status = ?";
      params.emplace_back(kReminderActive);
      order = "next_at, id";
      break;
    case ReminderPeriod::past:
      where += " AND status <> ?";
      params.emplace_back(kReminderActive);
      order = "updated_at DESC, id";
      break;
    case ReminderPeriod::every: order = "created_at DESC, id"; break;
  }
  boost::json::object page;
  ATRIUM_TRY(records_.database().read([&](Connection& connection) -> Result<void> {
    auto rows = connection.query(fmt::format("SELECT {} FROM reminders WHERE {} ORDER BY {} LIMIT {} OFFSET {}",
                                             kReminderColumns, where, order, query.limit + 1, query.offset),
                                 params);
    if (!rows) return rows.take_error();
    const bool more = rows->size() > query.limit;
    if (more) rows->rows.pop_back();
    std::vector<std::string> ids;
    for (const Row& row : rows->rows) ids.push_back(row[kId].text());
    auto recipients = recipients_of(connection, ids);
    if (!recipients) return recipients.take_error();
    boost::json::array data;
    for (const Row& row : rows->rows) {
      const auto found = recipients->find(row[kId].text());
      auto reminder = with_recipients(reminder_json(row), found == recipients->end() ? nullptr : &found->second);
      reminder["can_edit"] = row[kCreatedBy].text() == actor.user_id;
      data.emplace_back(std::move(reminder));
    }
    page["data"] = std::move(data);
    page["next_cursor"] = more ? boost::json::value(std::to_string(query.offset + query.limit)) : nullptr;
    return {};
  }));
  return page;
}

Result<boost::json::object> ReminderService::recipients(const std::string& text, std::size_t limit) {
  // The text is matched literally: % and _ lose their LIKE meaning.
  std::string pattern = "%";
  for (const char character : text) {
    if (character == '%' || character == '_' || character == '\\') pattern += '\\';
    pattern += static_cast<char>(std::tolower(static_cast<unsigned char>(character)));
  }
  pattern += '%';
  boost::json::array data;
  ATRIUM_TRY(records_.database().read([&](Connection& connection) -> Result<void> {
    return connection.each(
        fmt::format("SELECT id, name, username FROM users WHERE active = 1 AND kind = 'staff' AND (LOWER(name) LIKE ? "
                    "ESCAPE '\\' OR LOWER(username) LIKE ? ESCAPE '\\') ORDER BY name, id LIMIT {}",
                    limit),
        {pattern, pattern}, [&](const Row& row) {
          data.push_back(boost::json::object{{"id", row[0].text()}, {"name", row[1].text()}, {"username", row[2].text()}});
          return true;
        });
  }));
  return boost::json::object{{"data", std::move(data)}};
}

Result<boost::json::value> ReminderService::upcoming_for(const records::Actor& actor, std::size_t limit) {
  boost::json::object section;
  ATRIUM_TRY(records_.database().read([&](Connection& connection) -> Result<void> {
    auto total = connection.query(fmt::format("SELECT COUNT(*) FROM reminders WHERE status = ? AND {}", kReceivedSql),
                                  {kReminderActive, actor.user_id});
    if (!total) return total.take_error();
    auto rows = connection.query(fmt::format("SELECT {} FROM reminders WHERE status = ? AND {} ORDER BY next_at, id "
                                             "LIMIT {}",
                                             kReminderColumns, kReceivedSql, limit),
                                 {kReminderActive, actor.user_id});
    if (!rows) return rows.take_error();
    boost::json::array items;
    for (const Row& row : rows->rows) {
      boost::json::object item{{"title", row[kTitle].text()},
                               {"subtitle", row[kRule].text().empty() ? std::string("Once")
                                                                      : "Repeats · " + row[kTimeZone].text()},
                               {"due_at", text_of(row[kNextAt])}};
      if (!row[kEntity].is_null()) {
        item["link"] = boost::json::object{{"entity", row[kEntity].text()}, {"id", row[kRecordId].text()}};
      } else {
        item["href"] = "/reminders";
      }
      items.emplace_back(std::move(item));
    }
    section["items"] = std::move(items);
    section["total"] = total->rows[0][0].integer();
    return {};
  }));
  return boost::json::value(std::move(section));
}

}  // namespace atrium::workflow
