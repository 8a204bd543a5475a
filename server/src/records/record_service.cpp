#include "atrium/records/record_service.hpp"

#include <fmt/format.h>

#include <map>

#include "atrium/core/id.hpp"
#include "atrium/records/audit_trail.hpp"
#include "atrium/records/filter.hpp"
#include "atrium/records/numbering.hpp"
#include "atrium/records/search_index.hpp"
#include "query_compiler.hpp"
#include "record_access.hpp"
#include "record_codec.hpp"
#include "record_transitions.hpp"

namespace atrium::records {

namespace {

Error not_found(const EntityLayout& layout, std::string_view id) {
  return make_error(ErrorCode::not_found, fmt::format("no {} with id {}", layout.entity().label, id));
}

Result<boost::json::object> read_one(storage::Connection& connection, const EntityLayout& layout, std::string_view id,
                                     const std::vector<std::string>& fields) {
  return read_record(connection, layout, id, fields);
}

// FORBIDDEN naming each name of `names` (fields=, sort=) that is hidden from the caller.
Result<void> check_names_visible(const EntityLayout& layout, const RecordAccess* access,
                                 const std::vector<std::string>& names, std::string_view where) {
  if (!access || access->unrestricted()) return {};
  for (const auto& name : names) {
    std::string_view bare = name;
    if (!bare.empty() && (bare[0] == '-' || bare[0] == '+')) bare.remove_prefix(1);
    const FieldLayout* field = layout.find(bare) ? layout.find(bare) : layout.find_field(bare);
    if (field) ATRIUM_TRY(access->check_visible(layout, *field, where));
  }
  return {};
}

std::string today_of(const Clock& clock) {
  return to_iso8601(clock.now()).substr(0, 10);
}

// Whether the page's first sort key has an index (schema sync indexes indexed fields,
// links, created_at and updated_at, each with id).
bool sorted_by_index(const EntityLayout& layout, std::string_view sort) {
  std::string_view first = sort.substr(0, sort.find(','));
  if (!first.empty() && (first[0] == '-' || first[0] == '+')) first.remove_prefix(1);
  if (first.empty() || first == "created_at" || first == "updated_at" || first == "id") return true;
  const FieldLayout* field = layout.find_field(first) ? layout.find_field(first) : layout.find(first);
  return field && (field->field->indexed || field->field->unique || field->field->type == "link");
}

}  // namespace

RecordService::RecordService(storage::Database& database, const metadata::Catalog& catalog, const Clock& clock)
    : database_(database), catalog_(catalog), clock_(clock) {
  for (const auto& entity : catalog.entities()) {
    layouts_.emplace(entity.plural, std::make_unique<EntityLayout>(entity, catalog));
  }
}

std::string RecordService::today() const {
  return today_of(clock_);
}

const EntityLayout* RecordService::by_plural(std::string_view plural) const {
  auto found = layouts_.find(plural);
  return found == layouts_.end() ? nullptr : found->second.get();
}

const EntityLayout* RecordService::by_name(std::string_view name) const {
  for (const auto& [plural, layout] : layouts_) {
    if (layout->entity().name == name) return layout.get();
  }
  return nullptr;
}

Result<boost::json::object> RecordService::get(const EntityLayout& layout, std::string_view id,
                                               const std::vector<std::string>& fields, const RecordAccess* access) {
  ATRIUM_TRY(check_names_visible(layout, access, fields, "fields"));
  Result<boost::json::object> record = boost::json::object{};
  ATRIUM_TRY(database_.read([&](storage::Connection& connection) -> Result<void> {
    // Out of scope reads as absent: a 404 does not tell that the record exists.
    auto visible = record_meets(connection, layout, id, access, access::Action::read);
    if (!visible) return visible.take_error();
    if (!*visible) return not_found(layout, id);
    record = read_one(connection, layout, id, fields);
    if (record && access) access->strip_hidden(layout, *record);
    return {};
  }));
  return record;
}

Result<ListPage> RecordService::list(const EntityLayout& layout, const ListQuery& query) {
  if (query.limit == 0 || query.limit > kMaxPageSize) {
    return Error{ErrorCode::bad_request,
                 "the limit is not valid",
                 {{"limit", "LIMIT_INVALID", fmt::format("1 to {}", kMaxPageSize)}}};
  }
  for (const auto& name : query.fields) {
    if (name != "id" && name != "version" && !layout.find(name) && name != "created_at" && name != "updated_at" &&
        name != "owner_id" && name != "archived_at") {
      return Error{ErrorCode::bad_request,
                   "the field selection is not valid",
                   {{"fields", "UNKNOWN_FIELD", fmt::format("{} has no field '{}'", layout.entity().label, name)}}};
    }
  }
  SqlFragment where;
  switch (query.archived) {
    case ArchivedRows::hide: where.sql = "archived_at IS NULL"; break;
    case ArchivedRows::only: where.sql = "archived_at IS NOT NULL"; break;
    case ArchivedRows::include: where.sql = "1 = 1"; break;
  }
  if (!query.scope_sql.empty()) {
    where.sql += " AND (" + query.scope_sql + ")";
    where.params.insert(where.params.end(), query.scope_params.begin(), query.scope_params.end());
  }
  const RecordAccess* access = query.access && !query.access->unrestricted() ? query.access : nullptr;
  if (access) {
    auto condition = access->condition(layout, access::Action::read);
    if (!condition) return condition.take_error();
    if (condition->sql != "1 = 1") {
      where.sql += " AND " + condition->sql;
      where.params.insert(where.params.end(), condition->params.begin(), condition->params.end());
    }
    ATRIUM_TRY(check_names_visible(layout, access, query.fields, "fields"));
    std::vector<std::string> sort_names;
    for (std::size_t start = 0; start < query.sort.size();) {
      const auto comma = query.sort.find(',', start);
      const auto end = comma == std::string::npos ? query.sort.size() : comma;
      sort_names.push_back(query.sort.substr(start, end - start));
      start = end + 1;
    }
    ATRIUM_TRY(check_names_visible(layout, access, sort_names, "sort"));
  }
  if (!query.filter.empty()) {
    auto tree = parse_filter(query.filter);
    if (!tree) return tree.take_error();
    const LayoutLookup lookup = [this](std::string_view name) { return by_name(name); };
    FilterContext context{lookup, database_.dialect(), today_of(clock_)};
    context.avoid_choice_indexes = sorted_by_index(layout, query.sort);
    if (access) {
      context.field_guard = [access](const EntityLayout& on, const FieldLayout& field) {
        return access->check_visible(on, field, "filter");
      };
      context.link_scope = [access](const EntityLayout& target) {
        return access->condition(target, access::Action::read);
      };
    }
    auto compiled = compile_filter(**tree, layout, context);
    if (!compiled) return compiled.take_error();
    where.sql += " AND " + compiled->sql;
    where.params.insert(where.params.end(), compiled->params.begin(), compiled->params.end());
  }
  auto keys = parse_sort(query.sort, layout);
  if (!keys) return keys.take_error();
  const std::string sort_text = query.sort.empty() ? "-created_at" : query.sort;

  SqlFragment page = where;
  if (!query.cursor.empty()) {
    auto values = decode_cursor(query.cursor, sort_text, keys->size());
    if (!values) return values.take_error();
    auto after = after_cursor_sql(*keys, *values);
    page.sql += " AND " + after.sql;
    page.params.insert(page.params.end(), after.params.begin(), after.params.end());
  }
  // Two steps: the page's ids in order (a sort, where one is needed, then carries only
  // the keys, not whole rows), then those rows by id.
  std::string key_columns;
  for (const auto& key : *keys) key_columns += (key_columns.empty() ? "" : ", ") + key.column;
  const std::string ids_sql = fmt::format("SELECT {} FROM {} WHERE {} ORDER BY {} LIMIT {}", key_columns,
                                          layout.entity().table, page.sql, order_by_sql(*keys), query.limit + 1);
  ListPage result;
  ATRIUM_TRY(database_.snapshot([&](storage::Connection& connection) -> Result<void> {
    std::vector<storage::Row> page_keys;
    ATRIUM_TRY(connection.each(ids_sql, page.params, [&](const storage::Row& row) {
      page_keys.push_back(row);
      return page_keys.size() <= query.limit;
    }));
    const std::size_t seen = page_keys.size();
    if (seen > query.limit) page_keys.pop_back();
    storage::Row last_keys = page_keys.empty() ? storage::Row{} : page_keys.back();
    if (!page_keys.empty()) {
      std::string marks;
      storage::Params ids;
      for (const auto& row : page_keys) {
        marks += marks.empty() ? "?" : ", ?";
        ids.push_back(row.back());  // id is always the last key
      }
      std::map<std::string, boost::json::object, std::less<>> by_id;
      ATRIUM_TRY(connection.each(
          fmt::format("SELECT {} FROM {} WHERE id IN ({})", layout.select_list(), layout.entity().table, marks), ids,
          [&](const storage::Row& row) {
            auto record = encode_row(layout, row, query.fields);
            if (access) access->strip_hidden(layout, record);
            by_id.emplace(row[0].text(), std::move(record));
            return true;
          }));
      for (const auto& id : ids) {
        auto found = by_id.find(id.text());
        if (found != by_id.end()) result.data.push_back(std::move(found->second));
      }
    }
    if (seen > query.limit) result.next_cursor = encode_cursor(sort_text, last_keys);
    if (query.count) {
      auto counted = connection.query(fmt::format("SELECT COUNT(*) FROM {} WHERE {}", layout.entity().table, where.sql),
                                      where.params);
      if (!counted) return counted.take_error();
      result.total = counted->rows[0][0].integer();
    }
    return {};
  }));
  return result;
}

Result<ListPage> RecordService::related(const EntityLayout& owner, std::string_view id, const EntityLayout& related,
                                        ListQuery query) {
  if (auto exists = get(owner, id, {"id"}, query.access); !exists) return exists.take_error();
  // A link of the related entity to the owner: `accounts/{id}/account_contacts`, or a
  // parent that may be the owner: `accounts/{id}/notes`.
  for (const auto& field : related.fields()) {
    const auto& targets = field.field->link_entities;
    if (field.field->type == "parent" &&
        std::find(targets.begin(), targets.end(), owner.entity().name) != targets.end()) {
      query.scope_sql = field.columns[0].name + " = ? AND " + field.columns[1].name + " = ?";
      query.scope_params = {owner.entity().name, std::string(id)};
      return list(related, query);
    }
    if (field.field->type == "link" && field.field->link_entity == owner.entity().name) {
      query.scope_sql = field.columns[0].name + " = ?";
      query.scope_params = {std::string(id)};
      return list(related, query);
    }
  }
  // A junction linking both: `accounts/{id}/contacts` through account_contacts.
  for (const auto& [plural, junction] : layouts_) {
    if (!junction->entity().junction) continue;
    const FieldLayout* to_owner = nullptr;
    const FieldLayout* to_related = nullptr;
    for (const auto& field : junction->fields()) {
      if (field.field->type != "link") continue;
      if (field.field->link_entity == owner.entity().name && !to_owner) {
        to_owner = &field;
      } else if (field.field->link_entity == related.entity().name && !to_related) {
        to_related = &field;
      }
    }
    if (to_owner && to_related) {
      query.scope_sql = fmt::format("id IN (SELECT {} FROM {} WHERE {} = ? AND archived_at IS NULL",
                                    to_related->columns[0].name, junction->entity().table, to_owner->columns[0].name);
      query.scope_params = {std::string(id)};
      // The junction rows count only where the caller may read them.
      if (query.access && !query.access->unrestricted()) {
        auto condition = query.access->condition(*junction, access::Action::read);
        if (!condition) return condition.take_error();
        query.scope_sql += " AND " + condition->sql;
        query.scope_params.insert(query.scope_params.end(), condition->params.begin(), condition->params.end());
      }
      query.scope_sql += ")";
      return list(related, query);
    }
  }
  return make_error(ErrorCode::not_found, fmt::format("{} records are not related to {}", related.entity().label,
                                                      owner.entity().label_plural));
}

Result<boost::json::object> RecordService::create(const EntityLayout& layout, const boost::json::object& input,
                                                  const Actor& actor) {
  if (const auto* lines = input.if_contains("lines"); lines && layout.entity().lines) {
    return create_with_lines(layout, input, *lines, actor);
  }
  if (actor.access && !actor.access->may(layout, access::Action::create)) {
    return access_denied(layout, access::Action::create);
  }
  auto decoded = decode_input(layout, input, WriteMode::create);
  if (!decoded) return decoded.take_error();
  if (actor.access) ATRIUM_TRY(actor.access->check_writable(layout, decoded->touched));
  Result<boost::json::object> created = boost::json::object{};
  ATRIUM_TRY(database_.transact([&](storage::Connection& connection) -> Result<void> {
    created = create_in(connection, layout, *decoded, actor);
    if (!created) return created.error();
    return {};
  }));
  return created;
}

Result<boost::json::object> RecordService::create_in(storage::Connection& connection, const EntityLayout& layout,
                                                     const DecodedInput& decoded, const Actor& actor) {
  ATRIUM_TRY(check_state_write(layout, decoded, WriteMode::create));
  const std::string id = new_id();
  const auto when = clock_.now();
  const std::string now = to_iso8601(when);
  std::string columns = "id, owner_id, team_id, created_at, created_by_id, updated_at, updated_by_id, version";
  std::string marks = "?, ?, ?, ?, ?, ?, ?, 1";
  // A new record belongs to its creator and the creator's first team (team scopes).
  storage::Value team;
  if (actor.access && !actor.access->grants().teams.empty()) team = actor.access->grants().teams.front();
  storage::Params params{id, actor.user_id, team, now, actor.user_id, now, actor.user_id};
  for (const auto& assignment : decoded.assignments) {
    columns += ", " + assignment.column;
    marks += ", ?";
    params.push_back(assignment.value);
  }
  ATRIUM_TRY(check_against_database(connection, layout, catalog_, decoded, id));
  // A numbered field left empty gets the series' next number, in this transaction.
  if (const auto& numbering = layout.entity().numbering) {
    const std::string column = layout.find_field(numbering->field)->columns[0].name;
    const bool given = std::any_of(decoded.assignments.begin(), decoded.assignments.end(),
                                   [&](const auto& a) { return a.column == column && !a.value.is_null(); });
    if (!given) {
      auto number = next_number(connection, layout.entity().name, numbering->pattern, when);
      if (!number) return number.take_error();
      columns += ", " + column;
      marks += ", ?";
      params.emplace_back(*number);
    }
  }
  auto inserted =
      connection.execute(fmt::format("INSERT INTO {} ({}) VALUES ({})", layout.entity().table, columns, marks), params);
  if (!inserted) return inserted.take_error();
  ATRIUM_TRY(check_links_visible(connection, decoded, actor));
  ATRIUM_TRY(ensure_within_scope(connection, layout, id, actor, access::Action::create));
  auto created = read_one(connection, layout, id, {});
  if (!created) return created;
  created = apply_computed(connection, layout, id, std::move(*created));
  if (!created) return created;
  ATRIUM_TRY(append_audit(connection, layout, AuditEntry{layout.entity().name, id, "create", actor.user_id, now},
                          nullptr, *created));
  ATRIUM_TRY(index_record(connection, layout, *created, IndexMode::new_record));
  ATRIUM_TRY(run_write_hooks(connection, layout, id, &*created));
  ATRIUM_TRY(
      run_write_observers(connection, RecordWriteEvent{RecordWriteKind::create, layout, id, nullptr, *created, actor}));
  // Observers may have moved the record on (a document's totals, a system transition):
  // the answer is the record as the transaction leaves it.
  return read_one(connection, layout, id, {});
}

Result<boost::json::object> RecordService::create_within(storage::Connection& connection, const EntityLayout& layout,
                                                         const boost::json::object& input, const Actor& actor) {
  if (actor.access && !actor.access->may(layout, access::Action::create)) {
    return access_denied(layout, access::Action::create);
  }
  auto decoded = decode_input(layout, input, WriteMode::create);
  if (!decoded) return decoded.take_error();
  if (actor.access) ATRIUM_TRY(actor.access->check_writable(layout, decoded->touched));
  return create_in(connection, layout, *decoded, actor);
}

Result<boost::json::object> RecordService::create_within(storage::Connection& connection, const EntityLayout& layout,
                                                         const boost::json::object& input, const Actor& actor,
                                                         const boost::json::object& system_values) {
  if (actor.access && !actor.access->may(layout, access::Action::create)) {
    return access_denied(layout, access::Action::create);
  }
  // The actor's part on its own first, so a read-only field they send is refused as from
  // any client; then both together, with the defaults and required fields of a create.
  auto given = decode_input(layout, input, WriteMode::patch);
  if (!given) return given.take_error();
  if (actor.access) ATRIUM_TRY(actor.access->check_writable(layout, given->touched));
  ATRIUM_TRY(check_state_write(layout, *given, WriteMode::create));
  boost::json::object whole = input;
  for (const auto& [key, value] : system_values) whole[key] = value;
  auto decoded = decode_input(layout, whole, WriteMode::create, /*by_system=*/true);
  if (!decoded) return decoded.take_error();
  return create_in(connection, layout, *decoded, actor);
}

Result<boost::json::object> RecordService::patch(const EntityLayout& layout, std::string_view id,
                                                 const boost::json::object& input,
                                                 std::optional<std::int64_t> expected_version, const Actor& actor) {
  auto expected = version_in_body(input, expected_version);
  if (!expected) return expected.take_error();
  auto decoded = decode_input(layout, input, WriteMode::patch);
  if (!decoded) return decoded.take_error();
  if (actor.access) ATRIUM_TRY(actor.access->check_writable(layout, decoded->touched));
  Result<boost::json::object> updated = boost::json::object{};
  ATRIUM_TRY(database_.transact([&](storage::Connection& connection) -> Result<void> {
    updated = patch_in(connection, layout, id, *decoded, *expected, actor);
    if (!updated) return updated.error();
    return {};
  }));
  return updated;
}

Result<boost::json::object> RecordService::patch_in(storage::Connection& connection, const EntityLayout& layout,
                                                    std::string_view id, const DecodedInput& decoded,
                                                    std::optional<std::int64_t> expected_version, const Actor& actor) {
  ATRIUM_TRY(check_state_write(layout, decoded, WriteMode::patch));
  ATRIUM_TRY(ensure_allowed(connection, layout, id, actor, access::Action::edit));
  ATRIUM_TRY(run_edit_guards(connection, layout, id));
  auto current =
      connection.query(fmt::format("SELECT version, archived_at FROM {} WHERE id = ?", layout.entity().table), {id});
  if (!current) return current.take_error();
  if (current->empty()) return not_found(layout, id);
  const auto version = current->rows[0][0].integer();
  if (expected_version && *expected_version != version) {
    return make_error(ErrorCode::version_conflict, fmt::format("the {} changed since you read it (version {}, now {})",
                                                               layout.entity().label, *expected_version, version));
  }
  if (!current->rows[0][1].is_null()) {
    return make_error(ErrorCode::conflict, fmt::format("the {} is archived: restore it first", layout.entity().label));
  }
  ATRIUM_TRY(check_against_database(connection, layout, catalog_, decoded, id));
  auto before = read_one(connection, layout, id, {});
  if (!before) return before;
  const std::string now = to_iso8601(clock_.now());
  std::string sets = "version = version + 1, updated_at = ?, updated_by_id = ?";
  storage::Params params{now, actor.user_id};
  for (const auto& assignment : decoded.assignments) {
    sets += ", " + assignment.column + " = ?";
    params.push_back(assignment.value);
  }
  params.emplace_back(std::string(id));
  params.emplace_back(version);
  auto changed = connection.execute(
      fmt::format("UPDATE {} SET {} WHERE id = ? AND version = ?", layout.entity().table, sets), params);
  if (!changed) return changed.take_error();
  if (*changed != 1) return make_error(ErrorCode::version_conflict, "changed concurrently; read it again");
  ATRIUM_TRY(check_links_visible(connection, decoded, actor));
  // An edit may not carry the record out of what the editor may edit.
  ATRIUM_TRY(ensure_within_scope(connection, layout, id, actor, access::Action::edit));
  return finish_update(connection, layout, id, *before, actor, now);
}

Result<boost::json::object> RecordService::finish_update(storage::Connection& connection, const EntityLayout& layout,
                                                         std::string_view id, const boost::json::object& before,
                                                         const Actor& actor, const std::string& now) {
  auto updated = read_one(connection, layout, id, {});
  if (!updated) return updated;
  updated = apply_computed(connection, layout, id, std::move(*updated));
  if (!updated) return updated;
  ATRIUM_TRY(append_audit(connection, layout,
                          AuditEntry{layout.entity().name, std::string(id), "update", actor.user_id, now}, &before,
                          *updated));
  ATRIUM_TRY(index_record(connection, layout, *updated));
  ATRIUM_TRY(run_write_hooks(connection, layout, id, &*updated));
  ATRIUM_TRY(
      run_write_observers(connection, RecordWriteEvent{RecordWriteKind::update, layout, id, &before, *updated, actor}));
  // Observers may have moved the record on: the answer is the record as the transaction leaves it.
  return read_one(connection, layout, id, {});
}

Result<boost::json::array> RecordService::bulk(const EntityLayout& layout, const boost::json::array& items,
                                               const Actor& actor) {
  Error failed{ErrorCode::validation_failed, "no item was saved: correct the items named and send them all again", {}};
  if (items.empty() || items.size() > kMaxBulkItems) {
    failed.fields.push_back({"items", "BULK_SIZE", fmt::format("1 to {} items", kMaxBulkItems)});
    return failed;
  }
  // Everything that needs no database is checked before the transaction starts.
  struct Operation {
    bool create = true;
    std::string id;
    std::optional<std::int64_t> version;
    DecodedInput input;
  };
  std::vector<Operation> operations(items.size());
  auto fail_item = [&](std::size_t index, const Error& error) {
    if (error.fields.empty()) {
      failed.fields.push_back(
          {fmt::format("items[{}]", index), std::string(error_code_name(error.code)), error.message});
    }
    for (const auto& field : error.fields) {
      failed.fields.push_back({fmt::format("items[{}].{}", index, field.field), field.code, field.message});
    }
  };
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto* item = items[i].if_object();
    const auto* op = item ? item->if_contains("op") : nullptr;
    const auto* data = item ? item->if_contains("data") : nullptr;
    if (!op || !op->is_string() || (op->as_string() != "create" && op->as_string() != "update") || !data ||
        !data->is_object()) {
      failed.fields.push_back({fmt::format("items[{}]", i), "BULK_ITEM_INVALID",
                               R"({"op": "create"|"update", "id": (update), "version": (optional), "data": {…}})"});
      continue;
    }
    Operation& operation = operations[i];
    operation.create = op->as_string() == "create";
    if (!operation.create) {
      const auto* id = item->if_contains("id");
      if (!id || !id->is_string()) {
        failed.fields.push_back({fmt::format("items[{}].id", i), "FIELD_REQUIRED", "the id of the record to update"});
        continue;
      }
      operation.id = std::string(id->as_string());
      if (const auto* version = item->if_contains("version"); version && version->is_int64()) {
        operation.version = version->as_int64();
      }
    }
    auto decoded = decode_input(layout, data->as_object(), operation.create ? WriteMode::create : WriteMode::patch);
    if (!decoded) {
      fail_item(i, decoded.error());
      continue;
    }
    operation.input = std::move(*decoded);
  }
  if (!failed.fields.empty()) return failed;

