// The command line: the only file that includes CLI11 (it costs seconds per file).
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <iostream>

#include "atrium/access/user_directory.hpp"
#include "atrium/app/config.hpp"
#include "atrium/app/demo_data.hpp"
#include "atrium/app/jobs_command.hpp"
#include "atrium/app/schema_setup.hpp"
#include "atrium/app/serve_command.hpp"
#include "atrium/records/audit_trail.hpp"
#include "atrium/storage/backup.hpp"
#include "atrium/storage/migration.hpp"
#include "atrium/storage/table_checksum.hpp"

namespace {

using namespace atrium;

int fail(const Error& error) {
  fmt::print(stderr, "atrium: {}\n", error.message);
  for (const auto& field : error.fields) fmt::print(stderr, "  {}: {} ({})\n", field.field, field.message, field.code);
  return 1;
}

// Opens and migrates the database a command works on.
Result<std::unique_ptr<storage::Database>> open_migrated(const std::string& url) {
  ATRIUM_TRY(app::prepare_database_location(url));
  auto database = storage::open_database(url, storage::DatabaseOptions{1});
  if (!database) return database.take_error();
  ATRIUM_TRY(app::prepare_schema(**database));
  return database;
}

CLI::Option* add_database_option(CLI::App& command, std::string& url) {
  return command.add_option("--database,-d", url, "sqlite:PATH or postgresql://USER@HOST:PORT/NAME")
      ->envname("ATRIUM_DATABASE")
      ->capture_default_str();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"Atrium CRM"};
  cli.set_config("--config", "", "settings file (TOML or INI); flags override it", false)->envname("ATRIUM_CONFIG");
  cli.require_subcommand(1);
  cli.failure_message(CLI::FailureMessage::help);
  const std::string version = ATRIUM_VERSION;
  int exit_code = 0;

