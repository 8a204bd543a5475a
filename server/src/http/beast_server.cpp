// The transport: Boost.Beast over Asio. The only file that includes them (a file that
// does costs ~19 s to compile); everything above it sees Atrium's Request/Response.
#include <fmt/format.h>

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <functional>
#include <list>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "atrium/core/id.hpp"
#include "atrium/core/log.hpp"
#include "atrium/http/security_headers.hpp"
#include "atrium/http/server.hpp"
#include "piece_channel.hpp"

namespace atrium::http {

namespace beast = boost::beast;
namespace net = boost::asio;
namespace ssl = boost::asio::ssl;
namespace wire = boost::beast::http;
using tcp = net::ip::tcp;

namespace {
// An event stream whose reader stops reading is closed rather than buffered forever.
constexpr std::size_t kMaxQueuedFrames = 1024;
constexpr auto kWriteTimeout = std::chrono::seconds(30);
// How long a closing connection may still deliver bytes we discard (see close()).
constexpr auto kLingerTime = std::chrono::seconds(2);
// How often a connection's deadline is checked: timeouts are this coarse.
constexpr auto kWatchInterval = std::chrono::seconds(1);

class SessionBase : public std::enable_shared_from_this<SessionBase> {
 public:
  virtual ~SessionBase() = default;
  virtual void begin_shutdown() = 0;  // any thread
};

// Whether a raw request target ("/api/v1/import-files?name=a.csv") falls under one of
// the upload paths.
bool is_upload_target(std::string_view target, const std::vector<std::string>& upload_paths) {
  const auto path = target.substr(0, target.find('?'));
  return std::any_of(upload_paths.begin(), upload_paths.end(), [path](const std::string& prefix) {
    return path == prefix || (path.starts_with(prefix) && path[prefix.size()] == '/');
  });
}
}  // namespace

struct HttpServer::Impl {
  Impl(ServerOptions server_options, const Dispatcher& request_dispatcher, EventHub& event_hub)
      : options(std::move(server_options)),
        dispatcher(request_dispatcher),
        events(event_hub),
        threads(options.threads > 0 ? options.threads : std::max(1U, std::thread::hardware_concurrency())),
        contexts(make_contexts(threads)),
        io(*contexts.front()),
        acceptor(io),
        signals(io, SIGINT, SIGTERM),
        drain_timer(io) {
    for (auto& context : contexts) guards.emplace_back(net::make_work_guard(*context));
  }

  // One io_context per thread, each running alone: a connection lives on one thread from
  // accept to close, so no strand is needed and no completion wakes another thread.
  static std::vector<std::unique_ptr<net::io_context>> make_contexts(int count) {
    std::vector<std::unique_ptr<net::io_context>> made;
    for (int i = 0; i < count; ++i) made.push_back(std::make_unique<net::io_context>(1));
    return made;
  }
  net::io_context& next_context() { return *contexts[next_context_index++ % contexts.size()]; }

  void accept_next();
  void begin_shutdown();
  void session_ended(std::uint64_t id);
  // Runs the channel on a thread of its own; finished threads are joined on the way.
  void start_producer(const std::shared_ptr<PieceChannel>& channel);
  // Cancels every producer still running and waits for them (after the I/O threads end).
  void stop_producers();

  ServerOptions options;
  const Dispatcher& dispatcher;
  EventHub& events;
  int threads;
  std::vector<std::unique_ptr<net::io_context>> contexts;
  std::vector<net::executor_work_guard<net::io_context::executor_type>> guards;
  std::size_t next_context_index = 0;
  net::io_context& io;  // the first: acceptor, signals and the drain timer live there
  tcp::acceptor acceptor;
  net::signal_set signals;
  net::steady_timer drain_timer;
  std::optional<ssl::context> tls;

  std::mutex sessions_mutex;
  std::map<std::uint64_t, std::weak_ptr<SessionBase>> sessions;
  std::uint64_t next_session = 1;
  std::atomic<bool> stopping{false};
  std::atomic<int> event_streams{0};

