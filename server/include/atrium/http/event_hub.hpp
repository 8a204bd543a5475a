#pragma once
// Live events for browsers (Server-Sent Events). Modules publish; every open
// /api/v1/events stream receives. Envelope: {"type","entity","id","at","payload"}.
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>

namespace atrium::http {

struct Event {
  std::string type;          // e.g. "record.updated", "heartbeat"
  std::string entity;        // empty when the event is about no record
  std::string id;            // the record's id, or empty
  std::string payload_json;  // a JSON value; "{}" when there is nothing to add
};

// The SSE frame of an event: "event: <type>\ndata: <envelope>\n\n".
std::string sse_frame(const Event& event);

class EventHub {
 public:
  using Listener = std::function<void(const std::string& frame)>;

  std::uint64_t subscribe(Listener listener);
  void unsubscribe(std::uint64_t subscription);
  void publish(const Event& event);
  int subscribers() const;

 private:
  mutable std::mutex mutex_;
  std::map<std::uint64_t, Listener> listeners_;
  std::uint64_t next_id_ = 1;
};

}  // namespace atrium::http