  boost::json::array saved;
  ATRIUM_TRY(database_.transact([&](storage::Connection& connection) -> Result<void> {
    for (std::size_t i = 0; i < operations.size(); ++i) {
      const auto& operation = operations[i];
      auto record = operation.create
                        ? create_in(connection, layout, operation.input, actor)
                        : patch_in(connection, layout, operation.id, operation.input, operation.version, actor);
      if (!record) {
        fail_item(i, record.error());
      } else {
        saved.emplace_back(std::move(*record));
      }
    }
    // One failure undoes all: the transaction rolls back with the error.
    if (!failed.fields.empty()) return failed;
    return {};
  }));
  return saved;
}

namespace {
// Audit entries without the changes of fields hidden from the caller.
void strip_hidden_changes(const EntityLayout& layout, const RecordAccess* access, boost::json::array& entries) {
  if (!access || !access->hides_any(layout)) return;
  for (auto& entry : entries) {
    auto* changes = entry.as_object().if_contains("changes");
    if (!changes || !changes->is_array()) continue;
    boost::json::array kept;
    for (auto& change : changes->as_array()) {
      const auto* field_name = change.is_object() ? change.as_object().if_contains("field") : nullptr;
      const FieldLayout* field =
          field_name && field_name->is_string() ? layout.find(std::string_view(field_name->as_string())) : nullptr;
      if (field && access->mode(layout, *field) == access::FieldMode::hidden) continue;
      kept.push_back(std::move(change));
    }
    *changes = std::move(kept);
  }
}
}  // namespace

