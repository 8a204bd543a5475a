#include "atrium/workflow/automation_engine.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "atrium/core/log.hpp"
#include "atrium/workflow/job_context.hpp"
#include "atrium/workflow/job_queue.hpp"
#include "atrium/workflow/job_registry.hpp"
#include "atrium/workflow/job_scheduler.hpp"
#include "atrium/workflow/schedule.hpp"
#include "atrium/workflow/webhook_client.hpp"

namespace atrium::workflow {

namespace {

// The chain of the actions running on this thread: the record service calls its write
// observers on the writing thread, so the writes an action makes find their chain here.
thread_local const AutomationChain* current_chain = nullptr;

class ChainScope {
 public:
  explicit ChainScope(const AutomationChain& chain) : previous_(current_chain) { current_chain = &chain; }
  ~ChainScope() { current_chain = previous_; }
  ChainScope(const ChainScope&) = delete;
  ChainScope& operator=(const ChainScope&) = delete;

 private:
  const AutomationChain* previous_;
};

constexpr std::size_t kMaxRecordsPerScan = 200;
constexpr int kMaxMissedSlots = 10000;
constexpr auto kWebhookTimeout = std::chrono::seconds(10);

const boost::json::value* member(const boost::json::object* record, std::string_view name) {
  return record ? record->if_contains(name) : nullptr;
}

bool same(const boost::json::value* left, const boost::json::value* right) {
  const bool left_empty = !left || left->is_null();
  const bool right_empty = !right || right->is_null();
  if (left_empty || right_empty) return left_empty == right_empty;
  return *left == *right;
}

std::string text_member(const boost::json::object& json, std::string_view name) {
  const auto* found = json.if_contains(name);
  return found && found->is_string() ? std::string(found->as_string()) : std::string();
}

// "(<condition>) and <extra>", or either alone.
std::string both(const std::string& condition, const std::string& extra) {
  if (condition.empty()) return extra;
  return fmt::format("({}) and {}", condition, extra);
}

}  // namespace

void AutomationEngine::attach(JobQueue& queue) {
  queue_ = &queue;
  records_.add_write_observer([this](storage::Connection& connection, const records::RecordWriteEvent& event) {
    return on_write(connection, event);
  });
}

void AutomationEngine::register_jobs(JobRegistry& registry) {
  registry.add(kAutomationRunKind, [this](JobContext& context) { return run(context); });
  registry.add(kAutomationScanKind, [this](JobContext& context) { return scan(context); });
  // The receiver is outside the database: no transaction is held while it answers.
  registry.add(
      kAutomationWebhookKind,
      [](JobContext& context) -> Result<void> {
        boost::system::error_code failed;
        const auto payload = boost::json::parse(context.job.payload, failed);
        if (failed || !payload.is_object()) return make_error(ErrorCode::bad_request, "the webhook job is not JSON");
        const auto target = parse_webhook_url(text_member(payload.as_object(), "url"));
        if (!target) return make_error(ErrorCode::bad_request, "the webhook's address is not valid");
        const auto* body = payload.as_object().if_contains("body");
        auto posted =
            post_webhook(*target, body ? boost::json::serialize(*body) : "{}", context.job.id, kWebhookTimeout);
        if (!posted) return posted.take_error();
        return {};
      },
      JobHandlerOptions{JobEffects::external});
}

Result<void> AutomationEngine::schedule(JobScheduler& scheduler) {
  return scheduler.define(
      RecurringJob{.name = kAutomationScanKind, .kind = kAutomationScanKind, .schedule = "every minute"});
}

Result<void> AutomationEngine::on_write(storage::Connection& connection, const records::RecordWriteEvent& event) {
  if (event.kind == records::RecordWriteKind::archive || event.kind == records::RecordWriteKind::restore) return {};
  const auto& entity = event.layout.entity();
  const bool created = event.kind == records::RecordWriteKind::create;
  std::vector<TriggerKind> kinds{created ? TriggerKind::created : TriggerKind::updated, TriggerKind::state_entered};
  if (!created) kinds.push_back(TriggerKind::field_changed);
  auto rules = rules_.active_rules(connection, entity.name, kinds);
  if (!rules) return rules.take_error();
  if (rules->empty()) return {};
  const std::string id(event.id);
  const AutomationChain chain = current_chain ? *current_chain : AutomationChain{};
  for (const auto& rule : *rules) {
    std::string reason;
    switch (rule.trigger.kind) {
      case TriggerKind::created: reason = "created"; break;
      case TriggerKind::updated: reason = "updated"; break;
      case TriggerKind::field_changed:
        if (!same(member(event.before, rule.trigger.field), member(&event.after, rule.trigger.field))) {
          reason = fmt::format("{} changed", rule.trigger.field);
        }
        break;
      case TriggerKind::state_entered: {
        if (!entity.states) break;
        const auto* now = member(&event.after, entity.states->field);
        const auto* before = member(event.before, entity.states->field);
        const bool entered = now && now->is_string() && now->as_string() == rule.trigger.state &&
                             !(before && before->is_string() && before->as_string() == rule.trigger.state);
        if (entered) reason = fmt::format("entered {}", rule.trigger.state);
        break;
      }
      default: break;
    }
    if (reason.empty()) continue;
    auto met = records_.meets_condition(connection, event.layout, id, rule.condition);
    if (!met) {
      // A condition that no longer compiles (the definition changed) must not block writes.
      log::warn("automation rule \"{}\": its condition fails: {}", rule.name, met.error().message);
      continue;
    }
    if (!*met) continue;
    ATRIUM_TRY(fire(connection, rule, id, chain, reason));
  }
  return {};
}

Result<void> AutomationEngine::fire(storage::Connection& connection, const AutomationRule& rule,
                                    const std::string& record_id, const AutomationChain& chain,
                                    const std::string& reason) {
  const std::string key = rule.id + "/" + record_id;
  std::string stop;
  if (chain.depth >= kMaxAutomationDepth) {
    stop = fmt::format("stopped: the chain of automatic changes is {} deep (at most {})", chain.depth,
                       kMaxAutomationDepth);
  } else if (std::find(chain.fired.begin(), chain.fired.end(), key) != chain.fired.end()) {
    stop = "stopped: the rule fired on this record earlier in the same chain of automatic changes";
  }
  if (!stop.empty()) {
    log::warn("automation rule \"{}\" on {} {}: {}", rule.name, rule.entity, record_id, stop);
    return rules_.log(connection, {rule.id, rule.entity, record_id, "stopped", stop, chain.depth});
  }
  boost::json::array fired;
  for (const auto& earlier : chain.fired) fired.emplace_back(earlier);
  fired.emplace_back(key);
  const boost::json::object payload{{"rule_id", rule.id},
                                    {"entity", rule.entity},
                                    {"record_id", record_id},
                                    {"depth", chain.depth + 1},
                                    {"fired", std::move(fired)}};
  auto queued = queue_->enqueue(
      connection, NewJob{.kind = kAutomationRunKind, .payload = boost::json::serialize(payload), .max_attempts = 3});
  if (!queued) return queued.take_error();
  return rules_.log(connection, {rule.id, rule.entity, record_id, "fired", reason, chain.depth + 1});
}

Result<void> AutomationEngine::run(JobContext& context) {
  boost::system::error_code failed;
  const auto payload = boost::json::parse(context.job.payload, failed);
  if (failed || !payload.is_object()) return make_error(ErrorCode::bad_request, "the automation job is not JSON");
  const auto& json = payload.as_object();
  AutomationChain chain;
  if (const auto* depth = json.if_contains("depth"); depth && depth->is_int64()) {
    chain.depth = static_cast<int>(depth->as_int64());
  }
  if (const auto* fired = json.if_contains("fired"); fired && fired->is_array()) {
    for (const auto& key : fired->as_array()) {
      if (key.is_string()) chain.fired.emplace_back(key.as_string());
    }
  }
  const std::string rule_id = text_member(json, "rule_id");
  const std::string record_id = text_member(json, "record_id");
  storage::Connection& connection = *context.connection;
  auto rule = rules_.get(connection, rule_id);
  // A rule deleted or switched off since it fired does nothing more.
  if (!rule) return rule.error().code == ErrorCode::not_found ? Result<void>() : Result<void>(rule.take_error());
  if (!rule->active) return {};
  const records::EntityLayout* layout = records_.by_name(rule->entity);
  if (!layout) return {};
  auto record = records_.get(*layout, record_id);
  if (!record) {
    if (record.error().code == ErrorCode::not_found) return {};
    return record.take_error();
  }
  const ChainScope scope(chain);
  std::string done;
  for (const auto& action : rule->actions) {
    auto detail = act(connection, *rule, action, *layout, record_id, *record);
    if (!detail) {
      Error error = detail.take_error();
      error.message = fmt::format("automation rule \"{}\", action {}: {}", rule->name, action.type, error.message);
      return error;
    }
    done += (done.empty() ? "" : "; ") + *detail;
  }
  return rules_.log(connection, {rule->id, rule->entity, record_id, "done", done, chain.depth});
}

Result<void> AutomationEngine::scan(JobContext& context) {
  storage::Connection& connection = *context.connection;
  auto dated = rules_.active_rules(connection, TriggerKind::date_reached);
  if (!dated) return dated.take_error();
  for (const auto& rule : *dated) ATRIUM_TRY(scan_dates(connection, rule, context.now));
  auto scheduled = rules_.active_rules(connection, TriggerKind::schedule);
  if (!scheduled) return scheduled.take_error();
  for (const auto& rule : *scheduled) ATRIUM_TRY(scan_schedule(connection, rule, context.now));
  return {};
}

Result<void> AutomationEngine::scan_dates(storage::Connection& connection, const AutomationRule& rule, TimePoint now) {
  const records::EntityLayout* layout = records_.by_name(rule.entity);
  const auto* field = layout ? layout->find(rule.trigger.field) : nullptr;
  if (!field) return {};
  const auto created = from_iso8601(rule.created_at);
  if (!created) return {};
  const auto offset = std::chrono::minutes(rule.trigger.offset_minutes);
  // A date fires once its time plus the offset has come, and only when that moment came
  // after the rule was made: a new rule does not act on every date of the past.
  const TimePoint upper = now - offset;
  const TimePoint lower = *created - offset;
  const bool whole_days = field->field->type == "date";
  const auto bound = [&](TimePoint time) {
    const std::string text = to_iso8601(time);
    // "2030-01-07T11:00:00Z": whole seconds, as filters take instants.
    return whole_days ? text.substr(0, 10) : text.substr(0, 19) + "Z";
  };
  records::ListQuery query;
  query.filter = both(rule.condition, fmt::format("{} le \"{}\" and {} gt \"{}\"", rule.trigger.field, bound(upper),
                                                  rule.trigger.field, bound(lower)));
  query.sort = rule.trigger.field;
  query.limit = kMaxRecordsPerScan;
  query.fields = {"id", rule.trigger.field};
  auto page = records_.list(*layout, query);
  if (!page) {
    log::warn("automation rule \"{}\": the date scan fails: {}", rule.name, page.error().message);
    return {};
  }
  for (const auto& item : page->data) {
    const auto& record = item.as_object();
    const std::string id = text_member(record, "id");
    const std::string value = text_member(record, rule.trigger.field);
    auto first = rules_.mark_fired(connection, rule.id, id, value);
    if (!first) return first.take_error();
    if (*first)
      ATRIUM_TRY(fire(connection, rule, id, AutomationChain{}, fmt::format("{} reached", rule.trigger.field)));
  }
  return {};
}

Result<void> AutomationEngine::scan_schedule(storage::Connection& connection, const AutomationRule& rule,
                                             TimePoint now) {
  auto schedule = parse_schedule(rule.trigger.schedule);
  if (!schedule) return {};
  auto last = connection.query(
      "SELECT fire_key FROM automation_firings WHERE rule_id = ? AND record_id = '' ORDER BY fire_key DESC LIMIT 1",
      {rule.id});
  if (!last) return last.take_error();
  auto base = from_iso8601(last->empty() ? rule.created_at : last->rows[0][0].text());
  if (!base) return {};
  TimePoint slot = (*schedule)->next_after(*base);
  if (slot > now) return {};
  // Slots missed while nothing ran are run once, as the latest of them.
  for (int skipped = 0; skipped < kMaxMissedSlots; ++skipped) {
    const TimePoint next = (*schedule)->next_after(slot);
    if (next > now) break;
    slot = next;
  }
  auto first = rules_.mark_fired(connection, rule.id, "", to_iso8601(slot));
  if (!first) return first.take_error();
  if (!*first) return {};
  const records::EntityLayout* layout = records_.by_name(rule.entity);
  if (!layout) return {};
  records::ListQuery query;
  query.filter = rule.condition;
  query.limit = kMaxRecordsPerScan;
  query.fields = {"id"};
  auto page = records_.list(*layout, query);
  if (!page) {
    log::warn("automation rule \"{}\": the scheduled run fails: {}", rule.name, page.error().message);
    return {};
  }
  for (const auto& item : page->data) {
    ATRIUM_TRY(fire(connection, rule, text_member(item.as_object(), "id"), AutomationChain{},
                    fmt::format("schedule {}", to_iso8601(slot))));
  }
  return {};
}

}  // namespace atrium::workflow
