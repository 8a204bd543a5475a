// Reading approvals: one with its levels, approvers and decisions (the full history), and
// lists narrowed by status, entity, record, what waits for the caller and what they asked.
// A caller sees an approval they requested, take part in (or stand in for someone who
// does), or whose entity they hold the approve right on.
#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include <map>

#include "../records/record_access.hpp"
#include "approval_records.hpp"
#include "atrium/workflow/approval_engine.hpp"

namespace atrium::workflow {

namespace {

boost::json::value text_or_null(const storage::Value& value) {
  return value.is_null() ? boost::json::value(nullptr) : boost::json::value(value.text());
}

// The entities whose approve right the actor holds, as an SQL list with its parameters.
std::pair<std::string, storage::Params> approvable_entities(const records::RecordService& records,
                                                            const records::Actor& actor) {
  std::string marks;
  storage::Params params;
  for (const auto& entity : records.catalog().entities()) {
    const records::EntityLayout* layout = records.by_name(entity.name);
    if (layout && actor.access->may(*layout, access::Action::approve)) {
      marks += marks.empty() ? "?" : ", ?";
      params.emplace_back(entity.name);
    }
  }
  return {marks, params};
}

// Steps the actor may decide now: their own, or those of whoever named them delegate.
std::string waiting_for_actor_sql() {
  return "EXISTS (SELECT 1 FROM approval_steps s WHERE s.approval_id = a.id AND s.level = a.current_level "
         "AND s.status = 'waiting' AND (s.approver_id = ? OR s.approver_id IN (SELECT d.user_id FROM "
         "approval_delegations d WHERE d.delegate_id = ? AND d.starts_at <= ? AND d.ends_at > ?)))";
}

}  // namespace

Result<bool> ApprovalEngine::visible_to(storage::Connection& connection, const boost::json::object& approval,
                                        const records::Actor& actor) {
  if (!actor.access || actor.access->unrestricted()) return true;
  if (approval.at("requested_by_id") == boost::json::value(actor.user_id)) return true;
  const records::EntityLayout* layout = records_.by_name(std::string_view(approval.at("entity").as_string()));
  if (layout && actor.access->may(*layout, access::Action::approve)) return true;
  const std::string now = to_iso8601(clock_.now());
  auto involved = connection.query(
      "SELECT 1 FROM approval_steps s WHERE s.approval_id = ? AND (s.approver_id = ? OR s.decided_by_id = ? OR "
      "s.approver_id IN (SELECT d.user_id FROM approval_delegations d WHERE d.delegate_id = ? AND d.starts_at <= ? "
      "AND d.ends_at > ?)) LIMIT 1",
      {std::string(approval.at("id").as_string()), actor.user_id, actor.user_id, actor.user_id, now, now});
  if (!involved) return involved.take_error();
  return !involved->empty();
}

Result<boost::json::object> ApprovalEngine::get(std::string_view approval_id, const records::Actor& actor) {
  boost::json::object body;
  ATRIUM_TRY(database_.read([&](storage::Connection& connection) -> Result<void> {
    auto loaded = load_approval(connection, approval_id);
    if (!loaded) return loaded.take_error();
    if (!*loaded) return make_error(ErrorCode::not_found, fmt::format("no approval with id {}", approval_id));
    const ApprovalRow& approval = **loaded;
    body = approval_summary(approval);
    auto visible = visible_to(connection, body, actor);
    if (!visible) return visible.take_error();
    if (!*visible) return make_error(ErrorCode::not_found, fmt::format("no approval with id {}", approval_id));
    if (!approval.requested_by_id.empty()) {
      auto name = user_name(connection, approval.requested_by_id);
      if (!name) return name.take_error();
      body["requested_by_name"] = *name;
    }
    if (const auto* layout = records_.by_name(approval.entity)) body["entity_plural"] = layout->entity().plural;

    // Every step, in order: the levels' approvers and the decisions.
    auto steps = connection.query(
        "SELECT s.level, s.approver_id, ua.name, s.status, s.decided_by_id, ud.name, s.on_behalf_of_id, ub.name, "
        "s.decided_at, s.remarks FROM approval_steps s LEFT JOIN users ua ON ua.id = s.approver_id "
        "LEFT JOIN users ud ON ud.id = s.decided_by_id LEFT JOIN users ub ON ub.id = s.on_behalf_of_id "
        "WHERE s.approval_id = ? ORDER BY s.level, s.created_at, s.approver_id",
        {approval.id});
    if (!steps) return steps.take_error();
    std::map<std::int64_t, boost::json::array> approvers;
    boost::json::array decisions;
    boost::json::array waiting_for;
    for (const auto& row : steps->rows) {
      const std::int64_t level = row[0].integer();
      boost::json::object approver{{"user_id", row[1].text()},
                                   {"name", text_or_null(row[2])},
                                   {"status", row[3].text()},
                                   {"decided_by_id", text_or_null(row[4])},
                                   {"decided_by_name", text_or_null(row[5])},
                                   {"on_behalf_of_id", text_or_null(row[6])},
                                   {"on_behalf_of_name", text_or_null(row[7])},
                                   {"decided_at", text_or_null(row[8])},
                                   {"remarks", text_or_null(row[9])}};
      if (row[3].text() == "approved" || row[3].text() == "rejected") {
        decisions.push_back({{"level", level + 1},
                             {"decision", row[3].text()},
                             {"user_id", text_or_null(row[4])},
                             {"name", text_or_null(row[5])},
                             {"on_behalf_of_id", text_or_null(row[6])},
                             {"on_behalf_of_name", text_or_null(row[7])},
                             {"at", text_or_null(row[8])},
                             {"remarks", text_or_null(row[9])}});
      }
      if (row[3].text() == "waiting" && approval.status == "pending") {
        waiting_for.push_back({{"user_id", row[1].text()}, {"name", text_or_null(row[2])}});
      }
      approvers[level].push_back(std::move(approver));
    }
    std::sort(decisions.begin(), decisions.end(), [](const boost::json::value& left, const boost::json::value& right) {
      const auto& a = left.as_object().at("at");
      const auto& b = right.as_object().at("at");
      return (a.is_string() ? std::string_view(a.as_string()) : std::string_view()) <
             (b.is_string() ? std::string_view(b.as_string()) : std::string_view());
    });
    boost::json::array levels = chain_to_json(approval.levels);
    for (std::size_t index = 0; index < levels.size(); ++index) {
      auto& level = levels[index].as_object();
      level["level"] = static_cast<std::int64_t>(index + 1);
      std::string status = "not_reached";
      if (index < approval.current_level) {
        status = "approved";
      } else if (index == approval.current_level) {
        status = approval.status == "pending" ? "waiting" : approval.status;
      }
      level["status"] = status;
      level["approvers"] = std::move(approvers[static_cast<std::int64_t>(index)]);
    }
    body["levels"] = std::move(levels);
    body["decisions"] = std::move(decisions);
    // A level open to the approve right waits for anyone holding it.
    if (approval.status == "pending" && approval.levels.at(approval.current_level).kind == ApproverKind::approve_right &&
        waiting_for.empty()) {
      body["waiting_for_right"] = "approve";
    }
    body["waiting_for"] = std::move(waiting_for);
    return {};
  }));
  // The record's title, for those who may read the record.
  if (const auto* layout = records_.by_name(std::string_view(body.at("entity").as_string()));
      layout && !layout->entity().title_field.empty()) {
    const records::FieldLayout* title = layout->find_field(layout->entity().title_field);
    if (title) {
      auto record = records_.get(*layout, std::string_view(body.at("record_id").as_string()), {title->api_name},
                                 actor.access);
      if (record) {
        if (const auto* value = record->if_contains(title->api_name)) body["title"] = *value;
      }
    }
  }
  return body;
}

Result<boost::json::array> ApprovalEngine::list(const ApprovalListQuery& query, const records::Actor& actor) {
  std::string where = "1 = 1";
  storage::Params params;
  if (query.status != "all") {
    where += " AND a.status = ?";
    params.emplace_back(query.status);
  }
  if (!query.entity.empty()) {
    where += " AND a.entity = ?";
    params.emplace_back(query.entity);
  }
  if (!query.record_id.empty()) {
    where += " AND a.record_id = ?";
    params.emplace_back(query.record_id);
  }
  if (query.requested_by_caller) {
    where += " AND a.requested_by_id = ?";
    params.emplace_back(actor.user_id);
  }
  const std::string now = to_iso8601(clock_.now());
  const bool restricted = actor.access && !actor.access->unrestricted();
  if (query.assigned_to_caller) {
    // Waiting for the caller: a step of theirs (or of someone they stand in for) at the
    // current level, or a level open to the approve right they hold; never their own.
    where += " AND a.status = 'pending' AND (a.requested_by_id IS NULL OR a.requested_by_id <> ?) AND (" +
             waiting_for_actor_sql();
    params.insert(params.end(), {actor.user_id, actor.user_id, actor.user_id, now, now});
    std::string marks;
    storage::Params entities;
    if (restricted) {
      std::tie(marks, entities) = approvable_entities(records_, actor);
    }
    const std::string no_steps =
        " OR (NOT EXISTS (SELECT 1 FROM approval_steps s2 WHERE s2.approval_id = a.id AND s2.level = a.current_level)";
    if (!restricted) {
      where += no_steps + "))";
    } else if (!marks.empty()) {
      where += no_steps + " AND a.entity IN (" + marks + ")))";
      params.insert(params.end(), entities.begin(), entities.end());
    } else {
      where += ")";
    }
  } else if (restricted) {
    auto [marks, entities] = approvable_entities(records_, actor);
    where += " AND (a.requested_by_id = ? OR EXISTS (SELECT 1 FROM approval_steps s WHERE s.approval_id = a.id AND "
             "(s.approver_id = ? OR s.decided_by_id = ? OR s.approver_id IN (SELECT d.user_id FROM "
             "approval_delegations d WHERE d.delegate_id = ? AND d.starts_at <= ? AND d.ends_at > ?)))";
    params.insert(params.end(), {actor.user_id, actor.user_id, actor.user_id, actor.user_id, now, now});
    if (!marks.empty()) {
      where += " OR a.entity IN (" + marks + ")";
      params.insert(params.end(), entities.begin(), entities.end());
    }
    where += ")";
  }
  boost::json::array approvals;
  ATRIUM_TRY(database_.read([&](storage::Connection& connection) -> Result<void> {
    auto rows = connection.query(fmt::format("SELECT {}, u.name FROM approvals a LEFT JOIN users u ON u.id = "
                                             "a.requested_by_id WHERE {} ORDER BY a.requested_at, a.id LIMIT {}",
                                             kApprovalColumns, where, query.limit),
                                 params);
    if (!rows) return rows.take_error();
    for (const auto& row : rows->rows) {
      const ApprovalRow approval = approval_row(row);
      boost::json::object item = approval_summary(approval);
      item["requested_by_name"] = text_or_null(row[15]);
      if (const auto* layout = records_.by_name(approval.entity)) item["entity_plural"] = layout->entity().plural;
      if (approval.status == "pending") {
        auto waiting = connection.query(
            "SELECT s.approver_id, u.name FROM approval_steps s LEFT JOIN users u ON u.id = s.approver_id "
            "WHERE s.approval_id = ? AND s.level = ? AND s.status = 'waiting' ORDER BY u.name",
            {approval.id, static_cast<std::int64_t>(approval.current_level)});
        if (!waiting) return waiting.take_error();
        boost::json::array names;
        for (const auto& step : waiting->rows) {
          names.push_back({{"user_id", step[0].text()}, {"name", text_or_null(step[1])}});
        }
        item["waiting_for"] = std::move(names);
      }
      approvals.emplace_back(std::move(item));
    }
    return {};
  }));
  return approvals;
}

Result<boost::json::array> ApprovalEngine::pending_for_record(std::string_view entity, std::string_view record_id,
                                                              const records::Actor& actor) {
  ApprovalListQuery query;
  query.entity = std::string(entity);
  query.record_id = std::string(record_id);
  // Everyone who may read the record learns that it is locked and by what.
  return list(query, records::Actor{actor.user_id});
}

}  // namespace atrium::workflow
