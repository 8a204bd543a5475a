#pragma once
#include <string>

#include "atrium/core/error.hpp"
#include "atrium/http/headers.hpp"

namespace atrium::http {

struct Response {
  int status = 200;
  Headers headers;
  std::string body;
  // When set, the transport sends the headers, then keeps the connection as a
  // Server-Sent Events stream fed by the EventHub; `body` is ignored.
  bool event_stream = false;
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
