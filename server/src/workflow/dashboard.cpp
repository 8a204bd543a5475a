#include "atrium/workflow/dashboard.hpp"

#include <algorithm>

namespace atrium::workflow {

void Dashboard::add_section(DashboardSection section) {
  // Kept in display order, so every reader gets the same layout.
  auto at = std::upper_bound(sections_.begin(), sections_.end(), section.order,
                             [](int order, const DashboardSection& existing) { return order < existing.order; });
  sections_.insert(at, std::move(section));
}

}  // namespace atrium::workflow
