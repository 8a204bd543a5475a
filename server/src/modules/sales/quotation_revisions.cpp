// Revisions of a quotation: frozen as JSON when the quotation is sent (or approved and
// revised before sending), kept read-only, and compared field by field and line by line.
#include <fmt/format.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <map>
#include <set>

#include "atrium/core/id.hpp"
#include "priced_documents.hpp"
#include "quotation_parts.hpp"

namespace atrium::sales::quotations {

namespace {

// Bookkeeping that differs between any two revisions and says nothing about the offer.
const std::set<std::string, std::less<>>& unchanged_by_an_offer() {
  static const std::set<std::string, std::less<>> names{"id",
                                                        "version",
                                                        "created_at",
                                                        "created_by_id",
                                                        "updated_at",
                                                        "updated_by_id",
                                                        "owner_id",
                                                        "team_id",
                                                        "archived_at",
                                                        "status",
                                                        "revision",
                                                        "revision_reason",
                                                        "rejection_reason",
                                                        "follow_up_status",
                                                        "follow_up_on",
                                                        "pricing_explanation"};
  return names;
}

boost::json::array changed_fields(const boost::json::object& from, const boost::json::object& to) {
  std::set<std::string> keys;
  for (const auto& [key, value] : from) keys.emplace(key);
  for (const auto& [key, value] : to) keys.emplace(key);
  boost::json::array changes;
  const boost::json::value none;
  for (const auto& key : keys) {
    if (unchanged_by_an_offer().contains(key)) continue;
    const auto* before = from.if_contains(key);
    const auto* after = to.if_contains(key);
    if ((before ? *before : none) == (after ? *after : none)) continue;
    changes.push_back(
        boost::json::object{{"field", key}, {"from", before ? *before : none}, {"to", after ? *after : none}});
  }
  return changes;
}

std::map<std::string, boost::json::object> lines_by_id(const boost::json::object& snapshot) {
  std::map<std::string, boost::json::object> lines;
  if (const auto* array = snapshot.if_contains("lines"); array && array->is_array()) {
    for (const auto& line : array->as_array()) {
      if (!line.is_object()) continue;
      const auto* id = line.as_object().if_contains("id");
      if (id && id->is_string()) lines.emplace(std::string(id->as_string()), line.as_object());
    }
  }
  return lines;
}

}  // namespace

Result<boost::json::object> snapshot(records::RecordService& records, storage::Connection& connection,
                                     std::string_view quotation_id) {
  auto quotation = records.get_within(connection, *records.by_name("quotation"), quotation_id);
  if (!quotation) return quotation.take_error();
  auto found = document_lines(records, connection, kQuotationDocument, quotation_id);
  if (!found) return found.take_error();
  boost::json::array lines;
  for (auto& line : *found) lines.push_back(std::move(line));
  const auto* revision = quotation->if_contains("revision");
  return boost::json::object{{"revision", revision && revision->is_int64() ? revision->as_int64() : 1},
                             {"quotation", std::move(*quotation)},
                             {"lines", std::move(lines)}};
}

Result<void> freeze_revision(records::RecordService& records, storage::Connection& connection,
                             std::string_view quotation_id, const std::string& user_id, const std::string& now) {
  auto current = snapshot(records, connection, quotation_id);
  if (!current) return current.take_error();
  const std::int64_t number = current->at("revision").as_int64();
  const auto* reason = current->at("quotation").as_object().if_contains("revision_reason");
  // ON CONFLICT: a revision is frozen once, by the first of send and revise to reach it.
  auto stored = connection.execute(
      "INSERT INTO quotation_revisions (id, quotation_id, revision, snapshot, reason, frozen_by_id, frozen_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
      {new_id(), std::string(quotation_id), number, boost::json::serialize(*current),
       reason && reason->is_string() ? storage::Value(std::string(reason->as_string())) : storage::Value(), user_id,
       now});
  if (!stored) return stored.take_error();
  return {};
}

Result<boost::json::object> frozen_revision(storage::Connection& connection, std::string_view quotation_id,
                                            std::int64_t number) {
  auto rows = connection.query(
      "SELECT snapshot, frozen_at, frozen_by_id FROM quotation_revisions "
      "WHERE quotation_id = ? AND revision = ?",
      {quotation_id, number});
  if (!rows) return rows.take_error();
  if (rows->empty()) {
    return make_error(ErrorCode::not_found, fmt::format("the quotation has no frozen revision {}", number));
  }
  boost::system::error_code failed;
  auto parsed = boost::json::parse(rows->rows[0][0].text(), failed);
  if (failed || !parsed.is_object()) return make_error(ErrorCode::internal_error, "a frozen revision is not JSON");
  auto object = std::move(parsed.as_object());
  object["frozen_at"] = rows->rows[0][1].text();
  object["frozen_by_id"] =
      rows->rows[0][2].is_null() ? boost::json::value(nullptr) : boost::json::value(rows->rows[0][2].text());
  return object;
}

Result<boost::json::array> revision_list(storage::Connection& connection, std::string_view quotation_id) {
  auto rows = connection.query(
      "SELECT revision, reason, frozen_at, frozen_by_id, snapshot FROM quotation_revisions "
      "WHERE quotation_id = ? ORDER BY revision",
      {quotation_id});
  if (!rows) return rows.take_error();
  boost::json::array revisions;
  for (const auto& row : rows->rows) {
    boost::system::error_code failed;
    auto parsed = boost::json::parse(row[4].text(), failed);
    boost::json::object totals;
    if (!failed && parsed.is_object()) {
      const auto& quotation = parsed.as_object().at("quotation").as_object();
      for (const char* key : {"net_total", "tax_total", "total", "line_count", "status"}) {
        if (const auto* value = quotation.if_contains(key)) totals[key] = *value;
      }
    }
    boost::json::object revision{
        {"revision", row[0].integer()},
        {"reason", row[1].is_null() ? boost::json::value(nullptr) : boost::json::value(row[1].text())},
        {"frozen_at", row[2].text()},
        {"frozen_by_id", row[3].is_null() ? boost::json::value(nullptr) : boost::json::value(row[3].text())}};
    for (auto& [key, value] : totals) revision[key] = value;
    revisions.push_back(std::move(revision));
  }
  return revisions;
}

boost::json::object diff(const boost::json::object& from, const boost::json::object& to) {
  const auto& from_quotation = from.at("quotation").as_object();
  const auto& to_quotation = to.at("quotation").as_object();
  const auto before = lines_by_id(from);
  const auto after = lines_by_id(to);
  boost::json::array added, removed, changed;
  for (const auto& [id, line] : after) {
    auto found = before.find(id);
    if (found == before.end()) {
      added.push_back(line);
      continue;
    }
    auto fields = changed_fields(found->second, line);
    if (!fields.empty()) {
      changed.push_back(
          boost::json::object{{"id", id},
                              {"position", line.contains("position") ? line.at("position") : nullptr},
                              {"product_id", line.contains("product_id") ? line.at("product_id") : nullptr},
                              {"fields", std::move(fields)}});
    }
  }
  for (const auto& [id, line] : before) {
    if (!after.contains(id)) removed.push_back(line);
  }
  return boost::json::object{
      {"from", from.at("revision")},
      {"to", to.at("revision")},
      {"fields", changed_fields(from_quotation, to_quotation)},
      {"lines", boost::json::object{
                    {"added", std::move(added)}, {"removed", std::move(removed)}, {"changed", std::move(changed)}}}};
}

}  // namespace atrium::sales::quotations