Result<boost::json::array> RecordService::history(const EntityLayout& layout, std::string_view id,
                                                  const RecordAccess* access) {
  Result<boost::json::array> entries = boost::json::array{};
  ATRIUM_TRY(database_.snapshot([&](storage::Connection& connection) -> Result<void> {
    auto visible = record_meets(connection, layout, id, access, access::Action::read);
    if (!visible) return visible.take_error();
    if (!*visible) return not_found(layout, id);
    entries = record_history(connection, layout.entity().name, id);
    if (!entries) return entries.error();
    strip_hidden_changes(layout, access, *entries);
    return {};
  }));
  return entries;
}

Result<boost::json::array> RecordService::search(SearchQuery query, const RecordAccess* access) {
  if (access && !access->unrestricted()) {
    // Entities the caller may not read are left out rather than refused: a global
    // search covers what the caller can see.
    std::vector<const EntityLayout*> readable;
    for (const EntityLayout* layout : query.entities) {
      if (!access->may(*layout, access::Action::read)) continue;
      auto condition = access->condition(*layout, access::Action::read);
      if (!condition) return condition.take_error();
      SearchScope scope;
      if (condition->sql != "1 = 1") {
        scope.sql = condition->sql;
        scope.params = condition->params;
      }
      if (access->hides_any(*layout)) {
        const FieldLayout* title = layout->find_field(layout->entity().title_field);
        scope.hide_title = title && access->mode(*layout, *title) == access::FieldMode::hidden;
        scope.visible_text = [layout, access](storage::Connection& connection,
                                              const std::string& id) -> Result<std::string> {
          auto record = read_one(connection, *layout, id, {});
          if (!record) return record.take_error();
          access->strip_hidden(*layout, *record);
          return searchable_text(*layout, *record);
        };
      }
      query.scopes.emplace(layout, std::move(scope));
      readable.push_back(layout);
    }
    query.entities = std::move(readable);
  }
  return records::search(database_, query);
}

