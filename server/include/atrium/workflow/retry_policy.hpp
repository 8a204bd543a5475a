#pragma once
// How long a failed job waits before its next attempt: exponential backoff with jitter,
// so jobs that failed together (a service down) do not all retry in the same second.
#include <chrono>

namespace atrium::workflow {

struct RetryPolicy {
  std::chrono::milliseconds first_delay{std::chrono::seconds(10)};
  std::chrono::milliseconds longest_delay{std::chrono::hours(1)};
  // Each delay is moved by up to this fraction either way.
  double jitter = 0.25;
};

// The wait after failed attempt number `attempt` (1 for the first run):
// first_delay · 2^(attempt-1), at most longest_delay, scaled by 1 ± jitter as
// `unit_random` goes from 0 to 1 (0.5: no jitter).
std::chrono::milliseconds retry_delay(const RetryPolicy& policy, int attempt, double unit_random);

}  // namespace atrium::workflow
