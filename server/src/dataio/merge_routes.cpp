#include "atrium/dataio/merge_routes.hpp"

#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include "../records/caller.hpp"

namespace atrium::dataio {

namespace {

using http::Request;
using http::Response;
using records::Actor;

constexpr long kDefaultMergePage = 50;
constexpr long kMaxMergePage = 500;

}  // namespace

void add_merge_routes(http::Router& router, records::RecordService& records, MergeService& merges,
                      const access::Authenticator& authenticator, access::GrantStore& grants) {
  const records::RouteContext context{records, authenticator, grants};
  for (const auto& entity : records.catalog().entities()) {
    const records::EntityLayout* layout = records.by_plural(entity.plural);
    if (!layout) continue;
    router.add(http::Method::post, "/api/v1/" + entity.plural + "/merge",
               [&merges, context, layout](Request& request) {
                 return as_caller(context, request, [&](const Actor& actor) {
                   auto parsed = MergeService::parse(*layout, request.json);
                   if (!parsed) return Response::error(parsed.error(), request.request_id);
                   auto merged = merges.merge(*layout, *parsed, actor);
                   if (!merged) return Response::error(merged.error(), request.request_id);
                   return Response::json(200, boost::json::serialize(*merged));
                 });
               });
  }

  router.add(http::Method::get, "/api/v1/merges", [&merges, &records, context](Request& request) {
    return as_caller(context, request, [&](const Actor& actor) {
      long limit = kDefaultMergePage;
      if (auto given = request.query("limit")) {
        char* end = nullptr;
        limit = std::strtol(given->c_str(), &end, 10);
        if (given->empty() || *end != '\0' || limit < 1 || limit > kMaxMergePage) {
          return Response::error(Error{ErrorCode::bad_request, "the limit is not valid",
                                       {{"limit", "LIMIT_INVALID", fmt::format("1 to {}", kMaxMergePage)}}},
                                 request.request_id);
        }
      }
      std::string entity;
      if (auto plural = request.query("entity"); plural && !plural->empty()) {
        const auto* layout = records.by_plural(*plural);
        if (!layout) layout = records.by_name(*plural);
        if (!layout) {
          return Response::error(Error{ErrorCode::bad_request, "the entity is not valid",
                                       {{"entity", "UNKNOWN_ENTITY", fmt::format("no entity '{}'", *plural)}}},
                                 request.request_id);
        }
        entity = layout->entity().name;
      }
      auto list = merges.list(entity, static_cast<std::size_t>(limit), actor);
      if (!list) return Response::error(list.error(), request.request_id);
      return Response::json(200, boost::json::serialize(boost::json::object{{"data", std::move(*list)}}));
    });
  });
  router.add(http::Method::get, "/api/v1/merges/{id}", [&merges, context](Request& request) {
    return as_caller(context, request, [&](const Actor& actor) {
      auto merge = merges.get(request.path_param("id"), actor);
      if (!merge) return Response::error(merge.error(), request.request_id);
      return Response::json(200, boost::json::serialize(*merge));
    });
  });
  router.add(http::Method::post, "/api/v1/merges/{id}/undo", [&merges, context](Request& request) {
    return as_caller(context, request, [&](const Actor& actor) {
      auto undone = merges.undo(request.path_param("id"), actor);
      if (!undone) return Response::error(undone.error(), request.request_id);
      return Response::json(200, boost::json::serialize(*undone));
    });
  });
}

}  // namespace atrium::dataio