Result<boost::json::array> RecordService::events(AuditQuery query, const RecordAccess* access) {
  // The event log shows a restricted caller the entries of records they may read now,
  // without the fields hidden from them; entries of deleted records and of sign-ins are
  // for administrators.
  if (access && !access->unrestricted()) {
    std::string scope;
    for (const auto& [plural, layout] : layouts_) {
      if (!access->may(*layout, access::Action::read)) continue;
      auto condition = access->condition(*layout, access::Action::read);
      if (!condition) return condition.take_error();
      scope += fmt::format("{0}(entity = ? AND EXISTS (SELECT 1 FROM {1} WHERE {1}.id = audit_log.record_id AND {2}))",
                           scope.empty() ? "" : " OR ", layout->entity().table, condition->sql);
      query.scope_params.emplace_back(layout->entity().name);
      query.scope_params.insert(query.scope_params.end(), condition->params.begin(), condition->params.end());
    }
    query.scope_sql = scope.empty() ? "1 = 0" : scope;
  }
  Result<boost::json::array> entries = boost::json::array{};
  ATRIUM_TRY(database_.read([&](storage::Connection& connection) -> Result<void> {
    entries = audit_events(connection, query);
    if (!entries) return entries.error();
    if (access && !access->unrestricted()) {
      for (auto& entry : *entries) {
        const auto* layout = by_name(std::string_view(entry.as_object().at("entity").as_string()));
        if (!layout) continue;
        boost::json::array one{std::move(entry)};
        strip_hidden_changes(*layout, access, one);
        entry = std::move(one[0]);
      }
    }
    return {};
  }));
  return entries;
}

