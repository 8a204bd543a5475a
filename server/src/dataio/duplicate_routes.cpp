#include "atrium/dataio/duplicate_routes.hpp"

#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include "../records/caller.hpp"

namespace atrium::dataio {

namespace {

using http::Request;
using http::Response;
using records::Actor;
using records::EntityLayout;

// A checked value longer than this is not a name, address or number anyone types.
constexpr std::size_t kMaxCheckedValue = 1000;
constexpr std::size_t kDefaultGroupPage = 20;
constexpr std::size_t kMaxGroupPage = 100;

Error value_too_long(std::string_view field) {
  return Error{ErrorCode::validation_failed, "a value is too long",
               {{std::string(field), "FIELD_TOO_LONG", fmt::format("at most {} characters", kMaxCheckedValue)}}};
}

// The values to check from the query string: the fields the rule compares, by API name.
Result<boost::json::object> values_from_query(const EntityLayout& layout, const Request& request) {
  const auto& rule = *layout.entity().duplicates;
  boost::json::object values;
  std::vector<std::string> names = rule.name_fields;
  names.insert(names.end(), rule.email_fields.begin(), rule.email_fields.end());
  names.insert(names.end(), rule.phone_fields.begin(), rule.phone_fields.end());
  if (!rule.country_field.empty()) names.push_back(rule.country_field);
  for (const auto& name : names) {
    auto given = request.query(name);
    if (!given) continue;
    if (given->size() > kMaxCheckedValue) return value_too_long(name);
    values[name] = *given;
  }
  // `country=GB` stands for the country field however it is shaped (an address).
  if (auto country = request.query("country"); country && !rule.country_field.empty()) {
    if (country->size() > kMaxCheckedValue) return value_too_long("country");
    values[rule.country_field] = *country;
  }
  return values;
}

Result<std::size_t> group_limit(const Request& request) {
  const auto text = request.query("limit");
  if (!text) return kDefaultGroupPage;
  char* end = nullptr;
  const long parsed = std::strtol(text->c_str(), &end, 10);
  if (text->empty() || *end != '\0' || parsed < 1 || parsed > static_cast<long>(kMaxGroupPage)) {
    return Error{ErrorCode::bad_request, "the limit is not valid",
                 {{"limit", "LIMIT_INVALID", fmt::format("a whole number from 1 to {}", kMaxGroupPage)}}};
  }
  return static_cast<std::size_t>(parsed);
}

}  // namespace

void add_duplicate_routes(http::Router& router, records::RecordService& records, const DuplicateFinder& finder,
                          const access::Authenticator& authenticator, access::GrantStore& grants) {
  const records::RouteContext context{records, authenticator, grants};
  for (const auto& entity : records.catalog().entities()) {
    const EntityLayout* layout = records.by_plural(entity.plural);
    if (!layout || !finder.applies_to(*layout)) continue;
    const std::string base = "/api/v1/" + entity.plural + "/duplicates";

    const auto check = [&finder, context, layout](Request& request) {
      return as_caller(context, request, [&](const Actor& actor) {
        if (!actor.access->may(*layout, access::Action::read)) {
          return Response::error(records::access_denied(*layout, access::Action::read), request.request_id);
        }
        boost::json::object values;
        if (request.method == http::Method::post) {
          if (!request.json.is_object()) {
            return Response::error(Error{ErrorCode::bad_request, "the body must be a JSON object of field values", {}},
                                   request.request_id);
          }
          for (const auto& [name, value] : request.json.as_object()) {
            if (value.is_string() && value.as_string().size() > kMaxCheckedValue) {
              return Response::error(value_too_long(name), request.request_id);
            }
          }
          values = request.json.as_object();
        } else {
          auto parsed = values_from_query(*layout, request);
          if (!parsed) return Response::error(parsed.error(), request.request_id);
          values = std::move(*parsed);
        }
        // An edit form checks the record it edits against the others.
        const std::string exclude_id = request.query("exclude_id").value_or("");
        auto candidates = finder.find(*layout, values, actor.access, exclude_id);
        if (!candidates) return Response::error(candidates.error(), request.request_id);
        boost::json::array data;
        for (const auto& candidate : *candidates) data.emplace_back(DuplicateFinder::to_json(candidate));
        return Response::json(200, boost::json::serialize(boost::json::object{{"data", std::move(data)}}));
      });
    };
    router.add(http::Method::get, base + "/check", check);
    router.add(http::Method::post, base + "/check", check);

    router.add(http::Method::get, base, [&finder, context, layout](Request& request) {
      return as_caller(context, request, [&](const Actor& actor) {
        auto limit = group_limit(request);
        if (!limit) return Response::error(limit.error(), request.request_id);
        auto page = finder.groups(*layout, actor.access, *limit, request.query("cursor").value_or(""));
        if (!page) return Response::error(page.error(), request.request_id);
        boost::json::array data;
        for (const auto& group : page->groups) {
          boost::json::array members;
          for (const auto& member : group.members) members.emplace_back(DuplicateFinder::to_json(member));
          data.emplace_back(boost::json::object{{"reason", duplicate_reason_name(group.kind)},
                                                {"records", std::move(members)}});
        }
        boost::json::object body{{"data", std::move(data)}};
        body["next_cursor"] =
            page->next_cursor ? boost::json::value(*page->next_cursor) : boost::json::value(nullptr);
        return Response::json(200, boost::json::serialize(body));
      });
    });
  }
}

}  // namespace atrium::dataio
