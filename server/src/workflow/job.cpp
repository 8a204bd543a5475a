#include "atrium/workflow/job.hpp"

#include <array>
#include <utility>

namespace atrium::workflow {

namespace {
constexpr std::array<std::pair<JobState, std::string_view>, 5> kNames{{
    {JobState::pending, "pending"},
    {JobState::running, "running"},
    {JobState::done, "done"},
    {JobState::failed, "failed"},
    {JobState::cancelled, "cancelled"},
}};
}  // namespace

std::string_view job_state_name(JobState state) {
  for (const auto& [value, name] : kNames) {
    if (value == state) return name;
  }
  return "pending";
}

std::optional<JobState> job_state_from_name(std::string_view name) {
  for (const auto& [value, known] : kNames) {
    if (known == name) return value;
  }
  return std::nullopt;
}

}  // namespace atrium::workflow
