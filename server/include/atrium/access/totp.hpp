#pragma once
// Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP): HMAC-SHA1 from OpenSSL,
// 30-second steps, 6 digits, what every authenticator app computes. Secrets travel as
// RFC 4648 base32 without padding.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "atrium/core/time.hpp"

namespace atrium::access {

inline constexpr std::int64_t kTotpStepSeconds = 30;
inline constexpr int kTotpDigits = 6;

std::string base32_encode(const std::vector<unsigned char>& bytes);
// Upper or lower case, spaces and '=' padding ignored; nothing for other characters.
std::optional<std::vector<unsigned char>> base32_decode(std::string_view text);

// The HOTP value of `counter` (RFC 4226 §5.3) with `digits` digits, zero-padded.
std::string hotp(const std::vector<unsigned char>& secret, std::uint64_t counter, int digits = kTotpDigits);
// The time step of an instant: whole 30-second periods since the epoch.
std::int64_t totp_step(TimePoint at);

// The step whose code `code` is, trying now and one step either side (clock drift),
// skipping steps at or before `last_used_step` (a code is accepted once); nothing when
// none matches.
std::optional<std::int64_t> match_totp(const std::vector<unsigned char>& secret, std::string_view code, TimePoint now,
                                       std::int64_t last_used_step);

}  // namespace atrium::access
