// The revisions of a quotation through the API: the list, one frozen revision, and the
// difference between any two (or a frozen one and the quotation as it stands).
#include <fmt/format.h>

#include <boost/json/serialize.hpp>
#include <charconv>

#include "../../records/caller.hpp"
#include "atrium/documents/pdf_renderer.hpp"
#include "atrium/sales/quotations.hpp"
#include "quotation_parts.hpp"

namespace atrium::sales {

namespace {

using http::Request;
using http::Response;
using records::Actor;

Response json(const boost::json::value& body) {
  return Response::json(200, boost::json::serialize(body));
}

// "current" (the quotation as it stands) or a revision number ≥ 1.
std::optional<std::int64_t> revision_number(std::string_view text) {
  std::int64_t number = 0;
  const auto* end = text.data() + text.size();
  auto [rest, failed] = std::from_chars(text.data(), end, number);
  if (failed != std::errc() || rest != end || number < 1) return std::nullopt;
  return number;
}

Error bad_revision(std::string field) {
  const std::string message = "a revision number (1, 2, …) or current";
  return Error{ErrorCode::validation_failed, message, {{std::move(field), "FIELD_INVALID", message}}};
}

// Runs `body(connection)` when the caller may read the quotation (404 otherwise, as for
// a quotation out of their scope).
template <class Body>
Response with_quotation(records::RecordService& records, const Actor& actor, Request& request, Body body) {
  const std::string id(request.path_param("id"));
  const records::EntityLayout* layout = records.by_name("quotation");
  auto visible = records.get(*layout, id, {"id"}, actor.access);
  if (!visible) return Response::error(visible.error(), request.request_id);
  Result<boost::json::value> answer = boost::json::value();
  auto done = records.database().read([&](storage::Connection& connection) -> Result<void> {
    answer = body(connection, id);
    if (!answer) return answer.error();
    return {};
  });
  if (!done) return Response::error(done.error(), request.request_id);
  return json(*answer);
}

}  // namespace

void add_quotation_routes(http::Router& router, records::RecordService& records,
                          const access::Authenticator& authenticator, access::GrantStore& grants) {
  const records::RouteContext context{records, authenticator, grants};

  router.add(http::Method::get, "/api/v1/quotations/{id}/revisions", [&records, context](Request& request) {
    return records::as_caller(context, request, [&](const Actor& actor) {
      return with_quotation(
          records, actor, request,
          [&](storage::Connection& connection, const std::string& id) -> Result<boost::json::value> {
            auto frozen = quotations::revision_list(connection, id);
            if (!frozen) return frozen.take_error();
            auto current = records.get_within(connection, *records.by_name("quotation"), id);
            if (!current) return current.take_error();
            return boost::json::value(boost::json::object{
                {"data", std::move(*frozen)}, {"current", current->at("revision")}, {"status", current->at("status")}});
          });
    });
  });

  // Registered before …/revisions/{number} so that "diff" is not read as a number.
  router.add(http::Method::get, "/api/v1/quotations/{id}/revisions/diff", [&records, context](Request& request) {
    return records::as_caller(context, request, [&](const Actor& actor) {
      const std::string from_text(request.query("from").value_or(""));
      const std::string to_text(request.query("to").value_or("current"));
      const auto from = revision_number(from_text);
      const auto to = to_text == "current" ? std::optional<std::int64_t>(0) : revision_number(to_text);
      if (!from) return Response::error(bad_revision("from"), request.request_id);
      if (!to) return Response::error(bad_revision("to"), request.request_id);
      return with_quotation(records, actor, request,
                            [&](storage::Connection& connection, const std::string& id) -> Result<boost::json::value> {
                              auto before = quotations::frozen_revision(connection, id, *from);
                              if (!before) return before.take_error();
                              auto after = *to == 0 ? quotations::snapshot(records, connection, id)
                                                    : quotations::frozen_revision(connection, id, *to);
                              if (!after) return after.take_error();
                              return boost::json::value(quotations::diff(*before, *after));
                            });
    });
  });

  // The quotation as a PDF: as it stands, or a frozen revision (?revision=N) as it was sent.
  router.add(http::Method::get, "/api/v1/quotations/{id}/pdf", [&records, context](Request& request) {
    return records::as_caller(context, request, [&](const Actor& actor) {
      const auto revision_text = request.query("revision");
      const auto revision = revision_text ? revision_number(*revision_text) : std::optional<std::int64_t>(0);
      if (!revision) return Response::error(bad_revision("revision"), request.request_id);
      const std::string id(request.path_param("id"));
      auto visible = records.get(*records.by_name("quotation"), id, {"id"}, actor.access);
      if (!visible) return Response::error(visible.error(), request.request_id);
      Result<documents::PrintedDocument> printed = documents::PrintedDocument{};
      auto read = records.database().read([&](storage::Connection& connection) -> Result<void> {
        auto source = *revision == 0 ? quotations::snapshot(records, connection, id)
                                     : quotations::frozen_revision(connection, id, *revision);
        if (!source) return source.take_error();
        printed = quotations::printed_quotation(records, connection, *source);
        if (!printed) return printed.error();
        return {};
      });
      if (!read) return Response::error(read.error(), request.request_id);
      auto pdf = documents::render_pdf(*printed);
      if (!pdf) return Response::error(pdf.error(), request.request_id);
      const std::string number = printed->facts.empty() ? id : printed->facts.front().second;
      auto response = Response::text(200, std::move(*pdf), "application/pdf");
      // The web app previews it in a frame of its own pages.
      response.headers.set("X-Frame-Options", "SAMEORIGIN");
      response.headers.set("Content-Disposition",
                           fmt::format("inline; filename=\"{}-r{}.pdf\"", number,
                                       printed->facts.size() > 1 ? printed->facts[1].second : "1"));
      return response;
    });
  });

  router.add(http::Method::get, "/api/v1/quotations/{id}/revisions/{number}", [&records, context](Request& request) {
    return records::as_caller(context, request, [&](const Actor& actor) {
      const auto number = revision_number(request.path_param("number"));
      if (!number) return Response::error(bad_revision("number"), request.request_id);
      return with_quotation(records, actor, request,
                            [&](storage::Connection& connection, const std::string& id) -> Result<boost::json::value> {
                              auto frozen = quotations::frozen_revision(connection, id, *number);
                              if (!frozen) return frozen.take_error();
                              return boost::json::value(std::move(*frozen));
                            });
    });
  });
}

}  // namespace atrium::sales
