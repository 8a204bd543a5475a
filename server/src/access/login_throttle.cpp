#include "atrium/access/login_throttle.hpp"

#include <algorithm>

#include "atrium/core/id.hpp"

namespace atrium::access {

std::optional<std::chrono::seconds> throttle_wait(std::vector<TimePoint> failures, std::size_t limit,
                                                  std::chrono::minutes window, TimePoint now) {
  if (limit == 0) return std::nullopt;
  std::erase_if(failures, [&](TimePoint at) { return at <= now - window; });
  if (failures.size() < limit) return std::nullopt;
  // Newest first: while the limit-th newest failure is in the window, so are `limit`.
  std::nth_element(failures.begin(), failures.begin() + static_cast<std::ptrdiff_t>(limit - 1), failures.end(),
                   std::greater<>());
  const auto remaining = failures[limit - 1] + window - now;
  const auto seconds = std::chrono::ceil<std::chrono::seconds>(remaining);
  return std::max(seconds, std::chrono::seconds(1));
}

namespace {
// The limit-th most recent failure's time for one key (username or address), if there
// are that many in the window: the only row that decides the wait.
Result<std::vector<TimePoint>> recent_failures(storage::Connection& connection, const char* column,
                                               const std::string& key, std::size_t limit, const std::string& since) {
  std::vector<TimePoint> times;
  auto rows = connection.query(
      std::string("SELECT at FROM login_failures WHERE ") + column + " = ? AND at > ? ORDER BY at DESC LIMIT ?",
      {key, since, static_cast<std::int64_t>(limit)});
  if (!rows) return rows.take_error();
  for (const auto& row : rows->rows) {
    if (auto at = from_iso8601(row[0].text())) times.push_back(*at);
  }
  return times;
}
}  // namespace

Result<std::optional<std::chrono::seconds>> LoginThrottle::wait_on(storage::Connection& connection,
                                                                   const std::string& username,
                                                                   const std::string& remote_address, TimePoint now) {
  const std::string since = to_iso8601(now - policy_.window);
  auto by_user = recent_failures(connection, "username", username, policy_.account_failures, since);
  if (!by_user) return by_user.take_error();
  auto by_address = recent_failures(connection, "remote_address", remote_address, policy_.address_failures, since);
  if (!by_address) return by_address.take_error();
  auto user_wait = throttle_wait(std::move(*by_user), policy_.account_failures, policy_.window, now);
  auto address_wait = throttle_wait(std::move(*by_address), policy_.address_failures, policy_.window, now);
  if (user_wait && address_wait) return std::optional(std::max(*user_wait, *address_wait));
  return user_wait ? user_wait : address_wait;
}

Result<std::optional<std::chrono::seconds>> LoginThrottle::wait(const std::string& username,
                                                                const std::string& remote_address) {
  std::optional<std::chrono::seconds> result;
  ATRIUM_TRY(database_.read([&](storage::Connection& connection) -> Result<void> {
    auto waited = wait_on(connection, username, remote_address, clock_.now());
    if (!waited) return waited.take_error();
    result = *waited;
    return {};
  }));
  return result;
}

Result<bool> LoginThrottle::record_failure(storage::Connection& connection, const std::string& username,
                                           const std::string& remote_address) {
  const auto now = clock_.now();
  // Old rows go as new ones come: the table holds about one window of failures.
  auto pruned = connection.execute("DELETE FROM login_failures WHERE at <= ?", {to_iso8601(now - policy_.window)});
  if (!pruned) return pruned.take_error();
  auto inserted =
      connection.execute("INSERT INTO login_failures (id, username, remote_address, at) VALUES (?, ?, ?, ?)",
                         {new_id(), username, remote_address, to_iso8601(now)});
  if (!inserted) return inserted.take_error();
  auto waited = wait_on(connection, username, remote_address, now);
  if (!waited) return waited.take_error();
  return waited->has_value();
}

Result<void> LoginThrottle::clear(storage::Connection& connection, const std::string& username) {
  auto deleted = connection.execute("DELETE FROM login_failures WHERE username = ?", {username});
  if (!deleted) return deleted.take_error();
  return {};
}

}  // namespace atrium::access
