#include "atrium/workflow/reminder_dashboard.hpp"

#include "atrium/workflow/dashboard.hpp"
#include "atrium/workflow/reminder_service.hpp"

namespace atrium::workflow {

namespace {
constexpr std::size_t kShown = 5;
}  // namespace

void add_reminder_dashboard_section(Dashboard& dashboard, ReminderService& reminders) {
  dashboard.add_section(DashboardSection{
      .name = "reminders",
      .label = "Reminders",
      .order = 40,
      .read = [&reminders](const records::Actor& actor) { return reminders.upcoming_for(actor, kShown); }});
}

}  // namespace atrium::workflow
