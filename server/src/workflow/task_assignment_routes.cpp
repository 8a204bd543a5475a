#include "atrium/workflow/task_assignment_routes.hpp"

#include <boost/json/serialize.hpp>

#include <algorithm>

#include "../records/caller.hpp"

namespace atrium::workflow {

namespace {

using http::Request;
using http::Response;

Response json_response(const boost::json::object& body) { return Response::json(200, boost::json::serialize(body)); }

Result<std::vector<std::string>> user_ids_of(const Request& request) {
  const auto* body = request.json.is_object() ? &request.json.as_object() : nullptr;
  const auto* ids = body ? body->if_contains("user_ids") : nullptr;
  if (!ids || !ids->is_array()) {
    return Error{ErrorCode::validation_failed, "user_ids lists the assignees",
                 {{"user_ids", "FIELD_REQUIRED", "an array of user ids"}}};
  }
  std::vector<std::string> out;
  Error invalid{ErrorCode::validation_failed, "the assignees are not valid", {}};
  for (std::size_t i = 0; i < ids->as_array().size(); ++i) {
    const auto& id = ids->as_array()[i];
    if (!id.is_string() || id.as_string().empty() || id.as_string().size() > 64) {
      invalid.fields.push_back({"user_ids[" + std::to_string(i) + "]", "FIELD_INVALID", "a user id"});
      continue;
    }
    out.emplace_back(id.as_string());
  }
  if (!invalid.fields.empty()) return invalid;
  return out;
}

Result<AssigneeUpdate> update_of(const Request& request) {
  if (!request.json.is_object()) return make_error(ErrorCode::bad_request, "the body must be a JSON object");
  const auto& body = request.json.as_object();
  AssigneeUpdate update;
  Error invalid{ErrorCode::validation_failed, "the progress report is not valid", {}};
  for (const auto& [key, value] : body) {
    if (key == "status") {
      if (value.is_string()) update.status = std::string(value.as_string());
      else invalid.fields.push_back({"status", "FIELD_INVALID_ENUM", "open, in_progress, done or rejected"});
    } else if (key == "progress") {
      if (value.is_int64()) update.progress = static_cast<int>(std::clamp<std::int64_t>(value.as_int64(), -1, 101));
      else invalid.fields.push_back({"progress", "FIELD_INVALID", "a whole number from 0 to 100"});
    } else if (key == "remarks") {
      if (value.is_string()) update.remarks = std::string(value.as_string());
      else if (!value.is_null()) invalid.fields.push_back({"remarks", "FIELD_INVALID", "text"});
    } else {
      invalid.fields.push_back({std::string(key), "UNKNOWN_FIELD", "status, progress and remarks only"});
    }
  }
  if (!invalid.fields.empty()) return invalid;
  return update;
}

}  // namespace

void add_task_assignment_routes(http::Router& router, TaskAssignments& assignments, records::RecordService& records,
                                const access::Authenticator& authenticator, access::GrantStore& grants) {
  const records::RouteContext context{records, authenticator, grants};
  for (const auto& entity : records.catalog().entities()) {
    const records::EntityLayout* layout = entity.access.assignable ? records.by_name(entity.name) : nullptr;
    if (!layout) continue;
    const std::string base = "/api/v1/" + layout->entity().plural + "/{id}/assignees";

    router.add(http::Method::get, base, [&assignments, context, layout](Request& request) {
      return records::as_caller(context, request, [&](const records::Actor& actor) {
        auto read = assignments.read(*layout, request.path_param("id"), actor);
        return read ? json_response(*read) : Response::error(read.error(), request.request_id);
      });
    });

    router.add(http::Method::put, base, [&assignments, context, layout](Request& request) {
      return records::as_caller(context, request, [&](const records::Actor& actor) {
        auto user_ids = user_ids_of(request);
        if (!user_ids) return Response::error(user_ids.error(), request.request_id);
        auto assigned = assignments.assign(*layout, request.path_param("id"), *user_ids, actor);
        return assigned ? json_response(*assigned) : Response::error(assigned.error(), request.request_id);
      });
    });

    router.add(http::Method::patch, base + "/{user_id}", [&assignments, context, layout](Request& request) {
      return records::as_caller(context, request, [&](const records::Actor& actor) {
        auto update = update_of(request);
        if (!update) return Response::error(update.error(), request.request_id);
        // "me" stands for the caller, so a browser needs not know its own id.
        std::string user_id(request.path_param("user_id"));
        if (user_id == "me") user_id = actor.user_id;
        auto updated = assignments.update(*layout, request.path_param("id"), user_id, *update, actor);
        return updated ? json_response(*updated) : Response::error(updated.error(), request.request_id);
      });
    });
  }
}

}  // namespace atrium::workflow
