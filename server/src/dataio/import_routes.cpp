#include "atrium/dataio/import_routes.hpp"

#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include "../records/caller.hpp"

namespace atrium::dataio {

namespace {

using http::Request;
using http::Response;
using records::Actor;

constexpr std::size_t kMaxListedImports = 100;

// The entity named by `?entity=` (a plural), null when absent; UNKNOWN_ENTITY otherwise.
Result<const records::EntityLayout*> entity_parameter(const records::RecordService& records, const Request& request) {
  const auto entity = request.query("entity").value_or("");
  if (entity.empty()) return static_cast<const records::EntityLayout*>(nullptr);
  const auto* layout = records.by_plural(entity);
  if (!layout) {
    return Error{ErrorCode::bad_request, "the entity is not valid",
                 {{"entity", "UNKNOWN_ENTITY", fmt::format("no entity '{}'", entity)}}};
  }
  return layout;
}

// Importing needs the right to create or to edit the entity's records.
Result<void> may_import(const Actor& actor, const records::EntityLayout& layout) {
  if (!actor.access || actor.access->may(layout, access::Action::create) ||
      actor.access->may(layout, access::Action::edit)) {
    return {};
  }
  return records::access_denied(layout, access::Action::create);
}

}  // namespace

void add_import_routes(http::Router& router, ImportService& imports, FileStore& files,
                       records::RecordService& records, const access::Authenticator& authenticator,
                       access::GrantStore& grants) {
  const records::RouteContext context{records, authenticator, grants};

  // The file itself is the body (text/csv or the XLSX type): the transport streams it to
  // disk under the upload limit, and keeping it is a rename.
  router.add(
      http::Method::post, "/api/v1/import-files",
      [&imports, &files, &records, context](Request& request) {
        return records::as_caller(context, request, [&](const Actor& actor) {
          auto layout = entity_parameter(records, request);
          if (!layout) return Response::error(layout.error(), request.request_id);
          if (*layout) {
            if (auto allowed = may_import(actor, **layout); !allowed) {
              return Response::error(allowed.error(), request.request_id);
            }
          }
          std::string name = request.query("name").value_or("");
          if (name.size() > 255) name.resize(255);
          auto kept = files.keep(request, kImportFilePurpose);
          if (!kept) return Response::error(kept.error(), request.request_id);
          auto added = imports.add_file(actor, *kept, std::move(name));
          if (!added) return Response::error(added.error(), request.request_id);
          auto described = imports.describe_file(actor.user_id, kept->id, *layout, request.query("sheet").value_or(""));
          if (!described) return Response::error(described.error(), request.request_id);
          return Response::json(201, boost::json::serialize(*described));
        });
      },
      http::BodyKind::raw);

  router.add(http::Method::get, "/api/v1/import-files/{id}", [&imports, &records, context](Request& request) {
    return records::as_caller(context, request, [&](const Actor& actor) {
      auto layout = entity_parameter(records, request);
      if (!layout) return Response::error(layout.error(), request.request_id);
      auto described = imports.describe_file(actor.user_id, request.path_param("id"), *layout,
                                             request.query("sheet").value_or(""));
      if (!described) return Response::error(described.error(), request.request_id);
      return Response::json(200, boost::json::serialize(*described));
    });
  });

  router.add(http::Method::post, "/api/v1/imports", [&imports, context](Request& request) {
    return records::as_caller(context, request, [&](const Actor& actor) {
      if (!request.json.is_object()) {
        return Response::error(make_error(ErrorCode::bad_request, "the body must be a JSON object"),
                               request.request_id);
      }
      auto started = imports.start(actor, request.json.as_object());
      if (!started) return Response::error(started.error(), request.request_id);
      Response response = Response::json(202, boost::json::serialize(*started));
      response.headers.set("Location", fmt::format("/api/v1/imports/{}", std::string_view(started->at("id").as_string())));
      return response;
    });
  });

  router.add(http::Method::get, "/api/v1/imports", [&imports, context](Request& request) {
    return records::as_caller(context, request, [&](const Actor& actor) {
      auto listed = imports.list(actor.user_id, kMaxListedImports);
      if (!listed) return Response::error(listed.error(), request.request_id);
      return Response::json(200, boost::json::serialize(boost::json::object{{"data", std::move(*listed)}}));
    });
  });

  router.add(http::Method::get, "/api/v1/imports/{id}", [&imports, context](Request& request) {
    return records::as_caller(context, request, [&](const Actor& actor) {
      auto found = imports.get(actor.user_id, request.path_param("id"));
      if (!found) return Response::error(found.error(), request.request_id);
      return Response::json(200, boost::json::serialize(*found));
    });
  });

  router.add(http::Method::post, "/api/v1/imports/{id}/cancel", [&imports, context](Request& request) {
    return records::as_caller(context, request, [&](const Actor& actor) {
      auto cancelled = imports.cancel(actor.user_id, request.path_param("id"));
      if (!cancelled) return Response::error(cancelled.error(), request.request_id);
      return Response::json(200, boost::json::serialize(*cancelled));
    });
  });

  router.add(http::Method::get, "/api/v1/imports/{id}/errors", [&imports, context](Request& request) {
    return records::as_caller(context, request, [&](const Actor& actor) {
      const std::string id(request.path_param("id"));
      auto report = imports.error_report(actor.user_id, id);
      if (!report) return Response::error(report.error(), request.request_id);
      Response response = Response::text(200, std::move(*report), "text/csv; charset=utf-8");
      response.headers.set("Content-Disposition", fmt::format("attachment; filename=\"import-{}-errors.csv\"", id));
      return response;
    });
  });
}

}  // namespace atrium::dataio
