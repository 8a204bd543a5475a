#include "atrium/workflow/job_runner.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>

#include "atrium/core/id.hpp"
#include "atrium/core/log.hpp"
#include "atrium/workflow/job_queue.hpp"
#include "atrium/workflow/job_scheduler.hpp"

namespace atrium::workflow {

namespace {
std::string host_name() {
  char buffer[256] = {};
  if (gethostname(buffer, sizeof buffer - 1) != 0) return "unknown";
  return buffer;
}
}  // namespace

JobRunner::JobRunner(JobQueue& queue, JobScheduler* scheduler, JobRunnerOptions options)
    : queue_(queue),
      scheduler_(scheduler),
      options_(options),
      // The nonce tells a restarted process from its predecessor with the same pid (a
      // container's pid 1): the old leases are not the new process's to complete.
      name_(fmt::format("{}/{}/{}", host_name(), getpid(), random_hex(3))) {
  options_.workers = std::max(1, options_.workers);
  options_.batch_size = std::max(1, options_.batch_size);
}

JobRunner::~JobRunner() {
  stop();
}

void JobRunner::start() {
  if (!threads_.empty()) return;
  queue_.set_enqueue_listener([this] { wake(); });
  for (int i = 0; i < options_.workers; ++i) {
    threads_.emplace_back([this, i](std::stop_token stop) { work(std::move(stop), i); });
  }
}

void JobRunner::stop() {
  if (threads_.empty()) return;
  queue_.set_enqueue_listener({});
  for (auto& thread : threads_) thread.request_stop();
  // Each joins after the batch it holds: done, or given back.
  threads_.clear();
}

std::int64_t JobRunner::finished() const {
  std::lock_guard lock(mutex_);
  return finished_;
}

void JobRunner::wake() {
  {
    std::lock_guard lock(mutex_);
    ++wake_count_;
  }
  woken_.notify_all();
}

void JobRunner::work(std::stop_token stop, int index) {
  const std::string worker = fmt::format("{}/{}", name_, index);
  auto idle_wait = options_.shortest_idle_wait;
  auto last_scheduling = std::chrono::steady_clock::now() - options_.schedule_interval;
  while (!stop.stop_requested()) {
    // One worker per process looks at the schedules; other processes' workers do too,
    // and the slots' idempotency keys keep that from doubling anything.
    if (index == 0 && scheduler_ != nullptr &&
        std::chrono::steady_clock::now() - last_scheduling >= options_.schedule_interval) {
      last_scheduling = std::chrono::steady_clock::now();
      if (auto enqueued = scheduler_->enqueue_due(); !enqueued) {
        log::warn("recurring jobs: {}", enqueued.error().message);
      }
    }
    std::uint64_t seen = 0;
    {
      std::lock_guard lock(mutex_);
      seen = wake_count_;
    }
    auto report = queue_.run_due(worker, options_.batch_size, stop);
    if (report && report->processed() > 0) {
      std::lock_guard lock(mutex_);
      finished_ += report->done + report->failed;
      idle_wait = options_.shortest_idle_wait;
      continue;
    }
    if (!report) log::warn("job worker {}: {}", worker, report.error().message);
    bool woken = false;
    {
      std::unique_lock lock(mutex_);
      woken = woken_.wait_for(lock, stop, idle_wait, [&] { return wake_count_ != seen; });
    }
    idle_wait = woken && report ? options_.shortest_idle_wait : std::min(idle_wait * 2, options_.longest_idle_wait);
  }
}

}  // namespace atrium::workflow
