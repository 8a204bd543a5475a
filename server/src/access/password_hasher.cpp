#include "atrium/access/password_hasher.hpp"

#include <sodium.h>

#include <semaphore>

namespace atrium::access {

namespace {
constexpr unsigned long long kOpsLimit = 3;                      // t = 3
constexpr std::size_t kMemLimit = std::size_t{64} * 1024 * 1024;  // m = 64 MiB

std::counting_semaphore<>& hashing_slots() {
  static std::counting_semaphore<> slots(2);
  return slots;
}

struct Slot {
  Slot() { hashing_slots().acquire(); }
  ~Slot() { hashing_slots().release(); }
  Slot(const Slot&) = delete;
  Slot& operator=(const Slot&) = delete;
};
}  // namespace

Result<std::string> hash_password(std::string_view password) {
  if (sodium_init() < 0) return make_error(ErrorCode::internal_error, "libsodium failed to start");
  char hash[crypto_pwhash_STRBYTES];
  Slot slot;
  if (crypto_pwhash_str_alg(hash, password.data(), password.size(), kOpsLimit, kMemLimit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return make_error(ErrorCode::internal_error, "out of memory while hashing a password");
  }
  return std::string(hash);
}

bool verify_password(std::string_view password, const std::string& stored_hash) {
  if (stored_hash.empty()) return false;
  Slot slot;
  return crypto_pwhash_str_verify(stored_hash.c_str(), password.data(), password.size()) == 0;
}

bool password_needs_rehash(const std::string& stored_hash) {
  return crypto_pwhash_str_needs_rehash(stored_hash.c_str(), kOpsLimit, kMemLimit) != 0;
}

}  // namespace atrium::access
