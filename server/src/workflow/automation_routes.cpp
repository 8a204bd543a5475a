#include "atrium/workflow/automation_routes.hpp"

#include <boost/json/serialize.hpp>

#include "../records/caller.hpp"

namespace atrium::workflow {

namespace {

using http::Request;
using http::Response;
using records::Actor;

constexpr std::size_t kMaxRuns = 200;

// Rules act on every record as the system: only administrators make or read them.
template <class Body>
Response administrator(const records::RouteContext& context, Request& request, Body body) {
  return records::as_caller(context, request, [&](const Actor& actor) {
    if (actor.access && !actor.access->unrestricted()) {
      return Response::error(make_error(ErrorCode::forbidden, "automation rules are managed by administrators"),
                             request.request_id);
    }
    return body(actor);
  });
}

Response json(int status, const boost::json::value& body) {
  return Response::json(status, boost::json::serialize(body));
}

Result<const boost::json::object*> object_body(const Request& request) {
  if (!request.json.is_object()) return make_error(ErrorCode::bad_request, "the body must be a JSON object");
  return &request.json.as_object();
}

}  // namespace

void add_automation_routes(http::Router& router, AutomationRuleStore& rules, records::RecordService& records,
                           const access::Authenticator& authenticator, access::GrantStore& grants) {
  const records::RouteContext context{records, authenticator, grants};

  router.add(http::Method::get, "/api/v1/automation-rules", [&rules, context](Request& request) {
    return administrator(context, request, [&](const Actor&) {
      std::string entity = request.query("entity").value_or("");
      if (entity.size() > 100) entity.resize(100);
      auto items = rules.list(entity);
      if (!items) return Response::error(items.error(), request.request_id);
      return json(200, boost::json::object{{"data", std::move(*items)}});
    });
  });

  router.add(http::Method::post, "/api/v1/automation-rules", [&rules, context](Request& request) {
    return administrator(context, request, [&](const Actor& actor) {
      auto body = object_body(request);
      if (!body) return Response::error(body.error(), request.request_id);
      auto created = rules.create(**body, actor.user_id);
      if (!created) return Response::error(created.error(), request.request_id);
      Response response = json(201, automation_rule_json(*created));
      response.headers.set("Location", "/api/v1/automation-rules/" + created->id);
      return response;
    });
  });

  router.add(http::Method::get, "/api/v1/automation-rules/{id}", [&rules, context](Request& request) {
    return administrator(context, request, [&](const Actor&) {
      auto found = rules.get(std::string(request.path_param("id")));
      if (!found) return Response::error(found.error(), request.request_id);
      return json(200, automation_rule_json(*found));
    });
  });

  router.add(http::Method::patch, "/api/v1/automation-rules/{id}", [&rules, context](Request& request) {
    return administrator(context, request, [&](const Actor&) {
      auto body = object_body(request);
      if (!body) return Response::error(body.error(), request.request_id);
      auto updated = rules.update(std::string(request.path_param("id")), **body);
      if (!updated) return Response::error(updated.error(), request.request_id);
      return json(200, automation_rule_json(*updated));
    });
  });

  router.add(http::Method::del, "/api/v1/automation-rules/{id}", [&rules, context](Request& request) {
    return administrator(context, request, [&](const Actor&) {
      if (auto removed = rules.remove(std::string(request.path_param("id"))); !removed) {
        return Response::error(removed.error(), request.request_id);
      }
      Response response;
      response.status = 204;
      return response;
    });
  });

  router.add(http::Method::get, "/api/v1/automation-rules/{id}/runs", [&rules, context](Request& request) {
    return administrator(context, request, [&](const Actor&) {
      const std::string id(request.path_param("id"));
      if (auto found = rules.get(id); !found) return Response::error(found.error(), request.request_id);
      auto runs = rules.runs(id, kMaxRuns);
      if (!runs) return Response::error(runs.error(), request.request_id);
      return json(200, boost::json::object{{"data", std::move(*runs)}});
    });
  });
}

}  // namespace atrium::workflow