  // serve
  app::ServeConfig serve;
  int sse_heartbeat_ms = 15000;
  int header_timeout_ms = 10000;
  bool no_demo = false;
  bool no_access_log = false;
  std::string log_format = "text";
  auto* serve_command = cli.add_subcommand("serve", "serve the web app and the API");
  add_database_option(*serve_command, serve.database_url);
  serve_command->add_option("--port,-p", serve.server.port, "TCP port (0 picks a free one)")
      ->envname("ATRIUM_PORT")
      ->capture_default_str();
  serve_command->add_option("--address", serve.server.address, "address to listen on")
      ->envname("ATRIUM_ADDRESS")
      ->capture_default_str();
  serve_command->add_option("--threads", serve.server.threads, "worker threads (0: one per core)")
      ->envname("ATRIUM_THREADS")
      ->check(CLI::Range(0, 256));
  serve_command->add_option("--body-limit", serve.server.body_limit, "largest request body in bytes")
      ->envname("ATRIUM_BODY_LIMIT")
      ->capture_default_str();
  serve_command->add_option("--upload-limit", serve.server.upload_limit,
                            "largest upload (an import file) in bytes")
      ->envname("ATRIUM_UPLOAD_LIMIT")
      ->capture_default_str();
  serve_command->add_option("--files-dir", serve.files_directory,
                            "folder for uploads and generated files (default: files/ beside a SQLite "
                            "database, else var/files)")
      ->envname("ATRIUM_FILES_DIR");
  serve_command->add_option("--web-root", serve.web_root, "folder of the built web app")->envname("ATRIUM_WEB_ROOT");
  serve_command->add_option("--tls-cert", serve.server.tls_certificate_file, "PEM certificate chain for HTTPS")
      ->envname("ATRIUM_TLS_CERT");
  serve_command->add_option("--tls-key", serve.server.tls_private_key_file, "PEM private key for HTTPS")
      ->envname("ATRIUM_TLS_KEY");
  serve_command->add_option("--public-url", serve.public_url, "URL users reach Atrium at (https: Secure cookies)")
      ->envname("ATRIUM_PUBLIC_URL");
  serve_command->add_option("--session-idle-minutes", serve.session_idle_minutes,
                            "minutes without a request after which a session ends")
      ->envname("ATRIUM_SESSION_IDLE_MINUTES")
      ->capture_default_str()
      ->check(CLI::Range(1, 525'600));
  serve_command->add_option("--session-absolute-hours", serve.session_absolute_hours,
                            "hours after sign-in after which a session ends anyway")
      ->envname("ATRIUM_SESSION_ABSOLUTE_HOURS")
      ->capture_default_str()
      ->check(CLI::Range(1, 8'760));
  serve_command->add_option("--common-passwords", serve.common_password_file,
                            "list of common passwords to refuse, one a line")
      ->envname("ATRIUM_COMMON_PASSWORDS")
      ->capture_default_str();
  serve_command->add_option("--extra-definitions", serve.extra_definitions,
                            "folder of more entity definitions (*.json) beside the built-in ones")
      ->envname("ATRIUM_EXTRA_DEFINITIONS")
      ->check(CLI::ExistingDirectory);
  serve_command->add_option("--sse-heartbeat-ms", sse_heartbeat_ms, "heartbeat interval of event streams")
      ->envname("ATRIUM_SSE_HEARTBEAT_MS")
      ->check(CLI::Range(100, 3'600'000));
  serve_command->add_option("--header-timeout-ms", header_timeout_ms, "time a client has to send a request head")
      ->envname("ATRIUM_HEADER_TIMEOUT_MS")
      ->check(CLI::Range(100, 600'000));
  serve_command->add_flag("--no-demo", no_demo, "do not load demo data on the first start")->envname("ATRIUM_NO_DEMO");
  serve_command->add_flag("--no-access-log", no_access_log, "do not log every request")
      ->envname("ATRIUM_NO_ACCESS_LOG");
  serve_command->add_option("--log-format", log_format, "text or json")
      ->envname("ATRIUM_LOG_FORMAT")
      ->check(CLI::IsMember({"text", "json"}));
  serve_command->add_option("--job-workers", serve.job_workers, "background job threads (-1: one per core, 0: none)")
      ->envname("ATRIUM_JOB_WORKERS")
      ->capture_default_str()
      ->check(CLI::Range(-1, 256));
  serve_command->add_option("--job-lease-seconds", serve.job_lease_seconds,
                            "seconds a claimed job stays its worker's before another may retry it")
      ->envname("ATRIUM_JOB_LEASE_SECONDS")
      ->capture_default_str()
      ->check(CLI::Range(1, 86'400));
  serve_command->add_option("--job-retention-days", serve.job_retention_days, "days done jobs are kept")
      ->envname("ATRIUM_JOB_RETENTION_DAYS")
      ->capture_default_str()
      ->check(CLI::Range(1, 3'650));
  serve_command->add_flag("--test-clock", serve.test_clock,
                          "tests only: let POST /api/v1/test/clock move the server's clock")
      ->envname("ATRIUM_TEST_CLOCK");
  serve_command->callback([&] {
    serve.load_demo = !no_demo;
    serve.access_log = !no_access_log;
    serve.log_format = log_format == "json" ? log::Format::json : log::Format::text;
    serve.server.sse_heartbeat = std::chrono::milliseconds(sse_heartbeat_ms);
    serve.server.header_timeout = std::chrono::milliseconds(header_timeout_ms);
    exit_code = app::run_serve(serve, argv[0], version);
  });

  // migrate
  std::string database_url = app::kDefaultDatabaseUrl;
  auto* migrate_command = cli.add_subcommand("migrate", "bring the database schema up to date");
  add_database_option(*migrate_command, database_url);
  migrate_command->callback([&] {
    auto prepared = app::prepare_database_location(database_url);
    if (!prepared) return void(exit_code = fail(prepared.error()));
    auto database = storage::open_database(database_url, storage::DatabaseOptions{1});
    if (!database) return void(exit_code = fail(database.error()));
    auto report = storage::apply_migrations(**database, storage::embedded_migrations());
    if (!report) return void(exit_code = fail(report.error()));
    if (auto synced = app::prepare_schema(**database); !synced) return void(exit_code = fail(synced.error()));
    fmt::print("applied {} migration(s); schema version {}\n", report->applied, report->current_version);
  });

  // demo
  app::DemoSize demo_size;
  auto* demo_command = cli.add_subcommand("demo", "load deterministic demo data (once per database)");
  add_database_option(*demo_command, database_url);
  demo_command->add_option("--users", demo_size.users, "users besides the demo login")
      ->capture_default_str()
      ->check(CLI::Range(std::int64_t{0}, std::int64_t{10'000'000}));
  demo_command->add_option("--accounts", demo_size.accounts, "accounts")
      ->capture_default_str()
      ->check(CLI::Range(std::int64_t{0}, std::int64_t{10'000'000}));
  demo_command->add_option("--contacts", demo_size.contacts, "contacts (most linked to accounts)")
      ->capture_default_str()
      ->check(CLI::Range(std::int64_t{0}, std::int64_t{10'000'000}));
  demo_command->add_option("--products", demo_size.products, "products")
      ->capture_default_str()
      ->check(CLI::Range(std::int64_t{0}, std::int64_t{1'000'000}));
  demo_command->callback([&] {
    auto database = open_migrated(database_url);
    if (!database) return void(exit_code = fail(database.error()));
    auto report = app::load_demo_data(**database, demo_size);
    if (!report) return void(exit_code = fail(report.error()));
    if (!report->loaded) {
      fmt::print("demo data is loaded already; nothing done\n");
    } else {
      fmt::print("loaded {} demo rows; login: {} / {}\n", report->rows, app::kDemoUsername, app::kDemoPassword);
    }
  });

  // user add
  auto* user_command = cli.add_subcommand("user", "manage users");
  user_command->require_subcommand(1);
  access::NewUser new_user;
  bool password_stdin = false;
  auto* user_add = user_command->add_subcommand("add", "add a user; the password is read from standard input");
  add_database_option(*user_add, database_url);
  user_add->add_option("--username,-u", new_user.username, "login name")->required();
  user_add->add_option("--name", new_user.name, "full name (default: the username)");
  user_add->add_option("--email", new_user.email, "e-mail address");
  user_add->add_flag("--admin", new_user.is_admin, "give the user every right");
  std::vector<std::string> new_user_roles;
  user_add->add_option("--role", new_user_roles, "a role to give the user (repeatable)");
  // Never on the command line: other users of the machine can read it from ps.
  user_add->add_flag("--password-stdin", password_stdin, "read the password from standard input")->required();
  user_add->callback([&] {
    std::getline(std::cin, new_user.password);
    if (!new_user.password.empty() && new_user.password.back() == '\r') new_user.password.pop_back();
    if (new_user.password.empty()) {
      return void(exit_code = fail(make_error(ErrorCode::validation_failed, "no password on standard input")));
    }
    auto database = open_migrated(database_url);
    if (!database) return void(exit_code = fail(database.error()));
    std::string id;
    auto added = (*database)->transact([&](storage::Connection& connection) -> Result<void> {
      auto created = access::add_user(connection, new_user);
      if (!created) return created.take_error();
      id = *created;
      return access::give_roles(connection, id, new_user_roles);
    });
    if (!added) return void(exit_code = fail(added.error()));
    fmt::print("added user {} ({})\n", new_user.username, id);
  });

  // backup / restore / checksum
  std::string file;
  auto* backup_command = cli.add_subcommand("backup", "write a consistent copy of the database while it serves");
  add_database_option(*backup_command, database_url);
  backup_command->add_option("--to", file, "backup file to create (never overwritten)")->required();
  backup_command->callback([&] {
    auto database = open_migrated(database_url);
    if (!database) return void(exit_code = fail(database.error()));
    auto report = storage::backup_to(**database, file, app::prepare_schema);
    if (!report) return void(exit_code = fail(report.error()));
    fmt::print("backed up {} rows in {} tables to {}\n", report->rows, report->tables, file);
  });
  auto* restore_command = cli.add_subcommand("restore", "load a backup into an empty database");
  add_database_option(*restore_command, database_url);
  restore_command->add_option("--from", file, "backup file")->required()->check(CLI::ExistingFile);
  restore_command->callback([&] {
    auto database = open_migrated(database_url);
    if (!database) return void(exit_code = fail(database.error()));
    auto report = storage::restore_from(**database, file, app::prepare_schema);
    if (!report) return void(exit_code = fail(report.error()));
    fmt::print("restored {} rows in {} tables from {}\n", report->rows, report->tables, file);
  });
  auto* checksum_command =
      cli.add_subcommand("checksum", "print each table's row count and content digest (to compare databases)");
  add_database_option(*checksum_command, database_url);
  std::vector<std::string> ignored_columns;
  checksum_command->add_option("--ignore-column", ignored_columns, "TABLE.COLUMN to leave out (repeatable)");
  checksum_command->callback([&] {
    auto database = storage::open_database(database_url, storage::DatabaseOptions{1});
    if (!database) return void(exit_code = fail(database.error()));
    auto sums = storage::table_checksums(**database, ignored_columns);
    if (!sums) return void(exit_code = fail(sums.error()));
    for (const auto& sum : *sums) fmt::print("{} {} {}\n", sum.table, sum.rows, sum.digest);
  });

  // audit verify
  auto* audit_command = cli.add_subcommand("audit", "the audit trail");
  audit_command->require_subcommand(1);
  auto* verify_command = audit_command->add_subcommand("verify", "check that no audit entry was edited, deleted or moved");
  add_database_option(*verify_command, database_url);
  verify_command->callback([&] {
    auto database = open_migrated(database_url);
    if (!database) return void(exit_code = fail(database.error()));
    auto catalog = app::builtin_catalog();
    if (!catalog) return void(exit_code = fail(catalog.error()));
    std::vector<std::unique_ptr<records::EntityLayout>> layouts;
    std::vector<const records::EntityLayout*> pointers;
    for (const auto& entity : (*catalog)->entities()) {
      layouts.push_back(std::make_unique<records::EntityLayout>(entity, **catalog));
      pointers.push_back(layouts.back().get());
    }
    auto report = records::verify_audit(**database, pointers);
    if (!report) return void(exit_code = fail(report.error()));
    for (const auto& problem : report->problems) fmt::print("{}\n", problem);
    fmt::print("{} entries of {} records checked: {}\n", report->entries, report->records,
               report->problems.empty() ? "intact" : fmt::format("{} problem(s)", report->problems.size()));
    exit_code = report->problems.empty() ? 0 : 1;
  });

  // jobs
  auto* jobs_command = cli.add_subcommand("jobs", "the background job queue");
  jobs_command->require_subcommand(1);
  auto* jobs_stats = jobs_command->add_subcommand("stats", "print how many jobs are in each state");
  add_database_option(*jobs_stats, database_url);
  std::string jobs_stats_kind;
  jobs_stats->add_option("--kind", jobs_stats_kind, "count only jobs of this kind");
  jobs_stats->callback([&] {
    // Read-only: no migration, so it never waits for the write lock of a busy server.
    auto database = storage::open_database(database_url, storage::DatabaseOptions{1});
    if (!database) return void(exit_code = fail(database.error()));
    exit_code = app::run_jobs_stats(**database, jobs_stats_kind);
  });
  app::JobsWorkOptions jobs_work;
  auto* jobs_work_command = jobs_command->add_subcommand("work", "run job workers without serving HTTP");
  add_database_option(*jobs_work_command, database_url);
  jobs_work_command->add_option("--workers", jobs_work.workers, "worker threads (-1: one per core)")
      ->envname("ATRIUM_JOB_WORKERS")
      ->capture_default_str()
      ->check(CLI::Range(-1, 256));
  jobs_work_command->add_option("--lease-seconds", jobs_work.lease_seconds,
                                "seconds a claimed job stays its worker's before another may retry it")
      ->envname("ATRIUM_JOB_LEASE_SECONDS")
      ->capture_default_str()
      ->check(CLI::Range(1, 86'400));
  jobs_work_command->add_flag("--until-empty", jobs_work.until_empty, "stop once no job is running or due");
  jobs_work_command->callback([&] {
    auto database = open_migrated(database_url);
    if (!database) return void(exit_code = fail(database.error()));
    exit_code = app::run_jobs_work(**database, jobs_work);
  });
  // TEST-ONLY (hidden, refused unless ATRIUM_TEST_JOBS=1): jobs whose effects tests count.
  std::int64_t test_job_count = 0;
  std::string test_job_kind = "test.effect";
  auto* jobs_enqueue_test = jobs_command->add_subcommand("enqueue-test", "")->group("");
  add_database_option(*jobs_enqueue_test, database_url);
  jobs_enqueue_test->add_option("--count", test_job_count)
      ->required()
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{10'000'000}));
  jobs_enqueue_test->add_option("--kind", test_job_kind)->check(CLI::IsMember({"test.effect", "test.noop"}));
  jobs_enqueue_test->callback([&] {
    auto database = open_migrated(database_url);
    if (!database) return void(exit_code = fail(database.error()));
    exit_code = app::run_jobs_enqueue_test(**database, test_job_kind, test_job_count);
  });
  auto* jobs_test_effects = jobs_command->add_subcommand("test-effects", "")->group("");
  add_database_option(*jobs_test_effects, database_url);
  jobs_test_effects->callback([&] {
    auto database = storage::open_database(database_url, storage::DatabaseOptions{1});
    if (!database) return void(exit_code = fail(database.error()));
    exit_code = app::run_jobs_test_effects(**database);
  });

  cli.add_subcommand("version", "print the version")->callback([&] { fmt::print("atrium {}\n", version); });

  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return cli.exit(error);
  }
  return exit_code;
}
