#include "atrium/workflow/approval_delegations.hpp"

#include <fmt/format.h>

#include "atrium/core/id.hpp"

namespace atrium::workflow {

namespace {

constexpr std::size_t kMaxRemarksLength = 2000;

Error invalid(std::string field, std::string code, std::string message) {
  return Error{ErrorCode::validation_failed, "the delegation is not valid",
               {{std::move(field), std::move(code), std::move(message)}}};
}

Result<TimePoint> instant(const boost::json::object& input, const char* field) {
  const auto* value = input.if_contains(field);
  if (!value || !value->is_string()) return invalid(field, "FIELD_REQUIRED", "an instant, e.g. 2027-01-31T09:00:00Z");
  auto parsed = from_iso8601(value->as_string());
  if (!parsed) return invalid(field, "FIELD_INVALID", "an instant in UTC, e.g. 2027-01-31T09:00:00Z");
  return *parsed;
}

}  // namespace

Result<boost::json::array> ApprovalDelegations::list(const std::string& user_id) {
  boost::json::array delegations;
  const std::string now = to_iso8601(clock_.now());
  ATRIUM_TRY(database_.read([&](storage::Connection& connection) -> Result<void> {
    return connection.each(
        "SELECT d.id, d.user_id, u.name, d.delegate_id, g.name, d.starts_at, d.ends_at, d.remarks, d.created_at "
        "FROM approval_delegations d LEFT JOIN users u ON u.id = d.user_id LEFT JOIN users g ON g.id = d.delegate_id "
        "WHERE d.user_id = ? OR d.delegate_id = ? ORDER BY d.starts_at DESC, d.id LIMIT 200",
        {user_id, user_id}, [&](const storage::Row& row) {
          delegations.push_back({{"id", row[0].text()},
                                 {"user_id", row[1].text()},
                                 {"user_name", row[2].is_null() ? boost::json::value(nullptr) : boost::json::value(row[2].text())},
                                 {"delegate_id", row[3].text()},
                                 {"delegate_name", row[4].is_null() ? boost::json::value(nullptr) : boost::json::value(row[4].text())},
                                 {"starts_at", row[5].text()},
                                 {"ends_at", row[6].text()},
                                 {"remarks", row[7].is_null() ? boost::json::value(nullptr) : boost::json::value(row[7].text())},
                                 {"created_at", row[8].text()},
                                 {"active", row[5].text() <= now && now < row[6].text()}});
          return true;
        });
  }));
  return delegations;
}

Result<boost::json::object> ApprovalDelegations::create(const std::string& user_id, const boost::json::object& input) {
  for (const auto& [key, value] : input) {
    if (key != "delegate_id" && key != "starts_at" && key != "ends_at" && key != "remarks") {
      return invalid(std::string(key), "FIELD_UNKNOWN", "delegate_id, starts_at, ends_at or remarks");
    }
  }
  const auto* delegate = input.if_contains("delegate_id");
  if (!delegate || !delegate->is_string() || delegate->as_string().empty() || delegate->as_string().size() > 64) {
    return invalid("delegate_id", "FIELD_REQUIRED", "the id of the user who decides in your place");
  }
  const std::string delegate_id(delegate->as_string());
  if (delegate_id == user_id) return invalid("delegate_id", "DELEGATE_SELF", "someone other than yourself");
  auto starts = instant(input, "starts_at");
  if (!starts) return starts.take_error();
  auto ends = instant(input, "ends_at");
  if (!ends) return ends.take_error();
  if (*ends <= *starts) return invalid("ends_at", "PERIOD_INVALID", "after starts_at");
  if (*ends - *starts > kMaxDelegationPeriod) return invalid("ends_at", "PERIOD_TOO_LONG", "at most a year after starts_at");
  std::string remarks;
  if (const auto* given = input.if_contains("remarks"); given && !given->is_null()) {
    if (!given->is_string() || given->as_string().size() > kMaxRemarksLength) {
      return invalid("remarks", "FIELD_INVALID", fmt::format("text of at most {} characters", kMaxRemarksLength));
    }
    remarks = std::string(given->as_string());
  }
  const std::string id = new_id();
  const std::string now = to_iso8601(clock_.now());
  ATRIUM_TRY(database_.transact([&](storage::Connection& connection) -> Result<void> {
    auto user = connection.query("SELECT id FROM users WHERE id = ? AND active = 1", {delegate_id});
    if (!user) return user.take_error();
    if (user->empty()) return invalid("delegate_id", "USER_NOT_FOUND", "no active user with this id");
    auto count = connection.query("SELECT COUNT(*) FROM approval_delegations WHERE user_id = ? AND ends_at > ?",
                                  {user_id, now});
    if (!count) return count.take_error();
    if (count->rows[0][0].integer() >= static_cast<std::int64_t>(kMaxDelegationsPerUser)) {
      return invalid("delegate_id", "TOO_MANY_DELEGATIONS",
                     fmt::format("at most {} delegations not yet ended", kMaxDelegationsPerUser));
    }
    auto inserted = connection.execute(
        "INSERT INTO approval_delegations (id, user_id, delegate_id, starts_at, ends_at, remarks, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        {id, user_id, delegate_id, to_iso8601(*starts), to_iso8601(*ends),
         remarks.empty() ? storage::Value() : storage::Value(remarks), now});
    if (!inserted) return inserted.take_error();
    return {};
  }));
  auto all = list(user_id);
  if (!all) return all.take_error();
  for (auto& item : *all) {
    if (item.as_object().at("id") == boost::json::value(id)) return std::move(item.as_object());
  }
  return make_error(ErrorCode::internal_error, "the delegation was not saved");
}

Result<void> ApprovalDelegations::remove(const std::string& user_id, const std::string& id, bool administrator) {
  return database_.transact([&](storage::Connection& connection) -> Result<void> {
    auto deleted = administrator
                       ? connection.execute("DELETE FROM approval_delegations WHERE id = ?", {id})
                       : connection.execute("DELETE FROM approval_delegations WHERE id = ? AND user_id = ?", {id, user_id});
    if (!deleted) return deleted.take_error();
    if (*deleted == 0) return make_error(ErrorCode::not_found, fmt::format("no delegation of yours with id {}", id));
    return {};
  });
}

}  // namespace atrium::workflow