Result<std::vector<std::pair<std::string, std::int64_t>>> RecordService::referrers(const EntityLayout& layout,
                                                                                   std::string_view id) {
  std::vector<std::pair<std::string, std::int64_t>> found;
  ATRIUM_TRY(database_.snapshot([&](storage::Connection& connection) -> Result<void> {
    for (const auto& [plural, other] : layouts_) {
      for (const auto& field : other->fields()) {
        const auto& targets = field.field->link_entities;
        if (field.field->type == "parent" &&
            std::find(targets.begin(), targets.end(), layout.entity().name) != targets.end()) {
          auto count =
              connection.query(fmt::format("SELECT COUNT(*) FROM {} WHERE {} = ? AND {} = ?", other->entity().table,
                                           field.columns[0].name, field.columns[1].name),
                               {layout.entity().name, std::string(id)});
          if (!count) return count.take_error();
          if (count->rows[0][0].integer() > 0) {
            found.emplace_back(other->entity().name + "." + field.api_name, count->rows[0][0].integer());
          }
          continue;
        }
        if (field.field->link_entity != layout.entity().name) continue;
        std::string condition = field.columns[0].name + " = ?";
        if (field.field->type == "link_multiple") {
          condition =
              connection.dialect() == storage::Dialect::sqlite
                  ? fmt::format("EXISTS (SELECT 1 FROM json_each({}) WHERE json_each.value = ?)", field.columns[0].name)
                  : fmt::format("jsonb_exists({}::jsonb, ?)", field.columns[0].name);
        }
        // A record's link to itself does not keep it alive.
        if (other.get() == &layout) condition += " AND id <> ?";
        storage::Params params{std::string(id)};
        if (other.get() == &layout) params.emplace_back(std::string(id));
        auto count =
            connection.query(fmt::format("SELECT COUNT(*) FROM {} WHERE {}", other->entity().table, condition), params);
        if (!count) return count.take_error();
        if (count->rows[0][0].integer() > 0) {
          found.emplace_back(other->entity().name + "." + field.api_name, count->rows[0][0].integer());
        }
      }
    }
    return {};
  }));
  return found;
}

