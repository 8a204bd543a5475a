#include "atrium/workflow/merge_fields.hpp"

#include <fmt/format.h>
#include <map>
#include <optional>
#include <set>

namespace atrium::workflow {

namespace {

using records::EntityLayout;
using records::FieldLayout;
using records::RecordService;

// How deep links are followed when a record's context is built: account.parent.parent.
constexpr std::size_t kMaxLinkDepth = 3;
// A list of links (link_multiple) gives at most this many records to a loop.
constexpr std::size_t kMaxLinkedRecords = 50;

const std::set<std::string, std::less<>> kStandardFields{"id",         "number",        "owner_id",
                                                          "team_id",    "created_at",    "created_by_id",
                                                          "updated_at", "updated_by_id", "archived_at",
                                                          "version"};
// What any value answers to (`lines.size`, `tags.first`).
bool is_property(std::string_view step) { return step == "size" || step == "first" || step == "last"; }

std::string joined(const std::vector<std::string>& path) {
  std::string text;
  for (const auto& part : path) text += (text.empty() ? "" : ".") + part;
  return text;
}

// Whether path[at..] names something of the entity.
bool known(const RecordService& records, const EntityLayout& layout, const std::vector<std::string>& path,
           std::size_t at) {
  if (at >= path.size()) return true;
  const std::string& step = path[at];
  if (kStandardFields.contains(step)) return at + 1 == path.size() || is_property(path[at + 1]);
  const FieldLayout* field = layout.find_field(step);
  if (!field) {
    // A link's stored id ("parent_id"), a list of links ("contact_ids"), "parent_type".
    field = layout.find(step);
    if (!field) return is_property(step) && at + 1 == path.size();
    return at + 1 == path.size() || is_property(path[at + 1]);
  }
  if (at + 1 == path.size()) return true;
  const std::string& type = field->field->type;
  const std::string& next = path[at + 1];
  if (type == "link" || type == "link_multiple") {
    if (is_property(next) && type == "link_multiple") return at + 2 == path.size() || known(records, layout, path, at + 2);
    const EntityLayout* target = records.by_name(field->field->link_entity);
    return target && known(records, *target, path, at + 1);
  }
  if (type == "parent") {
    // A record of one of several entities: a field any of them has.
    for (const auto& entity : field->field->link_entities) {
      const EntityLayout* target = records.by_name(entity);
      if (target && known(records, *target, path, at + 1)) return true;
    }
    return false;
  }
  if (type == "money") return (next == "amount" || next == "currency") && at + 2 == path.size();
  if (type == "address") {
    return (next == "street" || next == "city" || next == "postal_code" || next == "region" || next == "country") &&
           at + 2 == path.size();
  }
  return is_property(next) && at + 2 == path.size();
}

// Puts the linked records the paths reach into `record`, read with `access`.
void add_links(RecordService& records, const EntityLayout& layout, boost::json::object& record,
               const std::vector<std::vector<std::string>>& tails, const records::RecordAccess* access,
               std::size_t depth) {
  if (depth >= kMaxLinkDepth) return;
  std::map<std::string, std::vector<std::vector<std::string>>> by_field;
  for (const auto& tail : tails) {
    if (tail.size() < 2) continue;
    by_field[tail.front()].emplace_back(tail.begin() + 1, tail.end());
  }
  for (const auto& [name, rest] : by_field) {
    const FieldLayout* field = layout.find_field(name);
    if (!field) continue;
    const std::string& type = field->field->type;
    const auto read = [&](const EntityLayout& target, std::string_view id) -> std::optional<boost::json::object> {
      auto linked = records.get(target, id, {}, access);
      if (!linked) return std::nullopt;
      add_links(records, target, *linked, rest, access, depth + 1);
      return std::move(*linked);
    };
    if (type == "link") {
      const auto* id = record.if_contains(field->api_name);
      const EntityLayout* target = records.by_name(field->field->link_entity);
      if (!id || !id->is_string() || !target) continue;
      if (auto linked = read(*target, id->as_string())) record[name] = std::move(*linked);
    } else if (type == "link_multiple") {
      const auto* ids = record.if_contains(field->api_name);
      const EntityLayout* target = records.by_name(field->field->link_entity);
      if (!ids || !ids->is_array() || !target) continue;
      boost::json::array items;
      for (const auto& id : ids->as_array()) {
        if (items.size() >= kMaxLinkedRecords) break;
        if (!id.is_string()) continue;
        if (auto linked = read(*target, id.as_string())) items.push_back(std::move(*linked));
      }
      record[name] = std::move(items);
    } else if (type == "parent") {
      // Stored as {"entity": "account", "id": "…"}: replaced by the record it names.
      const auto* reference = record.if_contains(field->api_name);
      if (!reference || !reference->is_object()) continue;
      const auto* entity = reference->as_object().if_contains("entity");
      const auto* id = reference->as_object().if_contains("id");
      if (!entity || !entity->is_string() || !id || !id->is_string()) continue;
      const EntityLayout* target = records.by_name(entity->as_string());
      if (!target) continue;
      if (auto linked = read(*target, id->as_string())) record[name] = std::move(*linked);
    }
  }
}

}  // namespace

std::vector<FieldError> check_merge_fields(const RecordService& records, std::string_view entity,
                                           const std::vector<MergeFieldUse>& uses, std::string_view field) {
  std::vector<FieldError> problems;
  const EntityLayout* layout = records.by_name(entity);
  std::set<std::string> reported;
  for (const auto& use : uses) {
    const bool ok = layout && !use.path.empty() && use.path.front() == entity && known(records, *layout, use.path, 1);
    if (ok) continue;
    const std::string path = joined(use.path);
    if (!reported.insert(path).second) continue;
    problems.push_back({std::string(field), "TEMPLATE_UNKNOWN_FIELD",
                        fmt::format("line {}, column {}: '{}' is not a field of {}", use.position.line,
                                    use.position.column, path, entity)});
  }
  return problems;
}

Result<boost::json::object> merge_context(RecordService& records, const EntityLayout& layout,
                                          std::string_view id, const std::vector<MergeFieldUse>& uses,
                                          const records::RecordAccess* access) {
  auto record = records.get(layout, id, {}, access);
  if (!record) return record.take_error();
  std::vector<std::vector<std::string>> tails;
  for (const auto& use : uses) {
    if (use.path.size() > 1 && use.path.front() == layout.entity().name) {
      tails.emplace_back(use.path.begin() + 1, use.path.end());
    }
  }
  add_links(records, layout, *record, tails, access, 0);
  return boost::json::object{{layout.entity().name, std::move(*record)}};
}

}  // namespace atrium::workflow
