#include "atrium/dataio/duplicate_finder.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "../records/record_access.hpp"
#include "../records/record_codec.hpp"
#include "atrium/dataio/email_normaliser.hpp"
#include "atrium/dataio/name_normaliser.hpp"
#include "atrium/dataio/phone_normaliser.hpp"
#include "atrium/records/record_service.hpp"

namespace atrium::dataio {

namespace {

using records::EntityLayout;
using records::RecordAccess;

constexpr DuplicateReason kReasons[] = {DuplicateReason::name, DuplicateReason::email, DuplicateReason::phone};
// Records sharing one key that a check looks at: a key shared by more is a placeholder
// ("info@", a switchboard number) and says little about any one record.
constexpr std::size_t kMaxRecordsPerKey = 200;
constexpr std::size_t kMaxGroupMembers = 50;
// Names shorter than this ("a", "x") match too much to mean anything.
constexpr std::size_t kMinimumNameLength = 2;

// How strongly one shared key suggests one party; several keys combine as independent
// evidence (1 − Π(1 − w)): name and e-mail 88, all three 94.
double weight_of(DuplicateReason reason) {
  switch (reason) {
    case DuplicateReason::name: return 0.6;
    case DuplicateReason::email: return 0.7;
    case DuplicateReason::phone: return 0.5;
  }
  return 0;
}

int score_of(const std::vector<DuplicateReason>& reasons) {
  double unlikely = 1;
  for (auto reason : reasons) unlikely *= 1 - weight_of(reason);
  return static_cast<int>((1 - unlikely) * 100 + 0.5);
}

std::optional<DuplicateReason> reason_named(std::string_view name) {
  for (auto reason : kReasons) {
    if (duplicate_reason_name(reason) == name) return reason;
  }
  return std::nullopt;
}

const std::vector<std::string>& fields_of(const metadata::DuplicateRule& rule, DuplicateReason reason) {
  switch (reason) {
    case DuplicateReason::name: return rule.name_fields;
    case DuplicateReason::email: return rule.email_fields;
    case DuplicateReason::phone: return rule.phone_fields;
  }
  return rule.name_fields;
}

std::string text_of(const boost::json::object& values, std::string_view field) {
  const auto* value = values.if_contains(field);
  return value && value->is_string() ? std::string(value->as_string()) : std::string();
}

// The kinds of key a caller may match on: a key of a field hidden from them would tell
// them the hidden value.
std::vector<DuplicateReason> usable_kinds(const EntityLayout& layout, const RecordAccess* access) {
  const auto& rule = *layout.entity().duplicates;
  std::vector<DuplicateReason> kinds;
  for (auto reason : kReasons) {
    const auto& fields = fields_of(rule, reason);
    if (fields.empty()) continue;
    const bool hidden = access && !access->unrestricted() &&
                        std::any_of(fields.begin(), fields.end(), [&](const std::string& name) {
                          const auto* field = layout.find_field(name);
                          return field && access->mode(layout, *field) == access::FieldMode::hidden;
                        });
    if (!hidden) kinds.push_back(reason);
  }
  return kinds;
}

// "EXISTS (…)": the key's record is live and the caller may read it.
Result<records::SqlFragment> visible_condition(const EntityLayout& layout, const RecordAccess* access) {
  const std::string& table = layout.entity().table;
  records::SqlFragment visible{
      fmt::format("EXISTS (SELECT 1 FROM {0} WHERE {0}.id = duplicate_keys.record_id AND {0}.archived_at IS NULL",
                  table),
      {}};
  if (access && !access->unrestricted()) {
    auto condition = access->condition(layout, access::Action::read);
    if (!condition) return condition.take_error();
    if (condition->sql != "1 = 1") {
      visible.sql += " AND " + condition->sql;
      visible.params = condition->params;
    }
  }
  visible.sql += ")";
  return visible;
}

// Titles the caller may see: the name fields joined ("Anna Schmidt"), hidden ones left out.
Result<std::map<std::string, std::string>> titles_of(storage::Connection& connection, const EntityLayout& layout,
                                                      const std::vector<std::string>& ids,
                                                      const RecordAccess* access) {
  std::map<std::string, std::string> titles;
  if (ids.empty()) return titles;
  const auto& rule = *layout.entity().duplicates;
  std::vector<std::string> names = rule.name_fields;
  if (names.empty()) names.push_back(layout.entity().title_field);
  std::string columns;
  for (const auto& name : names) {
    const auto* field = layout.find_field(name);
    const bool hidden = !field || (access && !access->unrestricted() &&
                                   access->mode(layout, *field) == access::FieldMode::hidden);
    columns += ", " + (hidden ? std::string("NULL") : field->columns[0].name);
  }
  std::string marks;
  storage::Params params;
  for (const auto& id : ids) {
    marks += marks.empty() ? "?" : ", ?";
    params.emplace_back(id);
  }
  ATRIUM_TRY(connection.each(
      fmt::format("SELECT id{} FROM {} WHERE id IN ({})", columns, layout.entity().table, marks), params,
      [&](const storage::Row& row) {
        std::string title;
        for (std::size_t i = 1; i < row.size(); ++i) {
          if (!row[i].is_text() || row[i].text().empty()) continue;
          if (!title.empty()) title += ' ';
          title += row[i].text();
        }
        titles[row[0].text()] = std::move(title);
        return true;
      }));
  return titles;
}

std::string hex_of(std::string_view text) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  for (unsigned char c : text) {
    hex += kDigits[c >> 4];
    hex += kDigits[c & 15];
  }
  return hex;
}

std::optional<std::string> from_hex(std::string_view hex) {
  if (hex.size() % 2 != 0) return std::nullopt;
  std::string text;
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    int value = 0;
    for (char c : hex.substr(i, 2)) {
      value <<= 4;
      if (c >= '0' && c <= '9') value |= c - '0';
      else if (c >= 'a' && c <= 'f') value |= c - 'a' + 10;
      else return std::nullopt;
    }
    text += static_cast<char>(value);
  }
  return text;
}

