#pragma once
// A record's routing as stored in record_routings, and the reads and writes the routing
// service, its escalation and its views share.
#include <boost/json/array.hpp>
#include <optional>
#include <string>
#include <vector>

#include "atrium/core/result.hpp"
#include "atrium/core/time.hpp"
#include "atrium/records/entity_layout.hpp"
#include "atrium/storage/database.hpp"
#include "atrium/workflow/routing_path.hpp"

namespace atrium::workflow {

struct RoutingState {
  std::string id;
  std::string entity;
  std::string record_id;
  std::string path_id;
  std::string path_name;
  std::string calendar_id;
  std::vector<RoutingStep> steps;
  std::string status;  // active, completed
  std::size_t current_step = 0;
  std::string assignee_id;
  std::string step_started_at;
  std::string step_due_at;
  std::string started_at;
  std::string overall_due_at;
  std::string overall_breached_at;
  std::string completed_at;
  bool escalation_exhausted = false;
  std::int64_t version = 0;
};

Result<std::optional<RoutingState>> load_routing(storage::Connection& connection, std::string_view entity,
                                                 std::string_view record_id);
Result<std::optional<RoutingState>> load_routing_by_id(storage::Connection& connection, std::string_view id);

// Who takes a step: its user, or the member of its role with the fewest open routed
// items (then by username, so the choice is stable). CONFLICT ROLE_WITHOUT_MEMBERS when
// the role has no active member; USER_INACTIVE for a user no longer active.
Result<std::string> pick_assignee(storage::Connection& connection, const RoutingStep& step);
// The user's active manager; empty when there is none.
Result<std::string> manager_of(storage::Connection& connection, const std::string& user_id);
// A user's display name (their id when unknown).
Result<std::string> user_name(storage::Connection& connection, const std::string& user_id);

// Writes one routing move into the record's audit trail: the record's version moves on
// with it (one entry per version), `changes` as [{"field","old","new"}].
Result<void> audit_routing_move(storage::Connection& connection, const records::EntityLayout& layout,
                                std::string_view record_id, std::string_view action, const std::string& actor_id,
                                const std::string& at, const boost::json::array& changes);
// The record's title as people read it, for notifications.
Result<std::string> record_title(storage::Connection& connection, const records::EntityLayout& layout,
                                 std::string_view record_id);

}  // namespace atrium::workflow