Result<void> RecordService::ensure_unreferenced(const EntityLayout& layout, std::string_view id) {
  auto referring = referrers(layout, id);
  if (!referring) return referring.take_error();
  if (referring->empty()) return {};
  Error error{ErrorCode::referenced,
              fmt::format("the {} is still referenced; archive it instead, or remove the references first",
                          layout.entity().label),
              {}};
  for (const auto& [where, count] : *referring) {
    error.fields.push_back({where, "REFERENCED", fmt::format("{} record(s) refer to it", count)});
  }
  return error;
}

Result<void> RecordService::remove(const EntityLayout& layout, std::string_view id, const Actor& actor) {
  ATRIUM_TRY(database_.read([&](storage::Connection& connection) {
    return ensure_allowed(connection, layout, id, actor, access::Action::remove);
  }));
  ATRIUM_TRY(ensure_unreferenced(layout, id));
  return database_.transact(
      [&](storage::Connection& connection) -> Result<void> { return remove_within(connection, layout, id, actor); });
}

Result<void> RecordService::remove_within(storage::Connection& connection, const EntityLayout& layout,
                                          std::string_view id, const Actor& actor) {
  auto before = read_one(connection, layout, id, {});
  if (!before) return before.take_error();
  auto deleted = connection.execute(fmt::format("DELETE FROM {} WHERE id = ?", layout.entity().table), {id});
  if (!deleted) {
    // A reference that appeared since the check: the foreign key caught it.
    if (deleted.error().code == ErrorCode::conflict) {
      return make_error(ErrorCode::referenced, fmt::format("the {} is still referenced", layout.entity().label));
    }
    return deleted.take_error();
  }
  ATRIUM_TRY(unindex_record(connection, layout, id));
  ATRIUM_TRY(run_write_hooks(connection, layout, id, nullptr));
  return append_audit(
      connection, layout,
      AuditEntry{layout.entity().name, std::string(id), "delete", actor.user_id, to_iso8601(clock_.now())}, &*before,
      boost::json::object{});
}

