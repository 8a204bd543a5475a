#include "atrium/access/totp.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <sodium.h>

#include <array>

namespace atrium::access {

namespace {
constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
}  // namespace

std::string base32_encode(const std::vector<unsigned char>& bytes) {
  std::string text;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char byte : bytes) {
    buffer = (buffer << 8U) | byte;
    bits += 8;
    while (bits >= 5) {
      text.push_back(kAlphabet[(buffer >> static_cast<unsigned>(bits - 5)) & 31U]);
      bits -= 5;
    }
  }
  if (bits > 0) text.push_back(kAlphabet[(buffer << static_cast<unsigned>(5 - bits)) & 31U]);
  return text;
}

std::optional<std::vector<unsigned char>> base32_decode(std::string_view text) {
  std::vector<unsigned char> bytes;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    if (c == ' ' || c == '=') continue;
    const char upper = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const auto value = kAlphabet.find(upper);
    if (value == std::string_view::npos) return std::nullopt;
    buffer = (buffer << 5U) | static_cast<std::uint32_t>(value);
    bits += 5;
    if (bits >= 8) {
      bytes.push_back(static_cast<unsigned char>((buffer >> static_cast<unsigned>(bits - 8)) & 0xFFU));
      bits -= 8;
    }
  }
  return bytes;
}

std::string hotp(const std::vector<unsigned char>& secret, std::uint64_t counter, int digits) {
  std::array<unsigned char, 8> message{};
  for (int i = 7; i >= 0; --i) {
    message[static_cast<std::size_t>(i)] = static_cast<unsigned char>(counter & 0xFFU);
    counter >>= 8U;
  }
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  HMAC(EVP_sha1(), secret.data(), static_cast<int>(secret.size()), message.data(), message.size(), digest.data(),
       &length);
  // Dynamic truncation (RFC 4226 §5.3).
  const unsigned offset = digest[length - 1] & 0x0FU;
  const std::uint32_t binary =
      ((digest[offset] & 0x7FU) << 24U) | (digest[offset + 1] << 16U) | (digest[offset + 2] << 8U) | digest[offset + 3];
  std::uint32_t modulus = 1;
  for (int i = 0; i < digits; ++i) modulus *= 10;
  std::string code = std::to_string(binary % modulus);
  return std::string(static_cast<std::size_t>(digits) - code.size(), '0') + code;
}

std::int64_t totp_step(TimePoint at) {
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(at.time_since_epoch()).count();
  return seconds / kTotpStepSeconds;
}

std::optional<std::int64_t> match_totp(const std::vector<unsigned char>& secret, std::string_view code, TimePoint now,
                                       std::int64_t last_used_step) {
  if (code.size() != static_cast<std::size_t>(kTotpDigits)) return std::nullopt;
  const std::int64_t current = totp_step(now);
  std::optional<std::int64_t> matched;
  // Every candidate is computed and compared in constant time, so timing says nothing.
  for (std::int64_t step = current - 1; step <= current + 1; ++step) {
    const auto expected = hotp(secret, static_cast<std::uint64_t>(step));
    const bool same = sodium_memcmp(expected.data(), code.data(), code.size()) == 0;
    if (same && step > last_used_step && !matched) matched = step;
  }
  return matched;
}

}  // namespace atrium::access
