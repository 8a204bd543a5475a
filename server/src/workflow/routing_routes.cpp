#include "atrium/workflow/routing_routes.hpp"

#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include "../records/caller.hpp"

namespace atrium::workflow {

namespace {

using http::Request;
using http::Response;
using records::Actor;

// Reads a move's body: remarks, action, the user to divert to, the routing's version.
// Every body is optional except a divert's user.
Result<MoveRequest> read_move(const Request& request, MoveKind kind) {
  MoveRequest move;
  if (request.json.is_null() || (request.body.empty() && !request.json.is_object())) {
    if (kind == MoveKind::divert) {
      return Error{ErrorCode::validation_failed, "the move is not valid",
                   {{"user_id", "FIELD_REQUIRED", "the user to divert to"}}};
    }
    return move;
  }
  if (!request.json.is_object()) return make_error(ErrorCode::bad_request, "the body must be a JSON object");
  Error invalid{ErrorCode::validation_failed, "the move is not valid", {}};
  const auto& body = request.json.as_object();
  for (const auto& [key, ignored] : body) {
    const std::string_view name(key);
    const bool known = name == "remarks" || name == "action" || name == "version" ||
                       (kind == MoveKind::divert && name == "user_id");
    if (!known) invalid.fields.push_back({std::string(name.substr(0, 64)), "UNKNOWN_FIELD", "not a field of this move"});
  }
  const auto text = [&](std::string_view name, std::size_t max, std::string& into) {
    const auto* value = body.if_contains(name);
    if (!value || value->is_null()) return;
    if (!value->is_string()) {
      invalid.fields.push_back({std::string(name), "FIELD_INVALID", "text"});
    } else if (value->as_string().size() > max) {
      invalid.fields.push_back({std::string(name), "FIELD_TOO_LONG", fmt::format("at most {} characters", max)});
    } else {
      into = std::string(value->as_string());
    }
  };
  text("remarks", kMaxRemarks, move.remarks);
  text("action", kMaxActionText, move.action);
  if (kind == MoveKind::divert) {
    text("user_id", 64, move.to_user_id);
    if (move.to_user_id.empty() && invalid.fields.empty()) {
      invalid.fields.push_back({"user_id", "FIELD_REQUIRED", "the user to divert to"});
    }
  }
  if (const auto* version = body.if_contains("version"); version && !version->is_null()) {
    if (!version->is_int64()) invalid.fields.push_back({"version", "FIELD_INVALID", "the routing's version, a number"});
    else move.expected_version = version->as_int64();
  }
  if (!invalid.fields.empty()) return invalid;
  return move;
}

Response answer(const Result<boost::json::object>& result, const Request& request) {
  if (!result) return Response::error(result.error(), request.request_id);
  return Response::json(200, boost::json::serialize(*result));
}

}  // namespace

void add_routing_routes(http::Router& router, RoutingService& routing, records::RecordService& records,
                        const access::Authenticator& authenticator, access::GrantStore& grants) {
  const records::RouteContext context{records, authenticator, grants};
  for (const auto& entity : records.catalog().entities()) {
    const records::EntityLayout* layout = records.by_name(entity.name);
    if (!layout) continue;
    const std::string base = fmt::format("/api/v1/{}/{{id}}/routing", entity.plural);
    router.add(http::Method::get, base, [&routing, context, layout](Request& request) {
      return records::as_caller(context, request, [&](const Actor& actor) {
        return answer(routing.view(*layout, request.path_param("id"), actor), request);
      });
    });
    router.add(http::Method::post, base + "/start", [&routing, context, layout](Request& request) {
      return records::as_caller(context, request, [&](const Actor& actor) {
        return answer(routing.start(*layout, request.path_param("id"), actor), request);
      });
    });
    for (const auto& [segment, kind] : {std::pair{"forward", MoveKind::forward}, std::pair{"divert", MoveKind::divert},
                                        std::pair{"return", MoveKind::send_back}}) {
      router.add(http::Method::post, base + "/" + segment, [&routing, context, layout, kind](Request& request) {
        return records::as_caller(context, request, [&](const Actor& actor) {
          auto move = read_move(request, kind);
          if (!move) return Response::error(move.error(), request.request_id);
          return answer(routing.move(*layout, request.path_param("id"), kind, *move, actor), request);
        });
      });
    }
  }
}

}  // namespace atrium::workflow