Error cursor_invalid() {
  return Error{ErrorCode::bad_request, "the cursor is not valid",
               {{"cursor", "CURSOR_INVALID", "the next_cursor of the previous page"}}};
}

}  // namespace

std::string_view duplicate_reason_name(DuplicateReason reason) {
  switch (reason) {
    case DuplicateReason::name: return "name";
    case DuplicateReason::email: return "email";
    case DuplicateReason::phone: return "phone";
  }
  return "name";
}

DuplicateFinder::DuplicateFinder(records::RecordService& records, std::string default_country)
    : records_(records), default_country_(std::move(default_country)) {}

bool DuplicateFinder::applies_to(const EntityLayout& layout) const { return layout.entity().duplicates.has_value(); }

std::vector<DuplicateKey> DuplicateFinder::keys_of(const EntityLayout& layout, const boost::json::object& values) const {
  std::vector<DuplicateKey> keys;
  if (!applies_to(layout)) return keys;
  const auto& rule = *layout.entity().duplicates;
  const auto add = [&keys](DuplicateReason kind, std::string key) {
    if (key.empty()) return;
    const bool known = std::any_of(keys.begin(), keys.end(),
                                   [&](const DuplicateKey& seen) { return seen.kind == kind && seen.key == key; });
    if (!known) keys.push_back({kind, std::move(key)});
  };
  std::string name;
  for (const auto& field : rule.name_fields) {
    const std::string part = text_of(values, field);
    if (part.empty()) continue;
    if (!name.empty()) name += ' ';
    name += part;
  }
  std::string normalised_name =
      normalise_name(name, rule.strip_legal_forms ? LegalForms::strip : LegalForms::keep);
  if (normalised_name.size() >= kMinimumNameLength) add(DuplicateReason::name, std::move(normalised_name));
  for (const auto& field : rule.email_fields) add(DuplicateReason::email, normalise_email(text_of(values, field)));
  // The record's own country first (its address), then the site's.
  std::string country = default_country_;
  if (!rule.country_field.empty()) {
    if (const auto* value = values.if_contains(rule.country_field)) {
      if (value->is_string() && value->as_string().size() == 2) country = std::string(value->as_string());
      if (const auto* address = value->if_object()) {
        const auto* code = address->if_contains("country");
        if (code && code->is_string() && code->as_string().size() == 2) country = std::string(code->as_string());
      }
    }
  }
  for (const auto& field : rule.phone_fields) {
    add(DuplicateReason::phone, normalise_phone(text_of(values, field), country));
  }
  return keys;
}

Result<std::vector<DuplicateCandidate>> DuplicateFinder::find(const EntityLayout& layout,
                                                              const boost::json::object& values,
                                                              const RecordAccess* access, std::string_view exclude_id,
                                                              std::size_t limit) const {
  Result<std::vector<DuplicateCandidate>> found = std::vector<DuplicateCandidate>{};
  ATRIUM_TRY(records_.database().read([&](storage::Connection& connection) -> Result<void> {
    found = find(connection, layout, values, access, exclude_id, limit);
    if (!found) return found.error();
    return {};
  }));
  return found;
}

