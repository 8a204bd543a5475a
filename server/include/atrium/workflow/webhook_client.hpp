#pragma once
// Plain HTTP/1.1 POSTs of JSON for the webhook action of automation rules: a small client
// over POSIX sockets with a deadline on every step, so a slow or silent receiver cannot
// hold a job worker for long. Only http:// (the receiver is on the site's own network).
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "atrium/core/result.hpp"

namespace atrium::workflow {

struct WebhookTarget {
  std::string host;
  int port = 80;
  std::string path = "/";
};

// "http://host[:port][/path]"; nullopt for anything else (https, user info, spaces).
std::optional<WebhookTarget> parse_webhook_url(std::string_view url);

// POSTs `json` and answers the status; an error when the receiver cannot be reached,
// does not answer within `timeout`, or answers outside 2xx (so the job retries).
Result<int> post_webhook(const WebhookTarget& target, const std::string& json, const std::string& idempotency_key,
                         std::chrono::milliseconds timeout);

}  // namespace atrium::workflow
