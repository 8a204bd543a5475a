#include "atrium/app/serve_command.hpp"

#include <fmt/format.h>

#include <boost/json/serialize.hpp>
#include <thread>

#include "atrium/access/access_admin_routes.hpp"
#include "atrium/access/auth_routes.hpp"
#include "atrium/access/authenticator.hpp"
#include "atrium/access/grants.hpp"
#include "atrium/access/password_policy.hpp"
#include "atrium/access/people_routes.hpp"
#include "atrium/app/demo_data.hpp"
#include "atrium/app/platform_routes.hpp"
#include "atrium/app/schema_setup.hpp"
#include "atrium/dataio/attachment_routes.hpp"
#include "atrium/dataio/duplicate_finder.hpp"
#include "atrium/dataio/duplicate_routes.hpp"
#include "atrium/dataio/export_routes.hpp"
#include "atrium/dataio/file_store.hpp"
#include "atrium/dataio/import_routes.hpp"
#include "atrium/dataio/merge_routes.hpp"
#include "atrium/dataio/vcard_routes.hpp"
#include "atrium/http/static_files.hpp"
#include "atrium/records/access_schema.hpp"
#include "atrium/records/audit_trail.hpp"
#include "atrium/records/metadata_routes.hpp"
#include "atrium/records/openapi.hpp"
#include "atrium/records/picklist_routes.hpp"
#include "atrium/records/record_routes.hpp"
#include "atrium/records/saved_view_routes.hpp"
#include "atrium/sales/document_copies.hpp"
#include "atrium/sales/pricing_routes.hpp"
#include "atrium/sales/quotations.hpp"
#include "atrium/sales/sales_cycle.hpp"
#include "atrium/storage/migration.hpp"
#include "atrium/workflow/approval_dashboard.hpp"
#include "atrium/workflow/approval_routes.hpp"
#include "atrium/workflow/automation_engine.hpp"
#include "atrium/workflow/automation_routes.hpp"
#include "atrium/workflow/job_service.hpp"
#include "atrium/workflow/notification_routes.hpp"
#include "atrium/workflow/reminder_dashboard.hpp"
#include "atrium/workflow/reminder_dispatcher.hpp"
#include "atrium/workflow/reminder_routes.hpp"
#include "atrium/workflow/reminder_service.hpp"
#include "atrium/workflow/routing_admin_routes.hpp"
#include "atrium/workflow/routing_routes.hpp"
#include "atrium/workflow/routing_service.hpp"
#include "atrium/workflow/task_assignment_routes.hpp"
#include "atrium/workflow/task_dashboard.hpp"
#include "atrium/workflow/template_routes.hpp"
#include "atrium/workflow/test_clock_routes.hpp"

