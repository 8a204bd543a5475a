#include "openapi_attachment_paths.hpp"

#include "openapi_operations.hpp"

namespace atrium::records::openapi {

namespace json = boost::json;

namespace {

constexpr std::string_view kTag = "Attachments";

json::object text(std::string_view description) {
  return {{"type", "string"}, {"description", description}};
}

json::object query(std::string_view name, std::string_view description, bool required = false) {
  return {{"name", name},
          {"in", "query"},
          {"required", required},
          {"description", description},
          {"schema", {{"type", "string"}}}};
}

json::object attachment_schema(const metadata::Catalog& catalog) {
  if (catalog.find("attachment")) return component_ref("schemas", "Attachment");
  return {{"type", "object"}};
}

// The path's item, made when the path has none yet (another file may have added a GET).
json::object& path_item(json::object& paths, std::string_view path) {
  auto& item = paths[path];
  if (!item.is_object()) item = json::object{};
  return item.as_object();
}

json::object binary_answer(std::string_view description, std::string_view media_type) {
  return {{"description", description},
          {"content", {{media_type, {{"schema", {{"type", "string"}, {"format", "binary"}}}}}}}};
}

}  // namespace

void add_attachment_paths(json::object& paths, const metadata::Catalog& catalog) {
  json::object upload = operation("uploadAttachment", "Attach a file to a record", kTag);
  upload["description"] =
      "The file is the body, with its own Content-Type; it is streamed to disk under the upload limit (1 GiB by "
      "default). Needs the right to create attachments and to see the record. Uploading under a reference the record "
      "already has (by default the file name) makes the next `file_version` and leaves the earlier ones kept, no "
      "longer `latest`. 422 names `parent` (LINK_NOT_FOUND: no such record, or one out of the caller's scope), "
      "`file_name` (FIELD_REQUIRED, FIELD_TOO_LONG, FIELD_INVALID), `reference`, `content_type` (not a media type) "
      "or `file` (FILE_EMPTY); 400 names `body` when there is none.";
  upload["parameters"] = json::array{
      query("parent_type", "The record's entity name, e.g. `quotation`.", true),
      query("parent_id", "The record's id.", true),
      query("file_name", "The file's name (a path sent by a browser is cut to its last part).", true),
      query("reference", "The document's name on the record, which versions share (default: the file name)."),
      query("description", "A description (at most 2000 characters).")};
  upload["requestBody"] = {{"required", true},
                           {"content", {{"*/*", {{"schema", {{"type", "string"}, {"format", "binary"}}}}}}}};
  upload["responses"] = {{"201", answer_of("The attachment record.", attachment_schema(catalog))}};
  add_errors(upload, {"400", "401", "403", "413", "422"});
  set_security(upload, true);
  paths["/api/v1/attachment-files"] = {{"post", std::move(upload)}};

  json::object content = operation("getAttachmentContent", "Download an attachment's file", kTag);
  content["description"] =
      "Byte for byte, with an ETag of its SHA-256. A download (`application/octet-stream`, `Content-Disposition: "
      "attachment` with the name in both forms of RFC 6266) unless `disposition=inline` is asked for a PDF, PNG, "
      "JPEG, GIF or WebP whose first bytes match its type: then its type, inline, and framable by Atrium's own pages.";
  content["parameters"] =
      json::array{id_in_path("The attachment's id."), query("disposition", "`inline` to view a PDF or image.")};
  content["responses"] = {{"200", binary_answer("The file.", "application/octet-stream")}};
  add_errors(content, {"401", "404"});
  set_security(content, false);
  paths["/api/v1/attachments/{id}/content"] = {{"get", std::move(content)}};

  json::object invoice_pdf = operation("printInvoice", "The invoice as a PDF", "Sales cycle");
  invoice_pdf["description"] =
      "A4 with the own company's letterhead, the customer's address, the lines, freight, insurance and customs as "
      "lines of their own, tax per rate and totals; titled `Credit note` for a credit note.";
  invoice_pdf["parameters"] = json::array{id_in_path("The invoice's id.")};
  invoice_pdf["responses"] = {{"200", binary_answer("The PDF, inline, named after the number.", "application/pdf")}};
  add_errors(invoice_pdf, {"401", "404"});
  set_security(invoice_pdf, false);
  path_item(paths, "/api/v1/invoices/{id}/pdf")["get"] = std::move(invoice_pdf);

  for (const auto& [plural, label, name] :
       {std::tuple{"quotations", "quotation", "Quotation"}, std::tuple{"invoices", "invoice", "Invoice"}}) {
    json::object save =
        operation(std::string("save") + name + "Pdf", std::string("File a PDF copy of the ") + label, "Sales cycle");
    save["description"] =
        "Renders the document as it stands and saves it as the next version of the attachment `<Title> <number>` "
        "on it (`source: generated`). A quotation sent and an invoice issued file their copy by themselves.";
    save["parameters"] = json::array{id_in_path("The document's id.")};
    save["responses"] = {{"201", answer_of("The attachment record.", attachment_schema(catalog))}};
    add_errors(save, {"401", "403", "404"});
    set_security(save, true);
    path_item(paths, std::string("/api/v1/") + plural + "/{id}/pdf")["post"] = std::move(save);

    json::object email =
        operation(std::string("email") + name, std::string("E-mail the ") + label + " to the customer", "Sales cycle");
    email["description"] =
        "Files a PDF copy (as POST …/pdf) and queues an e-mail carrying it in the outbox, in one transaction. The "
        "address is `to`, else the invoice's billing address, the contact's or the account's. 422 names `to` "
        "(NO_RECIPIENT when there is none, FIELD_INVALID_EMAIL) or `message` (FIELD_TOO_LONG, at most 10,000).";
    email["parameters"] = json::array{id_in_path("The document's id.")};
    email["requestBody"] = {
        {"required", false},
        {"content", json_content(json::object{{"type", "object"},
                                              {"properties",
                                               {{"to", text("The recipient's address.")},
                                                {"message", text("A paragraph above the closing.")}}}})}};
    email["responses"] = {{"201", answer_of("Queued.", json::object{{"type", "object"},
                                                                    {"properties",
                                                                     {{"outbox_id", text("The queued e-mail.")},
                                                                      {"to_address", text("Where it goes.")},
                                                                      {"attachment", attachment_schema(catalog)}}}})}};
    add_errors(email, {"401", "403", "404", "422"});
    set_security(email, true);
    path_item(paths, std::string("/api/v1/") + plural + "/{id}/email")["post"] = std::move(email);
  }
}

}  // namespace atrium::records::openapi
