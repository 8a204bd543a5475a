#pragma once
// Worker threads that run the queue: each claims a batch, runs it, and when it finds
// nothing waits (a short wait growing to `longest_idle_wait`), woken at once by an
// enqueue in this process. One of them also enqueues due recurring jobs. stop() lets
// every worker finish the batch it holds (or give its jobs back) before it returns.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace atrium::workflow {

class JobQueue;
class JobScheduler;

struct JobRunnerOptions {
  int workers = 1;
  int batch_size = 64;
  std::chrono::milliseconds shortest_idle_wait{10};
  std::chrono::milliseconds longest_idle_wait{1000};
  std::chrono::milliseconds schedule_interval{1000};
};

class JobRunner {
 public:
  // `scheduler` may be null (no recurring jobs).
  JobRunner(JobQueue& queue, JobScheduler* scheduler, JobRunnerOptions options);
  ~JobRunner();
  JobRunner(const JobRunner&) = delete;
  JobRunner& operator=(const JobRunner&) = delete;

  void start();
  void stop();
  // Jobs finished (done or failed for good) by this runner since start.
  std::int64_t finished() const;
  // "host/pid/nonce": the prefix of this runner's worker names in jobs.locked_by.
  const std::string& name() const { return name_; }

 private:
  void work(std::stop_token stop, int index);
  void wake();

  JobQueue& queue_;
  JobScheduler* scheduler_;
  JobRunnerOptions options_;
  std::string name_;
  std::vector<std::jthread> threads_;
  mutable std::mutex mutex_;
  std::condition_variable_any woken_;
  std::uint64_t wake_count_ = 0;
  std::int64_t finished_ = 0;
};

}  // namespace atrium::workflow
