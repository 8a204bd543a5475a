#include "atrium/sales/document_copies.hpp"

#include <fmt/format.h>

#include "atrium/documents/pdf_renderer.hpp"
#include "printed_sales_documents.hpp"
#include "quotation_parts.hpp"
#include "record_fields.hpp"

namespace atrium::sales {

namespace {

using boost::json::object;
using records::RecordWriteKind;

struct RenderedCopy {
  std::string pdf;
  std::string title;  // "Quotation", "Invoice", "Credit note"
  std::string number;
  std::string file_name;
};

Result<RenderedCopy> render(records::RecordService& records, storage::Connection& connection, std::string_view entity,
                            std::string_view id) {
  Result<documents::PrintedDocument> printed = documents::PrintedDocument{};
  if (entity == "quotation") {
    auto snapshot = quotations::snapshot(records, connection, id);
    if (!snapshot) return snapshot.take_error();
    printed = quotations::printed_quotation(records, connection, *snapshot);
  } else {
    printed = printed_invoice(records, connection, id);
  }
  if (!printed) return printed.take_error();
  auto pdf = documents::render_pdf(*printed);
  if (!pdf) return pdf.take_error();
  RenderedCopy copy{std::move(*pdf), printed->title, printed->facts.front().second, {}};
  // A quotation's revisions are versions of one document, each file named by its revision.
  copy.file_name = entity == "quotation" ? fmt::format("{}-r{}.pdf", copy.number, printed->facts[1].second)
                                         : fmt::format("{}.pdf", copy.number);
  return copy;
}

bool status_became(const records::RecordWriteEvent& event, std::string_view status) {
  return event.kind == RecordWriteKind::update && event.before && text_of(event.after, "status") == status &&
         text_of(*event.before, "status") != status;
}

// The first e-mail address among the document's own and its contact's and customer's.
Result<std::string> customer_address(records::RecordService& records, storage::Connection& connection,
                                     const object& document) {
  if (auto billing = text_of(document, "billing_email"); !billing.empty()) return billing;
  for (const auto& [link, entity] : {std::pair{"contact_id", "contact"}, std::pair{"account_id", "account"}}) {
    const std::string linked = text_of(document, link);
    if (linked.empty()) continue;
    auto record = records.get_within(connection, *records.by_name(entity), linked);
    if (!record) return record.take_error();
    if (auto email = text_of(*record, "email"); !email.empty()) return email;
  }
  return std::string();
}

}  // namespace

DocumentCopies::DocumentCopies(records::RecordService& records, dataio::Attachments& attachments,
                               workflow::Outbox& outbox)
    : records_(records), attachments_(attachments), outbox_(outbox) {}

void DocumentCopies::attach() {
  records_.add_write_observer(
      [this](storage::Connection& connection, const records::RecordWriteEvent& event) -> Result<void> {
        const std::string& entity = event.layout.entity().name;
        const bool copied = (entity == "quotation" && status_became(event, "sent")) ||
                            (entity == "invoice" && status_became(event, "issued"));
        if (!copied) return {};
        // Atrium files the copy, whatever the rights of whoever sent it; they stay its author.
        const records::Actor system{event.actor.user_id, nullptr};
        auto saved = save_within(connection, entity, event.id, system);
        if (!saved) return saved.take_error();
        return {};
      });
}

Result<object> DocumentCopies::save_within(storage::Connection& connection, std::string_view entity,
                                           std::string_view id, const records::Actor& actor) {
  const records::EntityLayout* layout = records_.by_name(entity);
  if (!layout || (entity != "quotation" && entity != "invoice")) {
    return Error{ErrorCode::not_found, fmt::format("{} records are not printed", entity)};
  }
  ATRIUM_TRY(records_.ensure_allowed(connection, *layout, id, actor, access::Action::read));
  auto copy = render(records_, connection, entity, id);
  if (!copy) return copy.take_error();
  dataio::NewAttachment attachment;
  attachment.parent_type = std::string(entity);
  attachment.parent_id = std::string(id);
  attachment.file_name = copy->file_name;
  attachment.reference = fmt::format("{} {}", copy->title, copy->number);
  attachment.content_type = "application/pdf";
  attachment.generated = true;
  return attachments_.add_bytes_within(connection, attachment, copy->pdf, actor);
}

Result<object> DocumentCopies::email(std::string_view entity, std::string_view id, const std::string& to,
                                     const std::string& message, const records::Actor& actor) {
  Result<object> answer = object{};
  std::string filed;  // the copy's attachment id once its file is in place
  auto done = records_.database().transact([&](storage::Connection& connection) -> Result<void> {
    auto saved = save_within(connection, entity, id, actor);
    if (!saved) return saved.take_error();
    filed = std::string(saved->at("id").as_string());
    auto document = records_.get_within(connection, *records_.by_name(entity), id);
    if (!document) return document.take_error();
    auto address = to.empty() ? customer_address(records_, connection, *document) : Result<std::string>(to);
    if (!address) return address.take_error();
    if (address->empty()) {
      const std::string problem = "the customer has no e-mail address: give one";
      return Error{ErrorCode::validation_failed, problem, {{"to", "NO_RECIPIENT", problem}}};
    }
    const std::string reference(saved->at("reference").as_string());
    workflow::OutgoingEmail mail;
    mail.to_address = *address;
    mail.subject = reference;
    mail.body_text =
        fmt::format("Dear customer,\n\nplease find attached {} ({}).\n\n{}{}Kind regards", reference,
                    std::string(saved->at("file_name").as_string()), message, message.empty() ? "" : "\n\n");
    mail.entity = std::string(entity);
    mail.record_id = std::string(id);
    mail.source = "document";
    mail.attachment_ids = {std::string(saved->at("id").as_string())};
    auto queued = outbox_.queue(connection, mail);
    if (!queued) {
      // The outbox names the address `to_address`; the caller gave it as `to`.
      Error error = queued.take_error();
      for (auto& field : error.fields) {
        if (field.field == "to_address") field.field = "to";
      }
      return error;
    }
    answer = object{{"outbox_id", *queued}, {"to_address", *address}, {"attachment", std::move(*saved)}};
    return {};
  });
  if (!done) {
    // The record went with the transaction; its file would be an orphan.
    if (!filed.empty()) attachments_.files().remove(dataio::kAttachmentPurpose, filed);
    return done.error();
  }
  return answer;
}

}  // namespace atrium::sales
