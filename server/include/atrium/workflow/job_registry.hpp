#pragma once
// Job kinds and their handlers: modules register here, the queue looks handlers up by the
// kind stored with each job. Filled before the workers start, read-only afterwards.
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "atrium/core/result.hpp"
#include "atrium/workflow/job_context.hpp"

namespace atrium::workflow {

using JobHandler = std::function<Result<void>(JobContext&)>;

// Where a handler's effects land, which decides how often they can happen.
enum class JobEffects {
  // Only database writes, through JobContext::connection: they commit with the job's
  // completion, so they happen exactly once. Runs inside a write transaction: keep it
  // short and never wait on the network.
  database_only,
  // Anything else (mail, webhooks): runs outside any transaction, before the completion
  // commits; a crash in between runs it again (at least once). Pass the job id on as
  // an idempotency key where the other side takes one.
  external,
};

struct JobHandlerOptions {
  JobEffects effects = JobEffects::database_only;
};

struct RegisteredHandler {
  JobHandler handler;
  JobHandlerOptions options;
};

class JobRegistry {
 public:
  // A kind registered twice keeps the later handler.
  void add(std::string kind, JobHandler handler, JobHandlerOptions options = {});
  const RegisteredHandler* find(const std::string& kind) const;
  // Workers claim only the kinds they can run, so processes of different versions can
  // share one database.
  std::vector<std::string> kinds() const;
  bool empty() const { return handlers_.empty(); }

 private:
  std::map<std::string, RegisteredHandler, std::less<>> handlers_;
};

}  // namespace atrium::workflow
