#pragma once
// Record ids are ULIDs: 26 characters, time-ordered (so new rows land at the end of
// indexes and keyset pages stay stable), random enough to be unguessable.
#include <string>

namespace atrium {

std::string new_id();
// Random bytes as lowercase hex, from the operating system's CSPRNG: for secrets.
std::string random_hex(std::size_t bytes);
// 16 hex characters from a fast per-thread generator: for request ids, never secrets.
std::string correlation_id();

}  // namespace atrium
