#include "atrium/workflow/notifications.hpp"

#include <fmt/format.h>

#include "atrium/core/id.hpp"

namespace atrium::workflow {

namespace {

constexpr const char* kColumns = "id, user_id, kind, title, body, entity, record_id, actor_id, created_at, read_at";
constexpr std::size_t kMaxTitle = 300;
constexpr std::size_t kMaxBody = 4000;

boost::json::value text_or_null(const storage::Value& value) {
  return value.is_null() ? boost::json::value(nullptr) : boost::json::value(value.text());
}

storage::Value null_if_empty(const std::string& text) { return text.empty() ? storage::Value() : storage::Value(text); }

// Titles and bodies come from templates and record names: cut, never refuse, so a long
// name cannot stop the change that caused the notification.
std::string clipped(const std::string& text, std::size_t limit) {
  if (text.size() <= limit) return text;
  std::size_t end = limit;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;  // not inside a UTF-8 sequence
  return text.substr(0, end) + "…";
}

}  // namespace

boost::json::object notification_json(const storage::Row& row) {
  return {{"id", row[0].text()},          {"user_id", row[1].text()},     {"kind", row[2].text()},
          {"title", row[3].text()},       {"body", text_or_null(row[4])}, {"entity", text_or_null(row[5])},
          {"record_id", text_or_null(row[6])}, {"actor_id", text_or_null(row[7])}, {"created_at", row[8].text()},
          {"read_at", text_or_null(row[9])}};
}

Result<boost::json::object> Notifier::notify(storage::Connection& connection, const Notification& notification) {
  if (notification.user_id.empty() || notification.kind.empty() || notification.title.empty()) {
    return make_error(ErrorCode::bad_request, "a notification needs a recipient, a kind and a title");
  }
  const std::string id = new_id();
  const std::string title = clipped(notification.title, kMaxTitle);
  const std::string body = clipped(notification.body, kMaxBody);
  auto inserted = connection.execute(
      "INSERT INTO notifications (id, user_id, kind, title, body, entity, record_id, actor_id, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {id, notification.user_id, notification.kind, title, null_if_empty(body), null_if_empty(notification.entity),
       null_if_empty(notification.record_id), null_if_empty(notification.actor_id), to_iso8601(clock_.now())});
  if (!inserted) return inserted.take_error();
  auto rows = connection.query(fmt::format("SELECT {} FROM notifications WHERE id = ?", kColumns), {id});
  if (!rows) return rows.take_error();
  auto json = notification_json(rows->rows.at(0));
  if (listener_) listener_(notification.user_id, json);
  return json;
}

Result<boost::json::object> Notifier::notify(const Notification& notification) {
  Result<boost::json::object> written = boost::json::object{};
  ATRIUM_TRY(database_.transact([&](storage::Connection& connection) -> Result<void> {
    written = notify(connection, notification);
    if (!written) return written.error();
    return {};
  }));
  return written;
}

Result<boost::json::array> Notifier::list(const std::string& user_id, bool unread_only, int limit,
                                          const std::string& before) {
  boost::json::array items;
  std::string sql = fmt::format("SELECT {} FROM notifications WHERE user_id = ?", kColumns);
  storage::Params params{user_id};
  if (unread_only) sql += " AND read_at IS NULL";
  if (!before.empty()) {
    sql += " AND created_at < ?";
    params.emplace_back(before);
  }
  sql += " ORDER BY created_at DESC, id DESC LIMIT ?";
  params.emplace_back(std::int64_t{limit});
  ATRIUM_TRY(database_.read([&](storage::Connection& connection) {
    return connection.each(sql, params, [&](const storage::Row& row) {
      items.push_back(notification_json(row));
      return true;
    });
  }));
  return items;
}

Result<std::int64_t> Notifier::unread_count(const std::string& user_id) {
  std::int64_t count = 0;
  ATRIUM_TRY(database_.read([&](storage::Connection& connection) -> Result<void> {
    auto rows = connection.query("SELECT COUNT(*) FROM notifications WHERE user_id = ? AND read_at IS NULL", {user_id});
    if (!rows) return rows.take_error();
    count = rows->rows.at(0)[0].integer();
    return {};
  }));
  return count;
}

Result<bool> Notifier::mark_read(const std::string& user_id, const std::string& id) {
  bool found = false;
  ATRIUM_TRY(database_.transact([&](storage::Connection& connection) -> Result<void> {
    auto rows = connection.query("SELECT read_at FROM notifications WHERE id = ? AND user_id = ?", {id, user_id});
    if (!rows) return rows.take_error();
    found = !rows->empty();
    if (!found || !rows->rows[0][0].is_null()) return {};
    auto changed = connection.execute("UPDATE notifications SET read_at = ? WHERE id = ? AND user_id = ?",
                                      {to_iso8601(clock_.now()), id, user_id});
    if (!changed) return changed.take_error();
    return {};
  }));
  return found;
}

Result<std::int64_t> Notifier::mark_all_read(const std::string& user_id) {
  std::int64_t changed_rows = 0;
  ATRIUM_TRY(database_.transact([&](storage::Connection& connection) -> Result<void> {
    auto changed = connection.execute("UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL",
                                      {to_iso8601(clock_.now()), user_id});
    if (!changed) return changed.take_error();
    changed_rows = *changed;
    return {};
  }));
  return changed_rows;
}

}  // namespace atrium::workflow
