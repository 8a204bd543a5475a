// The PDFs of quotations and invoices through the API: an invoice's PDF to view, a copy
// saved as an attachment on the document, and the copy e-mailed to the customer.
#include <fmt/format.h>

#include <boost/json/serialize.hpp>

#include "../../records/caller.hpp"
#include "atrium/documents/pdf_renderer.hpp"
#include "atrium/sales/document_copies.hpp"
#include "printed_sales_documents.hpp"
#include "record_fields.hpp"

namespace atrium::sales {

namespace {

using http::Request;
using http::Response;
using records::Actor;

constexpr std::size_t kMaxMessage = 10000;

}  // namespace

void add_document_copy_routes(http::Router& router, DocumentCopies& copies, records::RecordService& records,
                              const access::Authenticator& authenticator, access::GrantStore& grants) {
  const records::RouteContext context{records, authenticator, grants};

  router.add(http::Method::get, "/api/v1/invoices/{id}/pdf", [&records, context](Request& request) {
    return records::as_caller(context, request, [&](const Actor& actor) {
      const std::string id(request.path_param("id"));
      auto visible = records.get(*records.by_name("invoice"), id, {"id"}, actor.access);
      if (!visible) return Response::error(visible.error(), request.request_id);
      Result<documents::PrintedDocument> printed = documents::PrintedDocument{};
      auto read = records.database().read([&](storage::Connection& connection) -> Result<void> {
        printed = printed_invoice(records, connection, id);
        if (!printed) return printed.error();
        return {};
      });
      if (!read) return Response::error(read.error(), request.request_id);
      auto pdf = documents::render_pdf(*printed);
      if (!pdf) return Response::error(pdf.error(), request.request_id);
      auto response = Response::text(200, std::move(*pdf), "application/pdf");
      // The web app previews it in a frame of its own pages.
      response.headers.set("X-Frame-Options", "SAMEORIGIN");
      response.headers.set("Content-Disposition",
                           fmt::format("inline; filename=\"{}.pdf\"", printed->facts.front().second));
      return response;
    });
  });

  for (const auto& [entity, plural] : {std::pair{"quotation", "quotations"}, std::pair{"invoice", "invoices"}}) {
    const std::string name = entity;
    router.add(http::Method::post, fmt::format("/api/v1/{}/{{id}}/pdf", plural),
               [&copies, &records, context, name](Request& request) {
                 return records::as_caller(context, request, [&](const Actor& actor) {
                   Result<boost::json::object> saved = boost::json::object{};
                   auto done = records.database().transact([&](storage::Connection& connection) -> Result<void> {
                     saved = copies.save_within(connection, name, request.path_param("id"), actor);
                     if (!saved) return saved.error();
                     return {};
                   });
                   if (!done) return Response::error(done.error(), request.request_id);
                   return Response::json(201, boost::json::serialize(*saved));
                 });
               });

    router.add(http::Method::post, fmt::format("/api/v1/{}/{{id}}/email", plural),
               [&copies, context, name](Request& request) {
                 return records::as_caller(context, request, [&](const Actor& actor) {
                   const auto* body = request.json.if_object();
                   const std::string to = body ? text_of(*body, "to") : std::string();
                   const std::string message = body ? text_of(*body, "message") : std::string();
                   if (message.size() > kMaxMessage) {
                     return Response::error(
                         field_error("message", "FIELD_TOO_LONG", fmt::format("at most {} characters", kMaxMessage)),
                         request.request_id);
                   }
                   auto sent = copies.email(name, request.path_param("id"), to, message, actor);
                   if (!sent) return Response::error(sent.error(), request.request_id);
                   return Response::json(201, boost::json::serialize(*sent));
                 });
               });
  }
}

}  // namespace atrium::sales
