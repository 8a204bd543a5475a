#include "atrium/app/jobs_command.hpp"

#include <fmt/format.h>

#include <csignal>
#include <ctime>

#include "atrium/core/log.hpp"
#include "atrium/storage/database.hpp"
#include "atrium/workflow/job_service.hpp"
#include "atrium/workflow/test_jobs.hpp"

namespace atrium::app {

namespace {

int fail(const Error& error) {
  fmt::print(stderr, "atrium: {}\n", error.message);
  return 1;
}

Result<void> require_test_jobs() {
  if (workflow::test_jobs_enabled()) return {};
  return make_error(ErrorCode::bad_request, "a test-only command: set ATRIUM_TEST_JOBS=1");
}

}  // namespace

int run_jobs_work(storage::Database& database, const JobsWorkOptions& options) {
  log::configure(log::Level::info, log::Format::text);
  // The signals are taken here, by sigtimedwait, not by whichever thread they land on.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);  // before the workers start: they inherit it

  SystemClock clock;
  workflow::JobService jobs(database, clock,
                            {.workers = options.workers,
                             .lease = std::chrono::seconds(options.lease_seconds),
                             .retention = std::chrono::hours(24) * options.retention_days});
  if (jobs.workers() == 0) return fail(make_error(ErrorCode::bad_request, "--workers 0: nothing would run"));
  const auto started = std::chrono::steady_clock::now();
  if (auto running = jobs.start(); !running) return fail(running.error());
  fmt::print("running jobs with {} worker(s){}\n", jobs.workers(), options.until_empty ? " until none is due" : "");
  std::fflush(stdout);
  const timespec poll{0, 20'000'000};
  while (sigtimedwait(&signals, nullptr, &poll) < 0) {
    if (!options.until_empty) continue;
    auto outstanding = jobs.queue().outstanding();
    if (!outstanding) return fail(outstanding.error());
    if (*outstanding == 0) break;
  }
  jobs.stop();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  fmt::print("finished {} jobs in {:.2f} s ({:.0f} jobs/s)\n", jobs.finished(), seconds,
             static_cast<double>(jobs.finished()) / seconds);
  return 0;
}

int run_jobs_stats(storage::Database& database, const std::string& kind) {
  SystemClock clock;
  workflow::JobRegistry registry;
  workflow::JobQueue queue(database, registry, clock);
  auto counts = queue.counts(kind);
  if (!counts) return fail(counts.error());
  for (auto state : {workflow::JobState::pending, workflow::JobState::running, workflow::JobState::done,
                     workflow::JobState::failed, workflow::JobState::cancelled}) {
    const std::string name(workflow::job_state_name(state));
    fmt::print("{} {}\n", name, counts->contains(name) ? counts->at(name) : 0);
  }
  return 0;
}

int run_jobs_enqueue_test(storage::Database& database, const std::string& kind, std::int64_t count) {
  if (auto allowed = require_test_jobs(); !allowed) return fail(allowed.error());
  if (auto prepared = workflow::prepare_test_jobs(database); !prepared) return fail(prepared.error());
  SystemClock clock;
  workflow::JobRegistry registry;
  workflow::JobQueue queue(database, registry, clock);
  auto created = workflow::enqueue_test_jobs(database, queue, kind, count);
  if (!created) return fail(created.error());
  fmt::print("enqueued {} {} jobs\n", *created, kind);
  return 0;
}

int run_jobs_test_effects(storage::Database& database) {
  if (auto allowed = require_test_jobs(); !allowed) return fail(allowed.error());
  auto effects = workflow::count_test_effects(database);
  if (!effects) return fail(effects.error());
  fmt::print("effects {} distinct {}\n", effects->rows, effects->distinct_keys);
  return 0;
}

}  // namespace atrium::app
