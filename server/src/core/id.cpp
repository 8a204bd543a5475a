#include "atrium/core/id.hpp"

#include <sodium.h>

#include <array>
#include <chrono>
#include <cstdint>

namespace atrium {

namespace {
constexpr char kCrockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
}

std::string new_id() {
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  auto millis = static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(now).count());
  std::array<unsigned char, 10> random{};
  randombytes_buf(random.data(), random.size());

  std::string id(26, '0');
  for (int i = 9; i >= 0; --i) {  // 48-bit time in 10 characters
    id[static_cast<std::size_t>(i)] = kCrockford[millis & 31U];
    millis >>= 5U;
  }
  // 80 random bits in 16 characters, 5 bits at a time.
  unsigned bit_buffer = 0;
  int bits = 0;
  std::size_t out = 10;
  for (unsigned char byte : random) {
    bit_buffer = (bit_buffer << 8U) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      id[out++] = kCrockford[(bit_buffer >> static_cast<unsigned>(bits)) & 31U];
    }
  }
  return id;
}

std::string random_hex(std::size_t bytes) {
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(bytes * 2);
  for (unsigned char c : raw) {
    hex.push_back(kHex[c >> 4U]);
    hex.push_back(kHex[c & 15U]);
  }
  return hex;
}

std::string correlation_id() {
  // splitmix64 seeded once per thread from the CSPRNG: a system call per request would
  // cost more than the request.
  thread_local std::uint64_t state = [] {
    std::uint64_t seed = 0;
    randombytes_buf(&seed, sizeof seed);
    return seed;
  }();
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
  z ^= z >> 31U;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id(16, '0');
  for (int i = 15; i >= 0; --i) {
    id[static_cast<std::size_t>(i)] = kHex[z & 15U];
    z >>= 4U;
  }
  return id;
}

}  // namespace atrium