  std::mutex producers_mutex;
  std::list<std::pair<std::shared_ptr<PieceChannel>, std::thread>> producers;
};

namespace {

template <class Stream>
class Session final : public SessionBase {
 public:
  static constexpr bool kTls = !std::is_same_v<Stream, beast::tcp_stream>;

  Session(HttpServer::Impl& server, std::uint64_t id, Stream stream)
      : server_(server),
        id_(id),
        stream_(std::move(stream)),
        heartbeat_(stream_.get_executor()),
        watchdog_(stream_.get_executor()) {}

  ~Session() override {
    if (subscription_ != 0) {
      server_.events.unsubscribe(subscription_);
      server_.event_streams.fetch_sub(1);
    }
    if (pieces_) pieces_->cancel();
    discard_upload();
    server_.session_ended(id_);
  }

  void start() {
    watch();
    if constexpr (kTls) {
      arm(server_.options.header_timeout);
      stream_.async_handshake(ssl::stream_base::server, [self = shared()](beast::error_code ec) {
        if (ec) return self->close();
        self->read_next();
      });
    } else {
      read_next();
    }
  }

  void begin_shutdown() override {
    net::post(stream_.get_executor(), [self = shared()] {
      self->draining_ = true;
      // Waiting for a request that has not started, or streaming events: nothing is in
      // flight, so the connection can go now. Otherwise it closes after its response.
      if (self->waiting_for_request_ || self->subscription_ != 0) self->close();
    });
  }

 private:
  std::shared_ptr<Session> shared() { return std::static_pointer_cast<Session>(shared_from_this()); }

  // Timeouts are a deadline checked by one coarse timer per connection, not a timer per
  // read and write: re-arming a timer costs a system call, a deadline a clock read.
  void arm(std::chrono::steady_clock::duration limit) { deadline_ = std::chrono::steady_clock::now() + limit; }

  void watch() {
    watchdog_.expires_after(kWatchInterval);
    watchdog_.async_wait([weak = std::weak_ptr<Session>(shared())](beast::error_code ec) {
      auto self = weak.lock();
      if (ec || !self) return;
      if (std::chrono::steady_clock::now() > self->deadline_) {
        // The pending read or write fails; its handler finds the connection closed.
        self->release();
        beast::error_code ignored;
        self->lowest().socket().shutdown(tcp::socket::shutdown_both, ignored);
        self->lowest().socket().close(ignored);
        return;
      }
      self->watch();
    });
  }
  beast::tcp_stream& lowest() { return beast::get_lowest_layer(stream_); }

  void read_next() {
    if (draining_) return close();
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(server_.options.header_limit));
    // Beast checks a Content-Length against this as it reads the head, before the path
    // is known: the larger limit here, the one for the path in on_header.
    parser_->body_limit(std::max<std::uint64_t>(server_.options.body_limit, server_.options.upload_limit));
    waiting_for_request_ = true;
    arm(server_.options.header_timeout);
    wire::async_read_header(stream_, buffer_, *parser_, [self = shared()](beast::error_code ec, std::size_t) {
      self->on_header(ec);
    });
  }

  void on_header(beast::error_code ec) {
    waiting_for_request_ = false;
    if (ec) return on_read_error(ec);
    const auto& head = parser_->get();
    request_method_ = std::string(head.method_string());
    request_target_ = std::string(head.target());
    const bool upload = is_upload_target(request_target_, server_.options.upload_paths);
    body_limit_ = upload ? server_.options.upload_limit : server_.options.body_limit;
    if (auto length = parser_->content_length(); length && *length > body_limit_) {
      return answer_transport_error(make_error(
          ErrorCode::payload_too_large, fmt::format("the body is {} bytes; the limit is {}", *length, body_limit_)));
    }
    if (parser_->is_done()) return on_request();
    parser_->body_limit(body_limit_);
    if (upload && !begin_upload()) return;
    arm(upload ? server_.options.upload_timeout : server_.options.body_timeout);
    if (http::iequals(head[wire::field::expect], "100-continue")) {
      auto go_on = std::make_shared<wire::response<wire::empty_body>>(wire::status::continue_, 11);
      return wire::async_write(stream_, *go_on, [self = shared(), go_on](beast::error_code write_ec, std::size_t) {
        if (write_ec) return self->close();
        self->read_body();
      });
    }
    read_body();
  }

