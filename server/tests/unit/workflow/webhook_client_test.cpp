// The webhook client against a real socket on the loopback interface: the request it
// sends, the statuses it takes as delivered, and the deadline on a receiver that does
// not answer.
#include "atrium/workflow/webhook_client.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>
#include <thread>

namespace atrium::workflow {
namespace {

// Listens on a free loopback port; answers one connection with `answer` (nothing when empty).
class OneShotReceiver {
 public:
  explicit OneShotReceiver(std::string answer) : answer_(std::move(answer)) {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    EXPECT_EQ(::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof(address)), 0);
    EXPECT_EQ(::listen(listener_, 1), 0);
    socklen_t length = sizeof(address);
    ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
    thread_ = std::thread([this] {
      const int connection = ::accept(listener_, nullptr, nullptr);
      if (connection < 0) return;
      char buffer[4096];
      while (received_.find("\r\n\r\n") == std::string::npos ||
             received_.size() < received_.find("\r\n\r\n") + 4 + 17) {
        const auto got = ::recv(connection, buffer, sizeof(buffer), 0);
        if (got <= 0) break;
        received_.append(buffer, static_cast<std::size_t>(got));
      }
      if (!answer_.empty()) {
        ::send(connection, answer_.data(), answer_.size(), MSG_NOSIGNAL);
      } else {
        std::this_thread::sleep_for(std::chrono::milliseconds(700));
      }
      ::close(connection);
    });
  }
  ~OneShotReceiver() {
    if (thread_.joinable()) thread_.join();
    ::close(listener_);
  }
  int port() const { return port_; }
  std::string received() {
    if (thread_.joinable()) thread_.join();
    return received_;
  }

 private:
  std::string answer_;
  int listener_ = -1;
  int port_ = 0;
  std::thread thread_;
  std::string received_;
};

const std::string kBody = R"({"record":{"id":1}})";  // 19 bytes: the receiver reads at least 17

TEST(WebhookUrlTest, TakesPlainHttpWithHostPortAndPath) {
  auto target = parse_webhook_url("http://hooks.example:8080/crm/in?x=1");
  ASSERT_TRUE(target);
  EXPECT_EQ(target->host, "hooks.example");
  EXPECT_EQ(target->port, 8080);
  EXPECT_EQ(target->path, "/crm/in?x=1");
  auto bare = parse_webhook_url("http://10.0.0.5");
  ASSERT_TRUE(bare);
  EXPECT_EQ(bare->port, 80);
  EXPECT_EQ(bare->path, "/");
}

TEST(WebhookUrlTest, RefusesEverythingElse) {
  for (const char* url : {"https://hooks.example/x", "ftp://a/b", "http://", "http://user@host/", "http://host:0/",
                          "http://host:70000/", "http://host:80x/", "http://ho st/", "http://host/a b", "hooks.example"}) {
    EXPECT_FALSE(parse_webhook_url(url)) << url;
  }
}

TEST(WebhookClientTest, PostsTheJsonWithItsKey) {
  OneShotReceiver receiver("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n");
  auto status = post_webhook(*parse_webhook_url("http://127.0.0.1:" + std::to_string(receiver.port()) + "/in"), kBody,
                             "job-1", std::chrono::seconds(5));
  ASSERT_TRUE(status.ok()) << status.error().message;
  EXPECT_EQ(*status, 204);
  const std::string request = receiver.received();
  EXPECT_EQ(request.rfind("POST /in HTTP/1.1\r\n", 0), 0u) << request;
  EXPECT_NE(request.find("Content-Type: application/json\r\n"), std::string::npos);
  EXPECT_NE(request.find("Idempotency-Key: job-1\r\n"), std::string::npos);
  EXPECT_NE(request.find("Content-Length: 19\r\n"), std::string::npos);
  EXPECT_EQ(request.substr(request.size() - kBody.size()), kBody);
}

TEST(WebhookClientTest, AnAnswerOutside2xxIsAFailureToRetry) {
  OneShotReceiver receiver("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n");
  auto status = post_webhook(*parse_webhook_url("http://127.0.0.1:" + std::to_string(receiver.port()) + "/"), kBody,
                             "job-2", std::chrono::seconds(5));
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.error().message.find("answered 503"), std::string::npos) << status.error().message;
}

TEST(WebhookClientTest, ASilentReceiverRunsIntoTheDeadline) {
  OneShotReceiver receiver("");
  const auto started = std::chrono::steady_clock::now();
  auto status = post_webhook(*parse_webhook_url("http://127.0.0.1:" + std::to_string(receiver.port()) + "/"), kBody,
                             "job-3", std::chrono::milliseconds(200));
  ASSERT_FALSE(status.ok());
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(650));
}

TEST(WebhookClientTest, NobodyListeningIsAFailure) {
  int port = 0;
  {
    OneShotReceiver closed("HTTP/1.1 200 OK\r\n\r\n");
    port = closed.port();
    // Connect once so its thread ends; afterwards nothing listens there.
    auto first = post_webhook(*parse_webhook_url("http://127.0.0.1:" + std::to_string(port) + "/"), kBody, "k",
                              std::chrono::seconds(5));
    EXPECT_TRUE(first.ok());
  }
  auto status = post_webhook(*parse_webhook_url("http://127.0.0.1:" + std::to_string(port) + "/"), kBody, "k",
                             std::chrono::seconds(2));
  EXPECT_FALSE(status.ok());
}

}  // namespace
}  // namespace atrium::workflow
