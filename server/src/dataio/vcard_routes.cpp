#include "atrium/dataio/vcard_routes.hpp"

#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include "../records/caller.hpp"
#include "atrium/dataio/vcard.hpp"
#include "atrium/dataio/vcard_contact_mapping.hpp"

namespace atrium::dataio {

namespace {

using http::Request;
using http::Response;
using records::Actor;
using records::EntityLayout;

constexpr const char* kVCardType = "text/vcard; charset=utf-8";

boost::json::object error_json(const Error& error) {
  boost::json::array fields;
  for (const auto& field : error.fields) {
    fields.emplace_back(boost::json::object{{"field", field.field}, {"code", field.code}, {"message", field.message}});
  }
  return {{"code", error_code_name(error.code)}, {"message", error.message}, {"fields", std::move(fields)}};
}

// A file name from a person's name: letters, digits and '-' only, so the header is safe.
std::string file_name_of(const boost::json::object& record) {
  std::string name;
  for (const char* field : {"first_name", "last_name"}) {
    const auto* value = record.if_contains(field);
    if (!value || !value->is_string()) continue;
    for (char c : value->as_string()) {
      if (std::isalnum(static_cast<unsigned char>(c))) {
        name += c;
      } else if (!name.empty() && name.back() != '-') {
        name += '-';
      }
    }
    if (!name.empty() && name.back() != '-') name += '-';
  }
  while (!name.empty() && name.back() == '-') name.pop_back();
  return name.empty() ? "contact" : name;
}

Response vcard_response(std::string body, const std::string& file_name) {
  Response response = Response::text(200, std::move(body), kVCardType);
  response.headers.set("Content-Disposition", fmt::format("attachment; filename=\"{}.vcf\"", file_name));
  return response;
}

}  // namespace

void add_vcard_routes(http::Router& router, records::RecordService& records,
                      const access::Authenticator& authenticator, access::GrantStore& grants) {
  const EntityLayout* layout = records.by_name("contact");
  if (!layout) return;
  const records::RouteContext context{records, authenticator, grants};
  const std::string base = "/api/v1/" + layout->entity().plural;

  router.add(http::Method::get, base + "/{id}/vcard", [&records, context, layout](Request& request) {
    return as_caller(context, request, [&](const Actor& actor) {
      auto record = records.get(*layout, request.path_param("id"), {}, actor.access);
      if (!record) return Response::error(record.error(), request.request_id);
      return vcard_response(write_vcard(vcard_from_contact(*layout, *record)), file_name_of(*record));
    });
  });

  router.add(http::Method::get, base + "/export.vcf", [&records, context, layout](Request& request) {
    return as_caller(context, request, [&](const Actor& actor) {
      records::ListQuery query;
      query.filter = request.query("filter").value_or("");
      query.sort = request.query("sort").value_or("");
      query.limit = records::kMaxPageSize;
      query.access = actor.access;
      std::string body;
      std::size_t written = 0;
      do {
        auto page = records.list(*layout, query);
        if (!page) return Response::error(page.error(), request.request_id);
        for (const auto& record : page->data) {
          if (written == kMaxVCardExport) {
            return Response::error(
                Error{ErrorCode::bad_request, "too many contacts for one file",
                      {{"filter", "EXPORT_TOO_LARGE", fmt::format("narrow the filter to at most {} contacts",
                                                                  kMaxVCardExport)}}},
                request.request_id);
          }
          body += write_vcard(vcard_from_contact(*layout, record.as_object()));
          ++written;
        }
        query.cursor = page->next_cursor.value_or("");
      } while (!query.cursor.empty());
      return vcard_response(std::move(body), layout->entity().plural);
    });
  });

  router.add(
      http::Method::post, base + "/vcard",
      [&records, context, layout](Request& request) {
        return as_caller(context, request, [&](const Actor& actor) {
          if (!actor.access->may(*layout, access::Action::create)) {
            return Response::error(records::access_denied(*layout, access::Action::create), request.request_id);
          }
          auto read = read_vcards(request.body);
          if (read.cards.empty() && read.errors.empty()) {
            return Response::error(Error{ErrorCode::validation_failed, "the file holds no vCard",
                                         {{"body", "VCARD_EMPTY", "one or more BEGIN:VCARD … END:VCARD"}}},
                                   request.request_id);
          }
          boost::json::array results;
          std::size_t created = 0;
          for (const auto& error : read.errors) {
            results.emplace_back(boost::json::object{
                {"card", error.card},
                {"status", "failed"},
                {"error", {{"code", error.code},
                           {"message", error.message},
                           {"fields", boost::json::array{{{"field", fmt::format("line {}", error.line)},
                                                          {"code", error.code},
                                                          {"message", error.message}}}}}}});
          }
          for (std::size_t i = 0; i < read.cards.size(); ++i) {
            boost::json::object result{{"card", read.index[i]}};
            auto values = contact_values_from_vcard(*layout, read.cards[i]);
            auto record = records.create(*layout, values, actor);
            if (!record) {
              result["status"] = "failed";
              result["error"] = error_json(record.error());
            } else {
              ++created;
              result["status"] = "created";
              result["id"] = record->at("id");
              auto warnings = records.advice_on_create(*layout, *record, actor.access);
              if (warnings && !warnings->empty()) result["warnings"] = std::move(*warnings);
            }
            results.emplace_back(std::move(result));
          }
          std::sort(results.begin(), results.end(), [](const boost::json::value& left, const boost::json::value& right) {
            return left.as_object().at("card").to_number<std::int64_t>() <
                   right.as_object().at("card").to_number<std::int64_t>();
          });
          boost::json::object body{{"created", created},
                                   {"failed", read.total - created},
                                   {"data", std::move(results)}};
          return Response::json(200, boost::json::serialize(body));
        });
      },
      http::BodyKind::raw);
}

}  // namespace atrium::dataio