  // An upload's body goes to a file, not memory: the parser that read the head hands
  // over to one with a file body (Beast allows the switch before any body byte is read).
  bool begin_upload() {
    const std::filesystem::path folder =
        server_.options.upload_directory.empty()
            ? std::filesystem::temp_directory_path() / "atrium-uploads"
            : std::filesystem::path(server_.options.upload_directory);
    std::error_code created;
    std::filesystem::create_directories(folder, created);
    upload_file_ = (folder / ("upload-" + random_hex(12) + ".part")).string();
    upload_parser_.emplace(std::move(*parser_));
    parser_.reset();
    upload_parser_->body_limit(body_limit_);
    beast::error_code opened;
    upload_parser_->get().body().open(upload_file_.c_str(), beast::file_mode::write, opened);
    if (created || opened) {
      log::error("cannot store an upload in {}: {}", folder.string(),
                 created ? created.message() : opened.message());
      upload_file_.clear();
      answer_transport_error(make_error(ErrorCode::internal_error, "the upload cannot be stored"));
      return false;
    }
    return true;
  }

  void discard_upload() {
    if (upload_parser_) upload_parser_->get().body().close();
    upload_parser_.reset();
    if (upload_file_.empty()) return;
    std::error_code ignored;
    std::filesystem::remove(upload_file_, ignored);
    upload_file_.clear();
  }

  void read_body() {
    if (upload_parser_) {
      return wire::async_read(stream_, buffer_, *upload_parser_, [self = shared()](beast::error_code ec, std::size_t) {
        if (ec) return self->on_read_error(ec);
        self->on_request();
      });
    }
    wire::async_read(stream_, buffer_, *parser_, [self = shared()](beast::error_code ec, std::size_t) {
      if (ec) return self->on_read_error(ec);
      self->on_request();
    });
  }

  void on_read_error(beast::error_code ec) {
    discard_upload();
    if (ec == wire::error::body_limit) {
      return answer_transport_error(
          make_error(ErrorCode::payload_too_large, fmt::format("the body exceeds the limit of {} bytes", body_limit_)));
    }
    if (ec == wire::error::header_limit) {
      return answer_transport_error(make_error(ErrorCode::header_too_large,
                                               fmt::format("the request head exceeds {} bytes",
                                                           server_.options.header_limit)));
    }
    const bool gone = ec == wire::error::end_of_stream || ec == net::error::eof ||
                      ec == net::error::operation_aborted || ec == beast::error::timeout ||
                      ec == net::error::connection_reset || ec == ssl::error::stream_truncated;
    // A timeout mid-request or a broken message gets an answer if the socket still takes
    // one; a client that simply went away does not.
    if (gone && !(ec == beast::error::timeout && buffer_.size() > 0)) return close();
    answer_transport_error(make_error(ErrorCode::bad_request, fmt::format("malformed HTTP request: {}", ec.message())));
  }

  // Answers a request the transport itself rejects, then closes: after a framing error
  // the rest of the stream cannot be trusted.
  void answer_transport_error(const Error& error) {
    Request request;
    request.method = request_method_.empty() ? Method::other : parse_method(request_method_);
    request.path = request_target_;
    request.request_id = request_id_for(request);
    request.remote_address = remote_address();
    Response response = Response::error(error, request.request_id);
    response.headers.set("X-Request-Id", request.request_id);
    add_security_headers(response.headers);
    response.close_connection = true;
    server_.dispatcher.record(request, "transport", response, std::chrono::steady_clock::duration::zero());
    send(std::move(response), false);
  }

  std::string remote_address() {
    beast::error_code ec;
    auto endpoint = lowest().socket().remote_endpoint(ec);
    return ec ? std::string() : endpoint.address().to_string();
  }

