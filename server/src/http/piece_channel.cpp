#include "piece_channel.hpp"

#include <exception>

#include "atrium/core/log.hpp"

namespace atrium::http {

void PieceChannel::run() {
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return requested_ || cancelled_; });
      if (cancelled_) break;
      requested_ = false;
    }
    std::string piece;
    auto step = BodyProducer::Step::failed;
    try {
      step = producer_->next(piece);
    } catch (const std::exception& failure) {
      log::error("a streamed answer failed: {}", failure.what());
    }
    deliver_(step, std::move(piece));
    if (step != BodyProducer::Step::more) break;
  }
  // The producer's resources (a cursor, a temporary file) go with it, on this thread.
  producer_.reset();
  deliver_ = nullptr;
  finished_ = true;
}

}  // namespace atrium::http
