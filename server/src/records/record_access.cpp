#include "record_access.hpp"

#include <fmt/format.h>

#include "atrium/core/log.hpp"
#include "atrium/records/filter.hpp"
#include "atrium/records/record_service.hpp"

namespace atrium::records {

namespace {

SqlFragment always() { return {"1 = 1", {}}; }
SqlFragment never() { return {"1 = 0", {}}; }

// `column IN (?, ?, …)` over a set of ids; an empty set matches nothing.
SqlFragment one_of(std::string_view column, const std::vector<std::string>& values) {
  if (values.empty()) return never();
  SqlFragment out{std::string(column) + " IN (", {}};
  for (std::size_t i = 0; i < values.size(); ++i) {
    out.sql += i == 0 ? "?" : ", ?";
    out.params.emplace_back(values[i]);
  }
  out.sql += ")";
  return out;
}

void append(SqlFragment& out, const SqlFragment& part) {
  out.sql += part.sql;
  out.params.insert(out.params.end(), part.params.begin(), part.params.end());
}

}  // namespace

Error access_denied(const EntityLayout& layout, access::Action action) {
  return Error{ErrorCode::forbidden,
               fmt::format("no role of yours may {} {}", access::action_name(action), layout.entity().label_plural),
               {{layout.entity().plural, "ACCESS_DENIED", std::string(access::action_name(action))}}};
}

RecordAccess access_for(const RecordService& records, std::shared_ptr<const access::UserGrants> grants) {
  return RecordAccess(std::move(grants), [&records](std::string_view name) { return records.by_name(name); },
                      records.dialect(), records.today());
}

RecordAccess::RecordAccess(std::shared_ptr<const access::UserGrants> grants, LayoutLookup layouts,
                           storage::Dialect dialect, std::string today)
    : grants_(std::move(grants)), layouts_(std::move(layouts)), dialect_(dialect), today_(std::move(today)) {}

bool RecordAccess::may(const EntityLayout& layout, access::Action action) const {
  return unrestricted() || !grants_->rights_for(layout.entity().name, action).empty();
}

Result<SqlFragment> RecordAccess::condition(const EntityLayout& layout, access::Action action) const {
  if (unrestricted()) return always();
  std::string key = layout.entity().name + "/" + std::string(access::action_name(action));
  auto found = memo_.find(key);
  if (found == memo_.end()) found = memo_.emplace(std::move(key), compute(layout, action)).first;
  return found->second;
}

Result<SqlFragment> RecordAccess::right_condition(const EntityLayout& layout, const access::Right& right) const {
  using access::RightScope;
  const auto& grants = *grants_;
  switch (right.scope) {
    case RightScope::all: return always();
    // `own` includes the records of everyone reporting to the user.
    case RightScope::own: return one_of("owner_id", grants.own_ids);
    case RightScope::team: {
      SqlFragment out{"(", {}};
      append(out, one_of("team_id", grants.teams));
      out.sql += " OR ";
      std::vector<std::string> owners = grants.team_mates;
      owners.insert(owners.end(), grants.own_ids.begin(), grants.own_ids.end());
      append(out, one_of("owner_id", owners));
      out.sql += ")";
      return out;
    }
    case RightScope::rule: {
      auto tree = parse_filter(right.rule);
      if (!tree) return tree.take_error();
      FilterContext context{layouts_, dialect_, today_};
      context.user_values = &grants.values;
      auto compiled = compile_filter(**tree, layout, context);
      if (!compiled) return compiled.take_error();
      // What the user owns stays theirs even when it falls outside the rule.
      SqlFragment out{"((", {}};
      append(out, *compiled);
      out.sql += ") OR ";
      append(out, one_of("owner_id", grants.own_ids));
      out.sql += ")";
      return out;
    }
  }
  return never();
}

// A record under a parent of one of several entities: visible when that parent is, for
// whichever entity it is (a note on an account follows the account's scope, on a
// contact the contact's).
SqlFragment RecordAccess::parent_of_many(const EntityLayout& layout, const FieldLayout& link) const {
  const std::string entity_column = layout.entity().table + "." + link.columns[0].name;
  const std::string id_column = layout.entity().table + "." + link.columns[1].name;
  SqlFragment out{"(" + entity_column + " IS NULL", {}};
  for (const auto& name : link.field->link_entities) {
    const EntityLayout* parent = layouts_(name);
    if (!parent || parent == &layout) continue;
    auto condition = this->condition(*parent, access::Action::read);
    if (!condition) continue;  // no right on that entity: its children stay invisible
    out.sql += fmt::format(" OR ({} = ? AND ", entity_column);
    out.params.emplace_back(name);
    if (condition->sql == "1 = 1") {
      out.sql += "1 = 1)";
      continue;
    }
    out.sql += fmt::format("EXISTS (SELECT 1 FROM {0} WHERE {0}.id = {1} AND ", parent->entity().table, id_column);
    append(out, *condition);
    out.sql += "))";
  }
  out.sql += ")";
  return out;
}

SqlFragment RecordAccess::combine(const SqlFragment& scope, const SqlFragment& parent) {
  if (scope.sql == "1 = 1") return parent;
  SqlFragment both = scope;
  both.sql += " AND ";
  append(both, parent);
  return both;
}

Result<SqlFragment> RecordAccess::compute(const EntityLayout& layout, access::Action action) const {
  const auto& rights = grants_->rights_for(layout.entity().name, action);
  if (rights.empty()) return access_denied(layout, action);
  SqlFragment scope;
  bool everything = false;
  for (const auto& right : rights) {
    auto part = right_condition(layout, right);
    if (!part) {
      // A rule that no longer compiles (a field removed since) grants nothing.
      log::warn("access rule of role {} on {} does not compile: {}", right.role, layout.entity().name,
                part.error().message);
      continue;
    }
    if (part->sql == "1 = 1") {
      everything = true;
      break;
    }
    scope.sql += scope.sql.empty() ? "(" : " OR ";
    append(scope, *part);
  }
  if (everything) {
    scope = always();
  } else if (scope.sql.empty()) {
    scope = never();
  } else {
    scope.sql += ")";
  }
  // Whoever a record is assigned to (or someone reporting to them) reads it, whatever
  // the scope of their read right; writing still follows the right's scope.
  if (action == access::Action::read && !everything && layout.entity().access.assignable) {
    SqlFragment widened{"(" + scope.sql + " OR " + layout.entity().table +
                            ".id IN (SELECT record_id FROM record_assignees WHERE entity = ? AND ",
                        scope.params};
    widened.params.emplace_back(layout.entity().name);
    append(widened, one_of("user_id", grants_->own_ids));
    widened.sql += "))";
    scope = std::move(widened);
  }
  // A child is visible only with its parent: a contact role of an account you cannot
  // see is invisible too.
  const auto& parent_field = layout.entity().access.parent_field;
  if (parent_field.empty()) return scope;
  const FieldLayout* link = layout.find_field(parent_field);
  if (link && link->field->type == "parent") return combine(scope, parent_of_many(layout, *link));
  const EntityLayout* parent = link ? layouts_(link->field->link_entity) : nullptr;
  if (!parent || parent == &layout) return scope;
  auto parent_condition = condition(*parent, access::Action::read);
  const std::string& column = link->columns[0].name;
  SqlFragment combined;
  if (!parent_condition) {
    combined.sql = column + " IS NULL";
  } else if (parent_condition->sql == "1 = 1") {
    return scope;
  } else {
    // EXISTS rather than IN (SELECT …): the parent is looked up by id for each row at
    // hand, instead of every visible parent being collected first. The link column is
    // qualified by the child's table, as the parent's condition names its own columns.
    const std::string link_column = layout.entity().table + "." + column;
    combined.sql = fmt::format("({0} IS NULL OR EXISTS (SELECT 1 FROM {1} WHERE {1}.id = {0} AND ", link_column,
                               parent->entity().table);
    append(combined, *parent_condition);
    combined.sql += "))";
  }
  if (scope.sql == "1 = 1") return combined;
  SqlFragment both = scope;
  both.sql += " AND ";
  append(both, combined);
  return both;
}

access::FieldMode RecordAccess::mode(const EntityLayout& layout, const FieldLayout& field) const {
  return grants_->field_mode(layout.entity().name, field.field->name);
}

Result<void> RecordAccess::check_visible(const EntityLayout& layout, const FieldLayout& field,
                                         std::string_view where) const {
  if (mode(layout, field) != access::FieldMode::hidden) return {};
  return Error{ErrorCode::forbidden, fmt::format("{} is hidden from you", field.api_name),
               {{std::string(where), "FIELD_HIDDEN", fmt::format("{}.{}", layout.entity().name, field.api_name)}}};
}

Result<void> RecordAccess::check_writable(const EntityLayout& layout,
                                          const std::vector<const FieldLayout*>& touched) const {
  if (unrestricted()) return {};
  Error refused{ErrorCode::forbidden, "you may not change some of these fields", {}};
  for (const auto* field : touched) {
    const auto field_mode = mode(layout, *field);
    if (field_mode == access::FieldMode::hidden) {
      refused.fields.push_back({field->api_name, "FIELD_HIDDEN", "hidden from you"});
    } else if (field_mode == access::FieldMode::read_only) {
      refused.fields.push_back({field->api_name, "FIELD_READ_ONLY", "read-only for your roles"});
    }
  }
  if (refused.fields.empty()) return {};
  return refused;
}

bool RecordAccess::hides_any(const EntityLayout& layout) const {
  if (unrestricted()) return false;
  for (const auto& field : layout.fields()) {
    if (mode(layout, field) == access::FieldMode::hidden) return true;
  }
  return false;
}

void RecordAccess::strip_hidden(const EntityLayout& layout, boost::json::object& record) const {
  if (unrestricted()) return;
  for (const auto& field : layout.fields()) {
    if (mode(layout, field) == access::FieldMode::hidden) record.erase(field.api_name);
  }
}

Result<bool> record_meets(storage::Connection& connection, const EntityLayout& layout, std::string_view id,
                          const RecordAccess* access, access::Action action) {
  SqlFragment where{"id = ?", {std::string(id)}};
  if (access && !access->unrestricted()) {
    auto condition = access->condition(layout, action);
    if (!condition) return condition.take_error();
    where.sql += " AND " + condition->sql;
    where.params.insert(where.params.end(), condition->params.begin(), condition->params.end());
  }
  auto rows = connection.query(fmt::format("SELECT 1 FROM {} WHERE {}", layout.entity().table, where.sql),
                               where.params);
  if (!rows) return rows.take_error();
  return !rows->empty();
}


}  // namespace atrium::records