Result<boost::json::object> RecordService::set_archived(const EntityLayout& layout, std::string_view id, bool archived,
                                                        const Actor& actor) {
  Result<boost::json::object> record = boost::json::object{};
  ATRIUM_TRY(database_.transact([&](storage::Connection& connection) -> Result<void> {
    record = set_archived_within(connection, layout, id, archived, actor);
    if (!record) return record.error();
    return {};
  }));
  return record;
}

Result<boost::json::object> RecordService::set_archived_within(storage::Connection& connection,
                                                               const EntityLayout& layout, std::string_view id,
                                                               bool archived, const Actor& actor) {
  ATRIUM_TRY(ensure_allowed(connection, layout, id, actor, access::Action::edit));
  ATRIUM_TRY(run_edit_guards(connection, layout, id));
  const std::string now = to_iso8601(clock_.now());
  auto before = read_one(connection, layout, id, {});
  if (!before) return before.take_error();
  auto changed = connection.execute(
      fmt::format("UPDATE {} SET archived_at = ?, version = version + 1, updated_at = ?, updated_by_id = ? "
                  "WHERE id = ? AND archived_at IS {}NULL",
                  layout.entity().table, archived ? "" : "NOT "),
      {archived ? storage::Value(now) : storage::Value(), now, actor.user_id, std::string(id)});
  if (!changed) return changed.take_error();
  auto record = read_one(connection, layout, id, {});
  if (!record) return record;
  // Archiving what is archived already changes nothing and records nothing.
  if (*changed == 0) return record;
  // Archived records are hidden from search as from lists.
  ATRIUM_TRY(archived ? unindex_record(connection, layout, id) : index_record(connection, layout, *record));
  ATRIUM_TRY(append_audit(
      connection, layout,
      AuditEntry{layout.entity().name, std::string(id), archived ? "archive" : "restore", actor.user_id, now}, &*before,
      *record));
  ATRIUM_TRY(
      run_write_observers(connection, RecordWriteEvent{archived ? RecordWriteKind::archive : RecordWriteKind::restore,
                                                       layout, id, &*before, *record, actor}));
  return read_one(connection, layout, id, {});
}

