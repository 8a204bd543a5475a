#include "atrium/workflow/reminder_routes.hpp"

#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "../records/caller.hpp"
#include "atrium/workflow/reminder_service.hpp"

namespace atrium::workflow {

namespace {

using http::Request;
using http::Response;
using records::Actor;

constexpr std::size_t kMaxOffset = 100'000;

Error parameter_error(std::string_view name, std::string message) {
  return Error{ErrorCode::bad_request, fmt::format("the parameter {} is not valid", name),
               {{std::string(name), "PARAMETER_INVALID", std::move(message)}}};
}

Result<std::size_t> number_parameter(const Request& request, std::string_view name, std::size_t fallback,
                                     std::size_t max) {
  const auto text = request.query(name);
  if (!text || text->empty()) return fallback;
  std::size_t value = 0;
  const auto [end, problem] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (problem != std::errc() || end != text->data() + text->size() || value > max) {
    return parameter_error(name, fmt::format("a whole number up to {}", max));
  }
  return value;
}

Result<ReminderListQuery> list_query(const Request& request) {
  ReminderListQuery query;
  const auto scope = request.query("scope").value_or("all");
  if (scope == "all") query.scope = ReminderScope::involved;
  else if (scope == "mine") query.scope = ReminderScope::received;
  else if (scope == "created") query.scope = ReminderScope::set_by_me;
  else return parameter_error("scope", "all, mine (set for me) or created (set by me)");
  const auto period = request.query("status").value_or("upcoming");
  if (period == "upcoming") query.period = ReminderPeriod::upcoming;
  else if (period == "past") query.period = ReminderPeriod::past;
  else if (period == "all") query.period = ReminderPeriod::every;
  else return parameter_error("status", "upcoming, past or all");
  auto limit = number_parameter(request, "limit", 50, ReminderService::kMaxPageSize);
  if (!limit) return limit.take_error();
  if (*limit == 0) return parameter_error("limit", fmt::format("1 to {}", ReminderService::kMaxPageSize));
  auto offset = number_parameter(request, "cursor", 0, kMaxOffset);
  if (!offset) return offset.take_error();
  query.limit = *limit;
  query.offset = *offset;
  return query;
}

// `If-Match: "3"` (or W/"3") → 3; nothing without the header.
Result<std::optional<std::int64_t>> if_match(const Request& request) {
  auto header = request.headers.get("If-Match");
  if (!header) return std::optional<std::int64_t>{};
  std::string_view text = *header;
  if (text.starts_with("W/")) text.remove_prefix(2);
  if (text.size() >= 2 && text.front() == '"' && text.back() == '"') text = text.substr(1, text.size() - 2);
  std::int64_t version = 0;
  const auto [end, problem] = std::from_chars(text.data(), text.data() + text.size(), version);
  if (text.empty() || problem != std::errc() || end != text.data() + text.size()) {
    return Error{ErrorCode::bad_request, "If-Match is not valid",
                 {{"If-Match", "FIELD_INVALID", "the ETag of the reminder you read, e.g. \"3\""}}};
  }
  return std::optional<std::int64_t>{version};
}

Response reminder_response(int status, const boost::json::object& reminder) {
  Response response = Response::json(status, boost::json::serialize(reminder));
  if (const auto* version = reminder.if_contains("version"); version && version->is_int64()) {
    response.headers.set("ETag", fmt::format("\"{}\"", version->as_int64()));
  }
  return response;
}

}  // namespace

void add_reminder_routes(http::Router& router, ReminderService& reminders, records::RecordService& records,
                         const access::Authenticator& authenticator, access::GrantStore& grants) {
  const records::RouteContext context{records, authenticator, grants};

  router.add(http::Method::get, "/api/v1/reminders", [&reminders, context](Request& request) {
    return records::as_caller(context, request, [&](const Actor& actor) {
      auto query = list_query(request);
      if (!query) return Response::error(query.error(), request.request_id);
      auto page = reminders.list(actor, *query);
      if (!page) return Response::error(page.error(), request.request_id);
      return Response::json(200, boost::json::serialize(*page));
    });
  });

  router.add(http::Method::post, "/api/v1/reminders", [&reminders, context](Request& request) {
    return records::as_caller(context, request, [&](const Actor& actor) {
      auto created = reminders.create(actor, request.json);
      if (!created) return Response::error(created.error(), request.request_id);
      Response response = reminder_response(201, *created);
      response.headers.set("Location", fmt::format("/api/v1/reminders/{}", created->at("id").as_string().c_str()));
      return response;
    });
  });

  // Before /reminders/{id}, which would take "recipients" for an id.
  router.add(http::Method::get, "/api/v1/reminders/recipients", [&reminders, context](Request& request) {
    return records::as_caller(context, request, [&](const Actor&) {
      std::string text = request.query("q").value_or("");
      if (text.size() > 100) {
        return Response::error(parameter_error("q", "at most 100 characters"), request.request_id);
      }
      auto limit = number_parameter(request, "limit", 20, 100);
      if (!limit) return Response::error(limit.error(), request.request_id);
      auto found = reminders.recipients(text, std::max<std::size_t>(*limit, 1));
      if (!found) return Response::error(found.error(), request.request_id);
      return Response::json(200, boost::json::serialize(*found));
    });
  });

  router.add(http::Method::get, "/api/v1/reminders/{id}", [&reminders, context](Request& request) {
    return records::as_caller(context, request, [&](const Actor& actor) {
      auto reminder = reminders.get(actor, std::string(request.path_param("id")));
      if (!reminder) return Response::error(reminder.error(), request.request_id);
      return reminder_response(200, *reminder);
    });
  });

  router.add(http::Method::patch, "/api/v1/reminders/{id}", [&reminders, context](Request& request) {
    return records::as_caller(context, request, [&](const Actor& actor) {
      auto version = if_match(request);
      if (!version) return Response::error(version.error(), request.request_id);
      auto patched = reminders.patch(actor, std::string(request.path_param("id")), request.json, *version);
      if (!patched) return Response::error(patched.error(), request.request_id);
      return reminder_response(200, *patched);
    });
  });

  router.add(http::Method::del, "/api/v1/reminders/{id}", [&reminders, context](Request& request) {
    return records::as_caller(context, request, [&](const Actor& actor) {
      auto cancelled = reminders.cancel(actor, std::string(request.path_param("id")));
      if (!cancelled) return Response::error(cancelled.error(), request.request_id);
      return reminder_response(200, *cancelled);
    });
  });
}

}  // namespace atrium::workflow
