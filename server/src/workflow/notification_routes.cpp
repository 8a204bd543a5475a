#include "atrium/workflow/notification_routes.hpp"

#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include <charconv>

#include "../records/caller.hpp"

namespace atrium::workflow {

namespace {

using http::Request;
using http::Response;

constexpr int kDefaultLimit = 50;
constexpr int kMaxLimit = 200;

Result<int> limit_of(const Request& request) {
  auto text = request.query("limit");
  if (!text) return kDefaultLimit;
  int limit = 0;
  auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), limit);
  if (error != std::errc() || end != text->data() + text->size() || limit < 1 || limit > kMaxLimit) {
    return Error{ErrorCode::bad_request, "limit is a whole number from 1 to 200",
                 {{"limit", "FIELD_INVALID", "a whole number from 1 to 200"}}};
  }
  return limit;
}

Result<bool> flag_of(const Request& request, std::string_view name) {
  auto text = request.query(name);
  if (!text || *text == "false" || *text == "0") return false;
  if (*text == "true" || *text == "1" || text->empty()) return true;
  return Error{ErrorCode::bad_request, fmt::format("{} is true or false", name),
               {{std::string(name), "FIELD_INVALID", "true or false"}}};
}

}  // namespace

void add_notification_routes(http::Router& router, Notifier& notifier, const Dashboard& dashboard, Outbox& outbox,
                             records::RecordService& records, const access::Authenticator& authenticator,
                             access::GrantStore& grants) {
  const records::RouteContext context{records, authenticator, grants};

  router.add(http::Method::get, "/api/v1/notifications", [&notifier, context](Request& request) {
    return records::as_caller(context, request, [&](const records::Actor& actor) {
      auto limit = limit_of(request);
      if (!limit) return Response::error(limit.error(), request.request_id);
      auto unread = flag_of(request, "unread");
      if (!unread) return Response::error(unread.error(), request.request_id);
      const std::string before = request.query("before").value_or("");
      auto items = notifier.list(actor.user_id, *unread, *limit, before);
      if (!items) return Response::error(items.error(), request.request_id);
      auto count = notifier.unread_count(actor.user_id);
      if (!count) return Response::error(count.error(), request.request_id);
      // The next page starts before the oldest item of this one.
      boost::json::value next = nullptr;
      if (static_cast<int>(items->size()) == *limit) next = items->back().as_object().at("created_at");
      return Response::json(200, boost::json::serialize(
                                     boost::json::object{{"data", *items}, {"unread", *count}, {"next_before", next}}));
    });
  });

  router.add(http::Method::get, "/api/v1/notifications/unread-count", [&notifier, context](Request& request) {
    return records::as_caller(context, request, [&](const records::Actor& actor) {
      auto count = notifier.unread_count(actor.user_id);
      if (!count) return Response::error(count.error(), request.request_id);
      return Response::json(200, boost::json::serialize(boost::json::object{{"unread", *count}}));
    });
  });

  router.add(http::Method::post, "/api/v1/notifications/read-all", [&notifier, context](Request& request) {
    return records::as_caller(context, request, [&](const records::Actor& actor) {
      auto marked = notifier.mark_all_read(actor.user_id);
      if (!marked) return Response::error(marked.error(), request.request_id);
      return Response::json(200, boost::json::serialize(boost::json::object{{"marked", *marked}, {"unread", 0}}));
    });
  });

  router.add(http::Method::post, "/api/v1/notifications/{id}/read", [&notifier, context](Request& request) {
    return records::as_caller(context, request, [&](const records::Actor& actor) {
      const std::string id(request.path_param("id"));
      auto found = notifier.mark_read(actor.user_id, id);
      if (!found) return Response::error(found.error(), request.request_id);
      // Another user's notification reads as absent.
      if (!*found) {
        return Response::error(make_error(ErrorCode::not_found, fmt::format("no notification with id {}", id)),
                               request.request_id);
      }
      auto count = notifier.unread_count(actor.user_id);
      if (!count) return Response::error(count.error(), request.request_id);
      return Response::json(200, boost::json::serialize(boost::json::object{{"id", id}, {"unread", *count}}));
    });
  });

  // Signed in, the stream also carries the user's own events (notifications, dashboard
  // changes); without a session it carries only the events meant for everyone.
  router.add(http::Method::get, "/api/v1/events", [&authenticator](Request& request) {
    Response response;
    response.event_stream = true;
    if (auto principal = authenticator.authenticate(request)) response.event_stream_user = principal->user.id;
    return response;
  });

  router.add(http::Method::get, "/api/v1/dashboard", [&dashboard, context](Request& request) {
    return records::as_caller(context, request, [&](const records::Actor& actor) {
      boost::json::array sections;
      for (const auto& section : dashboard.sections()) {
        auto content = section.read(actor);
        if (!content) return Response::error(content.error(), request.request_id);
        sections.push_back(
            boost::json::object{{"name", section.name}, {"label", section.label}, {"content", std::move(*content)}});
      }
      return Response::json(200, boost::json::serialize(boost::json::object{{"sections", std::move(sections)}}));
    });
  });

  router.add(http::Method::get, "/api/v1/outbox", [&outbox, &authenticator](Request& request) {
    auto principal = authenticator.authenticate(request);
    if (!principal) return Response::error(principal.error(), request.request_id);
    if (!principal->user.is_admin) {
      return Response::error(make_error(ErrorCode::forbidden, "the outbox is for administrators"), request.request_id);
    }
    auto limit = limit_of(request);
    if (!limit) return Response::error(limit.error(), request.request_id);
    const std::string status = request.query("status").value_or("");
    if (!status.empty() && status != "queued" && status != "sent" && status != "failed") {
      return Response::error(Error{ErrorCode::bad_request, "status is queued, sent or failed",
                                   {{"status", "FIELD_INVALID_ENUM", "queued, sent or failed"}}},
                             request.request_id);
    }
    auto items = outbox.list(status, *limit);
    if (!items) return Response::error(items.error(), request.request_id);
    return Response::json(200, boost::json::serialize(boost::json::object{{"data", std::move(*items)}}));
  });
}

}  // namespace atrium::workflow
