#pragma once
// The hand-over between a streamed answer's producer thread and its connection.
#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "atrium/http/response.hpp"

namespace atrium::http {

// Hands a BodyProducer's pieces from its own thread to a connection, one at a time: the
// producer makes a piece only when the connection asks, so a slow client holds back the
// producer instead of piling pieces up in memory.
class PieceChannel {
 public:
  using Deliver = std::function<void(BodyProducer::Step, std::string)>;

  PieceChannel(std::shared_ptr<BodyProducer> producer, Deliver deliver)
      : producer_(std::move(producer)), deliver_(std::move(deliver)) {}

  void request() {
    std::lock_guard lock(mutex_);
    requested_ = true;
    wake_.notify_one();
  }
  void cancel() {
    std::lock_guard lock(mutex_);
    cancelled_ = true;
    wake_.notify_one();
  }
  bool finished() const { return finished_.load(); }

  // The producer thread's whole life: a piece per request until the producer is done,
  // fails or the channel is cancelled.
  void run();

 private:
  std::shared_ptr<BodyProducer> producer_;
  Deliver deliver_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool requested_ = false;
  bool cancelled_ = false;
  std::atomic<bool> finished_{false};
};

}  // namespace atrium::http
