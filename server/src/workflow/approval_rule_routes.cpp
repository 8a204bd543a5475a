// Administration of approval rules: administrators only, like roles and picklists.
#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include "../records/caller.hpp"
#include "atrium/workflow/approval_routes.hpp"

namespace atrium::workflow {

namespace {

using http::Request;
using http::Response;

Response rule_response(int status, const ApprovalRule& rule) {
  Response response = Response::json(status, boost::json::serialize(rule_json(rule)));
  response.headers.set("ETag", fmt::format("\"{}\"", rule.version));
  return response;
}

Error administrators_only() {
  return make_error(ErrorCode::forbidden, "approval rules are administered by administrators");
}

// `If-Match: "3"` → 3; nothing when absent.
Result<std::optional<std::int64_t>> if_match(const Request& request) {
  auto header = request.headers.get("If-Match");
  if (!header) return std::optional<std::int64_t>{};
  std::string text(*header);
  if (text.starts_with("W/")) text.erase(0, 2);
  if (text.size() >= 2 && text.front() == '"' && text.back() == '"') text = text.substr(1, text.size() - 2);
  char* end = nullptr;
  const long long version = std::strtoll(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0') {
    return Error{ErrorCode::bad_request, "If-Match is not valid", {{"If-Match", "FIELD_INVALID", "e.g. \"3\""}}};
  }
  return std::optional<std::int64_t>{version};
}

}  // namespace

void add_approval_rule_routes(http::Router& router, ApprovalRules& rules, records::RecordService& records,
                              const access::Authenticator& authenticator, access::GrantStore& grants) {
  const records::RouteContext context{records, authenticator, grants};

  router.add(http::Method::get, "/api/v1/approval-rules", [&rules, &records, context](Request& request) {
    return records::as_caller(context, request, [&](const records::Actor& actor) {
      if (!actor.access->unrestricted()) return Response::error(administrators_only(), request.request_id);
      std::string entity = request.query("entity").value_or("");
      if (!entity.empty()) {
        const records::EntityLayout* layout = records.by_name(entity);
        if (!layout) layout = records.by_plural(entity);
        if (!layout) {
          return Response::error(Error{ErrorCode::bad_request, "the entity is not valid",
                                       {{"entity", "UNKNOWN_ENTITY", fmt::format("no entity '{}'", entity)}}},
                                 request.request_id);
        }
        entity = layout->entity().name;
      }
      auto list = rules.list(entity);
      if (!list) return Response::error(list.error(), request.request_id);
      boost::json::array data;
      for (const auto& rule : *list) data.emplace_back(rule_json(rule));
      return Response::json(200, boost::json::serialize(boost::json::object{{"data", std::move(data)}}));
    });
  });

  router.add(http::Method::post, "/api/v1/approval-rules", [&rules, context](Request& request) {
    return records::as_caller(context, request, [&](const records::Actor& actor) {
      if (!actor.access->unrestricted()) return Response::error(administrators_only(), request.request_id);
      if (!request.json.is_object()) {
        return Response::error(make_error(ErrorCode::bad_request, "the body is a JSON object"), request.request_id);
      }
      auto created = rules.create(request.json.as_object(), actor.user_id);
      if (!created) return Response::error(created.error(), request.request_id);
      Response response = rule_response(201, *created);
      response.headers.set("Location", "/api/v1/approval-rules/" + created->id);
      return response;
    });
  });

  router.add(http::Method::get, "/api/v1/approval-rules/{id}", [&rules, context](Request& request) {
    return records::as_caller(context, request, [&](const records::Actor& actor) {
      if (!actor.access->unrestricted()) return Response::error(administrators_only(), request.request_id);
      auto rule = rules.get(std::string(request.path_param("id")));
      if (!rule) return Response::error(rule.error(), request.request_id);
      return rule_response(200, *rule);
    });
  });

  router.add(http::Method::patch, "/api/v1/approval-rules/{id}", [&rules, context](Request& request) {
    return records::as_caller(context, request, [&](const records::Actor& actor) {
      if (!actor.access->unrestricted()) return Response::error(administrators_only(), request.request_id);
      if (!request.json.is_object()) {
        return Response::error(make_error(ErrorCode::bad_request, "the body is a JSON object"), request.request_id);
      }
      auto expected = if_match(request);
      if (!expected) return Response::error(expected.error(), request.request_id);
      auto updated = rules.update(std::string(request.path_param("id")), request.json.as_object(), *expected,
                                  actor.user_id);
      if (!updated) return Response::error(updated.error(), request.request_id);
      return rule_response(200, *updated);
    });
  });

  router.add(http::Method::del, "/api/v1/approval-rules/{id}", [&rules, context](Request& request) {
    return records::as_caller(context, request, [&](const records::Actor& actor) {
      if (!actor.access->unrestricted()) return Response::error(administrators_only(), request.request_id);
      auto removed = rules.remove(std::string(request.path_param("id")));
      if (!removed) return Response::error(removed.error(), request.request_id);
      Response response;
      response.status = 204;
      return response;
    });
  });
}

}  // namespace atrium::workflow
