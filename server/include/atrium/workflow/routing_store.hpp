#pragma once
// Reading business calendars and routing paths from their tables, for the admin routes,
// the routing of records and the SLA escalation alike.
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "atrium/core/result.hpp"
#include "atrium/storage/database.hpp"
#include "atrium/workflow/business_calendar.hpp"
#include "atrium/workflow/routing_path.hpp"

namespace atrium::workflow {

// NOT_FOUND when there is no such calendar.
Result<BusinessCalendar> load_business_calendar(storage::Connection& connection, std::string_view id);
Result<boost::json::object> business_calendar_json(storage::Connection& connection, std::string_view id);

Result<RoutingPath> load_routing_path(storage::Connection& connection, std::string_view id);
Result<boost::json::object> routing_path_json(storage::Connection& connection, std::string_view id);

// The active path for a record of `entity` whose fields are `record` (as the API shows
// them): the one whose field holds its value. Nothing when none applies.
Result<std::optional<RoutingPath>> matching_routing_path(storage::Connection& connection, std::string_view entity,
                                                         const boost::json::object& record);

}  // namespace atrium::workflow
