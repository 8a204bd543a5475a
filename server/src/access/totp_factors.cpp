#include "atrium/access/totp_factors.hpp"

#include <sodium.h>

#include "atrium/access/session_store.hpp"
#include "atrium/access/totp.hpp"

namespace atrium::access {

namespace {
constexpr std::size_t kSecretBytes = 20;  // 160 bits, as RFC 4226 recommends

std::vector<unsigned char> random_bytes(std::size_t count) {
  std::vector<unsigned char> bytes(count);
  randombytes_buf(bytes.data(), bytes.size());
  return bytes;
}

// 16 base32 characters (80 bits) in groups of four: too many to guess, even offline
// against the stored hashes.
std::string new_recovery_code() {
  std::string raw = base32_encode(random_bytes(10));
  for (auto& c : raw) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return raw.substr(0, 4) + "-" + raw.substr(4, 4) + "-" + raw.substr(8, 4) + "-" + raw.substr(12, 4);
}

std::string percent_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      encoded.push_back(static_cast<char>(c));
    } else {
      encoded.push_back('%');
      encoded.push_back(kHex[c >> 4U]);
      encoded.push_back(kHex[c & 15U]);
    }
  }
  return encoded;
}

struct Factor {
  std::string secret;
  bool enabled = false;
  std::int64_t last_step = 0;
};

Result<std::optional<Factor>> load(storage::Connection& connection, const std::string& user_id) {
  auto rows = connection.query("SELECT secret, enabled_at, last_step FROM totp_factors WHERE user_id = ?", {user_id});
  if (!rows) return rows.take_error();
  if (rows->empty()) return std::optional<Factor>();
  const auto& row = rows->rows[0];
  return std::optional<Factor>(Factor{row[0].text(), !row[1].is_null(), row[2].integer()});
}
}  // namespace

std::string normalise_recovery_code(std::string_view code) {
  std::string normal;
  for (char c : code) {
    if (c == '-' || c == ' ') continue;
    normal.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return normal;
}

Result<TotpSetup> TotpFactors::set_up(storage::Connection& connection, const std::string& user_id,
                                      const std::string& username) {
  auto existing = load(connection, user_id);
  if (!existing) return existing.take_error();
  if (*existing && (*existing)->enabled) {
    return make_error(ErrorCode::conflict, "two-factor sign-in is on already; turn it off first");
  }
  TotpSetup setup;
  setup.secret = base32_encode(random_bytes(kSecretBytes));
  const std::string now = to_iso8601(clock_.now());
  auto removed = connection.execute("DELETE FROM totp_factors WHERE user_id = ?", {user_id});
  if (!removed) return removed.take_error();
  auto inserted = connection.execute(
      "INSERT INTO totp_factors (user_id, secret, created_at, enabled_at, last_step) VALUES (?, ?, ?, NULL, 0)",
      {user_id, setup.secret, now});
  if (!inserted) return inserted.take_error();
  setup.uri = "otpauth://totp/Atrium:" + percent_encode(username) + "?secret=" + setup.secret +
              "&issuer=Atrium&algorithm=SHA1&digits=6&period=30";
  return setup;
}

Result<std::vector<std::string>> TotpFactors::enable(storage::Connection& connection, const std::string& user_id,
                                                     const std::string& code) {
  auto factor = load(connection, user_id);
  if (!factor) return factor.take_error();
  if (!*factor) return make_error(ErrorCode::conflict, "set up two-factor sign-in first");
  if ((*factor)->enabled) return make_error(ErrorCode::conflict, "two-factor sign-in is on already");
  auto secret = base32_decode((*factor)->secret);
  if (!secret) return make_error(ErrorCode::internal_error, "a stored TOTP secret is not base32");
  auto step = match_totp(*secret, code, clock_.now(), (*factor)->last_step);
  if (!step) {
    return Error{ErrorCode::validation_failed, "the code is wrong", {{"code", "TOTP_INVALID", "not the current code"}}};
  }
  const std::string now = to_iso8601(clock_.now());
  auto updated = connection.execute("UPDATE totp_factors SET enabled_at = ?, last_step = ? WHERE user_id = ?",
                                    {now, *step, user_id});
  if (!updated) return updated.take_error();
  auto cleared = connection.execute("DELETE FROM recovery_codes WHERE user_id = ?", {user_id});
  if (!cleared) return cleared.take_error();
  std::vector<std::string> codes;
  for (std::size_t i = 0; i < kRecoveryCodeCount; ++i) {
    codes.push_back(new_recovery_code());
    auto inserted = connection.execute("INSERT INTO recovery_codes (user_id, code_hash) VALUES (?, ?)",
                                       {user_id, sha256_hex(normalise_recovery_code(codes.back()))});
    if (!inserted) return inserted.take_error();
  }
  return codes;
}

Result<bool> TotpFactors::enabled(storage::Connection& connection, const std::string& user_id) {
  auto factor = load(connection, user_id);
  if (!factor) return factor.take_error();
  return *factor && (*factor)->enabled;
}

Result<bool> TotpFactors::accept_code(storage::Connection& connection, const std::string& user_id,
                                      const std::string& code) {
  auto factor = load(connection, user_id);
  if (!factor) return factor.take_error();
  if (!*factor || !(*factor)->enabled) return false;
  auto secret = base32_decode((*factor)->secret);
  if (!secret) return make_error(ErrorCode::internal_error, "a stored TOTP secret is not base32");
  auto step = match_totp(*secret, code, clock_.now(), (*factor)->last_step);
  if (!step) return false;
  // Conditional on the step read above: of two logins racing with one code, one wins.
  auto updated = connection.execute("UPDATE totp_factors SET last_step = ? WHERE user_id = ? AND last_step < ?",
                                    {*step, user_id, *step});
  if (!updated) return updated.take_error();
  return *updated == 1;
}

Result<bool> TotpFactors::accept_recovery_code(storage::Connection& connection, const std::string& user_id,
                                               const std::string& code) {
  const std::string normal = normalise_recovery_code(code);
  if (normal.size() != 16) return false;
  auto updated = connection.execute(
      "UPDATE recovery_codes SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at IS NULL",
      {to_iso8601(clock_.now()), user_id, sha256_hex(normal)});
  if (!updated) return updated.take_error();
  return *updated == 1;
}

Result<void> TotpFactors::disable(storage::Connection& connection, const std::string& user_id) {
  auto removed = connection.execute("DELETE FROM totp_factors WHERE user_id = ?", {user_id});
  if (!removed) return removed.take_error();
  auto cleared = connection.execute("DELETE FROM recovery_codes WHERE user_id = ?", {user_id});
  if (!cleared) return cleared.take_error();
  return {};
}

}  // namespace atrium::access
