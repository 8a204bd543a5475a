#pragma once
// argon2id password hashes (libsodium). Hashing takes 64 MiB and ~100 ms by design, so
// at most a few run at once: a flood of logins queues instead of exhausting memory.
#include <string>
#include <string_view>

#include "atrium/core/result.hpp"

namespace atrium::access {

inline constexpr std::size_t kMinimumPasswordLength = 12;

Result<std::string> hash_password(std::string_view password);
bool verify_password(std::string_view password, const std::string& stored_hash);
// True when a hash was made with other parameters than today's and should be redone.
bool password_needs_rehash(const std::string& stored_hash);

}  // namespace atrium::access
