#include "demo_sales.hpp"

#include <boost/json/serialize.hpp>

#include "atrium/workflow/automation_rule.hpp"

namespace atrium::app {

Result<std::int64_t> load_demo_sales(storage::Connection& connection, DemoIds& ids, const std::string& created_at) {
  std::int64_t rows = 0;
  auto run = [&](const char* sql, storage::Params params) -> Result<void> {
    auto done = connection.execute(sql, std::move(params));
    if (!done) return done.take_error();
    ++rows;
    return {};
  };
  auto role = [&](const char* name) -> Result<std::string> {
    auto found = connection.query("SELECT id FROM roles WHERE name = ?", {std::string(name)});
    if (!found) return found.take_error();
    if (found->empty()) return Error{ErrorCode::internal_error, std::string("demo role missing: ") + name};
    return found->rows[0][0].text();
  };
  auto sales = role("sales");
  if (!sales) return sales.take_error();
  auto lead = role("sales_lead");
  if (!lead) return lead.take_error();
  auto viewer = role("viewer");
  if (!viewer) return viewer.take_error();

  // Representatives run the cycle for the customers they see; leads also delete, export
  // and approve; the viewer reads. Checklist rules are the leads' to keep.
  const char* right_sql =
      "INSERT INTO role_rights (role_id, entity, action, scope, rule) VALUES (?, ?, ?, ?, NULL) ON CONFLICT DO NOTHING";
  for (const char* entity : {"enquiry", "enquiry_line", "competitor_rate", "sales_order", "order_line",
                             "order_checklist_item", "invoice", "invoice_line", "payment", "payment_allocation",
                             "delivery", "delivery_line", "claim", "claim_line", "contract", "sales_forecast"}) {
    for (const char* action : {"read", "create", "edit"}) ATRIUM_TRY(run(right_sql, {*sales, entity, action, "all"}));
    for (const char* action : {"read", "create", "edit", "delete", "export", "approve"}) {
      ATRIUM_TRY(run(right_sql, {*lead, entity, action, "all"}));
    }
    ATRIUM_TRY(run(right_sql, {*viewer, entity, "read", "all"}));
  }
  for (const auto& granted : {*sales, *viewer})
    ATRIUM_TRY(run(right_sql, {granted, "order_checklist_rule", "read", "all"}));
  for (const char* action : {"read", "create", "edit", "delete"}) {
    ATRIUM_TRY(run(right_sql, {*lead, "order_checklist_rule", action, "all"}));
  }
  // Variants made for a customer's changes are products: representatives may create them.
  ATRIUM_TRY(run(right_sql, {*sales, "product", "create", "all"}));

  const char* approval_sql =
      "INSERT INTO approval_rules (id, entity, name, trigger_kind, condition, levels, active, created_at, updated_at, "
      "version) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, 1) ON CONFLICT DO NOTHING";
  const std::string lead_level = R"([{"kind":"role","mode":"any","role":"sales_lead"}])";
  // An order above 50,000 or with a discount above 15% needs a sales lead before it is confirmed.
  ATRIUM_TRY(run(approval_sql, {ids.next(), "sales_order", "Order above 50,000 or discount above 15%", "on_update",
                                R"(status eq "pending_approval" and (total gt 50000 or max_discount gt 15))",
                                lead_level, created_at, created_at}));
  // Samples cost money: a sales lead approves every request for one.
  ATRIUM_TRY(run(approval_sql, {ids.next(), "enquiry", "Sample requests", "on_create", "sample_requested eq true",
                                lead_level, created_at, created_at}));

  // The interim reply: thanks for the enquiry, with its number, at once.
  const std::string template_id = ids.next();
  ATRIUM_TRY(
      run("INSERT INTO message_templates (id, name, entity, channel, subject, body, created_by_id, created_at, "
          "updated_at, version) VALUES (?, 'Enquiry received', 'enquiry', 'email', ?, ?, NULL, ?, ?, 1) "
          "ON CONFLICT DO NOTHING",
          {template_id, "Your enquiry {{ enquiry.number }}",
           "<p>Thank you for your enquiry {{ enquiry.number }}{% if enquiry.customer_reference %} (your reference "
           "{{ enquiry.customer_reference }}){% endif %}.</p><p>We are preparing our offer and will send it "
           "to you shortly.</p><p>{{ enquiry.account.name }}, we appreciate your interest.</p>",
           created_at, created_at}));
  workflow::AutomationAction reply;
  reply.type = "send_email";
  reply.template_id = template_id;
  reply.assignee = "record";
  reply.email_field = "reply_email";
  workflow::AutomationTrigger created;
  created.kind = workflow::TriggerKind::created;
  ATRIUM_TRY(
      run("INSERT INTO automation_rules (id, name, entity, trigger_kind, trigger_spec, condition, actions, "
          "active, created_by_id, created_at, updated_at, version) VALUES (?, ?, 'enquiry', 'created', ?, '', ?, "
          "1, NULL, ?, ?, 1) ON CONFLICT DO NOTHING",
          {ids.next(), "Interim reply to new enquiries", boost::json::serialize(workflow::trigger_json(created)),
           boost::json::serialize(workflow::actions_json({reply})), created_at, created_at}));

  // The customer hears when a delivery leaves: carrier and tracking number.
  const std::string shipped_template = ids.next();
  ATRIUM_TRY(
      run("INSERT INTO message_templates (id, name, entity, channel, subject, body, created_by_id, created_at, "
          "updated_at, version) VALUES (?, 'Delivery shipped', 'delivery', 'email', ?, ?, NULL, ?, ?, 1) "
          "ON CONFLICT DO NOTHING",
          {shipped_template, "Delivery {{ delivery.number }} of your order {{ delivery.sales_order.number }}",
           "<p>Your delivery {{ delivery.number }} left us on {{ delivery.shipped_date }} with "
           "{{ delivery.carrier }}{% if delivery.tracking_number %} (tracking number "
           "{{ delivery.tracking_number }}){% endif %}.</p>",
           created_at, created_at}));
  workflow::AutomationAction tell;
  tell.type = "send_email";
  tell.template_id = shipped_template;
  tell.assignee = "record";
  tell.email_field = "notify_email";
  workflow::AutomationTrigger shipped;
  shipped.kind = workflow::TriggerKind::state_entered;
  shipped.state = "shipped";

  // Two days before the promised date, an order not delivered in full is followed up by
  // its owner, and the owner's manager hears of it.
  workflow::AutomationAction chase;
  chase.type = "create_follow_up";
  chase.title = "Delivery of order {{ sales_order.number }} is due on {{ sales_order.promised_until }}";
  chase.assignee = "owner";
  chase.due_in_days = 1;
  chase.priority = "high";
  workflow::AutomationAction escalate;
  escalate.type = "notify";
  escalate.title = "Order {{ sales_order.number }} may miss its delivery date";
  escalate.body = "Promised by {{ sales_order.promised_until }}; delivered so far: {{ sales_order.delivery_status }}.";
  escalate.assignee = "owner_manager";
  workflow::AutomationTrigger promised;
  promised.kind = workflow::TriggerKind::date_reached;
  promised.field = "promised_until";
  promised.offset_minutes = -2 * 24 * 60;

  // A day after an invoice falls due unpaid, the customer is reminded and its owner told.
  const std::string reminder_template = ids.next();
  ATRIUM_TRY(
      run("INSERT INTO message_templates (id, name, entity, channel, subject, body, created_by_id, created_at, "
          "updated_at, version) VALUES (?, 'Payment reminder', 'invoice', 'email', ?, ?, NULL, ?, ?, 1) "
          "ON CONFLICT DO NOTHING",
          {reminder_template, "Reminder: invoice {{ invoice.number }} was due on {{ invoice.due_date }}",
           "<p>Our invoice {{ invoice.number }} of {{ invoice.invoice_date }} fell due on "
           "{{ invoice.due_date }}; {{ invoice.open_amount }} are still open. If you have paid in the "
           "meantime, please disregard this reminder.</p>",
           created_at, created_at}));
  workflow::AutomationAction remind;
  remind.type = "send_email";
  remind.template_id = reminder_template;
  remind.assignee = "record";
  remind.email_field = "billing_email";
  workflow::AutomationAction collect;
  collect.type = "create_follow_up";
  collect.title = "Invoice {{ invoice.number }} is overdue: call {{ invoice.account.name }}";
  collect.assignee = "owner";
  collect.due_in_days = 2;
  workflow::AutomationTrigger overdue;
  overdue.kind = workflow::TriggerKind::date_reached;
  overdue.field = "due_date";
  overdue.offset_minutes = 24 * 60;

  // A contract is reviewed with the customer two weeks before its review date.
  workflow::AutomationAction review;
  review.type = "create_follow_up";
  review.title = "Review contract {{ contract.number }} with {{ contract.account.name }}";
  review.assignee = "owner";
  review.due_in_days = 7;
  workflow::AutomationTrigger review_due;
  review_due.kind = workflow::TriggerKind::date_reached;
  review_due.field = "review_date";
  review_due.offset_minutes = -14 * 24 * 60;

  struct Rule {
    const char* name;
    const char* entity;
    const workflow::AutomationTrigger& trigger;
    const char* condition;
    std::vector<workflow::AutomationAction> actions;
  };
  const Rule rules[] = {
      {"Tell the customer a delivery has shipped", "delivery", shipped, "", {tell}},
      {"Chase orders not delivered two days before the promised date",
       "sales_order",
       promised,
       R"(status in ["confirmed", "dispatched"] and delivery_status ne "complete")",
       {chase, escalate}},
      {"Remind customers of overdue invoices",
       "invoice",
       overdue,
       R"(kind eq "invoice" and status in ["issued", "partly_paid"])",
       {remind, collect}},
      {"Review contracts two weeks ahead", "contract", review_due, R"(status eq "active")", {review}},
  };
  for (const auto& rule : rules) {
    ATRIUM_TRY(
        run("INSERT INTO automation_rules (id, name, entity, trigger_kind, trigger_spec, condition, actions, "
            "active, created_by_id, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, 1, NULL, ?, ?, "
            "1) ON CONFLICT DO NOTHING",
            {ids.next(), std::string(rule.name), std::string(rule.entity),
             std::string(workflow::trigger_kind_name(rule.trigger.kind)),
             boost::json::serialize(workflow::trigger_json(rule.trigger)), std::string(rule.condition),
             boost::json::serialize(workflow::actions_json(rule.actions)), created_at, created_at}));
  }
  return rows;
}

}  // namespace atrium::app
