#include "atrium/records/record_routes.hpp"

#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include <algorithm>

#include "atrium/records/list_parameters.hpp"
#include "atrium/records/search_index.hpp"
#include "access_explanation.hpp"
#include "caller.hpp"
#include "record_access.hpp"

namespace atrium::records {

namespace {

using http::Request;
using http::Response;

Response page_response(const ListPage& page) {
  boost::json::object body{{"data", page.data}};
  body["next_cursor"] = page.next_cursor ? boost::json::value(*page.next_cursor) : boost::json::value(nullptr);
  if (page.total) body["total"] = *page.total;
  return Response::json(200, boost::json::serialize(body));
}

Response record_response(int status, const boost::json::object& record) {
  Response response = Response::json(status, boost::json::serialize(record));
  if (const auto* version = record.if_contains("version"); version && version->is_int64()) {
    response.headers.set("ETag", fmt::format("\"{}\"", version->as_int64()));
  }
  return response;
}

// `If-Match: "3"` (or W/"3") → 3.
Result<std::optional<std::int64_t>> if_match(const Request& request) {
  auto header = request.headers.get("If-Match");
  if (!header) return std::optional<std::int64_t>{};
  std::string_view text = *header;
  if (text.starts_with("W/")) text.remove_prefix(2);
  if (text.size() >= 2 && text.front() == '"' && text.back() == '"') text = text.substr(1, text.size() - 2);
  char* end = nullptr;
  const std::string digits(text);
  const long long version = std::strtoll(digits.c_str(), &end, 10);
  if (digits.empty() || *end != '\0') {
    return Error{ErrorCode::bad_request, "If-Match is not valid",
                 {{"If-Match", "FIELD_INVALID", "the ETag of the record you read, e.g. \"3\""}}};
  }
  return std::optional<std::int64_t>{version};
}

Result<const boost::json::object*> object_body(const Request& request) {
  if (!request.json.is_object()) {
    return Error{ErrorCode::bad_request, "the body must be a JSON object", {}};
  }
  return &request.json.as_object();
}

}  // namespace

void add_record_routes(http::Router& router, RecordService& records, DeletionApprovals& approvals,
                       const access::Authenticator& authenticator, access::GrantStore& grants) {
  // Routes keep a copy: it holds only references to what outlives the router.
  const RouteContext context{records, authenticator, grants};
  router.add(http::Method::get, "/api/v1/search", [&records, context](Request& request) {
    return as_caller(context, request, [&](const Actor& actor) {
      SearchQuery query;
      query.text = request.query("q").value_or("");
      const auto wanted = split_list(request.query("entities").value_or(""));
      for (const auto& entity : records.catalog().entities()) {
        if (wanted.empty() || std::find(wanted.begin(), wanted.end(), entity.plural) != wanted.end()) {
          query.entities.push_back(records.by_plural(entity.plural));
        }
      }
      for (const auto& name : wanted) {
        if (!records.by_plural(name)) {
          return Response::error(Error{ErrorCode::bad_request, "the entities are not valid",
                                       {{"entities", "UNKNOWN_ENTITY", fmt::format("no entity '{}'", name)}}},
                                 request.request_id);
        }
      }
      if (auto limit = request.query("limit")) {
        const long parsed = std::strtol(limit->c_str(), nullptr, 10);
        if (parsed < 1 || parsed > 100) {
          return Response::error(Error{ErrorCode::bad_request, "the limit is not valid",
                                       {{"limit", "LIMIT_INVALID", "1 to 100"}}},
                                 request.request_id);
        }
        query.limit = static_cast<std::size_t>(parsed);
      }
      auto hits = records.search(query, actor.access);
      if (!hits) return Response::error(hits.error(), request.request_id);
      return Response::json(200, boost::json::serialize(boost::json::object{{"data", std::move(*hits)}}));
    });
  });

  // The global event log: every change to every record, by sequence.
  router.add(http::Method::get, "/api/v1/audit", [&records, context](Request& request) {
    return as_caller(context, request, [&](const Actor& actor) {
      AuditQuery query;
      query.entity = request.query("entity").value_or("");
      query.user_id = request.query("user_id").value_or("");
      query.since = request.query("since").value_or("");
      query.until = request.query("until").value_or("");
      char* end = nullptr;
      const auto after = request.query("after").value_or("0");
      query.after_sequence = std::strtoll(after.c_str(), &end, 10);
      const auto limit = request.query("limit").value_or("100");
      const long parsed_limit = std::strtol(limit.c_str(), nullptr, 10);
      if (*end != '\0' || parsed_limit < 1 || parsed_limit > static_cast<long>(kMaxPageSize)) {
        return Response::error(Error{ErrorCode::bad_request, "the audit query is not valid",
                                     {{"after", "FIELD_INVALID", "after: a sequence number; limit: 1 to 500"}}},
                               request.request_id);
      }
      query.limit = static_cast<std::size_t>(parsed_limit);
      auto entries = records.events(query, actor.access);
      if (!entries) return Response::error(entries.error(), request.request_id);
      boost::json::object body{{"data", *entries}};
      body["next_after"] = entries->empty() ? boost::json::value(nullptr)
                                            : boost::json::value(entries->back().as_object().at("sequence"));
      return Response::json(200, boost::json::serialize(body));
    });
  });

  for (const auto& entity : records.catalog().entities()) {
    const EntityLayout* layout = records.by_plural(entity.plural);
    const std::string base = "/api/v1/" + entity.plural;

    router.add(http::Method::get, base, [&records, context, layout](Request& request) {
      return as_caller(context, request, [&](const Actor& actor) {
        auto query = list_query_of(request);
        if (!query) return Response::error(query.error(), request.request_id);
        query->access = actor.access;
        auto page = records.list(*layout, *query);
        if (!page) return Response::error(page.error(), request.request_id);
        return page_response(*page);
      });
    });

    router.add(http::Method::post, base, [&records, context, layout, base](Request& request) {
      return as_caller(context, request, [&](const Actor& actor) {
        auto body = object_body(request);
        if (!body) return Response::error(body.error(), request.request_id);
        auto created = records.create(*layout, **body, actor);
        if (!created) return Response::error(created.error(), request.request_id);
        // The record is saved either way; advice (possible duplicates) rides along.
        auto warnings = records.advice_on_create(*layout, *created, actor.access);
        if (!warnings) return Response::error(warnings.error(), request.request_id);
        if (!warnings->empty()) (*created)["warnings"] = std::move(*warnings);
        Response response = record_response(201, *created);
        response.headers.set("Location", base + "/" + std::string(created->at("id").as_string()));
        return response;
      });
    });

    router.add(http::Method::post, base + "/bulk", [&records, context, layout](Request& request) {
      return as_caller(context, request, [&](const Actor& actor) {
        const auto* items = request.json.is_object() ? request.json.as_object().if_contains("items") : nullptr;
        if (!items || !items->is_array()) {
          return Response::error(Error{ErrorCode::bad_request, "the body must be {\"items\": [...]}", {}},
                                 request.request_id);
        }
        auto saved = records.bulk(*layout, items->as_array(), actor);
        if (!saved) return Response::error(saved.error(), request.request_id);
        return Response::json(200, boost::json::serialize(boost::json::object{{"data", std::move(*saved)}}));
      });
    });

    router.add(http::Method::get, base + "/{id}", [&records, context, layout](Request& request) {
      return as_caller(context, request, [&](const Actor& actor) {
        auto record = records.get(*layout, request.path_param("id"), split_list(request.query("fields").value_or("")),
                                  actor.access);
        if (!record) return Response::error(record.error(), request.request_id);
        return record_response(200, *record);
      });
    });

    router.add(http::Method::patch, base + "/{id}", [&records, context, layout](Request& request) {
      return as_caller(context, request, [&](const Actor& actor) {
        auto body = object_body(request);
        if (!body) return Response::error(body.error(), request.request_id);
        auto expected = if_match(request);
        if (!expected) return Response::error(expected.error(), request.request_id);
        auto updated = records.patch(*layout, request.path_param("id"), **body, *expected, actor);
        if (!updated) return Response::error(updated.error(), request.request_id);
        return record_response(200, *updated);
      });
    });

    router.add(http::Method::del, base + "/{id}", [&records, &approvals, context, layout](Request& request) {
      return as_caller(context, request, [&](const Actor& actor) {
        if (layout->entity().master_data) {
          auto approval = approvals.request(*layout, request.path_param("id"), actor);
          if (!approval) return Response::error(approval.error(), request.request_id);
          Response response = record_response(202, *approval);
          response.headers.set("Location", "/api/v1/approvals/" + std::string(approval->at("id").as_string()));
          return response;
        }
        auto removed = records.remove(*layout, request.path_param("id"), actor);
        if (!removed) return Response::error(removed.error(), request.request_id);
        Response response;
        response.status = 204;
        return response;
      });
    });

    for (const bool archive : {true, false}) {
      router.add(http::Method::post, base + (archive ? "/{id}/archive" : "/{id}/restore"),
                 [&records, context, layout, archive](Request& request) {
                   return as_caller(context, request, [&](const Actor& actor) {
                     auto record = records.set_archived(*layout, request.path_param("id"), archive, actor);
                     if (!record) return Response::error(record.error(), request.request_id);
                     return record_response(200, *record);
                   });
                 });
    }

    router.add(http::Method::get, base + "/{id}/history", [&records, context, layout](Request& request) {
      return as_caller(context, request, [&](const Actor& actor) {
        auto entries = records.history(*layout, request.path_param("id"), actor.access);
        if (!entries) return Response::error(entries.error(), request.request_id);
        return Response::json(200, boost::json::serialize(boost::json::object{{"data", std::move(*entries)}}));
      });
    });

    // Which role and rule grant or deny the record: administrators ask about anyone,
    // others about themselves, and only of records they can read.
    router.add(http::Method::get, base + "/{id}/access", [&records, context, layout](Request& request) {
      return as_caller(context, request, [&](const Actor& actor) {
        const std::string id(request.path_param("id"));
        const std::string subject_id = request.query("user_id").value_or(actor.user_id);
        if (!actor.access->unrestricted()) {
          if (subject_id != actor.user_id) {
            return Response::error(make_error(ErrorCode::forbidden, "only administrators ask about other users"),
                                   request.request_id);
          }
          if (auto visible = records.get(*layout, id, {"id"}, actor.access); !visible) {
            return Response::error(visible.error(), request.request_id);
          }
        }
        auto subject_grants = context.grants.for_user(subject_id);
        if (!subject_grants) {
          return Response::error(make_error(ErrorCode::not_found, fmt::format("no active user with id {}", subject_id)),
                                 request.request_id);
        }
        const RecordAccess subject = access_for(records, *subject_grants);
        auto answer = explain_access(records.database(), records, *layout, id, subject);
        if (!answer) return Response::error(answer.error(), request.request_id);
        return Response::json(200, boost::json::serialize(*answer));
      });
    });

    if (layout->entity().states) {
      router.add(http::Method::get, base + "/{id}/transitions", [&records, context, layout](Request& request) {
        return as_caller(context, request, [&](const Actor& actor) {
          auto options = records.transitions(*layout, request.path_param("id"), actor);
          if (!options) return Response::error(options.error(), request.request_id);
          boost::json::array data;
          for (const auto& option : *options) {
            boost::json::object item{{"name", option.name}, {"label", option.label}, {"to", option.to},
                                     {"allowed", option.allowed}};
            if (!option.allowed) item["reason"] = {{"code", option.reason_code}, {"message", option.reason}};
            data.emplace_back(std::move(item));
          }
          return Response::json(200, boost::json::serialize(boost::json::object{{"data", std::move(data)}}));
        });
      });
      router.add(http::Method::post, base + "/{id}/transitions/{transition}",
                 [&records, context, layout](Request& request) {
                   return as_caller(context, request, [&](const Actor& actor) {
                     const boost::json::object empty;
                     const boost::json::object* input = &empty;
                     if (!request.json.is_null()) {
                       if (!request.json.is_object()) {
                         return Response::error(
                             make_error(ErrorCode::bad_request, "the body is a JSON object of fields to set"),
                             request.request_id);
                       }
                       input = &request.json.as_object();
                     }
                     auto expected = if_match(request);
                     if (!expected) return Response::error(expected.error(), request.request_id);
                     auto updated = records.transition(*layout, request.path_param("id"),
                                                       request.path_param("transition"), *input, *expected, actor);
                     if (!updated) return Response::error(updated.error(), request.request_id);
                     return record_response(200, *updated);
                   });
                 });
    }

    router.add(http::Method::get, base + "/{id}/{related}", [&records, context, layout](Request& request) {
      return as_caller(context, request, [&](const Actor& actor) {
        const EntityLayout* related = records.by_plural(request.path_param("related"));
        if (!related) {
          return Response::error(make_error(ErrorCode::not_found, fmt::format("no related list '{}'",
                                                                             request.path_param("related"))),
                                 request.request_id);
        }
        auto query = list_query_of(request);
        if (!query) return Response::error(query.error(), request.request_id);
        query->access = actor.access;
        auto page = records.related(*layout, request.path_param("id"), *related, *query);
        if (!page) return Response::error(page.error(), request.request_id);
        return page_response(*page);
      });
    });
  }
}

}  // namespace atrium::records
