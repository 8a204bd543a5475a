#include "approval_records.hpp"

#include <boost/json/parse.hpp>
#include <fmt/format.h>

#include "atrium/records/audit_trail.hpp"

namespace atrium::workflow {

namespace {

std::optional<std::string> optional_text(const storage::Value& value) {
  return value.is_null() ? std::nullopt : std::optional<std::string>(value.text());
}

boost::json::value json_of(const std::optional<std::string>& text) {
  return text ? boost::json::value(*text) : boost::json::value(nullptr);
}

}  // namespace

ApprovalRow approval_row(const storage::Row& row) {
  ApprovalRow approval;
  approval.id = row[0].text();
  approval.kind = row[1].text();
  approval.entity = row[2].text();
  approval.record_id = row[3].text();
  approval.status = row[4].text();
  approval.requested_by_id = row[5].is_null() ? std::string() : row[5].text();
  approval.requested_at = row[6].text();
  approval.decided_by_id = optional_text(row[7]);
  approval.decided_at = optional_text(row[8]);
  approval.remarks = optional_text(row[9]);
  approval.version = row[10].integer();
  approval.rule_id = optional_text(row[11]);
  approval.rule_name = optional_text(row[12]);
  // Approvals from before rules existed are deletions any approver decides.
  approval.levels = default_deletion_chain();
  if (!row[13].is_null()) {
    boost::system::error_code parse_error;
    const auto levels = boost::json::parse(row[13].text(), parse_error);
    if (!parse_error) {
      if (auto chain = chain_from_json(levels, ChainSource::running_approval)) approval.levels = std::move(*chain);
    }
  }
  approval.current_level = static_cast<std::size_t>(row[14].integer());
  return approval;
}

Result<std::optional<ApprovalRow>> load_approval(storage::Connection& connection, std::string_view id) {
  auto rows = connection.query(fmt::format("SELECT {} FROM approvals a WHERE a.id = ?", kApprovalColumns), {id});
  if (!rows) return rows.take_error();
  if (rows->empty()) return std::optional<ApprovalRow>();
  return std::optional<ApprovalRow>(approval_row(rows->rows[0]));
}

boost::json::object approval_summary(const ApprovalRow& approval) {
  return {{"id", approval.id},
          {"kind", approval.kind},
          {"entity", approval.entity},
          {"record_id", approval.record_id},
          {"status", approval.status},
          {"requested_by_id", approval.requested_by_id.empty() ? boost::json::value(nullptr)
                                                               : boost::json::value(approval.requested_by_id)},
          {"requested_at", approval.requested_at},
          {"decided_by_id", json_of(approval.decided_by_id)},
          {"decided_at", json_of(approval.decided_at)},
          {"remarks", json_of(approval.remarks)},
          {"version", approval.version},
          {"rule_id", json_of(approval.rule_id)},
          {"rule_name", json_of(approval.rule_name)},
          {"current_level", static_cast<std::int64_t>(approval.current_level)},
          {"level_count", static_cast<std::int64_t>(approval.levels.size())}};
}

Result<void> audit_approval(storage::Connection& connection, const ApprovalRow& approval, std::string_view action,
                            std::string_view user_id, std::string_view at, const boost::json::object& details) {
  boost::json::array changes;
  changes.push_back({{"field", "approval"}, {"old", nullptr}, {"new", approval.id}});
  for (const auto& [key, value] : details) {
    changes.push_back({{"field", key}, {"old", nullptr}, {"new", value}});
  }
  return records::append_record_event(
      connection,
      records::AuditEntry{approval.entity, approval.record_id, std::string(action), std::string(user_id),
                          std::string(at)},
      changes);
}

Result<std::string> user_name(storage::Connection& connection, std::string_view user_id) {
  auto rows = connection.query("SELECT name FROM users WHERE id = ?", {user_id});
  if (!rows) return rows.take_error();
  return rows->empty() ? std::string(user_id) : rows->rows[0][0].text();
}

}  // namespace atrium::workflow