namespace atrium::app {

int run_serve(const ServeConfig& config, const std::filesystem::path& executable, const std::string& version) {
  log::configure(log::Level::info, config.log_format);
  log::set_access_log_enabled(config.access_log);

  if (auto prepared = prepare_database_location(config.database_url); !prepared) {
    fmt::print(stderr, "atrium: {}\n", prepared.error().message);
    return 1;
  }
  const int threads = config.server.threads > 0 ? config.server.threads
                                                : static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
  storage::DatabaseOptions database_options;
  database_options.read_connections = config.read_connections > 0 ? config.read_connections : threads;
  auto database = storage::open_database(config.database_url, database_options);
  if (!database) {
    fmt::print(stderr, "atrium: {}\n", database.error().message);
    return 1;
  }
  auto migrated = storage::apply_migrations(**database, storage::embedded_migrations());
  if (!migrated) {
    fmt::print(stderr, "atrium: {}\n", migrated.error().message);
    return 1;
  }
  if (!config.extra_definitions.empty()) use_extra_definitions(config.extra_definitions);
  auto catalog = builtin_catalog();
  if (auto schema = catalog ? prepare_schema(**database) : Result<void>(catalog.error()); !schema) {
    fmt::print(stderr, "atrium: {}\n", schema.error().message);
    return 1;
  }
  auto first_start = ensure_instance(**database);
  if (!first_start) {
    fmt::print(stderr, "atrium: {}\n", first_start.error().message);
    return 1;
  }
  if (*first_start && config.load_demo) {
    if (auto demo = load_demo_data(**database, DemoSize{}); !demo) {
      fmt::print(stderr, "atrium: demo data: {}\n", demo.error().message);
      return 1;
    }
  }
  const auto demo_present = has_demo_data(**database);

  const auto web_root = find_web_root(config.web_root, executable);
  const auto static_files = http::StaticFiles::load(web_root);
  if (static_files.empty()) log::warn("no web app at {}: run `make build`", web_root.string());

  // Uploads stream into the file store's own folder, so keeping one is a rename.
  dataio::FileStore files(files_directory(config));
  http::ServerOptions server_options = config.server;
  server_options.upload_directory = (files.root() / "incoming").string();
  server_options.upload_paths = {"/api/v1/import-files", "/api/v1/attachment-files"};

  http::Router router;
  http::Metrics metrics;
  http::EventHub events;
  add_platform_routes(router, **database, metrics, version);
  // The system clock, unless tests move it (--test-clock).
  AdjustableClock clock;
  access::SessionStore sessions(**database, clock,
                                access::SessionPolicy{std::chrono::minutes(config.session_idle_minutes),
                                                      std::chrono::hours(config.session_absolute_hours)});
  access::install_password_policy(access::PasswordPolicy::load(config.common_password_file));
  access::ApiTokenStore tokens(**database, clock);
  const bool https = !config.server.tls_certificate_file.empty() || config.public_url.starts_with("https://");
  access::AuthOptions auth_options{https};
  auth_options.audit = [](storage::Connection& connection, const access::SecurityEvent& event) {
    return records::append_security_event(connection, {"auth", event.record_id, event.action, event.user_id, event.at},
                                          event.details);
  };
  access::add_auth_routes(router, **database, sessions, tokens, clock, auth_options);
  const access::Authenticator authenticator(sessions, tokens, auth_options);
  records::RecordService records(**database, **catalog, clock);
  access::GrantStore grants(**database);
  // Phone numbers written without a prefix take this country's code unless the record
  // names its own country.
  const char* default_country = std::getenv("ATRIUM_DEFAULT_COUNTRY");
  dataio::DuplicateFinder duplicates(records, default_country ? default_country : "");
  records.add_write_hook(
      [&duplicates](storage::Connection& connection, const records::EntityLayout& layout, std::string_view id,
                    const boost::json::object* record) { return duplicates.index(connection, layout, id, record); });
  records.add_create_advisor([&duplicates](const records::EntityLayout& layout, const boost::json::object& record,
                                           const records::RecordAccess* access) -> Result<boost::json::array> {
    boost::json::array warnings;
    if (!duplicates.applies_to(layout)) return warnings;
    auto candidates = duplicates.find(layout, record, access, std::string_view(record.at("id").as_string()));
    if (!candidates) return candidates.take_error();
    if (!candidates->empty()) warnings.emplace_back(dataio::DuplicateFinder::warning(*candidates));
    return warnings;
  });
  if (auto indexed = duplicates.index_missing(); !indexed) {
    fmt::print(stderr, "atrium: duplicate keys: {}\n", indexed.error().message);
    return 1;
  }
  workflow::Notifier notifier(**database, clock);
  // Each notification reaches the recipient's open streams at once.
  notifier.set_listener([&events](const std::string& user_id, const boost::json::object& notification) {
    events.publish(http::Event{"notification", "notification", std::string(notification.at("id").as_string()),
                               boost::json::serialize(notification), user_id});
  });
  workflow::Outbox outbox(**database, clock);
  workflow::Dashboard dashboard;
  // Approvals: rules as data; a write that matches one starts an approval, and a record
  // waiting for one is locked. Deletions of master data are approvals too.
  workflow::ApprovalRules approval_rules(**database, records, clock);
  workflow::ApprovalDelegations approval_delegations(**database, clock);
  workflow::ApprovalEngine approvals(**database, records, grants, notifier, clock);
  approvals.attach();
  dashboard.add_section(workflow::approvals_waiting_section(approvals));
  workflow::JobService jobs(**database, clock,
                            {.workers = config.job_workers,
                             .lease = std::chrono::seconds(config.job_lease_seconds),
                             .retention = std::chrono::hours(24) * config.job_retention_days});
  // Imports queue their batches as jobs, so the job service exists before the routes.
  dataio::ImportService imports(records, grants, files, jobs.queue(), clock, &duplicates);
  imports.register_jobs(jobs.registry());
  // Reminders: routes before the record routes (their /{plural} would take /reminders),
  // delivery as a recurring job, the caller's next ones on the dashboard.
  workflow::ReminderService reminders(records, grants, clock);
  workflow::ReminderDispatcher reminder_dispatcher(records, notifier, outbox, clock);
  reminder_dispatcher.register_jobs(jobs.registry(), jobs.queue());
  if (auto scheduled = reminder_dispatcher.schedule(jobs.scheduler()); !scheduled) {
    fmt::print(stderr, "atrium: reminders: {}\n", scheduled.error().message);
    return 1;
  }
  workflow::add_reminder_routes(router, reminders, records, authenticator, grants);
  workflow::add_reminder_dashboard_section(dashboard, reminders);
  // Routing paths: a record of a routed type starts on its path in the transaction that
  // creates it; the SLA job escalates overdue steps.
  workflow::RoutingService routing(**database, records, notifier, clock);
  records.add_write_hook([&routing](storage::Connection& connection, const records::EntityLayout& layout,
                                    std::string_view id, const boost::json::object* record) {
    return routing.on_record_written(connection, layout, id, record);
  });
  routing.register_jobs(jobs.registry());
  if (auto scheduled = routing.schedule_jobs(jobs.scheduler()); !scheduled) {
    fmt::print(stderr, "atrium: routing: {}\n", scheduled.error().message);
    return 1;
  }
  dashboard.add_section({"routed_to_me", "Routed to me", 30,
                         [&routing](const records::Actor& actor) { return routing.routed_to(actor); }});
  // Before the record routes: their `/{plural}/{id}/{related}` would take `/{plural}/{id}/routing`.
  workflow::add_routing_routes(router, routing, records, authenticator, grants);
  workflow::add_business_calendar_routes(router, **database, authenticator, clock);
  workflow::add_routing_path_routes(router, **database, **catalog, authenticator, clock);
  // Message templates: stored as data, checked against the definitions, previewed with
  // the reader's access. Before the record routes: their /{plural} would take /templates.
  workflow::MessageTemplates templates(records, clock);
  workflow::add_template_routes(router, templates, records, authenticator, grants);
  // Files on records. Before the record routes: their related lists would take
  // /attachments/{id}/content.
  dataio::Attachments attachments(records, files);
  dataio::add_attachment_routes(router, attachments, records, authenticator, grants);
  // One pricing function for every line of every sales document; quotations priced by it,
  // approved by the approvals engine (attached above, so its rules see a submission first).
  sales::add_pricing_routes(router, records, authenticator, grants);
  sales::QuotationLifecycle quotations(records, approvals, clock);
  quotations.attach();
  sales::add_quotation_routes(router, records, authenticator, grants);
  // A quotation sent or an invoice issued keeps its PDF on file; both can be e-mailed.
  sales::DocumentCopies document_copies(records, attachments, outbox);
  document_copies.attach();
  sales::add_document_copy_routes(router, document_copies, records, authenticator, grants);
  // The rest of the cycle: enquiries, orders (approved by the same engine), invoices and
  // payments; their routes before the record routes, whose related lists would take them.
  sales::EnquiryLifecycle enquiries(records);
  enquiries.attach();
  sales::OrderLifecycle orders(records, approvals, clock);
  orders.attach();
  sales::DeliveryLifecycle deliveries(records);
  deliveries.attach();
  sales::InvoiceLifecycle invoices(records);
  invoices.attach();
  sales::ClaimLifecycle claims(records);
  claims.attach();
  sales::PeriodicFollowUps periodic_follow_ups(records);
  periodic_follow_ups.register_jobs(jobs.registry());
  if (auto scheduled = periodic_follow_ups.schedule(jobs.scheduler()); !scheduled) {
    fmt::print(stderr, "atrium: periodic follow-ups: {}\n", scheduled.error().message);
    return 1;
  }
  sales::add_sales_cycle_routes(router, records, authenticator, grants, clock);
  // Before the record routes: /orders/import is not an order's id.
  sales::add_order_import_route(router, records, authenticator, grants);
  // Automation rules: a write fires the rules of its entity as jobs queued in the same
  // transaction; dates and schedules come from a recurring scan on the clock.
  workflow::AutomationRuleStore automation_rules(records, clock);
  workflow::AutomationEngine automation(records, automation_rules, templates, notifier, outbox, clock);
  automation.set_approvals(&approvals);
  automation.attach(jobs.queue());
  automation.register_jobs(jobs.registry());
  if (auto scheduled = automation.schedule(jobs.scheduler()); !scheduled) {
    fmt::print(stderr, "atrium: automation: {}\n", scheduled.error().message);
    return 1;
  }
  workflow::add_automation_routes(router, automation_rules, records, authenticator, grants);
  records::add_metadata_routes(router, records, **database, authenticator, grants);
  // Before the record routes: /{plural}/export is not a record id.
  dataio::add_export_routes(router, records, authenticator, grants, std::filesystem::temp_directory_path());
  // Before the record routes: their `/{plural}/{id}` would take `/{plural}/duplicates`.
  dataio::add_duplicate_routes(router, records, duplicates, authenticator, grants);
  dataio::MergeService merges(records, clock);
  dataio::add_merge_routes(router, records, merges, authenticator, grants);
  dataio::add_vcard_routes(router, records, authenticator, grants);
  // Before the record routes: their related lists would take `/{plural}/{id}/assignees`.
  workflow::TaskAssignments assignments(**database, records, notifier, clock);
  workflow::add_task_assignment_routes(router, assignments, records, authenticator, grants);
  workflow::add_task_dashboard_sections(dashboard, records, clock);
  records::add_record_routes(router, records, approvals, authenticator, grants);
  records::add_saved_view_routes(router, records, authenticator, grants);
  dataio::add_import_routes(router, imports, files, records, authenticator, grants);
  dataio::add_import_template_routes(router, records, authenticator, grants);
  access::add_people_routes(router, **database, authenticator);
  access::add_access_admin_routes(router, **database, authenticator, records::access_schema(records));
  records::add_picklist_routes(router, **database, authenticator);
  workflow::add_approval_routes(router, approvals, approval_rules, approval_delegations, records, authenticator,
                                grants);
  workflow::add_approval_rule_routes(router, approval_rules, records, authenticator, grants);
  workflow::add_notification_routes(router, notifier, dashboard, outbox, records, authenticator, grants);
  if (config.test_clock) {
    log::warn("the clock can be moved through /api/v1/test/clock (--test-clock): for tests only");
    workflow::add_test_clock_routes(router, clock);
  }
  records::add_openapi_route(router, records, {version, access::session_cookie_name(access::AuthOptions{https})});
  http::Dispatcher dispatcher(router, metrics,
                              [&static_files](http::Request& request) { return static_files.serve(request); });
  http::HttpServer server(server_options, dispatcher, events);
  metrics.add_gauge("atrium_db_connections", "Database connections open.",
                    [&] { return (*database)->stats().connections; });
  metrics.add_gauge("atrium_db_connections_in_use", "Database connections lent out now.",
                    [&] { return (*database)->stats().in_use; });
  metrics.add_gauge("atrium_db_transactions_total", "Write transactions committed since start.",
                    [&] { return static_cast<double>((*database)->stats().transactions); });
  metrics.add_gauge("atrium_db_commits_total", "Physical commits since start (SQLite groups transactions).",
                    [&] { return static_cast<double>((*database)->stats().commits); });
  metrics.add_gauge("atrium_event_streams", "Open Server-Sent Events streams.",
                    [&] { return server.open_event_streams(); });

  if (auto listening = server.listen(); !listening) {
    const bool taken = listening.error().code == ErrorCode::conflict;
    fmt::print(stderr, "atrium: {}{}\n", listening.error().message,
               taken ? "; choose another port with --port (or ATRIUM_PORT)" : "");
    return 1;
  }
  const bool tls = !config.server.tls_certificate_file.empty();
  fmt::print("Atrium {} is serving {}://{}:{}/ (database {}, schema version {})\n", version, tls ? "https" : "http",
             config.server.address, server.bound_port(),
             (*database)->dialect() == storage::Dialect::sqlite ? config.database_url : std::string("postgresql"),
             migrated->current_version);
  if (demo_present && *demo_present) fmt::print("Demo login: {} / {}\n", kDemoUsername, kDemoPassword);
  std::fflush(stdout);
  if (auto started = jobs.start(); !started) log::error("background jobs did not start: {}", started.error().message);
  server.run();
  jobs.stop();
  log::info("stopped");
  log::flush();
  return 0;
}

}  // namespace atrium::app
