#include "atrium/access/api_token_store.hpp"

#include <sodium.h>

#include <cstring>

#include "atrium/core/id.hpp"

namespace atrium::access {

namespace {
// A token seen less than this long ago is not rewritten: one write per minute per
// token, however busy the integration.
constexpr auto kTouchInterval = std::chrono::seconds(60);

std::string random_url_safe(std::size_t bytes) {
  std::vector<unsigned char> random(bytes);
  randombytes_buf(random.data(), random.size());
  std::string text(sodium_base64_encoded_len(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(text.data(), text.size(), random.data(), random.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  text.resize(std::strlen(text.c_str()));
  return text;
}

std::string text_or_empty(const storage::Value& value) {
  return value.is_null() ? std::string() : value.text();
}
}  // namespace

Result<NewApiToken> ApiTokenStore::create(storage::Connection& connection, const std::string& user_id,
                                          const std::string& name, const std::string& expires_at) {
  if (sodium_init() < 0) return make_error(ErrorCode::internal_error, "libsodium failed to start");
  NewApiToken created;
  created.token = std::string(kApiTokenPrefix) + random_url_safe(32);
  created.info = {new_id(), name, to_iso8601(clock_.now()), "", expires_at};
  auto inserted = connection.execute(
      "INSERT INTO api_tokens (id, user_id, name, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
      {created.info.id, user_id, name, sha256_hex(created.token), created.info.created_at,
       expires_at.empty() ? storage::Value() : storage::Value(expires_at)});
  if (!inserted) return inserted.take_error();
  return created;
}

Result<std::vector<ApiTokenInfo>> ApiTokenStore::list(const std::string& user_id) {
  std::vector<ApiTokenInfo> tokens;
  ATRIUM_TRY(database_.read([&](storage::Connection& connection) -> Result<void> {
    return connection.each(
        "SELECT id, name, created_at, last_used_at, expires_at FROM api_tokens WHERE user_id = ? ORDER BY created_at, "
        "id",
        {user_id}, [&](const storage::Row& row) {
          tokens.push_back({row[0].text(), row[1].text(), row[2].text(), text_or_empty(row[3]), text_or_empty(row[4])});
          return true;
        });
  }));
  return tokens;
}

Result<void> ApiTokenStore::revoke(storage::Connection& connection, const std::string& user_id,
                                   const std::string& token_id) {
  auto deleted = connection.execute("DELETE FROM api_tokens WHERE id = ? AND user_id = ?", {token_id, user_id});
  if (!deleted) return deleted.take_error();
  if (*deleted == 0) return make_error(ErrorCode::not_found, "no such token");
  return {};
}

Result<TokenHolder> ApiTokenStore::find(const std::string& token) {
  if (!token.starts_with(kApiTokenPrefix) || token.size() > 128) return make_error(ErrorCode::not_found, "no token");
  const std::string hash = sha256_hex(token);
  const auto now = clock_.now();
  TokenHolder holder;
  std::string last_used;
  bool live = false;
  ATRIUM_TRY(database_.read([&](storage::Connection& connection) -> Result<void> {
    auto rows =
        connection.query("SELECT id, user_id, last_used_at, expires_at FROM api_tokens WHERE token_hash = ?", {hash});
    if (!rows) return rows.take_error();
    if (rows->empty()) return {};
    const auto& row = rows->rows[0];
    // ISO 8601 UTC text of fixed width compares like the instants it names.
    if (!row[3].is_null() && row[3].text() <= to_iso8601(now)) return {};
    auto user = load_session_user(connection, row[1].text());
    if (!user) return user.error().code == ErrorCode::not_found ? Result<void>() : Result<void>(user.take_error());
    holder.token_id = row[0].text();
    last_used = text_or_empty(row[2]);
    holder.user = std::move(*user);
    live = true;
    return {};
  }));
  if (!live) return make_error(ErrorCode::not_found, "no such token, or it expired");
  if (last_used.empty() || last_used <= to_iso8601(now - kTouchInterval)) {
    ATRIUM_TRY(database_.transact([&](storage::Connection& connection) -> Result<void> {
      auto touched =
          connection.execute("UPDATE api_tokens SET last_used_at = ? WHERE id = ?", {to_iso8601(now), holder.token_id});
      if (!touched) return touched.take_error();
      return {};
    }));
  }
  return holder;
}

}  // namespace atrium::access