Result<std::vector<DuplicateCandidate>> DuplicateFinder::find(storage::Connection& connection,
                                                              const EntityLayout& layout,
                                                              const boost::json::object& values,
                                                              const RecordAccess* access, std::string_view exclude_id,
                                                              std::size_t limit) const {
  std::vector<DuplicateCandidate> candidates;
  if (!applies_to(layout)) return candidates;
  if (access && !access->unrestricted() && !access->may(layout, access::Action::read)) return candidates;
  const auto kinds = usable_kinds(layout, access);
  auto visible = visible_condition(layout, access);
  if (!visible) return visible.take_error();
  std::map<std::string, std::vector<DuplicateReason>> reasons_by_id;
  for (const auto& key : keys_of(layout, values)) {
    if (std::find(kinds.begin(), kinds.end(), key.kind) == kinds.end()) continue;
    storage::Params params{layout.entity().name, std::string(duplicate_reason_name(key.kind)), key.key,
                           std::string(exclude_id)};
    params.insert(params.end(), visible->params.begin(), visible->params.end());
    ATRIUM_TRY(connection.each(
        fmt::format("SELECT record_id FROM duplicate_keys WHERE entity = ? AND kind = ? AND key_text = ? "
                    "AND record_id <> ? AND {} ORDER BY record_id LIMIT {}",
                    visible->sql, kMaxRecordsPerKey),
        params, [&](const storage::Row& row) {
          auto& reasons = reasons_by_id[row[0].text()];
          if (std::find(reasons.begin(), reasons.end(), key.kind) == reasons.end()) reasons.push_back(key.kind);
          return true;
        }));
  }
  for (auto& [id, reasons] : reasons_by_id) {
    std::sort(reasons.begin(), reasons.end());
    candidates.push_back({id, "", score_of(reasons), reasons});
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const auto& left, const auto& right) { return left.score > right.score; });
  if (candidates.size() > limit) candidates.resize(limit);
  std::vector<std::string> ids;
  for (const auto& candidate : candidates) ids.push_back(candidate.id);
  auto titles = titles_of(connection, layout, ids, access);
  if (!titles) return titles.take_error();
  for (auto& candidate : candidates) candidate.title = (*titles)[candidate.id];
  return candidates;
}

Result<DuplicateGroupPage> DuplicateFinder::groups(const EntityLayout& layout, const RecordAccess* access,
                                                   std::size_t limit, std::string_view cursor) const {
  DuplicateGroupPage page;
  if (!applies_to(layout)) return page;
  if (access && !access->unrestricted() && !access->may(layout, access::Action::read)) {
    return records::access_denied(layout, access::Action::read);
  }
  // The cursor is the last group's kind and key, hex-encoded so any text survives a URL.
  std::string after_kind;
  std::string after_key;
  if (!cursor.empty()) {
    auto decoded = from_hex(cursor);
    if (!decoded) return cursor_invalid();
    const auto tab = decoded->find('\t');
    if (tab == std::string::npos || !reason_named(decoded->substr(0, tab))) return cursor_invalid();
    after_kind = decoded->substr(0, tab);
    after_key = decoded->substr(tab + 1);
  }
  const auto kinds = usable_kinds(layout, access);
  if (kinds.empty()) return page;
  auto visible = visible_condition(layout, access);
  if (!visible) return visible.take_error();
  std::string kind_marks;
  storage::Params params{layout.entity().name, after_kind, after_kind, after_key};
  for (auto kind : kinds) {
    kind_marks += kind_marks.empty() ? "?" : ", ?";
    params.emplace_back(std::string(duplicate_reason_name(kind)));
  }
  params.insert(params.end(), visible->params.begin(), visible->params.end());
  ATRIUM_TRY(records_.database().snapshot([&](storage::Connection& connection) -> Result<void> {
    std::vector<std::pair<std::string, std::string>> keys;
    ATRIUM_TRY(connection.each(
        fmt::format("SELECT kind, key_text FROM duplicate_keys WHERE entity = ? "
                    "AND (kind > ? OR (kind = ? AND key_text > ?)) AND kind IN ({}) AND {} "
                    "GROUP BY kind, key_text HAVING COUNT(*) > 1 ORDER BY kind, key_text LIMIT {}",
                    kind_marks, visible->sql, limit + 1),
        params, [&](const storage::Row& row) {
          keys.emplace_back(row[0].text(), row[1].text());
          return true;
        }));
    if (keys.size() > limit) {
      keys.pop_back();
      page.next_cursor = hex_of(keys.back().first + "\t" + keys.back().second);
    }
    for (const auto& [kind, key] : keys) {
      DuplicateGroup group;
      group.kind = *reason_named(kind);
      storage::Params member_params{layout.entity().name, kind, key};
      member_params.insert(member_params.end(), visible->params.begin(), visible->params.end());
      std::vector<std::string> ids;
      ATRIUM_TRY(connection.each(
          fmt::format("SELECT record_id FROM duplicate_keys WHERE entity = ? AND kind = ? AND key_text = ? AND {} "
                      "ORDER BY record_id LIMIT {}",
                      visible->sql, kMaxGroupMembers),
          member_params, [&](const storage::Row& row) {
            ids.push_back(row[0].text());
            return true;
          }));
      auto titles = titles_of(connection, layout, ids, access);
      if (!titles) return titles.take_error();
      for (const auto& id : ids) {
        group.members.push_back({id, (*titles)[id], score_of({group.kind}), {group.kind}});
      }
      page.groups.push_back(std::move(group));
    }
    return {};
  }));
  return page;
}

