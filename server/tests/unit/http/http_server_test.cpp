// The transport's streamed answers (BodyProducer) and streamed uploads, over real
// sockets against a running HttpServer.
#include "atrium/http/server.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "atrium/core/log.hpp"
#include "atrium/http/dispatcher.hpp"
#include "atrium/http/metrics.hpp"
#include "atrium/http/router.hpp"
#include "support/temp_dir.hpp"

namespace atrium::http {
namespace {

// Pieces "0\n", "1\n", … up to `count`; then done, or failed when `fail_at` is reached.
class CountingProducer : public BodyProducer {
 public:
  CountingProducer(int count, int fail_at, std::atomic<int>& destroyed, std::chrono::milliseconds pause = {})
      : count_(count), fail_at_(fail_at), destroyed_(destroyed), pause_(pause) {}
  ~CountingProducer() override { destroyed_.fetch_add(1); }

  Step next(std::string& piece) override {
    if (pause_.count() > 0) std::this_thread::sleep_for(pause_);
    if (next_ == fail_at_) return Step::failed;
    if (next_ == count_) return Step::done;
    piece = std::to_string(next_++) + "\n";
    if (pause_.count() > 0) piece.append(64 * 1024, '.');  // big pieces, to fill the socket
    return Step::more;
  }

 private:
  int count_;
  int fail_at_;
  int next_ = 0;
  std::atomic<int>& destroyed_;
  std::chrono::milliseconds pause_;
};

class HttpServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    log::set_access_log_enabled(false);
    router_.add(Method::get, "/stream", [this](Request&) {
      Response response = Response::text(200, "", "text/plain");
      response.body_producer = std::make_shared<CountingProducer>(1000, -1, destroyed_);
      return response;
    });
    router_.add(Method::get, "/broken-stream", [this](Request&) {
      Response response = Response::text(200, "", "text/plain");
      response.body_producer = std::make_shared<CountingProducer>(1000, 500, destroyed_);
      return response;
    });
    router_.add(Method::get, "/endless", [this](Request&) {
      Response response = Response::text(200, "", "text/plain");
      response.body_producer =
          std::make_shared<CountingProducer>(1'000'000, -1, destroyed_, std::chrono::milliseconds(1));
      return response;
    });
    router_.add(
        Method::post, "/upload",
        [this](Request& request) {
          seen_file_ = request.body_file;
          seen_in_memory_ = request.body.size();
          std::ifstream in(request.body_file, std::ios::binary);
          std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
          return Response::json(200, "{\"size\":" + std::to_string(request.body_file_size) +
                                         ",\"read\":" + std::to_string(content.size()) + "}");
        },
        BodyKind::raw);
    options_.port = 0;
    options_.threads = 2;
    options_.body_limit = 1024;
    options_.upload_limit = 4 * 1024 * 1024;
    options_.upload_paths = {"/upload"};
    options_.upload_directory = uploads_.path().string();
    server_ = std::make_unique<HttpServer>(options_, dispatcher_, events_);
    ASSERT_TRUE(server_->listen());
    thread_ = std::thread([this] { server_->run(); });
  }

  void TearDown() override {
    server_->stop();
    thread_.join();
    server_.reset();
    log::set_access_log_enabled(true);
  }

