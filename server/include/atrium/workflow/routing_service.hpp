#pragma once
// Records on routing paths: started when a record of a routed type is created (or by
// hand), moved forward with remarks and an action, diverted to anyone, returned a step,
// and escalated by the SLA job when a step is overdue. Every move is kept in the
// routing's history, written to the record's audit trail (bumping its version, one entry
// per version) and notified to the new assignee.
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <string>

#include "atrium/core/result.hpp"
#include "atrium/core/time.hpp"
#include "atrium/records/record_service.hpp"
#include "atrium/storage/database.hpp"
#include "atrium/workflow/notifications.hpp"

namespace atrium::workflow {

class JobRegistry;
class JobScheduler;
struct RoutingState;

inline constexpr const char* kRoutingEscalationKind = "routing.escalate";
inline constexpr std::size_t kMaxRemarks = 4000;
inline constexpr std::size_t kMaxActionText = 500;

enum class MoveKind { start, forward, divert, send_back, complete, escalate, overdue, overall_breach };
std::string_view move_kind_name(MoveKind kind);

// What a person sends with a move.
struct MoveRequest {
  std::string remarks;
  std::string action;       // what was done at this level ("called the customer")
  std::string to_user_id;   // divert only
  std::optional<std::int64_t> expected_version;  // the routing's version read, if given
};

class RoutingService {
 public:
  RoutingService(storage::Database& database, records::RecordService& records, Notifier& notifier, const Clock& clock);

  // The record's routing: path, steps with their due times, current step and assignee,
  // overall SLA, history. A record not (yet) routed answers status "not_started" and the
  // path that would apply. 404 when the record is out of the actor's read scope.
  Result<boost::json::object> view(const records::EntityLayout& layout, std::string_view id,
                                   const records::Actor& actor);
  Result<boost::json::object> start(const records::EntityLayout& layout, std::string_view id,
                                    const records::Actor& actor);
  Result<boost::json::object> move(const records::EntityLayout& layout, std::string_view id, MoveKind kind,
                                   const MoveRequest& request, const records::Actor& actor);

  // The write hook: routes a record created with a routed type in the creating
  // transaction (the create's audit entry stands for the start), and drops the routing of
  // a deleted record.
  Result<void> on_record_written(storage::Connection& connection, const records::EntityLayout& layout,
                                 std::string_view id, const boost::json::object* record);

  // Escalates every step past its due time and records every overall breach due by
  // `now`, in the caller's transaction; returns how many routings changed. Each change is
  // guarded by the routing's version, so two runs at once escalate once.
  Result<int> escalate_overdue(storage::Connection& connection, TimePoint now);
  // The SLA job, run every minute by a recurring schedule. A sweep rather than a delayed
  // job per due time: due times move with every forward, divert and escalation, and a
  // sweep reads them as they are instead of cancelling and re-queueing jobs; it is one
  // indexed query when nothing is due.
  void register_jobs(JobRegistry& registry);
  Result<void> schedule_jobs(JobScheduler& scheduler);

  // The dashboard section "routed_to_me": the caller's routed records they may read,
  // overdue first.
  Result<boost::json::value> routed_to(const records::Actor& actor);

 private:
  Result<boost::json::object> state_json(storage::Connection& connection, const records::EntityLayout& layout,
                                         const RoutingState& state, TimePoint now);
  Result<void> start_within(storage::Connection& connection, const records::EntityLayout& layout,
                            std::string_view id, const boost::json::object& record, const std::string& actor_id,
                            bool audited);
  Result<void> apply(storage::Connection& connection, const records::EntityLayout& layout, RoutingState& state,
                     MoveKind kind, std::optional<std::size_t> to_step, const std::string& to_user,
                     const std::string& actor_id, const MoveRequest& request, TimePoint now);

  storage::Database& database_;
  records::RecordService& records_;
  Notifier& notifier_;
  const Clock& clock_;
};

}  // namespace atrium::workflow
