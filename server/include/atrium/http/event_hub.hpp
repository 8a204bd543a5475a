#pragma once
// Live events for browsers (Server-Sent Events). Modules publish; the open
// /api/v1/events streams receive: an event with an audience goes only to that user's
// streams, one without goes to every stream. Envelope: {"type","entity","id","at","payload"}.
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
  std::string audience;      // a user id: only their streams receive it; empty: every stream
};

// The SSE frame of an event: "event: <type>\ndata: <envelope>\n\n".
std::string sse_frame(const Event& event);

class EventHub {
 public:
  using Listener = std::function<void(const std::string& frame)>;

  // `user_id` is the stream's signed-in user, empty for a stream opened without signing in
  // (it receives only the events without an audience).
  std::uint64_t subscribe(Listener listener, std::string user_id = {});
  void unsubscribe(std::uint64_t subscription);
  void publish(const Event& event);
  int subscribers() const;

 private:
  mutable std::mutex mutex_;
  struct Subscription {
    Listener listener;
    std::string user_id;
  };
  std::map<std::uint64_t, Subscription> listeners_;
  std::uint64_t next_id_ = 1;
};

}  // namespace atrium::http
