#include "atrium/access/session_store.hpp"

#include <sodium.h>

#include <array>

#include "atrium/core/id.hpp"

namespace atrium::access {

namespace {
// Sessions seen less than this long ago are not rewritten: one write per minute per
// session, not one per request.
constexpr auto kTouchInterval = std::chrono::seconds(60);

// Session ids in lists: short and random, unrelated to the token.
std::string new_public_id() {
  return random_hex(8);
}
}  // namespace

Result<SessionUser> load_session_user(storage::Connection& connection, const std::string& user_id) {
  auto rows = connection.query("SELECT id, username, name, email, is_admin, active FROM users WHERE id = ?", {user_id});
  if (!rows) return rows.take_error();
  if (rows->empty() || rows->rows[0][5].integer() == 0) return make_error(ErrorCode::not_found, "no such user");
  const auto& row = rows->rows[0];
  return SessionUser{row[0].text(), row[1].text(), row[2].text(), row[3].is_null() ? "" : row[3].text(),
                     row[4].integer() != 0};
}

std::string sha256_hex(std::string_view text) {
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(text.data()), text.size());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned char byte : digest) {
    hex.push_back(kHex[byte >> 4U]);
    hex.push_back(kHex[byte & 15U]);
  }
  return hex;
}

Result<Session> SessionStore::create(const std::string& user_id, const std::string& remote_address,
                                     const std::string& user_agent) {
  Session session;
  session.token = random_hex(32);
  session.csrf_token = random_hex(32);
  session.public_id = new_public_id();
  const auto now = clock_.now();
  ATRIUM_TRY(database_.transact([&](storage::Connection& connection) -> Result<void> {
    auto user = load_session_user(connection, user_id);
    if (!user) return user.take_error();
    session.user = std::move(*user);
    auto inserted = connection.execute(
        "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at, remote_address, "
        "user_agent, public_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {sha256_hex(session.token), user_id, session.csrf_token, to_iso8601(now), to_iso8601(now),
         to_iso8601(now + policy_.absolute), remote_address, user_agent.substr(0, 512), session.public_id});
    if (!inserted) return inserted.take_error();
    return {};
  }));
  return session;
}

Result<Session> SessionStore::find(const std::string& token) {
  if (token.size() != 64) return make_error(ErrorCode::not_found, "no session");
  const std::string hash = sha256_hex(token);
  const auto now = clock_.now();
  Session session;
  std::string last_seen;
  bool expired = false;
  ATRIUM_TRY(database_.read([&](storage::Connection& connection) -> Result<void> {
    auto rows = connection.query(
        "SELECT user_id, csrf_token, last_seen_at, expires_at, public_id FROM sessions WHERE token_hash = ?", {hash});
    if (!rows) return rows.take_error();
    if (rows->empty()) return make_error(ErrorCode::not_found, "no session");
    const auto& row = rows->rows[0];
    last_seen = row[2].text();
    // ISO 8601 UTC text of fixed width compares like the instants it names.
    expired = row[3].text() <= to_iso8601(now) || last_seen <= to_iso8601(now - policy_.idle);
    session.csrf_token = row[1].text();
    session.public_id = row[4].is_null() ? "" : row[4].text();
    auto user = load_session_user(connection, row[0].text());
    if (!user) return user.take_error();
    session.user = std::move(*user);
    return {};
  }));
  if (expired) {
    (void)revoke(token);
    return make_error(ErrorCode::not_found, "session expired");
  }
  if (last_seen <= to_iso8601(now - kTouchInterval)) {
    ATRIUM_TRY(database_.transact([&](storage::Connection& connection) -> Result<void> {
      auto touched =
          connection.execute("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?", {to_iso8601(now), hash});
      if (!touched) return touched.take_error();
      return {};
    }));
  }
  return session;
}

Result<void> SessionStore::revoke(const std::string& token) {
  return database_.transact([&](storage::Connection& connection) -> Result<void> {
    auto deleted = connection.execute("DELETE FROM sessions WHERE token_hash = ?", {sha256_hex(token)});
    if (!deleted) return deleted.take_error();
    return {};
  });
}

Result<std::vector<SessionInfo>> SessionStore::list(const std::string& user_id) {
  const auto now = clock_.now();
  std::vector<SessionInfo> sessions;
  ATRIUM_TRY(database_.read([&](storage::Connection& connection) -> Result<void> {
    return connection.each(
        "SELECT public_id, created_at, last_seen_at, remote_address, user_agent FROM sessions "
        "WHERE user_id = ? AND expires_at > ? AND last_seen_at > ? ORDER BY created_at DESC",
        {user_id, to_iso8601(now), to_iso8601(now - policy_.idle)}, [&](const storage::Row& row) {
          auto text = [&](std::size_t column) { return row[column].is_null() ? std::string() : row[column].text(); };
          sessions.push_back({text(0), text(1), text(2), text(3), text(4)});
          return true;
        });
  }));
  return sessions;
}

Result<void> SessionStore::revoke_public(storage::Connection& connection, const std::string& user_id,
                                         const std::string& public_id) {
  auto deleted = connection.execute("DELETE FROM sessions WHERE public_id = ? AND user_id = ?", {public_id, user_id});
  if (!deleted) return deleted.take_error();
  if (*deleted == 0) return make_error(ErrorCode::not_found, "no such session");
  return {};
}

Result<void> SessionStore::revoke_all(storage::Connection& connection, const std::string& user_id) {
  auto deleted = connection.execute("DELETE FROM sessions WHERE user_id = ?", {user_id});
  if (!deleted) return deleted.take_error();
  return {};
}

}  // namespace atrium::access
