#pragma once
// The dashboard's "reminders" section: the caller's next reminders, soonest first.
namespace atrium::workflow {

class Dashboard;
class ReminderService;

void add_reminder_dashboard_section(Dashboard& dashboard, ReminderService& reminders);

}  // namespace atrium::workflow
