#include "access_explanation.hpp"

#include <fmt/format.h>

#include "atrium/records/record_service.hpp"

namespace atrium::records {

namespace {

Result<bool> meets(storage::Connection& connection, const EntityLayout& layout, std::string_view id,
                   const SqlFragment& condition) {
  storage::Params params{std::string(id)};
  params.insert(params.end(), condition.params.begin(), condition.params.end());
  auto rows = connection.query(
      fmt::format("SELECT 1 FROM {} WHERE id = ? AND {}", layout.entity().table, condition.sql), params);
  if (!rows) return rows.take_error();
  return !rows->empty();
}

}  // namespace

Result<boost::json::object> explain_access(storage::Database& database, const RecordService& records,
                                           const EntityLayout& layout, std::string_view id,
                                           const RecordAccess& subject) {
  const auto& grants = subject.grants();
  boost::json::object answer{{"entity", layout.entity().name},
                             {"id", std::string(id)},
                             {"user_id", grants.user_id},
                             {"administrator", grants.administrator}};
  boost::json::array roles;
  for (const auto& role : grants.roles) roles.emplace_back(role);
  answer["roles"] = std::move(roles);
  boost::json::object actions;
  ATRIUM_TRY(database.snapshot([&](storage::Connection& connection) -> Result<void> {
    auto exists = records.exists(connection, layout.entity().name, std::string(id));
    if (!exists) return exists.take_error();
    if (!*exists) return make_error(ErrorCode::not_found, fmt::format("no {} with id {}", layout.entity().label, id));
    // The parent's verdict, for a child entity: without it, no scope of the child counts.
    boost::json::value parent_verdict = nullptr;
    bool parent_visible = true;
    if (const auto& parent_field = layout.entity().access.parent_field; !parent_field.empty()) {
      const FieldLayout* link = layout.find_field(parent_field);
      // A link names its entity in the definition; a parent of several, in its row.
      const bool several = link->field->type == "parent";
      auto row = connection.query(fmt::format("SELECT {}, {} FROM {} WHERE id = ?", link->columns[0].name,
                                              several ? link->columns[1].name : "id", layout.entity().table),
                                  {std::string(id)});
      if (!row) return row.take_error();
      const EntityLayout* parent = nullptr;
      if (!row->empty() && !row->rows[0][0].is_null()) {
        parent = records.by_name(several ? row->rows[0][0].text() : link->field->link_entity);
      }
      if (parent && !row->rows[0][several ? 1 : 0].is_null()) {
        const std::string parent_id = row->rows[0][several ? 1 : 0].text();
        auto condition = subject.condition(*parent, access::Action::read);
        if (condition) {
          auto visible = meets(connection, *parent, parent_id, *condition);
          if (!visible) return visible.take_error();
          parent_visible = *visible;
        } else {
          parent_visible = false;
        }
        parent_verdict = boost::json::object{{"entity", parent->entity().name}, {"id", parent_id},
                                             {"readable", parent_visible}};
      }
    }
    for (const auto action : access::kAllActions) {
      boost::json::object verdict;
      boost::json::array granted_by;
      bool allowed = grants.administrator;
      if (grants.administrator) {
        granted_by.push_back(boost::json::object{{"role", "administrator"}, {"scope", "all"}, {"matches", true}});
      }
      for (const auto& right : grants.rights_for(layout.entity().name, action)) {
        boost::json::object item{{"role", right.role}, {"scope", access::scope_name(right.scope)}};
        if (!right.rule.empty()) item["rule"] = right.rule;
        auto condition = subject.right_condition(layout, right);
        if (!condition) {
          item["matches"] = false;
          item["problem"] = condition.error().fields.empty() ? condition.error().message
                                                             : condition.error().fields[0].message;
        } else {
          auto matches = meets(connection, layout, id, *condition);
          if (!matches) return matches.take_error();
          item["matches"] = *matches;
          allowed = allowed || (*matches && parent_visible);
        }
        granted_by.push_back(std::move(item));
      }
      verdict["allowed"] = allowed;
      if (granted_by.empty()) verdict["reason"] = "no role grants this action";
      verdict["rights"] = std::move(granted_by);
      if (!parent_visible && !grants.administrator) verdict["reason"] = "the parent record is not readable";
      actions[access::action_name(action)] = std::move(verdict);
    }
    answer["parent"] = std::move(parent_verdict);
    return {};
  }));
  answer["actions"] = std::move(actions);
  boost::json::object fields;
  for (const auto& field : layout.fields()) {
    const auto mode = subject.mode(layout, field);
    if (mode != access::FieldMode::full) fields[field.api_name] = access::field_mode_name(mode);
  }
  answer["fields"] = std::move(fields);
  return answer;
}

}  // namespace atrium::records
