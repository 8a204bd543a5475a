#include <fmt/format.h>

#include <chrono>

#include "atrium/sales/quotations.hpp"
#include "priced_documents.hpp"
#include "quotation_parts.hpp"
#include "record_fields.hpp"

namespace atrium::sales {

namespace {

using records::RecordWriteKind;

// Days a sent quotation waits before its owner is asked to follow it up.
constexpr int kFollowUpDays = 7;

// What may change on a quotation that has left draft: the follow-up, and what the
// system keeps (totals, the revision number, the change stamp).
bool editable_after_draft(std::string_view field) {
  for (std::string_view name : {"follow_up_status", "follow_up_on", "version", "updated_at", "updated_by_id",
                                "line_count", "net_total", "tax_total", "total", "max_discount", "revision"}) {
    if (field == name) return true;
  }
  return false;
}

Error locked(std::string_view number, std::string_view status, std::string field) {
  const std::string message =
      fmt::format("quotation {} is {}: only a new revision (the revise transition) changes it", number, status);
  return Error{ErrorCode::conflict, message, {{std::move(field), "QUOTATION_LOCKED", message}}};
}

}  // namespace

void QuotationLifecycle::attach() {
  records_.add_computer("quotation_line", [this](storage::Connection& connection, const records::EntityLayout&,
                                                 const boost::json::object& line) {
    return priced_line_values(records_, connection, kQuotationDocument, line);
  });
  records_.add_computer("quotation", [this](storage::Connection& connection, const records::EntityLayout&,
                                            const boost::json::object& quotation) {
    return document_totals(records_, connection, kQuotationDocument, quotation);
  });
  records_.add_write_observer([this](storage::Connection& connection, const records::RecordWriteEvent& event) {
    const auto& entity = event.layout.entity().name;
    if (entity == "quotation_line") return on_line_written(connection, event);
    if (entity == "quotation") return on_quotation_written(connection, event);
    return Result<void>{};
  });
  approvals_.add_outcome_observer([this](storage::Connection& connection, std::string_view entity,
                                         std::string_view record_id, std::string_view outcome,
                                         const records::Actor& decider) -> Result<void> {
    if (entity != "quotation") return {};
    return on_approval_ended(connection, record_id, outcome, decider);
  });
}

Result<void> QuotationLifecycle::on_line_written(storage::Connection& connection,
                                                 const records::RecordWriteEvent& event) {
  const auto& quotations = *records_.by_name("quotation");
  auto quotation = records_.get_within(connection, quotations, text_of(event.after, "quotation_id"));
  if (!quotation) return quotation.take_error();
  // Lines are the offer: they change in draft only, whoever writes them.
  const std::string status = text_of(*quotation, "status");
  if (status != "draft") return locked(text_of(*quotation, "number"), status, "quotation_id");
  if (event.before && text_of(*event.before, "quotation_id") != text_of(event.after, "quotation_id")) {
    const std::string message = "a line stays on its quotation: add a new line to the other one";
    return Error{ErrorCode::validation_failed, message, {{"quotation_id", "FIELD_READ_ONLY", message}}};
  }
  // Totals only: once per document when its lines come with it.
  ATRIUM_TRY(records_.recompute_soon_within(connection, quotations, text_of(*quotation, "id"), event.actor));
  return {};
}

Result<void> QuotationLifecycle::on_quotation_written(storage::Connection& connection,
                                                      const records::RecordWriteEvent& event) {
  if (event.kind != RecordWriteKind::update || !event.before) return {};
  const std::string from = text_of(*event.before, "status");
  const std::string to = text_of(event.after, "status");
  if (from != to) return on_status_changed(connection, event, from, to);
  if (from != "draft") {
    for (const auto& [key, value] : event.after) {
      const auto* before = event.before->if_contains(key);
      if (!editable_after_draft(key) && (!before || *before != value)) {
        return locked(text_of(event.after, "number"), from, std::string(key));
      }
    }
    return {};
  }
  if (!pricing_inputs_changed(*event.before, event.after, kQuotationDocument)) return {};
  return reprice_lines(records_, connection, kQuotationDocument, event.id, event.actor);
}

Result<void> QuotationLifecycle::on_status_changed(storage::Connection& connection,
                                                   const records::RecordWriteEvent& event, const std::string& from,
                                                   const std::string& to) {
  const auto& quotations = *records_.by_name("quotation");
  const std::string now = to_iso8601(clock_.now());
  if (to == "pending_approval") {
    // The approval rules have seen the submission (the engine observes writes before
    // this module); when none asked for an approval, the quotation is approved as it is.
    auto waiting = approvals_.pending(connection, "quotation", event.id);
    if (!waiting) return waiting.take_error();
    if (*waiting) return {};
    auto approved = records_.write_system_within(connection, quotations, event.id,
                                                 boost::json::object{{"status", "approved"}}, event.actor);
    if (!approved) return approved.take_error();
    return {};
  }
  if (to == "sent") {
    ATRIUM_TRY(quotations::freeze_revision(records_, connection, event.id, event.actor.user_id, now));
    return open_follow_up(connection, event.after, event.actor);
  }
  if (to == "accepted" || to == "rejected" || to == "expired") {
    return close_follow_ups(connection, event.after, fmt::format("The customer's decision: {}", to), event.actor);
  }
  if (to == "draft" && from != "pending_approval") {
    // revise: what was sent (or approved) stays as it was; the draft is the next revision.
    ATRIUM_TRY(quotations::freeze_revision(records_, connection, event.id, event.actor.user_id, now));
    ATRIUM_TRY(close_follow_ups(connection, event.after, "A new revision replaces the one sent", event.actor));
    const auto* revision = event.after.if_contains("revision");
    const std::int64_t next = (revision && revision->is_int64() ? revision->as_int64() : 1) + 1;
    auto revised = records_.write_system_within(connection, quotations, event.id,
                                                boost::json::object{{"revision", next}}, event.actor);
    if (!revised) return revised.take_error();
  }
  return {};
}

Result<void> QuotationLifecycle::on_approval_ended(storage::Connection& connection, std::string_view quotation_id,
                                                   std::string_view outcome, const records::Actor& decider) {
  const auto& quotations = *records_.by_name("quotation");
  auto quotation = records_.get_within(connection, quotations, quotation_id);
  if (!quotation) return quotation.take_error();
  if (text_of(*quotation, "status") != "pending_approval") return {};
  // Approved: ready to send. Rejected: back to draft, to be changed and submitted again.
  auto moved = records_.write_system_within(
      connection, quotations, quotation_id,
      boost::json::object{{"status", outcome == "approved" ? "approved" : "draft"}}, decider);
  if (!moved) return moved.take_error();
  return {};
}

Result<void> QuotationLifecycle::open_follow_up(storage::Connection& connection, const boost::json::object& quotation,
                                                const records::Actor& actor) {
  const auto due = clock_.now() + std::chrono::hours(24 * kFollowUpDays);
  const auto* revision = quotation.if_contains("revision");
  boost::json::object task{
      {"title", fmt::format("Follow up quotation {} (revision {})", text_of(quotation, "number"),
                            revision && revision->is_int64() ? revision->as_int64() : 1)},
      {"kind", "follow_up"},
      {"priority", "normal"},
      {"due_at", to_iso8601(due)},
      {"parent", boost::json::object{{"entity", "quotation"}, {"id", text_of(quotation, "id")}}},
      {"description", "Ask the customer for a decision; record it with accept, reject or a new revision."}};
  // The system opens it for the sender, whatever their own right to create tasks.
  auto created = records_.create_within(connection, *records_.by_name("task"), task, records::Actor{actor.user_id});
  if (!created) return created.take_error();
  return {};
}

Result<void> QuotationLifecycle::close_follow_ups(storage::Connection& connection, const boost::json::object& quotation,
                                                  const std::string& outcome, const records::Actor& actor) {
  const auto& tasks = *records_.by_name("task");
  const auto* parent = tasks.find_field("parent");
  const auto* kind = tasks.find_field("kind");
  const auto* status = tasks.find_field("status");
  auto open = connection.query(
      fmt::format("SELECT id FROM {} WHERE {} = 'quotation' AND {} = ? AND {} = 'follow_up' AND {} IN ('open', "
                  "'in_progress') AND archived_at IS NULL",
                  tasks.entity().table, parent->columns[0].name, parent->columns[1].name, kind->columns[0].name,
                  status->columns[0].name),
      {text_of(quotation, "id")});
  if (!open) return open.take_error();
  for (const auto& row : open->rows) {
    auto done = records_.write_system_within(connection, tasks, row[0].text(),
                                             boost::json::object{{"status", "done"}, {"outcome", outcome}}, actor);
    if (!done) return done.take_error();
  }
  return {};
}

}  // namespace atrium::sales