  void on_request() {
    Request request;
    bool keep_alive = true;
    if (upload_parser_) {
      auto& message = upload_parser_->get();
      if (!take_head(message, request)) return;
      keep_alive = message.keep_alive();
      message.body().close();
      std::error_code sized;
      request.body_file_size = std::filesystem::file_size(upload_file_, sized);
      request.body_file = upload_file_;
    } else {
      auto& message = parser_->get();
      if (!take_head(message, request)) return;
      keep_alive = message.keep_alive();
      request.body = std::move(message.body());
    }
    request.remote_address = remote_address();
    const bool head_only = request.method == Method::head;
    Response response = server_.dispatcher.handle(request);
    // The upload's temporary file goes unless the handler moved it away already.
    discard_upload();
    if (response.event_stream) return start_event_stream(std::move(response));
    if (!keep_alive) response.close_connection = true;
    if (response.body_producer && !head_only) return start_body_stream(std::move(response));
    response.body_producer.reset();
    send(std::move(response), head_only);
  }

  // Method, target and headers of a parsed message; false (after answering) when the
  // target is not a valid path.
  template <class Message>
  bool take_head(const Message& message, Request& request) {
    request.method = parse_method(message.method_string());
    request.target = std::string(message.target());
    auto target = parse_target(request.target);
    if (!target) {
      answer_transport_error(
          make_error(ErrorCode::bad_request, fmt::format("invalid request target '{}'", request.target)));
      return false;
    }
    request.path = std::move(target->path);
    request.query_string = std::move(target->query_string);
    for (const auto& field : message) request.headers.add(std::string(field.name_string()), std::string(field.value()));
    return true;
  }

  // A body from a BodyProducer, as chunks: the head first, then a piece at a time, the
  // next one made while the current one is written.
  void start_body_stream(Response response) {
    auto head = std::make_shared<wire::response<wire::empty_body>>(static_cast<wire::status>(response.status), 11);
    head->set(wire::field::server, "Atrium");
    for (const auto& [name, value] : response.headers.fields()) head->insert(name, value);
    stream_close_after_ = response.close_connection || draining_;
    head->keep_alive(!stream_close_after_);
    head->chunked(true);
    auto serializer = std::make_shared<wire::response_serializer<wire::empty_body>>(*head);
    // The channel holds the connection while its producer works (no read or write is
    // pending then to hold it); the hold ends when the producer ends or is cancelled.
    auto executor = stream_.get_executor();
    pieces_ = std::make_shared<PieceChannel>(
        std::move(response.body_producer), [self = shared(), executor](BodyProducer::Step step, std::string piece) {
          net::post(executor, [self, step, piece = std::move(piece)]() mutable { self->on_piece(step, std::move(piece)); });
        });
    arm(kWriteTimeout);
    wire::async_write_header(stream_, *serializer, [self = shared(), head, serializer](beast::error_code ec,
                                                                                        std::size_t) {
      if (ec) return self->close();
      self->server_.start_producer(self->pieces_);
      self->ask_for_piece();
    });
  }

  void ask_for_piece() {
    // The producer is Atrium's own work (a page of rows, a workbook): no client deadline.
    if (!piece_writing_) deadline_ = std::chrono::steady_clock::time_point::max();
    pieces_->request();
  }

  void on_piece(BodyProducer::Step step, std::string piece) {
    if (closed_ || !pieces_) return;
    if (piece_writing_) {
      held_piece_.emplace(step, std::move(piece));
      return;
    }
    write_piece(step, std::move(piece));
  }

  void write_piece(BodyProducer::Step step, std::string piece) {
    if (step == BodyProducer::Step::failed) {
      // No closing chunk: the client sees a cut-off body, not a complete short one.
      log::warn("a streamed answer to {} {} failed midway", request_method_, request_target_);
      pieces_.reset();
      stream_close_after_ = true;
      return close();
    }
    const bool last = step == BodyProducer::Step::done;
    if (!last) ask_for_piece();
    if (piece.empty()) {
      if (last) finish_body_stream();
      return;
    }
    piece_writing_ = true;
    arm(kWriteTimeout);
    auto buffer = std::make_shared<std::string>(std::move(piece));
    net::async_write(stream_, wire::make_chunk(net::buffer(*buffer)),
                     [self = shared(), buffer, last](beast::error_code ec, std::size_t) {
                       self->piece_writing_ = false;
                       if (ec) return self->close();
                       if (last) return self->finish_body_stream();
                       if (self->held_piece_) {
                         auto [held_step, held] = std::move(*self->held_piece_);
                         self->held_piece_.reset();
                         return self->write_piece(held_step, std::move(held));
                       }
                       self->deadline_ = std::chrono::steady_clock::time_point::max();
                     });
  }

