// Attachments through the API: the upload (the file is the body, streamed to disk by the
// transport) and the content. Listing, reading, editing the description and archiving
// are the generic record routes of `attachments`, related lists included.
#include "atrium/dataio/attachment_routes.hpp"

#include <fmt/format.h>

#include <boost/json/serialize.hpp>
#include <fstream>

#include "../records/caller.hpp"
#include "../records/record_access.hpp"
#include "file_body_producer.hpp"

namespace atrium::dataio {

namespace {

using http::Request;
using http::Response;
using records::Actor;

// Smaller files are answered from memory, with their length known up front.
constexpr std::uint64_t kWholeAnswerLimit = 1024 * 1024;

bool plain_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
         c == '_' || c == ' ' || c == '(' || c == ')';
}

// `filename="…"` for old clients (ASCII, quotes and the rest replaced) and `filename*`
// with the name as it was (RFC 6266, UTF-8 percent-encoded).
std::string disposition(bool inline_view, const std::string& name) {
  std::string plain;
  std::string encoded;
  for (char c : name) {
    plain += plain_name_char(c) ? c : '_';
    if (plain_name_char(c) && c != ' ') {
      encoded += c;
    } else {
      encoded += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    }
  }
  return fmt::format("{}; filename=\"{}\"; filename*=UTF-8''{}", inline_view ? "inline" : "attachment", plain, encoded);
}

std::string first_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string bytes(16, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  return bytes;
}

}  // namespace

void add_attachment_routes(http::Router& router, Attachments& attachments, records::RecordService& records,
                           const access::Authenticator& authenticator, access::GrantStore& grants) {
  const records::RouteContext context{records, authenticator, grants};

  router.add(
      http::Method::post, "/api/v1/attachment-files",
      [&attachments, &records, context](Request& request) {
        return records::as_caller(context, request, [&](const Actor& actor) {
          const records::EntityLayout& layout = *records.by_name("attachment");
          if (actor.access && !actor.access->may(layout, access::Action::create)) {
            return Response::error(records::access_denied(layout, access::Action::create), request.request_id);
          }
          NewAttachment attachment;
          attachment.parent_type = request.query("parent_type").value_or("");
          attachment.parent_id = request.query("parent_id").value_or("");
          attachment.file_name = request.query("file_name").value_or("");
          attachment.reference = request.query("reference").value_or("");
          attachment.description = request.query("description").value_or("");
          attachment.content_type = std::string(request.headers.get("Content-Type").value_or(""));
          auto kept = attachments.files().keep(request, kUploadPurpose);
          if (!kept) return Response::error(kept.error(), request.request_id);
          Result<boost::json::object> added = boost::json::object{};
          auto done = records.database().transact([&](storage::Connection& connection) -> Result<void> {
            added = attachments.add_within(connection, attachment, *kept, actor);
            if (!added) return added.error();
            return {};
          });
          if (!done) {
            attachments.files().remove(kUploadPurpose, kept->id);
            if (added) attachments.files().remove(kAttachmentPurpose, added->at("id").as_string());
            return Response::error(done.error(), request.request_id);
          }
          // Read back as the caller may see it (hidden fields left out).
          auto shown = records.get(layout, added->at("id").as_string(), {}, actor.access);
          if (!shown) return Response::error(shown.error(), request.request_id);
          return Response::json(201, boost::json::serialize(*shown));
        });
      },
      http::BodyKind::raw);

  // The file itself. Only PDFs and images whose bytes match their type are offered for
  // viewing in a page of ours (`?disposition=inline`); everything else is a download of
  // opaque bytes, so an uploaded page or script never runs in Atrium's origin.
  router.add(http::Method::get, "/api/v1/attachments/{id}/content",
             [&attachments, &records, context](Request& request) {
               return records::as_caller(context, request, [&](const Actor& actor) {
                 const std::string id(request.path_param("id"));
                 auto record = records.get(*records.by_name("attachment"), id,
                                           {"id", "file_name", "content_type", "sha256"}, actor.access);
                 if (!record) return Response::error(record.error(), request.request_id);
                 auto file = attachments.content(id);
                 if (!file) return Response::error(file.error(), request.request_id);
                 const auto text = [&](const char* name) {
                   const auto* value = record->if_contains(name);
                   return value && value->is_string() ? std::string(value->as_string()) : std::string();
                 };
                 const std::string content_type = text("content_type");
                 const bool wants_inline = request.query("disposition").value_or("") == "inline";
                 const bool viewable = wants_inline && shows_inline(content_type, first_bytes(file->path));
                 Response response;
                 response.status = 200;
                 response.headers.set("Content-Type", viewable ? content_type : "application/octet-stream");
                 response.headers.set("Content-Disposition", disposition(viewable, text("file_name")));
                 response.headers.set("Cache-Control", "private, no-cache");
                 if (const auto digest = text("sha256"); !digest.empty())
                   response.headers.set("ETag", "\"" + digest + "\"");
                 // The web app previews PDFs and images in a frame of its own pages.
                 if (viewable) response.headers.set("X-Frame-Options", "SAMEORIGIN");
                 if (file->size <= kWholeAnswerLimit) {
                   std::ifstream in(file->path, std::ios::binary);
                   response.body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
                   if (response.body.size() != file->size) {
                     return Response::error(Error{ErrorCode::internal_error, "the attachment could not be read"},
                                            request.request_id);
                   }
                   return response;
                 }
                 auto producer = std::make_shared<FileBodyProducer>(file->path);
                 if (!producer->is_open()) {
                   return Response::error(Error{ErrorCode::internal_error, "the attachment could not be read"},
                                          request.request_id);
                 }
                 response.body_producer = std::move(producer);
                 return response;
               });
             });
}

}  // namespace atrium::dataio