Result<boost::json::object> RecordService::patch_within(storage::Connection& connection, const EntityLayout& layout,
                                                        std::string_view id, const boost::json::object& input,
                                                        std::optional<std::int64_t> expected_version,
                                                        const Actor& actor) {
  auto decoded = decode_input(layout, input, WriteMode::patch);
  if (!decoded) return decoded.take_error();
  if (actor.access) ATRIUM_TRY(actor.access->check_writable(layout, decoded->touched));
  return patch_in(connection, layout, id, *decoded, expected_version, actor);
}

Result<void> RecordService::run_write_hooks(storage::Connection& connection, const EntityLayout& layout,
                                            std::string_view id, const boost::json::object* record) const {
  for (const auto& hook : write_hooks_) ATRIUM_TRY(hook(connection, layout, id, record));
  return {};
}

Result<void> RecordService::run_write_observers(storage::Connection& connection, const RecordWriteEvent& event) const {
  for (const auto& observer : write_observers_) ATRIUM_TRY(observer(connection, event));
  return {};
}

Result<void> RecordService::run_edit_guards(storage::Connection& connection, const EntityLayout& layout,
                                            std::string_view id) const {
  for (const auto& guard : edit_guards_) ATRIUM_TRY(guard(connection, layout, id));
  return {};
}

Result<boost::json::array> RecordService::advice_on_create(const EntityLayout& layout,
                                                           const boost::json::object& record,
                                                           const RecordAccess* access) const {
  boost::json::array warnings;
  for (const auto& advisor : create_advisors_) {
    auto advice = advisor(layout, record, access);
    if (!advice) return advice.take_error();
    for (auto& warning : *advice) warnings.push_back(std::move(warning));
  }
  return warnings;
}

}  // namespace atrium::records
