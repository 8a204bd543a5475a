// What people read of routings: a record's routing with its steps, due times and
// history, and the dashboard's list of records routed to the caller.
#include <fmt/format.h>

#include "../records/record_access.hpp"
#include "atrium/workflow/routing_service.hpp"
#include "atrium/workflow/routing_store.hpp"
#include "routing_state.hpp"

namespace atrium::workflow {

namespace {

constexpr int kRoutedToMeLimit = 50;

boost::json::value nullable(const storage::Value& value) {
  if (value.is_null()) return nullptr;
  if (value.is_integer()) return value.integer();
  return boost::json::value(value.text());
}

boost::json::value text_or_null(const std::string& text) {
  return text.empty() ? boost::json::value(nullptr) : boost::json::value(text);
}

bool past(const std::string& due, const std::string& now) { return !due.empty() && due < now; }

}  // namespace

Result<boost::json::object> RoutingService::state_json(storage::Connection& connection,
                                                       const records::EntityLayout& layout, const RoutingState& state,
                                                       TimePoint now) {
  const std::string now_text = to_iso8601(now);
  boost::json::array history;
  // The due time each step was last given, for the steps already passed.
  std::vector<std::string> last_due(state.steps.size());
  ATRIUM_TRY(connection.each(
      "SELECT m.sequence, m.kind, m.from_step, m.to_step, m.from_user_id, fu.name, m.to_user_id, tu.name, "
      "m.actor_id, au.name, m.remarks, m.action_text, m.step_due_at, m.at FROM routing_moves m "
      "LEFT JOIN users fu ON fu.id = m.from_user_id LEFT JOIN users tu ON tu.id = m.to_user_id "
      "LEFT JOIN users au ON au.id = m.actor_id WHERE m.routing_id = ? ORDER BY m.sequence",
      {state.id}, [&](const storage::Row& row) {
        if (!row[3].is_null() && !row[12].is_null()) {
          const auto step = static_cast<std::size_t>(row[3].integer());
          if (step < last_due.size()) last_due[step] = row[12].text();
        }
        history.push_back({{"sequence", row[0].integer()},
                           {"kind", row[1].text()},
                           {"from_step", nullable(row[2])},
                           {"to_step", nullable(row[3])},
                           {"from_user_id", nullable(row[4])},
                           {"from_user_name", nullable(row[5])},
                           {"to_user_id", nullable(row[6])},
                           {"to_user_name", nullable(row[7])},
                           {"actor_id", nullable(row[8])},
                           {"actor_name", nullable(row[9])},
                           {"remarks", nullable(row[10])},
                           {"action", nullable(row[11])},
                           {"step_due_at", nullable(row[12])},
                           {"at", row[13].text()}});
        return true;
      }));
  // Steps ahead are projected from the current due time, one SLA after another.
  auto calendar = load_business_calendar(connection, state.calendar_id);
  if (!calendar) return calendar.take_error();
  boost::json::array steps;
  std::optional<TimePoint> projected =
      state.status == "active" && !state.step_due_at.empty() ? from_iso8601(state.step_due_at) : std::nullopt;
  for (std::size_t index = 0; index < state.steps.size(); ++index) {
    const auto& step = state.steps[index];
    std::string phase = "pending";
    std::string due = last_due[index];
    if (state.status != "active" || index < state.current_step) {
      phase = "done";
    } else if (index == state.current_step) {
      phase = "current";
      due = state.step_due_at;
    } else if (projected) {
      auto next = calendar->add_working_minutes(*projected, step.sla_minutes);
      if (!next) return next.take_error();
      projected = *next;
      due = to_iso8601(*next);
    }
    steps.push_back({{"index", static_cast<std::int64_t>(index)},
                     {"name", step.name},
                     {"user_id", text_or_null(step.user_id)},
                     {"role_id", text_or_null(step.role_id)},
                     {"sla_hours", minutes_to_hours(step.sla_minutes)},
                     {"on_overdue", step.on_overdue == OverdueAction::manager ? "manager" : "next_step"},
                     {"state", phase},
                     {"due_at", text_or_null(due)}});
  }
  boost::json::value assignee = nullptr;
  if (!state.assignee_id.empty()) {
    auto name = user_name(connection, state.assignee_id);
    if (!name) return name.take_error();
    assignee = boost::json::object{{"id", state.assignee_id}, {"name", *name}};
  }
  const bool active = state.status == "active";
  return boost::json::object{
      {"id", state.id},
      {"entity", layout.entity().name},
      {"record_id", state.record_id},
      {"status", state.status},
      {"path", {{"id", state.path_id}, {"name", state.path_name}}},
      {"calendar_id", state.calendar_id},
      {"current_step", active ? boost::json::value(static_cast<std::int64_t>(state.current_step))
                              : boost::json::value(nullptr)},
      {"current_step_name", active ? boost::json::value(state.steps[state.current_step].name)
                                   : boost::json::value(nullptr)},
      {"assignee_id", text_or_null(state.assignee_id)},
      {"assignee", assignee},
      {"step_started_at", state.step_started_at},
      {"step_due_at", text_or_null(state.step_due_at)},
      {"overdue", active && past(state.step_due_at, now_text)},
      {"started_at", state.started_at},
      {"overall_due_at", text_or_null(state.overall_due_at)},
      {"overall_overdue", active && past(state.overall_due_at, now_text)},
      {"overall_breached_at", text_or_null(state.overall_breached_at)},
      {"completed_at", text_or_null(state.completed_at)},
      {"steps", std::move(steps)},
      {"history", std::move(history)},
      {"version", state.version}};
}

Result<boost::json::object> RoutingService::view(const records::EntityLayout& layout, std::string_view id,
                                                 const records::Actor& actor) {
  if (auto visible = records_.get(layout, id, {"id"}, actor.access); !visible) return visible.take_error();
  Result<boost::json::object> answer = boost::json::object{};
  ATRIUM_TRY(database_.read([&](storage::Connection& connection) -> Result<void> {
    auto state = load_routing(connection, layout.entity().name, id);
    if (!state) return state.take_error();
    bool may_edit = !actor.access || actor.access->unrestricted();
    if (!may_edit && actor.access->may(layout, access::Action::edit)) {
      auto meets = records::record_meets(connection, layout, id, actor.access, access::Action::edit);
      if (!meets) return meets.take_error();
      may_edit = *meets;
    }
    if (!*state) {
      auto record = records_.get(layout, id);
      if (!record) return record.take_error();
      auto path = matching_routing_path(connection, layout.entity().name, *record);
      if (!path) return path.take_error();
      answer = boost::json::object{
          {"status", "not_started"},
          {"available_path", *path ? boost::json::value({{"id", (*path)->id}, {"name", (*path)->name}})
                                   : boost::json::value(nullptr)},
          {"can_start", may_edit && path->has_value()}};
      return {};
    }
    answer = state_json(connection, layout, **state, clock_.now());
    if (!answer) return answer.error();
    (*answer)["can_move"] = (*state)->status == "active" && (may_edit || (*state)->assignee_id == actor.user_id);
    return {};
  }));
  return answer;
}

Result<boost::json::value> RoutingService::routed_to(const records::Actor& actor) {
  boost::json::array items;
  std::int64_t total = 0;
  const std::string now_text = to_iso8601(clock_.now());
  ATRIUM_TRY(database_.read([&](storage::Connection& connection) -> Result<void> {
    struct Routed {
      std::string entity, record_id, path_name, steps, due;
      std::int64_t step;
    };
    std::vector<Routed> routed;
    // Earliest due first: the overdue ones lead.
    ATRIUM_TRY(connection.each(
        "SELECT entity, record_id, path_name, steps, current_step, step_due_at FROM record_routings "
        "WHERE assignee_id = ? AND status = 'active' ORDER BY step_due_at, id LIMIT 500",
        {actor.user_id}, [&](const storage::Row& row) {
          routed.push_back({row[0].text(), row[1].text(), row[2].text(), row[3].text(),
                            row[5].is_null() ? std::string() : row[5].text(), row[4].integer()});
          return true;
        }));
    for (const auto& item : routed) {
      const auto* layout = records_.by_name(item.entity);
      if (!layout) continue;
      auto visible = records::record_meets(connection, *layout, item.record_id, actor.access, access::Action::read);
      if (!visible) return visible.take_error();
      if (!*visible) continue;
      ++total;
      if (items.size() >= static_cast<std::size_t>(kRoutedToMeLimit)) continue;
      std::string title = layout->entity().label;
      const auto* title_field = layout->find_field(layout->entity().title_field);
      if (!actor.access || !title_field || actor.access->mode(*layout, *title_field) != access::FieldMode::hidden) {
        auto read = record_title(connection, *layout, item.record_id);
        if (!read) return read.take_error();
        title = *read;
      }
      const auto steps = steps_from_text(item.steps);
      const std::string step_name =
          item.step >= 0 && static_cast<std::size_t>(item.step) < steps.size() ? steps[item.step].name : "";
      items.push_back({{"title", title},
                       {"subtitle", fmt::format("{} · {}", step_name, item.path_name)},
                       {"link", {{"entity", layout->entity().name}, {"id", item.record_id}}},
                       {"href", fmt::format("/{}/{}", layout->entity().plural, item.record_id)},
                       {"due_at", text_or_null(item.due)},
                       {"overdue", past(item.due, now_text)}});
    }
    return {};
  }));
  return boost::json::value(boost::json::object{{"items", std::move(items)}, {"total", total}});
}

}  // namespace atrium::workflow
