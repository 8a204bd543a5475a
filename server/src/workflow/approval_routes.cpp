#include "atrium/workflow/approval_routes.hpp"

#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include <charconv>

#include "../records/caller.hpp"

namespace atrium::workflow {

namespace {

using http::Request;
using http::Response;

constexpr std::size_t kMaxRemarksLength = 2000;

Response data_response(boost::json::array data) {
  return Response::json(200, boost::json::serialize(boost::json::object{{"data", std::move(data)}}));
}

Error query_error(std::string field, std::string message) {
  return Error{ErrorCode::bad_request, fmt::format("{} is not valid", field),
               {{std::move(field), "FIELD_INVALID", std::move(message)}}};
}

Result<ApprovalListQuery> list_query_of(const Request& request, const records::RecordService& records) {
  ApprovalListQuery query;
  if (auto status = request.query("status")) {
    if (*status != "pending" && *status != "approved" && *status != "rejected" && *status != "all") {
      return query_error("status", "pending, approved, rejected or all");
    }
    query.status = *status;
  }
  if (auto entity = request.query("entity"); entity && !entity->empty()) {
    const records::EntityLayout* layout = records.by_name(*entity);
    if (!layout) layout = records.by_plural(*entity);
    if (!layout) {
      return Error{ErrorCode::bad_request, "the entity is not valid",
                   {{"entity", "UNKNOWN_ENTITY", fmt::format("no entity '{}'", *entity)}}};
    }
    query.entity = layout->entity().name;
  }
  if (auto record_id = request.query("record_id"); record_id && !record_id->empty()) {
    if (query.entity.empty() || record_id->size() > 64) return query_error("record_id", "a record id, with entity");
    query.record_id = *record_id;
  }
  if (auto assigned = request.query("assigned")) {
    if (*assigned != "me") return query_error("assigned", "me: what waits for your decision");
    query.assigned_to_caller = true;
  }
  if (auto requested = request.query("requested")) {
    if (*requested != "me") return query_error("requested", "me: your own requests");
    query.requested_by_caller = true;
  }
  if (auto limit = request.query("limit")) {
    std::size_t parsed = 0;
    auto [end, error] = std::from_chars(limit->data(), limit->data() + limit->size(), parsed);
    if (error != std::errc() || end != limit->data() + limit->size() || parsed < 1 || parsed > records::kMaxPageSize) {
      return query_error("limit", "1 to 500");
    }
    query.limit = parsed;
  }
  return query;
}

Result<std::string> remarks_of(const Request& request) {
  if (!request.json.is_object()) return std::string();
  const auto* given = request.json.as_object().if_contains("remarks");
  if (!given || given->is_null()) return std::string();
  if (!given->is_string() || given->as_string().size() > kMaxRemarksLength) {
    return Error{ErrorCode::validation_failed, "the remarks are not valid",
                 {{"remarks", "FIELD_INVALID", fmt::format("text of at most {} characters", kMaxRemarksLength)}}};
  }
  return std::string(given->as_string());
}

}  // namespace

void add_approval_routes(http::Router& router, ApprovalEngine& engine, ApprovalRules& rules,
                         ApprovalDelegations& delegations, records::RecordService& records,
                         const access::Authenticator& authenticator, access::GrantStore& grants) {
  const records::RouteContext context{records, authenticator, grants};

  router.add(http::Method::get, "/api/v1/approvals", [&engine, &records, context](Request& request) {
    return records::as_caller(context, request, [&](const records::Actor& actor) {
      auto query = list_query_of(request, records);
      if (!query) return Response::error(query.error(), request.request_id);
      if (!query->record_id.empty()) {
        // Whoever may read the record sees what it waits for (why it is locked).
        const records::EntityLayout* layout = records.by_name(query->entity);
        if (auto visible = records.get(*layout, query->record_id, {"id"}, actor.access); !visible) {
          return Response::error(visible.error(), request.request_id);
        }
        if (!query->assigned_to_caller && !query->requested_by_caller) {
          auto pending = engine.list(*query, records::Actor{actor.user_id});
          if (!pending) return Response::error(pending.error(), request.request_id);
          return data_response(std::move(*pending));
        }
      }
      auto list = engine.list(*query, actor);
      if (!list) return Response::error(list.error(), request.request_id);
      return data_response(std::move(*list));
    });
  });

  // A manual rule started by a user for a record they may edit.
  router.add(http::Method::post, "/api/v1/approvals", [&engine, &rules, &records, context](Request& request) {
    return records::as_caller(context, request, [&](const records::Actor& actor) {
      const auto* body = request.json.is_object() ? &request.json.as_object() : nullptr;
      const auto* rule_id = body ? body->if_contains("rule_id") : nullptr;
      const auto* record_id = body ? body->if_contains("record_id") : nullptr;
      if (!rule_id || !rule_id->is_string() || rule_id->as_string().size() > 64) {
        return Response::error(Error{ErrorCode::validation_failed, "the request is not valid",
                                     {{"rule_id", "FIELD_REQUIRED", "the id of a manual approval rule"}}},
                               request.request_id);
      }
      if (!record_id || !record_id->is_string() || record_id->as_string().size() > 64) {
        return Response::error(Error{ErrorCode::validation_failed, "the request is not valid",
                                     {{"record_id", "FIELD_REQUIRED", "the id of the record to approve"}}},
                               request.request_id);
      }
      auto rule = rules.get(std::string(rule_id->as_string()));
      if (!rule) return Response::error(rule.error(), request.request_id);
      if (rule->trigger != ApprovalTrigger::manual || !rule->active) {
        return Response::error(Error{ErrorCode::validation_failed, "the rule is not started by hand",
                                     {{"rule_id", "RULE_NOT_MANUAL", "an active rule with trigger manual"}}},
                               request.request_id);
      }
      const records::EntityLayout* layout = records.by_name(rule->entity);
      const std::string id(record_id->as_string());
      if (auto visible = records.get(*layout, id, {"id"}, actor.access); !visible) {
        return Response::error(visible.error(), request.request_id);
      }
      Result<std::string> started = std::string();
      auto saved = records.database().transact([&](storage::Connection& connection) -> Result<void> {
        ATRIUM_TRY(records.ensure_allowed(connection, *layout, id, actor, access::Action::edit));
        started = engine.start(connection, rule->id, rule->entity, id, actor.user_id);
        if (!started) return started.error();
        return {};
      });
      if (!saved) return Response::error(saved.error(), request.request_id);
      auto approval = engine.get(*started, actor);
      if (!approval) return Response::error(approval.error(), request.request_id);
      Response response = Response::json(201, boost::json::serialize(*approval));
      response.headers.set("Location", "/api/v1/approvals/" + *started);
      return response;
    });
  });

  router.add(http::Method::get, "/api/v1/approvals/{id}", [&engine, context](Request& request) {
    return records::as_caller(context, request, [&](const records::Actor& actor) {
      auto approval = engine.get(request.path_param("id"), actor);
      if (!approval) return Response::error(approval.error(), request.request_id);
      return Response::json(200, boost::json::serialize(*approval));
    });
  });

  for (const auto decision : {ApprovalDecision::approve, ApprovalDecision::reject}) {
    const std::string path = decision == ApprovalDecision::approve ? "/api/v1/approvals/{id}/approve"
                                                                   : "/api/v1/approvals/{id}/reject";
    router.add(http::Method::post, path, [&engine, context, decision](Request& request) {
      return records::as_caller(context, request, [&](const records::Actor& actor) {
        auto remarks = remarks_of(request);
        if (!remarks) return Response::error(remarks.error(), request.request_id);
        // Only those who may see an approval learn that it exists.
        if (auto visible = engine.get(request.path_param("id"), actor); !visible) {
          return Response::error(visible.error(), request.request_id);
        }
        auto decided = engine.decide(request.path_param("id"), decision, *remarks, actor);
        if (!decided) return Response::error(decided.error(), request.request_id);
        return Response::json(200, boost::json::serialize(*decided));
      });
    });
  }

  // Whom a user may name as delegate: the active staff, by name only (the user
  // administration, with everything else about people, is for administrators).
  router.add(http::Method::get, "/api/v1/approval-delegates", [&records, context](Request& request) {
    return records::as_caller(context, request, [&](const records::Actor&) {
      boost::json::array people;
      auto read = records.database().read([&](storage::Connection& connection) -> Result<void> {
        return connection.each(
            "SELECT id, name FROM users WHERE active = 1 AND kind = 'staff' ORDER BY name, id LIMIT 1000", {},
            [&](const storage::Row& row) {
              people.push_back({{"id", row[0].text()}, {"name", row[1].text()}});
              return true;
            });
      });
      if (!read) return Response::error(read.error(), request.request_id);
      return data_response(std::move(people));
    });
  });

  router.add(http::Method::get, "/api/v1/approval-delegations", [&delegations, context](Request& request) {
    return records::as_caller(context, request, [&](const records::Actor& actor) {
      auto list = delegations.list(actor.user_id);
      if (!list) return Response::error(list.error(), request.request_id);
      return data_response(std::move(*list));
    });
  });
  router.add(http::Method::post, "/api/v1/approval-delegations", [&delegations, context](Request& request) {
    return records::as_caller(context, request, [&](const records::Actor& actor) {
      if (!request.json.is_object()) {
        return Response::error(make_error(ErrorCode::bad_request, "the body is a JSON object"), request.request_id);
      }
      auto created = delegations.create(actor.user_id, request.json.as_object());
      if (!created) return Response::error(created.error(), request.request_id);
      return Response::json(201, boost::json::serialize(*created));
    });
  });
  router.add(http::Method::del, "/api/v1/approval-delegations/{id}", [&delegations, context](Request& request) {
    return records::as_caller(context, request, [&](const records::Actor& actor) {
      auto removed = delegations.remove(actor.user_id, std::string(request.path_param("id")),
                                        actor.access->unrestricted());
      if (!removed) return Response::error(removed.error(), request.request_id);
      Response response;
      response.status = 204;
      return response;
    });
  });
}

}  // namespace atrium::workflow
