#include "atrium/workflow/job_registry.hpp"

namespace atrium::workflow {

void JobRegistry::add(std::string kind, JobHandler handler, JobHandlerOptions options) {
  handlers_.insert_or_assign(std::move(kind), RegisteredHandler{std::move(handler), options});
}

const RegisteredHandler* JobRegistry::find(const std::string& kind) const {
  auto found = handlers_.find(kind);
  return found == handlers_.end() ? nullptr : &found->second;
}

std::vector<std::string> JobRegistry::kinds() const {
  std::vector<std::string> kinds;
  kinds.reserve(handlers_.size());
  for (const auto& [kind, handler] : handlers_) kinds.push_back(kind);
  return kinds;
}

}  // namespace atrium::workflow
