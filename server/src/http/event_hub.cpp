#include "atrium/http/event_hub.hpp"

#include <fmt/format.h>

#include <vector>

#include "atrium/core/json_escape.hpp"
#include "atrium/core/time.hpp"

namespace atrium::http {

std::string sse_frame(const Event& event) {
  const auto optional_string = [](const std::string& text) {
    return text.empty() ? std::string("null") : fmt::format("\"{}\"", json_escape(text));
  };
  return fmt::format("event: {}\ndata: {{\"type\":\"{}\",\"entity\":{},\"id\":{},\"at\":\"{}\",\"payload\":{}}}\n\n",
                     event.type, json_escape(event.type), optional_string(event.entity), optional_string(event.id),
                     utc_now_iso8601(), event.payload_json.empty() ? "{}" : event.payload_json);
}

std::uint64_t EventHub::subscribe(Listener listener, std::string user_id) {
  std::lock_guard lock(mutex_);
  const auto id = next_id_++;
  listeners_.emplace(id, Subscription{std::move(listener), std::move(user_id)});
  return id;
}

void EventHub::unsubscribe(std::uint64_t subscription) {
  std::lock_guard lock(mutex_);
  listeners_.erase(subscription);
}

void EventHub::publish(const Event& event) {
  const std::string frame = sse_frame(event);
  std::vector<Listener> targets;
  {
    std::lock_guard lock(mutex_);
    targets.reserve(listeners_.size());
    for (const auto& [id, subscription] : listeners_) {
      if (event.audience.empty() || event.audience == subscription.user_id) targets.push_back(subscription.listener);
    }
  }
  // Listeners only queue the frame on their connection; none blocks here.
  for (const auto& listener : targets) listener(frame);
}

int EventHub::subscribers() const {
  std::lock_guard lock(mutex_);
  return static_cast<int>(listeners_.size());
}

}  // namespace atrium::http
