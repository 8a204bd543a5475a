// Periodic follow-ups of regular customers, dealers and agents, found by a recurring
// job: under an active contract every so many days; by their consumption pattern, when
// the next order is due by the average interval between their last orders; and before a
// forecast period starts without a recent order. Each account gets one open follow-up at
// a time, owned by the account's owner, in the task workflow like any other.
#include <fmt/format.h>

#include <map>

#include "atrium/sales/sales_cycle.hpp"
#include "atrium/workflow/job_context.hpp"
#include "atrium/workflow/job_registry.hpp"
#include "atrium/workflow/job_scheduler.hpp"
#include "priced_documents.hpp"
#include "record_fields.hpp"
#include "sales_dates.hpp"

namespace atrium::sales {

namespace {

constexpr const char* kJobKind = "sales.periodic_follow_ups";
constexpr std::string_view kTitlePrefix = "Periodic follow-up: ";
// How many of the last orders the pattern is taken from, and how early it is followed up.
constexpr std::size_t kPatternOrders = 6;
constexpr std::int64_t kDaysAhead = 3;
// A forecast period starting this soon, without an order this recent, is followed up.
constexpr std::int64_t kForecastDaysAhead = 7;
constexpr std::int64_t kRecentOrderDays = 30;

}  // namespace

void PeriodicFollowUps::register_jobs(workflow::JobRegistry& registry) {
  registry.add(kJobKind, [this](workflow::JobContext& context) -> Result<void> {
    auto made = run(*context.connection, to_iso8601(context.now).substr(0, 10));
    if (!made) return made.take_error();
    return {};
  });
}

Result<void> PeriodicFollowUps::schedule(workflow::JobScheduler& scheduler) {
  return scheduler.define(workflow::RecurringJob{.name = kJobKind, .kind = kJobKind, .schedule = "every 15 minutes"});
}

Result<int> PeriodicFollowUps::run(storage::Connection& connection, const std::string& today) {
  std::map<std::string, std::vector<std::string>> reasons;  // account id → why it is due

  const auto& tasks = layout_of(records_, "task");
  const auto* parent = tasks.find_field("parent");
  const std::string task_parent_entity = parent->columns[0].name;
  const std::string task_parent_id = parent->columns[1].name;

  // Under contract: every N days from the last periodic follow-up, or from the start.
  const auto& contracts = layout_of(records_, "contract");
  auto active = connection.query(
      fmt::format("SELECT {}, {}, {}, {} FROM {} WHERE {} = 'active' AND {} IS NOT NULL AND archived_at IS NULL",
                  column_of(contracts, "account"), column_of(contracts, "follow_up_every_days"),
                  column_of(contracts, "start_date"), column_of(contracts, "number"), contracts.entity().table,
                  column_of(contracts, "status"), column_of(contracts, "follow_up_every_days")),
      {});
  if (!active) return active.take_error();
  for (const auto& row : active->rows) {
    const std::string account = row[0].text();
    auto last = connection.query(
        fmt::format("SELECT MAX(created_at) FROM {} WHERE {} = 'account' AND {} = ? AND {} LIKE ? AND archived_at IS "
                    "NULL",
                    tasks.entity().table, task_parent_entity, task_parent_id, column_of(tasks, "title")),
        {account, std::string(kTitlePrefix) + "%"});
    if (!last) return last.take_error();
    const std::string base = last->rows[0][0].is_null() ? row[2].text() : last->rows[0][0].text().substr(0, 10);
    const std::string due = plus_days(base, row[1].integer());
    if (!due.empty() && days_between(due, today) >= 0) {
      reasons[account].push_back(
          fmt::format("Contract {} asks for a follow-up every {} days.", row[3].text(), row[1].integer()));
    }
  }

  // Consumption pattern: the average interval between the last orders.
  const auto& orders = layout_of(records_, "sales_order");
  auto dated =
      connection.query(fmt::format("SELECT {}, {} FROM {} WHERE {} NOT IN ('draft', 'cancelled') AND {} IS "
                                   "NOT NULL AND archived_at IS NULL ORDER BY {}, {}",
                                   column_of(orders, "account"), column_of(orders, "order_date"), orders.entity().table,
                                   column_of(orders, "status"), column_of(orders, "order_date"),
                                   column_of(orders, "account"), column_of(orders, "order_date")),
                       {});
  if (!dated) return dated.take_error();
  std::map<std::string, std::vector<std::string>> order_dates;
  for (const auto& row : dated->rows) order_dates[row[0].text()].push_back(row[1].text());
  for (auto& [account, dates] : order_dates) {
    if (dates.size() < 3) continue;
    if (dates.size() > kPatternOrders) dates.erase(dates.begin(), dates.end() - kPatternOrders);
    const std::int64_t span = days_between(dates.front(), dates.back());
    const std::int64_t interval = span / static_cast<std::int64_t>(dates.size() - 1);
    if (interval <= 0) continue;
    const std::string expected = plus_days(dates.back(), interval);
    const std::int64_t until_expected = days_between(today, expected);
    // Due soon or lately overdue; a customer silent for more than one interval past
    // the expected date has changed their pattern and is not chased by it.
    if (until_expected <= kDaysAhead && until_expected >= -interval) {
      reasons[account].push_back(fmt::format("Orders about every {} days (last on {}); the next is expected around {}.",
                                             interval, dates.back(), expected));
    }
  }

  // Forecasts: a period about to start without a recent order.
  const auto& forecasts = layout_of(records_, "sales_forecast");
  auto coming =
      connection.query(fmt::format("SELECT {}, {}, {} FROM {} WHERE {} >= ? AND {} <= ? AND archived_at IS NULL",
                                   column_of(forecasts, "account"), column_of(forecasts, "product_group"),
                                   column_of(forecasts, "period_start"), forecasts.entity().table,
                                   column_of(forecasts, "period_start"), column_of(forecasts, "period_start")),
                       {today, plus_days(today, kForecastDaysAhead)});
  if (!coming) return coming.take_error();
  for (const auto& row : coming->rows) {
    const std::string account = row[0].text();
    auto recent = order_dates.find(account);
    const bool ordered_lately = recent != order_dates.end() && !recent->second.empty() &&
                                days_between(recent->second.back(), today) <= kRecentOrderDays;
    if (ordered_lately) continue;
    reasons[account].push_back(
        fmt::format("The forecast for {} starts on {} and no order came in lately.", row[1].text(), row[2].text()));
  }

  int made = 0;
  const auto& accounts = layout_of(records_, "account");
  for (const auto& [account_id, why] : reasons) {
    auto open = connection.query(
        fmt::format("SELECT COUNT(*) FROM {} WHERE {} = 'account' AND {} = ? AND {} LIKE ? AND {} IN ('open', "
                    "'in_progress') AND archived_at IS NULL",
                    tasks.entity().table, task_parent_entity, task_parent_id, column_of(tasks, "title"),
                    column_of(tasks, "status")),
        {account_id, std::string(kTitlePrefix) + "%"});
    if (!open) return open.take_error();
    if (open->rows[0][0].integer() > 0) continue;
    auto account = connection.query(fmt::format("SELECT {}, owner_id FROM {} WHERE id = ? AND archived_at IS NULL",
                                                column_of(accounts, "name"), accounts.entity().table),
                                    {account_id});
    if (!account) return account.take_error();
    if (account->empty() || account->rows[0][1].is_null()) continue;
    std::string description;
    for (const auto& reason : why) description += (description.empty() ? "" : "\n") + reason;
    boost::json::object task{{"title", std::string(kTitlePrefix) + account->rows[0][0].text()},
                             {"kind", "follow_up"},
                             {"priority", "normal"},
                             {"due_at", plus_days(today, 2) + "T09:00:00Z"},
                             {"parent", boost::json::object{{"entity", "account"}, {"id", account_id}}},
                             {"description", description}};
    // The account's owner follows their customer up.
    auto created = records_.create_within(connection, tasks, task, records::Actor{account->rows[0][1].text()});
    if (!created) return created.take_error();
    ++made;
  }
  return made;
}

}  // namespace atrium::sales
