#pragma once
// The per-user dashboard: sections that modules contribute (my tasks, follow-ups due,
// approvals waiting, reminders, recent activity). `GET /api/v1/dashboard` asks every
// section for the caller; a "dashboard.changed" event tells the user's browser to ask
// again.
#include <boost/json/value.hpp>
#include <functional>
#include <string>
#include <vector>

#include "atrium/core/result.hpp"
#include "atrium/records/record_service.hpp"

namespace atrium::workflow {

struct DashboardSection {
  std::string name;   // stable key: "my_tasks", "approvals_waiting", …
  std::string label;  // heading in the web app
  int order = 100;    // lower first
  // The section's content for the caller, read with their access (a JSON object,
  // conventionally {"items": [...], "total": N}).
  std::function<Result<boost::json::value>(const records::Actor& actor)> read;
};

class Dashboard {
 public:
  void add_section(DashboardSection section);
  const std::vector<DashboardSection>& sections() const { return sections_; }

 private:
  std::vector<DashboardSection> sections_;
};

}  // namespace atrium::workflow