  void finish_body_stream() {
    pieces_.reset();
    arm(kWriteTimeout);
    net::async_write(stream_, wire::make_chunk_last(), [self = shared()](beast::error_code ec, std::size_t) {
      if (ec || self->stream_close_after_ || self->draining_) return self->close();
      self->read_next();
    });
  }

  void send(Response response, bool head_only) {
    auto message = std::make_shared<wire::response<wire::string_body>>(static_cast<wire::status>(response.status), 11);
    message->set(wire::field::server, "Atrium");
    for (const auto& [name, value] : response.headers.fields()) message->insert(name, value);
    const bool close_after = response.close_connection || draining_;
    message->keep_alive(!close_after);
    if (head_only) {
      message->content_length(response.body.size());
    } else {
      message->body() = std::move(response.body);
      message->prepare_payload();
    }
    arm(kWriteTimeout);
    wire::async_write(stream_, *message, [self = shared(), message, close_after](beast::error_code ec, std::size_t) {
      if (ec || close_after) return self->close();
      self->read_next();
    });
  }

  void start_event_stream(Response response) {
    auto user_id = std::move(response.event_stream_user);
    auto head = std::make_shared<wire::response<wire::empty_body>>(wire::status::ok, 11);
    head->set(wire::field::server, "Atrium");
    for (const auto& [name, value] : response.headers.fields()) head->insert(name, value);
    head->set(wire::field::content_type, "text/event-stream");
    head->set(wire::field::cache_control, "no-cache");
    head->chunked(true);
    auto serializer = std::make_shared<wire::response_serializer<wire::empty_body>>(*head);
    arm(kWriteTimeout);
    wire::async_write_header(stream_, *serializer, [self = shared(), head, serializer, user_id = std::move(user_id)](
                                                            beast::error_code ec, std::size_t) mutable {
      if (ec) return self->close();
      std::weak_ptr<Session> weak = self;
      auto executor = self->stream_.get_executor();
      self->subscription_ = self->server_.events.subscribe([weak, executor](const std::string& frame) {
        net::post(executor, [weak, frame] {
          if (auto session = weak.lock()) session->queue_frame(frame);
        });
      }, std::move(user_id));
      self->server_.event_streams.fetch_add(1);
      // The browser reconnects after this many ms if the stream drops.
      self->queue_frame(fmt::format("retry: 3000\n\n"));
      self->queue_frame(sse_frame(Event{"connected", "", "", "{}"}));
      self->schedule_heartbeat();
    });
  }

  void schedule_heartbeat() {
    heartbeat_.expires_after(server_.options.sse_heartbeat);
    heartbeat_.async_wait([self = shared()](beast::error_code ec) {
      if (ec || self->closed_) return;
      self->queue_frame(sse_frame(Event{"heartbeat", "", "", "{}"}));
      self->schedule_heartbeat();
    });
  }

  void queue_frame(std::string frame) {
    if (closed_) return;
    if (frames_.size() >= kMaxQueuedFrames) return close();
    frames_.push_back(std::move(frame));
    if (!writing_) write_frame();
  }

  void write_frame() {
    writing_ = true;
    arm(kWriteTimeout);
    net::async_write(stream_, wire::make_chunk(net::buffer(frames_.front())),
                     [self = shared()](beast::error_code ec, std::size_t) {
                       self->writing_ = false;
                       if (ec) return self->close();
                       self->frames_.pop_front();
                       if (!self->frames_.empty()) {
                         self->write_frame();
                       } else {
                         self->deadline_ = std::chrono::steady_clock::time_point::max();  // idle between events
                       }
                     });
  }

  // Stops the timers and the event subscription; the socket is closed by the caller.
  void release() {
    closed_ = true;
    heartbeat_.cancel();
    if (pieces_) {
      pieces_->cancel();
      pieces_.reset();
    }
    if (subscription_ != 0) {
      server_.events.unsubscribe(subscription_);
      server_.event_streams.fetch_sub(1);
      subscription_ = 0;
    }
  }

