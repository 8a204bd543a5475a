#pragma once
#include <cstdint>
#include <random>
#include <string>

namespace atrium::app {

// ULID-shaped ids from a fixed clock and a seeded generator: deterministic demo rows.
class DemoIds {
 public:
  std::string next() {
    static constexpr char kCrockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    std::uint64_t time = kEpochMillis + counter_++;
    std::string id(26, '0');
    for (int i = 9; i >= 0; --i) {
      id[static_cast<std::size_t>(i)] = kCrockford[time & 31U];
      time >>= 5U;
    }
    for (std::size_t i = 10; i < 26; ++i) id[i] = kCrockford[random_() & 31U];
    return id;
  }

 private:
  static constexpr std::uint64_t kEpochMillis = 1767225600000;  // 2026-01-01T00:00:00Z
  std::uint64_t counter_ = 0;
  std::mt19937_64 random_{20260101};  // mt19937_64's sequence is fixed by the standard
};

}  // namespace atrium::app
