#pragma once
// Record ids are ULIDs: 26 characters, time-ordered (so new rows land at the end of
// indexes and keyset pages stay stable), random enough to be unguessable.
#include <string>

namespace atrium {

std::string new_id();
// Random bytes as lowercase hex, from the operating system's CSPRNG.
std::string random_hex(std::size_t bytes);

}  // namespace atrium