  void close() {
    if (closed_) return;
    release();
    beast::error_code ignored;
    if (waiting_for_request_) {
      // A read is pending and nothing was answered: closing the socket ends the read
      // (its handler sees the error); starting another read now would be a second one.
      lowest().socket().shutdown(tcp::socket::shutdown_both, ignored);
      lowest().socket().close(ignored);
      return;
    }
    if constexpr (kTls) {
      arm(std::chrono::seconds(2));
      stream_.async_shutdown([self = shared()](beast::error_code) {
        beast::error_code ignore;
        self->lowest().socket().close(ignore);
      });
    } else {
      // Closing with unread bytes in the socket makes the kernel send a reset, which can
      // destroy an answer (a 413) before the client reads it. So: stop sending, drain
      // what the client still sends for a moment, then close.
      lowest().socket().shutdown(tcp::socket::shutdown_send, ignored);
      arm(kLingerTime);
      drain_then_close();
    }
  }

  void drain_then_close() {
    lowest().async_read_some(net::buffer(discard_), [self = shared()](beast::error_code ec, std::size_t) {
      if (!ec) return self->drain_then_close();
      beast::error_code ignore;
      self->lowest().socket().close(ignore);
    });
  }

  HttpServer::Impl& server_;
  std::uint64_t id_;
  Stream stream_;
  beast::flat_buffer buffer_;
  std::optional<wire::request_parser<wire::string_body>> parser_;
  // The request being read, for answers the transport gives itself.
  std::string request_method_;
  std::string request_target_;
  std::size_t body_limit_ = 0;
  // An upload streamed to a file, while it is read and handled.
  std::optional<wire::request_parser<wire::file_body>> upload_parser_;
  std::string upload_file_;
  // A body from a BodyProducer: the channel to its thread, and a piece that arrived while
  // the one before was still being written.
  std::shared_ptr<PieceChannel> pieces_;
  std::optional<std::pair<BodyProducer::Step, std::string>> held_piece_;
  bool piece_writing_ = false;
  bool stream_close_after_ = false;
  bool waiting_for_request_ = false;
  bool draining_ = false;
  bool closed_ = false;
  // Server-Sent Events
  std::uint64_t subscription_ = 0;
  std::deque<std::string> frames_;
  bool writing_ = false;
  net::steady_timer heartbeat_;
  net::steady_timer watchdog_;
  std::chrono::steady_clock::time_point deadline_ = std::chrono::steady_clock::time_point::max();
  std::array<char, 16 * 1024> discard_{};
};

}  // namespace

void HttpServer::Impl::accept_next() {
  acceptor.async_accept(next_context(), [this](beast::error_code ec, tcp::socket socket) {
    if (stopping) return;
    if (ec) {
      log::warn("accept failed: {}", ec.message());
    } else {
      socket.set_option(tcp::no_delay(true), ec);
      std::shared_ptr<SessionBase> session;
      std::uint64_t id = 0;
      {
        std::lock_guard lock(sessions_mutex);
        id = next_session++;
      }
      if (tls) {
        auto created = std::make_shared<Session<beast::ssl_stream<beast::tcp_stream>>>(
            *this, id, beast::ssl_stream<beast::tcp_stream>(beast::tcp_stream(std::move(socket)), *tls));
        session = created;
        created->start();
      } else {
        auto created = std::make_shared<Session<beast::tcp_stream>>(*this, id, beast::tcp_stream(std::move(socket)));
        session = created;
        created->start();
      }
      std::lock_guard lock(sessions_mutex);
      sessions.emplace(id, session);
    }
    accept_next();
  });
}

void HttpServer::Impl::start_producer(const std::shared_ptr<PieceChannel>& channel) {
  std::lock_guard lock(producers_mutex);
  for (auto it = producers.begin(); it != producers.end();) {
    if (it->first->finished()) {
      it->second.join();
      it = producers.erase(it);
    } else {
      ++it;
    }
  }
  producers.emplace_back(channel, std::thread([channel] { channel->run(); }));
}

