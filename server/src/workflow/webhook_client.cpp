#include "atrium/workflow/webhook_client.hpp"

#include <fmt/format.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <fcntl.h>

namespace atrium::workflow {

namespace {

constexpr std::size_t kMaxUrl = 2000;
constexpr std::size_t kMaxAnswerHead = 8192;

class Socket {
 public:
  explicit Socket(int descriptor) : descriptor_(descriptor) {}
  ~Socket() {
    if (descriptor_ >= 0) ::close(descriptor_);
  }
  Socket(const Socket&) = delete;
  Socket& operator=(const Socket&) = delete;
  int get() const { return descriptor_; }

 private:
  int descriptor_;
};

Error unreachable(const WebhookTarget& target, std::string_view detail) {
  return make_error(ErrorCode::bad_request,
                    fmt::format("webhook {}:{}{}: {}", target.host, target.port, target.path, detail));
}

// Waits until the socket is ready for `events` or the deadline passes.
bool wait_for(int descriptor, short events, std::chrono::steady_clock::time_point deadline) {
  while (true) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
    if (left <= 0) return false;
    pollfd poll_entry{descriptor, events, 0};
    const int ready = ::poll(&poll_entry, 1, static_cast<int>(left));
    if (ready > 0) return true;
    if (ready < 0 && errno != EINTR) return false;
  }
}

}  // namespace

std::optional<WebhookTarget> parse_webhook_url(std::string_view url) {
  constexpr std::string_view scheme = "http://";
  if (url.size() > kMaxUrl || !url.starts_with(scheme)) return std::nullopt;
  for (const char c : url) {
    if (static_cast<unsigned char>(c) <= 0x20 || static_cast<unsigned char>(c) >= 0x7F) return std::nullopt;
  }
  std::string_view rest = url.substr(scheme.size());
  const auto slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  WebhookTarget target;
  target.path = slash == std::string_view::npos ? "/" : std::string(rest.substr(slash));
  if (authority.empty() || authority.find('@') != std::string_view::npos) return std::nullopt;
  if (const auto colon = authority.rfind(':'); colon != std::string_view::npos) {
    const auto digits = authority.substr(colon + 1);
    if (digits.empty() || digits.size() > 5) return std::nullopt;
    int port = 0;
    for (const char c : digits) {
      if (c < '0' || c > '9') return std::nullopt;
      port = port * 10 + (c - '0');
    }
    if (port < 1 || port > 65535) return std::nullopt;
    target.port = port;
    authority = authority.substr(0, colon);
  }
  if (authority.empty()) return std::nullopt;
  for (const char c : authority) {
    const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                         c == '-';
    if (!allowed) return std::nullopt;
  }
  target.host = std::string(authority);
  return target;
}

Result<int> post_webhook(const WebhookTarget& target, const std::string& json, const std::string& idempotency_key,
                         std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  const std::string port = std::to_string(target.port);
  if (const int failed = ::getaddrinfo(target.host.c_str(), port.c_str(), &hints, &found); failed != 0) {
    return unreachable(target, ::gai_strerror(failed));
  }
  std::unique_ptr<addrinfo, decltype(&::freeaddrinfo)> addresses(found, &::freeaddrinfo);
  Socket socket(::socket(found->ai_family, found->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, found->ai_protocol));
  if (socket.get() < 0) return unreachable(target, std::strerror(errno));
  if (::connect(socket.get(), found->ai_addr, found->ai_addrlen) != 0 && errno != EINPROGRESS) {
    return unreachable(target, std::strerror(errno));
  }
  if (!wait_for(socket.get(), POLLOUT, deadline)) return unreachable(target, "no connection in time");
  int connect_error = 0;
  socklen_t length = sizeof(connect_error);
  ::getsockopt(socket.get(), SOL_SOCKET, SO_ERROR, &connect_error, &length);
  if (connect_error != 0) return unreachable(target, std::strerror(connect_error));

  const std::string request = fmt::format(
      "POST {} HTTP/1.1\r\nHost: {}:{}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n"
      "Idempotency-Key: {}\r\nUser-Agent: Atrium\r\nConnection: close\r\n\r\n{}",
      target.path, target.host, target.port, json.size(), idempotency_key, json);
  std::size_t sent = 0;
  while (sent < request.size()) {
    if (!wait_for(socket.get(), POLLOUT, deadline)) return unreachable(target, "sending timed out");
    const auto written = ::send(socket.get(), request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (written < 0) {
      if (errno == EAGAIN || errno == EINTR) continue;
      return unreachable(target, std::strerror(errno));
    }
    sent += static_cast<std::size_t>(written);
  }
  // Only the status line matters: read until it is complete.
  std::string answer;
  char buffer[1024];
  while (answer.find("\r\n") == std::string::npos && answer.size() < kMaxAnswerHead) {
    if (!wait_for(socket.get(), POLLIN, deadline)) return unreachable(target, "no answer in time");
    const auto got = ::recv(socket.get(), buffer, sizeof(buffer), 0);
    if (got < 0) {
      if (errno == EAGAIN || errno == EINTR) continue;
      return unreachable(target, std::strerror(errno));
    }
    if (got == 0) break;
    answer.append(buffer, static_cast<std::size_t>(got));
  }
  // "HTTP/1.1 204 No Content"
  if (answer.size() < 12 || !answer.starts_with("HTTP/1.")) return unreachable(target, "the answer is not HTTP");
  int status = 0;
  for (std::size_t i = 9; i < 12; ++i) {
    if (answer[i] < '0' || answer[i] > '9') return unreachable(target, "the answer is not HTTP");
    status = status * 10 + (answer[i] - '0');
  }
  if (status < 200 || status > 299) return unreachable(target, fmt::format("answered {}", status));
  return status;
}

}  // namespace atrium::workflow
