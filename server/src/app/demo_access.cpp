#include "demo_access.hpp"

#include "atrium/access/grants.hpp"

namespace atrium::app {

namespace {

struct DemoRight {
  const char* entity;
  const char* action;
  const char* scope;
  const char* rule;  // nullptr unless scope is rule
};

}  // namespace

Result<std::int64_t> load_demo_access(storage::Connection& connection, DemoIds& ids, const std::string& password_hash,
                                      const std::string& created_at) {
  std::int64_t rows = 0;
  auto run = [&](const char* sql, const storage::Params& params) -> Result<void> {
    auto done = connection.execute(sql, params);
    if (!done) return done.take_error();
    rows += *done;
    return {};
  };
  // Roles: sales sees and works on its area's customers and their people; account
  // contacts follow their account. The lead sees everything of the parties module and
  // decides deletions. The viewer reads all but credit limits.
  const std::string sales = ids.next();
  const std::string lead = ids.next();
  const std::string viewer = ids.next();
  const char* role_sql =
      "INSERT INTO roles (id, name, description, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, 1) "
      "ON CONFLICT DO NOTHING";
  ATRIUM_TRY(
      run(role_sql, {sales, "sales", "Sales representatives: the customers of their areas", created_at, created_at}));
  ATRIUM_TRY(run(role_sql,
                 {lead, "sales_lead", "Sales leads: every customer; they decide deletions", created_at, created_at}));
  ATRIUM_TRY(run(role_sql, {viewer, "viewer", "Reads everything except credit limits", created_at, created_at}));
  const DemoRight sales_rights[] = {
      {"account", "read", "rule", "area in user.areas"},
      {"account", "create", "rule", "area in user.areas"},
      {"account", "edit", "rule", "area in user.areas"},
      {"contact", "read", "rule", "area in user.areas"},
      {"contact", "create", "all", nullptr},
      {"contact", "edit", "own", nullptr},
      {"account_contact", "read", "all", nullptr},
      {"account_contact", "create", "all", nullptr},
      {"account_contact", "edit", "all", nullptr},
      {"product", "read", "all", nullptr},
      // Notes and activities follow the record they are on: "all" here means all of
      // those under records the representative can see.
      {"note", "read", "all", nullptr},
      {"note", "create", "all", nullptr},
      {"note", "edit", "own", nullptr},
      {"activity", "read", "all", nullptr},
      {"activity", "create", "all", nullptr},
      {"activity", "edit", "own", nullptr},
      // Files likewise follow their record; a representative describes only their own.
      {"attachment", "read", "all", nullptr},
      {"attachment", "create", "all", nullptr},
      {"attachment", "edit", "own", nullptr},
      {"task", "read", "own", nullptr},
      {"task", "create", "all", nullptr},
      {"task", "edit", "own", nullptr},
  };
  const char* right_sql =
      "INSERT INTO role_rights (role_id, entity, action, scope, rule) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
  for (const auto& right : sales_rights) {
    ATRIUM_TRY(run(right_sql, {sales, right.entity, right.action, right.scope,
                               right.rule ? storage::Value(right.rule) : storage::Value()}));
  }
  for (const char* entity : {"account", "contact", "account_contact", "note", "activity", "attachment", "task"}) {
    for (const char* action : {"read", "create", "edit", "delete", "export", "approve"}) {
      ATRIUM_TRY(run(right_sql, {lead, entity, action, "all", storage::Value()}));
    }
  }
  ATRIUM_TRY(run(right_sql, {lead, "product", "read", "all", storage::Value()}));
  for (const char* entity :
       {"account", "contact", "account_contact", "product", "note", "activity", "attachment", "task"}) {
    ATRIUM_TRY(run(right_sql, {viewer, entity, "read", "all", storage::Value()}));
  }
  // Pricing: everyone reads the rules; representatives propose special prices, which
  // leads approve; leads keep the lists and rules.
  for (const char* entity :
       {"price_list", "price_list_rate", "customer_price", "special_price", "discount_rule", "tax_rule"}) {
    for (const auto& role : {sales, lead, viewer})
      ATRIUM_TRY(run(right_sql, {role, entity, "read", "all", storage::Value()}));
    for (const char* action : {"create", "edit", "approve"}) {
      ATRIUM_TRY(run(right_sql, {lead, entity, action, "all", storage::Value()}));
    }
  }
  ATRIUM_TRY(run(right_sql, {sales, "special_price", "create", "all", storage::Value()}));
  // Quotations follow their customer: "all" means those of the customers one can see.
  for (const char* entity : {"quotation", "quotation_line"}) {
    for (const char* action : {"read", "create", "edit"}) {
      ATRIUM_TRY(run(right_sql, {sales, entity, action, "all", storage::Value()}));
    }
    for (const char* action : {"read", "create", "edit", "delete", "export", "approve"}) {
      ATRIUM_TRY(run(right_sql, {lead, entity, action, "all", storage::Value()}));
    }
    ATRIUM_TRY(run(right_sql, {viewer, entity, "read", "all", storage::Value()}));
  }
  ATRIUM_TRY(
      run("INSERT INTO field_rights (role_id, entity, field, mode) VALUES (?, 'account', 'credit_limit', "
          "'hidden') ON CONFLICT DO NOTHING",
          {viewer}));

  // People: the north representative reports to the lead; both are in the north team.
  const std::string team = ids.next();
  ATRIUM_TRY(
      run("INSERT INTO teams (id, name, description, created_at, updated_at, version) "
          "VALUES (?, 'North sales', 'Customers of the north area', ?, ?, 1) ON CONFLICT DO NOTHING",
          {team, created_at, created_at}));
  const std::string lead_user = ids.next();
  const std::string sales_user = ids.next();
  const std::string viewer_user = ids.next();
  const char* user_sql =
      "INSERT INTO users (id, username, name, email, password_hash, is_admin, active, manager_id, created_at, "
      "updated_at, version) VALUES (?, ?, ?, ?, ?, 0, 1, ?, ?, ?, 1) ON CONFLICT DO NOTHING";
  ATRIUM_TRY(run(user_sql, {lead_user, std::string(kDemoLeadUsername), "Lena Lead", "sales.lead@atrium.example",
                            password_hash, storage::Value(), created_at, created_at}));
  ATRIUM_TRY(run(user_sql, {sales_user, std::string(kDemoSalesUsername), "Noah North", "sales.north@atrium.example",
                            password_hash, lead_user, created_at, created_at}));
  ATRIUM_TRY(run(user_sql, {viewer_user, std::string(kDemoViewerUsername), "Vera Viewer", "viewer@atrium.example",
                            password_hash, storage::Value(), created_at, created_at}));
  const char* member_sql = "INSERT INTO team_members (team_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING";
  ATRIUM_TRY(run(member_sql, {team, lead_user}));
  ATRIUM_TRY(run(member_sql, {team, sales_user}));
  const char* role_of_sql = "INSERT INTO user_roles (user_id, role_id) VALUES (?, ?) ON CONFLICT DO NOTHING";
  ATRIUM_TRY(run(role_of_sql, {lead_user, lead}));
  ATRIUM_TRY(run(role_of_sql, {sales_user, sales}));
  ATRIUM_TRY(run(role_of_sql, {viewer_user, viewer}));
  ATRIUM_TRY(
      run("INSERT INTO user_attributes (user_id, attribute, value) VALUES (?, 'areas', 'north') "
          "ON CONFLICT DO NOTHING",
          {sales_user}));
  // An approval rule: raising an account's credit limit above 50,000 needs the
  // representative's manager, then a sales lead.
  ATRIUM_TRY(run(
      "INSERT INTO approval_rules (id, entity, name, trigger_kind, condition, levels, active, created_at, "
      "updated_at, version) VALUES (?, 'account', 'Credit limit above 50,000', 'on_update', "
      "'credit_limit gt 50000', ?, 1, ?, ?, 1) ON CONFLICT DO NOTHING",
      {ids.next(), R"([{"kind":"manager","mode":"any","depth":1},{"kind":"role","mode":"any","role":"sales_lead"}])",
       created_at, created_at}));
  // Special prices are used only once a sales lead has approved them.
  ATRIUM_TRY(
      run("INSERT INTO approval_rules (id, entity, name, trigger_kind, condition, levels, active, created_at, "
          "updated_at, version) VALUES (?, 'special_price', 'Special prices', 'on_create', '', ?, 1, ?, ?, 1) "
          "ON CONFLICT DO NOTHING",
          {ids.next(), R"([{"kind":"role","mode":"any","role":"sales_lead"}])", created_at, created_at}));
  // A quotation with a discount above 10% or a total above 50,000 needs a sales lead
  // before it may be sent.
  ATRIUM_TRY(
      run("INSERT INTO approval_rules (id, entity, name, trigger_kind, condition, levels, active, created_at, "
          "updated_at, version) VALUES (?, 'quotation', 'Quotation discount above 10% or total above 50,000', "
          "'on_update', ?, ?, 1, ?, ?, 1) ON CONFLICT DO NOTHING",
          {ids.next(), R"(status eq "pending_approval" and (max_discount gt 10 or total gt 50000))",
           R"([{"kind":"role","mode":"any","role":"sales_lead"}])", created_at, created_at}));
  ATRIUM_TRY(access::bump_access_generation(connection));
  return rows;
}

}  // namespace atrium::app
