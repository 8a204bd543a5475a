#include "atrium/workflow/task_dashboard.hpp"

#include <fmt/format.h>

namespace atrium::workflow {

namespace {

constexpr std::size_t kItemsPerSection = 10;

std::string text_of(const boost::json::object& record, std::string_view field) {
  const auto* value = record.if_contains(field);
  return value && value->is_string() ? std::string(value->as_string()) : std::string();
}

// "Mine": given to me and not finished on my part, or owned by me with nobody assigned.
records::ListQuery mine(const records::Actor& actor, std::string filter, std::string sort) {
  records::ListQuery query;
  query.filter = std::move(filter);
  query.sort = std::move(sort);
  query.limit = kItemsPerSection;
  query.count = true;
  query.access = actor.access;
  query.scope_sql =
      "id IN (SELECT record_id FROM record_assignees WHERE entity = 'task' AND user_id = ? AND status IN "
      "('open', 'in_progress')) OR (owner_id = ? AND NOT EXISTS (SELECT 1 FROM record_assignees WHERE entity = "
      "'task' AND record_id = id))";
  query.scope_params = {actor.user_id, actor.user_id};
  return query;
}

boost::json::value section_of(const records::ListPage& page, const std::string& now, std::string_view title_field,
                               const std::function<std::string(const boost::json::object&)>& subtitle,
                               std::string_view entity, std::string_view due_field) {
  boost::json::array items;
  for (const auto& value : page.data) {
    const auto& record = value.as_object();
    boost::json::object item{{"title", text_of(record, title_field)},
                             {"subtitle", subtitle(record)},
                             {"link", {{"entity", entity}, {"id", text_of(record, "id")}}}};
    if (!due_field.empty()) {
      const std::string due = text_of(record, due_field);
      if (!due.empty()) {
        item["due_at"] = due;
        item["overdue"] = due < now;  // fixed-width ISO 8601: text order is time order
      }
    }
    items.push_back(std::move(item));
  }
  return boost::json::object{{"items", std::move(items)},
                             {"total", page.total.value_or(static_cast<std::int64_t>(items.size()))}};
}

// A user without the read right on the entity sees the section empty, not a failed page.
Result<boost::json::value> empty_or_error(const Error& error) {
  if (error.code == ErrorCode::forbidden) {
    return boost::json::value(boost::json::object{{"items", boost::json::array{}}, {"total", 0}});
  }
  return error;
}

std::string words(std::string_view key) {
  std::string out(key);
  for (auto& c : out) {
    if (c == '_') c = ' ';
  }
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

}  // namespace

void add_task_dashboard_sections(Dashboard& dashboard, records::RecordService& records, const Clock& clock) {
  const records::EntityLayout* tasks = records.by_name("task");
  if (tasks) {
    const auto task_subtitle = [](const boost::json::object& record) {
      return fmt::format("{} · {}", words(text_of(record, "priority")), words(text_of(record, "status")));
    };
    dashboard.add_section({"my_tasks", "My tasks", 10, [&records, &clock, tasks, task_subtitle](const records::Actor& actor)
                                                           -> Result<boost::json::value> {
                             auto page = records.list(*tasks, mine(actor, R"(status in ["open", "in_progress"])",
                                                                   "due_at,-priority"));
                             if (!page) return empty_or_error(page.error());
                             return section_of(*page, to_iso8601(clock.now()), "title", task_subtitle, "task", "due_at");
                           }});
    dashboard.add_section(
        {"follow_ups_due", "Follow-ups due", 20,
         [&records, &clock, tasks, task_subtitle](const records::Actor& actor) -> Result<boost::json::value> {
           const std::string week_ahead = to_iso8601(clock.now() + std::chrono::hours(24 * 7));
           auto page = records.list(
               *tasks, mine(actor,
                            fmt::format(R"(kind eq "follow_up" and status in ["open", "in_progress"] and due_at le "{}")",
                                        week_ahead),
                            "due_at"));
           if (!page) return empty_or_error(page.error());
           return section_of(*page, to_iso8601(clock.now()), "title", task_subtitle, "task", "due_at");
         }});
  }
  const records::EntityLayout* activities = records.by_name("activity");
  if (activities) {
    dashboard.add_section(
        {"recent_activity", "Recent activity", 90,
         [&records, &clock, activities](const records::Actor& actor) -> Result<boost::json::value> {
           records::ListQuery query;
           query.sort = "-occurred_at";
           query.limit = kItemsPerSection;
           query.access = actor.access;
           auto page = records.list(*activities, query);
           if (!page) return empty_or_error(page.error());
           const auto subtitle = [](const boost::json::object& record) {
             return fmt::format("{} · {}", words(text_of(record, "kind")), text_of(record, "occurred_at").substr(0, 10));
           };
           auto section = section_of(*page, to_iso8601(clock.now()), "subject", subtitle, "activity", "");
           section.as_object()["total"] = page->data.size();
           return section;
         }});
  }
}

}  // namespace atrium::workflow
