#include "atrium/workflow/retry_policy.hpp"

#include <algorithm>
#include <cmath>

namespace atrium::workflow {

std::chrono::milliseconds retry_delay(const RetryPolicy& policy, int attempt, double unit_random) {
  const double first = static_cast<double>(policy.first_delay.count());
  const double longest = static_cast<double>(policy.longest_delay.count());
  // Capped before it is computed: 2^attempt overflows long before attempts run out.
  const int doublings = std::clamp(attempt - 1, 0, 62);
  const double raw = std::min(longest, first * std::ldexp(1.0, doublings));
  const double jitter = std::clamp(policy.jitter, 0.0, 1.0);
  const double factor = 1.0 + jitter * (2.0 * std::clamp(unit_random, 0.0, 1.0) - 1.0);
  return std::chrono::milliseconds(static_cast<std::int64_t>(std::llround(raw * factor)));
}

}  // namespace atrium::workflow