void HttpServer::Impl::stop_producers() {
  std::lock_guard lock(producers_mutex);
  for (auto& [channel, thread] : producers) channel->cancel();
  for (auto& [channel, thread] : producers) thread.join();
  producers.clear();
}

void HttpServer::Impl::session_ended(std::uint64_t id) {
  std::lock_guard lock(sessions_mutex);
  sessions.erase(id);
  if (stopping && sessions.empty()) net::post(io, [this] { drain_timer.cancel(); });
}

void HttpServer::Impl::begin_shutdown() {
  if (stopping.exchange(true)) return;
  log::info("shutting down: finishing requests in flight");
  beast::error_code ignored;
  acceptor.close(ignored);
  signals.cancel(ignored);
  // Without their guards the threads return once their connections are gone.
  guards.clear();
  std::vector<std::shared_ptr<SessionBase>> open;
  {
    std::lock_guard lock(sessions_mutex);
    for (auto& [id, weak] : sessions) {
      if (auto session = weak.lock()) open.push_back(session);
    }
  }
  for (auto& session : open) session->begin_shutdown();
  if (open.empty()) return;
  // Requests that outlive the drain time are cut off.
  drain_timer.expires_after(options.drain_timeout);
  drain_timer.async_wait([this](beast::error_code ec) {
    if (!ec) {
      log::warn("drain time over: stopping with connections open");
      for (auto& context : contexts) context->stop();
    }
  });
}

HttpServer::HttpServer(ServerOptions options, const Dispatcher& dispatcher, EventHub& events)
    : impl_(std::make_unique<Impl>(std::move(options), dispatcher, events)) {}

HttpServer::~HttpServer() { impl_->stop_producers(); }

Result<void> HttpServer::listen() {
  auto& options = impl_->options;
  if (!options.tls_certificate_file.empty() || !options.tls_private_key_file.empty()) {
    if (options.tls_certificate_file.empty() || options.tls_private_key_file.empty()) {
      return make_error(ErrorCode::bad_request, "TLS needs both --tls-cert and --tls-key");
    }
    impl_->tls.emplace(ssl::context::tls_server);
    impl_->tls->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                            ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1);
    beast::error_code ec;
    impl_->tls->use_certificate_chain_file(options.tls_certificate_file, ec);
    if (!ec) impl_->tls->use_private_key_file(options.tls_private_key_file, ssl::context::pem, ec);
    if (ec) return make_error(ErrorCode::bad_request, fmt::format("cannot load the TLS certificate or key: {}", ec.message()));
  }
  beast::error_code ec;
  const auto address = net::ip::make_address(options.address, ec);
  if (ec) return make_error(ErrorCode::bad_request, fmt::format("'{}' is not an IP address", options.address));
  const tcp::endpoint endpoint(address, options.port);
  impl_->acceptor.open(endpoint.protocol(), ec);
  if (!ec) impl_->acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) impl_->acceptor.bind(endpoint, ec);
  if (ec == net::error::address_in_use) {
    return make_error(ErrorCode::conflict, fmt::format("{}:{} is already in use", options.address, options.port));
  }
  if (!ec) impl_->acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) return make_error(ErrorCode::internal_error, fmt::format("cannot listen on {}:{}: {}", options.address,
                                                                    options.port, ec.message()));
  return {};
}

unsigned short HttpServer::bound_port() const {
  beast::error_code ec;
  return impl_->acceptor.local_endpoint(ec).port();
}

void HttpServer::run() {
  impl_->signals.async_wait([this](beast::error_code ec, int) {
    if (!ec) impl_->begin_shutdown();
  });
  impl_->accept_next();
  std::vector<std::thread> workers;
  for (std::size_t i = 1; i < impl_->contexts.size(); ++i) {
    workers.emplace_back([this, i] { impl_->contexts[i]->run(); });
  }
  impl_->io.run();
  for (auto& worker : workers) worker.join();
  impl_->stop_producers();
}

void HttpServer::stop() {
  net::post(impl_->io, [this] { impl_->begin_shutdown(); });
}

int HttpServer::open_event_streams() const { return impl_->event_streams.load(); }

}  // namespace atrium::http
