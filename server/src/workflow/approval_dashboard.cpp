#include "atrium/workflow/approval_dashboard.hpp"

#include <fmt/format.h>

namespace atrium::workflow {

namespace {

constexpr std::size_t kShown = 10;

}  // namespace

DashboardSection approvals_waiting_section(ApprovalEngine& engine) {
  return DashboardSection{
      "approvals_waiting", "Approvals waiting for you", 20,
      [&engine](const records::Actor& actor) -> Result<boost::json::value> {
        ApprovalListQuery query;
        query.assigned_to_caller = true;
        query.limit = records::kMaxPageSize;
        auto waiting = engine.list(query, actor);
        if (!waiting) return waiting.take_error();
        boost::json::array items;
        for (const auto& value : *waiting) {
          if (items.size() == kShown) break;
          const auto& approval = value.as_object();
          const auto* rule = approval.if_contains("rule_name");
          const auto* requester = approval.if_contains("requested_by_name");
          const std::string title = rule && rule->is_string()
                                        ? std::string(rule->as_string())
                                        : fmt::format("Delete a {}", std::string_view(approval.at("entity").as_string()));
          items.push_back(
              {{"title", title},
               {"subtitle", fmt::format("requested by {}", requester && requester->is_string()
                                                               ? std::string_view(requester->as_string())
                                                               : std::string_view("someone"))},
               {"href", fmt::format("/approvals?approval={}", std::string_view(approval.at("id").as_string()))}});
        }
        return boost::json::value(
            boost::json::object{{"items", std::move(items)}, {"total", static_cast<std::int64_t>(waiting->size())}});
      }};
}

}  // namespace atrium::workflow
