#pragma once
// The HTTP/1.1 transport. Its implementation is the only code that sees Beast/Asio.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "atrium/core/result.hpp"
#include "atrium/http/dispatcher.hpp"
#include "atrium/http/event_hub.hpp"

namespace atrium::http {

struct ServerOptions {
  std::string address = "127.0.0.1";
  unsigned short port = 8080;  // 0 picks a free port
  int threads = 0;             // 0 = one per core
  std::size_t body_limit = 10 * 1024 * 1024;
  std::size_t header_limit = 16 * 1024;
  // Requests whose path starts with one of these are streamed to a file in
  // `upload_directory` under their own limit and time, not into memory (imports,
  // attachments).
  std::vector<std::string> upload_paths;
  std::string upload_directory;
  std::uint64_t upload_limit = 1024ull * 1024 * 1024;
  std::chrono::milliseconds upload_timeout{3'600'000};
  // A client gets this long to send a whole request head (and to start the next one on
  // a kept-alive connection): a client trickling bytes cannot hold a slot for long.
  std::chrono::milliseconds header_timeout{10'000};
  std::chrono::milliseconds body_timeout{60'000};
  std::chrono::milliseconds sse_heartbeat{15'000};
  // In-flight requests get this long to finish on SIGTERM/SIGINT.
  std::chrono::milliseconds drain_timeout{30'000};
  std::string tls_certificate_file;  // both set: HTTPS
  std::string tls_private_key_file;
};

class HttpServer {
 public:
  HttpServer(ServerOptions options, const Dispatcher& dispatcher, EventHub& events);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds the listening socket; a taken port is an error with a one-line message.
  Result<void> listen();
  unsigned short bound_port() const;
  // Serves until SIGTERM/SIGINT (or stop()), then drains: in-flight requests finish,
  // nothing new is accepted, event streams close.
  void run();
  void stop();
  int open_event_streams() const;

  struct Impl;  // defined by the transport; opaque everywhere else

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace atrium::http
