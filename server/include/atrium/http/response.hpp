#pragma once
#include <memory>
#include <string>

#include "atrium/core/error.hpp"
#include "atrium/http/headers.hpp"

namespace atrium::http {

// A body made piece by piece, for answers too large to hold (an export of a million
// rows). The transport calls `next` on a thread of its own, never on an I/O thread, and
// sends each piece as an HTTP/1.1 chunk once the client has taken the one before, so a
// slow client slows the producer instead of filling memory. The producer is destroyed
// when it is done, when it fails, or when the client goes away.
class BodyProducer {
 public:
  enum class Step { more, done, failed };
  virtual ~BodyProducer() = default;
  // Appends the next piece to `piece` (which arrives empty). `failed` ends the answer
  // without the closing chunk, so the client sees a truncated body, never a short file
  // that looks whole.
  virtual Step next(std::string& piece) = 0;
};

struct Response {
  int status = 200;
  Headers headers;
  std::string body;
  // When set, the transport sends the headers, then keeps the connection as a
  // Server-Sent Events stream fed by the EventHub; `body` is ignored.
  bool event_stream = false;
  // The signed-in user of an event stream: it also receives the events addressed to them.
  std::string event_stream_user;
  // When set, the body comes from this producer in chunks; `body` is ignored.
  std::shared_ptr<BodyProducer> body_producer;
  // Close the connection after this response (e.g. after a framing error).
  bool close_connection = false;

  static Response json(int status, std::string body);
  static Response text(int status, std::string body, std::string content_type);
  // `{"error":{"code","message","fields":[…],"request_id"}}` with the code's status.
  static Response error(const Error& error, std::string_view request_id);
};

// The error body alone, for transports that answer before a Request exists.
std::string error_body(const Error& error, std::string_view request_id);

}  // namespace atrium::http
