#include "atrium/workflow/task_assignments.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "atrium/core/id.hpp"
#include "atrium/core/log.hpp"

namespace atrium::workflow {

namespace {

constexpr std::size_t kMaxAssignees = 25;
constexpr std::size_t kMaxRemarks = 4000;
const std::set<std::string, std::less<>> kStatuses{"open", "in_progress", "done", "rejected"};

boost::json::value text_or_null(const storage::Value& value) {
  return value.is_null() ? boost::json::value(nullptr) : boost::json::value(value.text());
}

struct RecordFacts {
  std::string title;
  std::string state;
  std::vector<std::string> initiators;  // owner and creator: who follows the assignees
};

Result<RecordFacts> facts_of(storage::Connection& connection, const records::EntityLayout& layout,
                             std::string_view id) {
  const auto& entity = layout.entity();
  const auto* title = layout.find_field(entity.title_field);
  const auto* state = entity.states ? layout.find_field(entity.states->field) : nullptr;
  auto rows = connection.query(
      fmt::format("SELECT owner_id, created_by_id, {}, {} FROM {} WHERE id = ?",
                  title ? title->columns[0].name : std::string("id"), state ? state->columns[0].name : std::string("''"),
                  entity.table),
      {std::string(id)});
  if (!rows) return rows.take_error();
  if (rows->empty()) return make_error(ErrorCode::not_found, fmt::format("no {} with id {}", entity.label, id));
  const auto& row = rows->rows[0];
  RecordFacts facts;
  facts.title = row[2].is_text() ? row[2].text() : std::string(id);
  facts.state = row[3].is_text() ? row[3].text() : "";
  for (int column : {0, 1}) {
    if (row[column].is_text() && std::find(facts.initiators.begin(), facts.initiators.end(), row[column].text()) ==
                                     facts.initiators.end()) {
      facts.initiators.push_back(row[column].text());
    }
  }
  return facts;
}

Result<std::string> user_name(storage::Connection& connection, const std::string& user_id) {
  auto rows = connection.query("SELECT name FROM users WHERE id = ?", {user_id});
  if (!rows) return rows.take_error();
  return rows->empty() ? std::string("Someone") : rows->rows[0][0].text();
}

std::string status_words(std::string_view status) {
  if (status == "in_progress") return "started";
  if (status == "done") return "finished";
  if (status == "rejected") return "rejected";
  return "reopened";
}

}  // namespace

Result<boost::json::object> TaskAssignments::read(const records::EntityLayout& layout, std::string_view id,
                                                   const records::Actor& actor) {
  // Reading the assignees takes reading the record.
  if (auto visible = records_.get(layout, id, {"id"}, actor.access); !visible) return visible.take_error();
  boost::json::array assignees;
  boost::json::array reports;
  ATRIUM_TRY(database_.read([&](storage::Connection& connection) -> Result<void> {
    ATRIUM_TRY(connection.each(
        "SELECT a.user_id, u.name, a.status, a.progress, a.assigned_by_id, a.assigned_at, a.updated_at "
        "FROM record_assignees a JOIN users u ON u.id = a.user_id WHERE a.entity = ? AND a.record_id = ? "
        "ORDER BY a.assigned_at, u.name",
        {layout.entity().name, std::string(id)}, [&](const storage::Row& row) {
          assignees.push_back(boost::json::object{{"user_id", row[0].text()},
                                                  {"name", row[1].text()},
                                                  {"status", row[2].text()},
                                                  {"progress", row[3].integer()},
                                                  {"assigned_by_id", text_or_null(row[4])},
                                                  {"assigned_at", row[5].text()},
                                                  {"updated_at", row[6].text()}});
          return true;
        }));
    return connection.each(
        "SELECT p.id, p.user_id, u.name, p.status, p.progress, p.remarks, p.created_at FROM progress_reports p "
        "JOIN users u ON u.id = p.user_id WHERE p.entity = ? AND p.record_id = ? ORDER BY p.created_at, p.id",
        {layout.entity().name, std::string(id)}, [&](const storage::Row& row) {
          reports.push_back(boost::json::object{{"id", row[0].text()},
                                                {"user_id", row[1].text()},
                                                {"name", row[2].text()},
                                                {"status", row[3].text()},
                                                {"progress", row[4].integer()},
                                                {"remarks", text_or_null(row[5])},
                                                {"created_at", row[6].text()}});
          return true;
        });
  }));
  return boost::json::object{{"data", std::move(assignees)}, {"reports", std::move(reports)}};
}

Result<boost::json::object> TaskAssignments::assign(const records::EntityLayout& layout, std::string_view id,
                                                    const std::vector<std::string>& user_ids,
                                                    const records::Actor& actor) {
  Error invalid{ErrorCode::validation_failed, "the assignees are not valid", {}};
  if (user_ids.size() > kMaxAssignees) {
    invalid.fields.push_back({"user_ids", "TOO_MANY_ITEMS", fmt::format("at most {} assignees", kMaxAssignees)});
    return invalid;
  }
  if (auto visible = records_.get(layout, id, {"id"}, actor.access); !visible) return visible.take_error();
  const std::string now = to_iso8601(clock_.now());
  ATRIUM_TRY(database_.transact([&](storage::Connection& connection) -> Result<void> {
    ATRIUM_TRY(records_.ensure_allowed(connection, layout, id, actor, access::Action::edit));
    std::set<std::string> wanted;
    for (std::size_t i = 0; i < user_ids.size(); ++i) {
      auto rows = connection.query("SELECT active FROM users WHERE id = ? AND kind = 'staff'", {user_ids[i]});
      if (!rows) return rows.take_error();
      if (rows->empty() || rows->rows[0][0].integer() == 0) {
        invalid.fields.push_back({fmt::format("user_ids[{}]", i), "LINK_NOT_FOUND", "no active user with this id"});
      }
      wanted.insert(user_ids[i]);
    }
    if (!invalid.fields.empty()) return invalid;
    auto facts = facts_of(connection, layout, id);
    if (!facts) return facts.take_error();
    std::set<std::string> current;
    ATRIUM_TRY(connection.each("SELECT user_id FROM record_assignees WHERE entity = ? AND record_id = ?",
                               {layout.entity().name, std::string(id)}, [&](const storage::Row& row) {
                                 current.insert(row[0].text());
                                 return true;
                               }));
    for (const auto& gone : current) {
      if (wanted.contains(gone)) continue;
      auto removed = connection.execute("DELETE FROM record_assignees WHERE entity = ? AND record_id = ? AND user_id = ?",
                                        {layout.entity().name, std::string(id), gone});
      if (!removed) return removed.take_error();
    }
    auto actor_name = user_name(connection, actor.user_id);
    if (!actor_name) return actor_name.take_error();
    for (const auto& added : wanted) {
      if (current.contains(added)) continue;
      auto inserted = connection.execute(
          "INSERT INTO record_assignees (entity, record_id, user_id, assigned_by_id, assigned_at, updated_at) "
          "VALUES (?, ?, ?, ?, ?, ?)",
          {layout.entity().name, std::string(id), added, actor.user_id, now, now});
      if (!inserted) return inserted.take_error();
      if (added == actor.user_id) continue;  // nobody needs telling what they did themselves
      auto told = notifier_.notify(connection, Notification{added, "task.assigned",
                                                            fmt::format("{} assigned you: {}", *actor_name, facts->title),
                                                            "", layout.entity().name, std::string(id), actor.user_id});
      if (!told) return told.error();
    }
    return {};
  }));
  return read(layout, id, actor);
}

Result<boost::json::object> TaskAssignments::update(const records::EntityLayout& layout, std::string_view id,
                                                    const std::string& user_id, const AssigneeUpdate& update,
                                                    const records::Actor& actor) {
  Error invalid{ErrorCode::validation_failed, "the progress report is not valid", {}};
  if (update.status && !kStatuses.contains(*update.status)) {
    invalid.fields.push_back({"status", "FIELD_INVALID_ENUM", "open, in_progress, done or rejected"});
  }
  if (update.progress && (*update.progress < 0 || *update.progress > 100)) {
    invalid.fields.push_back({"progress", "FIELD_OUT_OF_RANGE", "0 to 100"});
  }
  if (update.remarks.size() > kMaxRemarks) {
    invalid.fields.push_back({"remarks", "FIELD_TOO_LONG", fmt::format("at most {} characters", kMaxRemarks)});
  }
  if (!update.status && !update.progress && update.remarks.empty()) {
    invalid.fields.push_back({"status", "FIELD_REQUIRED", "a status, a progress or remarks"});
  }
  if (!invalid.fields.empty()) return invalid;
  if (auto visible = records_.get(layout, id, {"id"}, actor.access); !visible) return visible.take_error();
  if (user_id != actor.user_id) {
    return Error{ErrorCode::forbidden, "only assignees report on their own part",
                 {{"user_id", "NOT_ASSIGNEE", "you can update only your own part"}}};
  }
  const std::string now = to_iso8601(clock_.now());
  ATRIUM_TRY(database_.transact([&](storage::Connection& connection) -> Result<void> {
    auto rows = connection.query(
        "SELECT status, progress FROM record_assignees WHERE entity = ? AND record_id = ? AND user_id = ?",
        {layout.entity().name, std::string(id), user_id});
    if (!rows) return rows.take_error();
    if (rows->empty()) {
      return Error{ErrorCode::forbidden, "you are not an assignee of this record",
                   {{"user_id", "NOT_ASSIGNEE", "not assigned to you"}}};
    }
    const std::string status = update.status.value_or(rows->rows[0][0].text());
    // Done means all of it; reopening starts again from what was reported.
    const std::int64_t progress =
        update.progress ? *update.progress : (status == "done" ? 100 : rows->rows[0][1].integer());
    auto changed = connection.execute(
        "UPDATE record_assignees SET status = ?, progress = ?, updated_at = ? "
        "WHERE entity = ? AND record_id = ? AND user_id = ?",
        {status, progress, now, layout.entity().name, std::string(id), user_id});
    if (!changed) return changed.take_error();
    auto reported = connection.execute(
        "INSERT INTO progress_reports (id, entity, record_id, user_id, status, progress, remarks, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        {new_id(), layout.entity().name, std::string(id), user_id, status, progress,
         update.remarks.empty() ? storage::Value() : storage::Value(update.remarks), now});
    if (!reported) return reported.take_error();
    auto facts = facts_of(connection, layout, id);
    if (!facts) return facts.take_error();
    auto name = user_name(connection, user_id);
    if (!name) return name.take_error();
    const bool status_changed = update.status && *update.status != rows->rows[0][0].text();
    const std::string title = status_changed
                                  ? fmt::format("{} {}: {}", *name, status_words(status), facts->title)
                                  : fmt::format("{} reported progress on {}: {}%", *name, facts->title, progress);
    for (const auto& initiator : facts->initiators) {
      if (initiator == user_id) continue;
      auto told = notifier_.notify(connection, Notification{initiator, "task.progress", title, update.remarks,
                                                            layout.entity().name, std::string(id), user_id});
      if (!told) return told.error();
    }
    return {};
  }));
  // The report stands even when the record cannot follow (a guard holds it back).
  if (auto followed = follow_assignees(layout, id, actor); !followed) {
    log::warn("{} {} did not follow its assignees: {}", layout.entity().name, id, followed.error().message);
  }
  return read(layout, id, actor);
}