Result<void> DuplicateFinder::index(storage::Connection& connection, const EntityLayout& layout, std::string_view id,
                                    const boost::json::object* record) const {
  if (!applies_to(layout)) return {};
  std::vector<DuplicateKey> keys;
  if (record) keys = keys_of(layout, *record);
  // Most changes touch no name, e-mail or phone: then the keys stay as they are.
  std::set<std::pair<std::string, std::string>> wanted;
  for (const auto& key : keys) wanted.emplace(std::string(duplicate_reason_name(key.kind)), key.key);
  std::set<std::pair<std::string, std::string>> stored;
  ATRIUM_TRY(connection.each("SELECT kind, key_text FROM duplicate_keys WHERE record_id = ? AND entity = ?",
                             {std::string(id), layout.entity().name}, [&](const storage::Row& row) {
                               stored.emplace(row[0].text(), row[1].text());
                               return true;
                             }));
  if (stored == wanted) return {};
  if (!stored.empty()) {
    auto removed = connection.execute("DELETE FROM duplicate_keys WHERE record_id = ? AND entity = ?",
                                      {std::string(id), layout.entity().name});
    if (!removed) return removed.take_error();
  }
  for (const auto& [kind, key] : wanted) {
    auto inserted =
        connection.execute("INSERT INTO duplicate_keys (entity, record_id, kind, key_text) VALUES (?, ?, ?, ?)",
                           {layout.entity().name, std::string(id), kind, key});
    if (!inserted) return inserted.take_error();
  }
  return {};
}

Result<std::size_t> DuplicateFinder::index_missing() const {
  std::size_t indexed = 0;
  for (const auto& entity : records_.catalog().entities()) {
    const EntityLayout* layout = records_.by_plural(entity.plural);
    if (!layout || !applies_to(*layout)) continue;
    // In batches by id, so a large table is not one long transaction.
    constexpr std::size_t kBatch = 1000;
    std::string after;
    for (bool more = true; more;) {
      ATRIUM_TRY(records_.database().transact([&](storage::Connection& connection) -> Result<void> {
        std::vector<std::pair<std::string, boost::json::object>> rows;
        ATRIUM_TRY(connection.each(
            fmt::format("SELECT {0} FROM {1} WHERE id > ? AND NOT EXISTS (SELECT 1 FROM duplicate_keys "
                        "WHERE duplicate_keys.record_id = {1}.id) ORDER BY id LIMIT {2}",
                        layout->select_list(), entity.table, kBatch),
            {after}, [&](const storage::Row& row) {
              rows.emplace_back(row[0].text(), records::encode_row(*layout, row));
              return true;
            }));
        more = rows.size() == kBatch;
        if (!rows.empty()) after = rows.back().first;
        for (const auto& [id, record] : rows) {
          ATRIUM_TRY(index(connection, *layout, id, &record));
          ++indexed;
        }
        return {};
      }));
    }
  }
  return indexed;
}

boost::json::object DuplicateFinder::to_json(const DuplicateCandidate& candidate) {
  boost::json::array reasons;
  for (auto reason : candidate.reasons) reasons.emplace_back(duplicate_reason_name(reason));
  return {{"id", candidate.id}, {"title", candidate.title}, {"score", candidate.score}, {"reasons", reasons}};
}

boost::json::object DuplicateFinder::warning(const std::vector<DuplicateCandidate>& candidates) {
  boost::json::array list;
  for (const auto& candidate : candidates) list.emplace_back(to_json(candidate));
  return {{"code", "POSSIBLE_DUPLICATE"},
          {"message", fmt::format("{} existing record(s) look like the same party", candidates.size())},
          {"candidates", std::move(list)}};
}

}  // namespace atrium::dataio
