#pragma once
// A routing path: for the records of one entity whose `field` holds `value` (a task's
// kind, a complaint's type), an ordered list of steps, each a user or a role, with an SLA
// in working time per step and overall, counted on a business-hours calendar.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "atrium/core/result.hpp"
#include "atrium/metadata/catalog.hpp"
#include "atrium/storage/database.hpp"

namespace atrium::workflow {

// What happens when a step is overdue: it moves on to the next step, or to the
// assignee's manager. The last step always goes to the manager.
enum class OverdueAction { next_step, manager };

struct RoutingStep {
  std::string name;
  std::string user_id;  // exactly one of user_id and role_id
  std::string role_id;  // a member of the role: the one with the fewest open routed items
  std::int64_t sla_minutes = 0;
  OverdueAction on_overdue = OverdueAction::next_step;
};

struct RoutingPath {
  std::string id;
  std::string name;
  std::string entity;  // the entity's name: "task"
  std::string field;
  std::string value;
  std::string calendar_id;
  std::vector<RoutingStep> steps;
  std::optional<std::int64_t> overall_sla_minutes;
  bool active = true;
};

inline constexpr std::size_t kMaxRoutingSteps = 20;
// A year of working time at most, so sums stay far from overflow.
inline constexpr std::int64_t kMaxSlaMinutes = 60 * 24 * 366;

// Reads a path from an API body ({"name","entity","field","value","calendar_id","steps":
// [{"name","user_id"|"role_id","sla_hours","on_overdue"}],"overall_sla_hours","active"}),
// naming every field at fault; `entity`, `field` and `value` are checked against the
// catalog (an enum field's value must be one of its keys). Users, roles and the calendar
// are checked against the database by the routes.
Result<RoutingPath> read_routing_path(const boost::json::object& body, const metadata::Catalog& catalog);

// The steps as stored (JSON text) and back.
std::string steps_text(const std::vector<RoutingStep>& steps);
std::vector<RoutingStep> steps_from_text(std::string_view text);
boost::json::array steps_json(const std::vector<RoutingStep>& steps);

// Hours on the wire, minutes in storage: "1.5" hours is 90 minutes.
double minutes_to_hours(std::int64_t minutes);

}  // namespace atrium::workflow