  int connect_to_server() const {
    const int socket_fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(server_->bound_port());
    ::inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
    EXPECT_EQ(::connect(socket_fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    return socket_fd;
  }

  static void send_all(int socket_fd, const std::string& data) {
    std::size_t sent = 0;
    while (sent < data.size()) {
      const auto written = ::send(socket_fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
      if (written <= 0) return;  // the server may close early (a 413)
      sent += static_cast<std::size_t>(written);
    }
  }

  // Sends one request with `Connection: close` and reads until the server closes.
  std::string exchange(const std::string& request) const {
    const int socket_fd = connect_to_server();
    send_all(socket_fd, request);
    std::string answer;
    char buffer[16 * 1024];
    for (;;) {
      const auto received = ::recv(socket_fd, buffer, sizeof buffer, 0);
      if (received <= 0) break;
      answer.append(buffer, static_cast<std::size_t>(received));
    }
    ::close(socket_fd);
    return answer;
  }

  static std::string body_of(const std::string& answer) { return answer.substr(answer.find("\r\n\r\n") + 4); }

  // The chunks of a chunked body, joined.
  static std::string dechunk(std::string_view body) {
    std::string joined;
    for (;;) {
      const auto line_end = body.find("\r\n");
      if (line_end == std::string_view::npos) break;
      const auto size = std::stoul(std::string(body.substr(0, line_end)), nullptr, 16);
      if (size == 0) break;
      joined.append(body.substr(line_end + 2, size));
      body.remove_prefix(line_end + 2 + size + 2);
    }
    return joined;
  }

  bool uploads_folder_empty() const {
    return std::filesystem::is_empty(uploads_.path()) ||
           std::filesystem::directory_iterator(uploads_.path()) == std::filesystem::directory_iterator();
  }

  testing::TempDir uploads_;
  Router router_;
  Metrics metrics_;
  Dispatcher dispatcher_{router_, metrics_, nullptr};
  EventHub events_;
  ServerOptions options_;
  std::unique_ptr<HttpServer> server_;
  std::thread thread_;
  std::atomic<int> destroyed_{0};
  std::string seen_file_;
  std::size_t seen_in_memory_ = 0;
};

TEST_F(HttpServerTest, StreamsEveryPieceAsAChunkAndEndsTheBody) {
  const auto answer = exchange("GET /stream HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_NE(answer.find("Transfer-Encoding: chunked"), std::string::npos);
  const auto body = body_of(answer);
  EXPECT_TRUE(body.ends_with("\r\n0\r\n\r\n")) << "the closing chunk is missing: " << answer.size() << answer.substr(answer.find("Referrer"), 300);
  std::string expected;
  for (int i = 0; i < 1000; ++i) expected += std::to_string(i) + "\n";
  EXPECT_EQ(dechunk(body), expected);
  for (int tries = 0; tries < 100 && destroyed_.load() == 0; ++tries) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_EQ(destroyed_.load(), 1);
}

TEST_F(HttpServerTest, KeepsTheConnectionForTheNextRequestAfterAStream) {
  const int socket_fd = connect_to_server();
  send_all(socket_fd, "GET /stream HTTP/1.1\r\nHost: x\r\n\r\nGET /stream HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  std::string answer;
  char buffer[16 * 1024];
  for (;;) {
    const auto received = ::recv(socket_fd, buffer, sizeof buffer, 0);
    if (received <= 0) break;
    answer.append(buffer, static_cast<std::size_t>(received));
  }
  ::close(socket_fd);
  std::size_t answers = 0;
  for (auto at = answer.find("HTTP/1.1 200"); at != std::string::npos; at = answer.find("HTTP/1.1 200", at + 1)) {
    ++answers;
  }
  EXPECT_EQ(answers, 2U);
}

TEST_F(HttpServerTest, AFailingProducerCutsTheBodyWithoutTheClosingChunk) {
  const auto answer = exchange("GET /broken-stream HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  const auto body = body_of(answer);
  EXPECT_FALSE(body.ends_with("\r\n0\r\n\r\n"));
  EXPECT_NE(body.find("499\n"), std::string::npos);
  EXPECT_EQ(body.find("500\n"), std::string::npos);
}

TEST_F(HttpServerTest, AClientThatGoesAwayStopsTheProducer) {
  const int socket_fd = connect_to_server();
  send_all(socket_fd, "GET /endless HTTP/1.1\r\nHost: x\r\n\r\n");
  char buffer[1024];
  ASSERT_GT(::recv(socket_fd, buffer, sizeof buffer, 0), 0);
  ::close(socket_fd);
  for (int tries = 0; tries < 1000 && destroyed_.load() == 0; ++tries) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_EQ(destroyed_.load(), 1) << "the producer kept running for a client that left";
}

TEST_F(HttpServerTest, AnUploadGoesToAFileBeyondTheBodyLimitAndIsRemovedAfterwards) {
  const std::string file(3 * 1024 * 1024, 'x');
  const auto answer = exchange("POST /upload HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: text/csv\r\n"
                               "Content-Length: " + std::to_string(file.size()) + "\r\n\r\n" + file);
  EXPECT_NE(answer.find("HTTP/1.1 200"), std::string::npos) << answer.substr(0, 300);
  EXPECT_NE(answer.find(R"({"size":3145728,"read":3145728})"), std::string::npos) << answer.substr(0, 600);
  EXPECT_EQ(seen_in_memory_, 0U);
  EXPECT_TRUE(seen_file_.starts_with(uploads_.path().string()));
  EXPECT_FALSE(std::filesystem::exists(seen_file_)) << "the upload was left behind";
}

TEST_F(HttpServerTest, AnUploadOverItsLimitIsRefusedAndLeavesNoFile) {
  const std::string file(5 * 1024 * 1024, 'x');
  const auto answer = exchange("POST /upload HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: text/csv\r\n"
                               "Transfer-Encoding: chunked\r\n\r\n" +
                               [&] {
                                 std::string chunked;
                                 for (std::size_t at = 0; at < file.size(); at += 65536) {
                                   chunked += "10000\r\n" + file.substr(at, 65536) + "\r\n";
                                 }
                                 return chunked + "0\r\n\r\n";
                               }());
  EXPECT_NE(answer.find("HTTP/1.1 413"), std::string::npos) << answer.substr(0, 300);
  for (int tries = 0; tries < 100 && !uploads_folder_empty(); ++tries) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_TRUE(uploads_folder_empty());
}

TEST_F(HttpServerTest, OtherPathsKeepTheSmallBodyLimit) {
  const std::string body(2048, 'x');
  const auto answer = exchange("POST /stream HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: text/csv\r\n"
                               "Content-Length: 2048\r\n\r\n" + body);
  EXPECT_NE(answer.find("HTTP/1.1 413"), std::string::npos);
}

}  // namespace
}  // namespace atrium::http