Result<void> TaskAssignments::follow_assignees(const records::EntityLayout& layout, std::string_view id,
                                               const records::Actor& actor) {
  const auto& states = layout.entity().states;
  if (!states) return {};
  std::map<std::string, int, std::less<>> counts;
  int total = 0;
  RecordFacts facts;
  ATRIUM_TRY(database_.read([&](storage::Connection& connection) -> Result<void> {
    ATRIUM_TRY(connection.each("SELECT status FROM record_assignees WHERE entity = ? AND record_id = ?",
                               {layout.entity().name, std::string(id)}, [&](const storage::Row& row) {
                                 ++counts[row[0].text()];
                                 ++total;
                                 return true;
                               }));
    auto read_facts = facts_of(connection, layout, id);
    if (!read_facts) return read_facts.take_error();
    facts = std::move(*read_facts);
    return {};
  }));
  if (total == 0) return {};
  std::string target = "open";
  if (counts["done"] + counts["rejected"] == total) {
    target = counts["done"] > 0 ? "done" : "rejected";
  } else if (counts["in_progress"] + counts["done"] + counts["rejected"] > 0) {
    target = "in_progress";
  }
  if (target == facts.state) return {};
  const metadata::StateTransition* step = nullptr;
  for (const auto& transition : states->transitions) {
    const bool leaves_here = transition.from.empty() ||
                             std::find(transition.from.begin(), transition.from.end(), facts.state) != transition.from.end();
    if (transition.to == target && leaves_here && transition.roles.empty()) {
      step = &transition;
      break;
    }
  }
  // No step leads there (a finished task reopens only by a lead's decision): leave it.
  if (!step) return {};
  // A required field the initiator left empty (the outcome) gets a summary; one they
  // filled in stays theirs.
  boost::json::object input;
  if (!step->required_fields.empty()) {
    auto current = records_.get(layout, id, step->required_fields, nullptr);
    if (!current) return current.take_error();
    for (const auto& required : step->required_fields) {
      const auto* value = current->if_contains(required);
      if (value && !value->is_null() && !(value->is_string() && value->as_string().empty())) continue;
      input[required] = target == "done" ? "Done by every assignee." : "Rejected by every assignee.";
    }
  }
  // The assignees' reports are the authority for this step, not the reporter's own rights.
  auto moved = records_.transition(layout, id, step->name, input, std::nullopt, records::Actor{actor.user_id});
  if (!moved) return moved.take_error();
  if (target == "done" || target == "rejected") {
    for (const auto& initiator : facts.initiators) {
      auto told = notifier_.notify(Notification{initiator, target == "done" ? "task.done" : "task.rejected",
                                                fmt::format("{} is {} by every assignee", facts.title,
                                                            target == "done" ? "done" : "rejected"),
                                                "", layout.entity().name, std::string(id), ""});
      if (!told) return told.error();
    }
  }
  return {};
}

}  // namespace atrium::workflow
