// The actions of automation rules: each one's effect, in the job's transaction, and an
// entry in the audit trail of the record the rule ran on, naming the rule.
#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include "atrium/records/audit_trail.hpp"
#include "atrium/workflow/approval_engine.hpp"
#include "atrium/workflow/automation_engine.hpp"
#include "atrium/workflow/job_queue.hpp"
#include "atrium/workflow/merge_fields.hpp"
#include "atrium/workflow/message_templates.hpp"
#include "atrium/workflow/notifications.hpp"
#include "atrium/workflow/outbox.hpp"
#include "atrium/workflow/template_parser.hpp"
#include "atrium/workflow/template_renderer.hpp"

namespace atrium::workflow {

namespace {

// Atrium itself: automatic writes are the system's, and the audit entry beside each
// names the rule.
const records::Actor kSystem{"", nullptr};

std::string text_of(const boost::json::object& json, std::string_view name) {
  const auto* found = json.if_contains(name);
  return found && found->is_string() ? std::string(found->as_string()) : std::string();
}

}  // namespace

Result<std::string> AutomationEngine::act(storage::Connection& connection, const AutomationRule& rule,
                                          const AutomationAction& action, const records::EntityLayout& layout,
                                          const std::string& record_id, const boost::json::object& record) {
  Result<std::string> detail = std::string();
  if (action.type == "create_task" || action.type == "create_follow_up") {
    detail = create_task(connection, rule, action, layout, record_id, record);
  } else if (action.type == "notify") {
    detail = notify(connection, rule, action, layout, record_id, record);
  } else if (action.type == "send_email") {
    detail = send_email(connection, rule, action, layout, record_id, record);
  } else if (action.type == "set_field") {
    auto patched = records_.patch_within(connection, layout, record_id, boost::json::object{{action.field, action.value}},
                                         std::nullopt, kSystem);
    if (!patched) return patched.take_error();
    detail = fmt::format("set {} to {}", action.field, boost::json::serialize(action.value));
  } else if (action.type == "start_approval") {
    if (!approvals_) return make_error(ErrorCode::internal_error, "approvals are not available");
    auto started = approvals_->start(connection, action.approval_rule_id, rule.entity, record_id,
                                     text_of(record, "owner_id"));
    if (!started) return started.take_error();
    detail = fmt::format("started approval {}", *started);
  } else if (action.type == "webhook") {
    // A job of its own, outside this transaction, retried with backoff until the
    // receiver takes it.
    const boost::json::object body{{"rule", rule.name}, {"rule_id", rule.id}, {"entity", rule.entity},
                                   {"record", record}};
    auto queued = queue_->enqueue(
        connection, NewJob{.kind = kAutomationWebhookKind,
                           .payload = boost::json::serialize(boost::json::object{{"url", action.url}, {"body", body}}),
                           .max_attempts = 8});
    if (!queued) return queued.take_error();
    detail = fmt::format("queued a POST to {}", action.url);
  } else {
    return make_error(ErrorCode::bad_request, fmt::format("unknown action '{}'", action.type));
  }
  if (!detail) return detail;
  const boost::json::array changes{
      boost::json::object{{"field", "automation_rule"}, {"old", nullptr}, {"new", rule.name}},
      boost::json::object{{"field", "action"}, {"old", nullptr}, {"new", *detail}}};
  ATRIUM_TRY(records::append_record_event(
      connection, records::AuditEntry{rule.entity, record_id, "automation." + action.type, "", to_iso8601(clock_.now())},
      changes));
  return detail;
}

Result<std::string> AutomationEngine::recipient(storage::Connection& connection, const AutomationAction& action,
                                                const boost::json::object& record) {
  if (action.assignee == "user") return action.user_id;
  const std::string owner = text_of(record, "owner_id");
  if (owner.empty()) return make_error(ErrorCode::conflict, "the record has no owner");
  if (action.assignee != "owner_manager") return owner;
  auto manager = connection.query("SELECT manager_id FROM users WHERE id = ?", {owner});
  if (!manager) return manager.take_error();
  // Without a manager the owner takes it: the work is not lost.
  if (manager->empty() || manager->rows[0][0].is_null()) return owner;
  return manager->rows[0][0].text();
}

Result<std::string> AutomationEngine::render_text(const std::string& source, const records::EntityLayout& layout,
                                                  const std::string& record_id) {
  auto parsed = parse_template(source);
  if (!parsed) return parsed.take_error();
  auto context = merge_context(records_, layout, record_id, merge_field_uses(*parsed), nullptr);
  if (!context) return context.take_error();
  return render_template(*parsed, *context, TemplateOutput::text);
}

Result<std::string> AutomationEngine::create_task(storage::Connection& connection, const AutomationRule& rule,
                                                  const AutomationAction& action, const records::EntityLayout& layout,
                                                  const std::string& record_id, const boost::json::object& record) {
  const records::EntityLayout* tasks = records_.by_name("task");
  if (!tasks) return make_error(ErrorCode::internal_error, "there is no task entity");
  auto title = render_text(action.title, layout, record_id);
  if (!title) return title.take_error();
  if (title->size() > 200) title->resize(200);
  auto assignee = recipient(connection, action, record);
  if (!assignee) return assignee.take_error();
  boost::json::object input{{"title", title->empty() ? rule.name : *title},
                            {"kind", action.type == "create_follow_up" ? "follow_up" : "task"},
                            {"due_at", to_iso8601(clock_.now() + std::chrono::hours(24) * action.due_in_days)}};
  if (!action.priority.empty()) input["priority"] = action.priority;
  // Linked to the record when a task may hang under its entity.
  if (const auto* parent = tasks->find_field("parent")) {
    const auto& allowed = parent->field->link_entities;
    if (std::find(allowed.begin(), allowed.end(), rule.entity) != allowed.end()) {
      input[parent->api_name] = boost::json::object{{"entity", rule.entity}, {"id", record_id}};
    }
  }
  // The task belongs to its assignee, as the reminders' tasks do: ownership is what
  // "my tasks" and the access scopes go by.
  auto created = records_.create_within(connection, *tasks, input, records::Actor{*assignee, nullptr});
  if (!created) return created.take_error();
  return fmt::format("created {} {} for user {}", action.type == "create_follow_up" ? "follow-up" : "task",
                     text_of(*created, "id"), *assignee);
}

Result<std::string> AutomationEngine::notify(storage::Connection& connection, const AutomationRule& rule,
                                             const AutomationAction& action, const records::EntityLayout& layout,
                                             const std::string& record_id, const boost::json::object& record) {
  auto user = recipient(connection, action, record);
  if (!user) return user.take_error();
  auto title = render_text(action.title, layout, record_id);
  if (!title) return title.take_error();
  auto body = render_text(action.body, layout, record_id);
  if (!body) return body.take_error();
  auto sent = notifier_.notify(connection, Notification{*user, "automation", title->empty() ? rule.name : *title,
                                                        *body, rule.entity, record_id, ""});
  if (!sent) return sent.take_error();
  return fmt::format("notified user {}", *user);
}

Result<std::string> AutomationEngine::send_email(storage::Connection& connection, const AutomationRule& rule,
                                                 const AutomationAction& action, const records::EntityLayout&,
                                                 const std::string& record_id, const boost::json::object& record) {
  auto message = templates_.get(connection, action.template_id);
  if (!message) return message.take_error();
  OutgoingEmail email;
  if (action.assignee == "record") {
    email.to_address = text_of(record, action.email_field);
    // Nothing to send to; trying again would not change that.
    if (email.to_address.empty()) return fmt::format("no e-mail: the record's {} is empty", action.email_field);
  } else {
    auto user = recipient(connection, action, record);
    if (!user) return user.take_error();
    auto address = connection.query("SELECT email FROM users WHERE id = ?", {*user});
    if (!address) return address.take_error();
    if (address->empty() || address->rows[0][0].is_null() || address->rows[0][0].text().empty()) {
      return fmt::format("no e-mail: user {} has no address", *user);
    }
    email.to_user_id = *user;
    email.to_address = address->rows[0][0].text();
  }
  auto rendered = templates_.render(*message, record_id, nullptr);
  if (!rendered) return rendered.take_error();
  email.subject = rendered->subject.empty() ? rule.name : rendered->subject;
  email.body_text = rendered->body;
  if (message->channel == "email") email.body_html = rendered->body;
  email.entity = rule.entity;
  email.record_id = record_id;
  email.source = "automation";
  auto queued = outbox_.queue(connection, email);
  if (!queued) return queued.take_error();
  return fmt::format("queued e-mail \"{}\" to {}", email.subject, email.to_address);
}

}  // namespace atrium::workflow
