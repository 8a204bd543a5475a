#pragma once
// A fixed set of connections lent one at a time; callers wait when all are busy.
#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

namespace atrium::storage {

template <class ConnectionType>
class ConnectionPool {
 public:
  void add(std::unique_ptr<ConnectionType> connection) {
    std::lock_guard lock(mutex_);
    idle_.push_back(connection.get());
    all_.push_back(std::move(connection));
  }

  // Returns the connection to the pool when it goes out of scope.
  class Lease {
   public:
    Lease(ConnectionPool& pool, ConnectionType* connection) : pool_(pool), connection_(connection) {}
    ~Lease() { pool_.give_back(connection_); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ConnectionType& operator*() { return *connection_; }
    ConnectionType* operator->() { return connection_; }

   private:
    ConnectionPool& pool_;
    ConnectionType* connection_;
  };

  Lease acquire() {
    std::unique_lock lock(mutex_);
    available_.wait(lock, [&] { return !idle_.empty(); });
    ConnectionType* connection = idle_.back();
    idle_.pop_back();
    return Lease(*this, connection);
  }

  int size() const {
    std::lock_guard lock(mutex_);
    return static_cast<int>(all_.size());
  }
  int in_use() const {
    std::lock_guard lock(mutex_);
    return static_cast<int>(all_.size() - idle_.size());
  }

 private:
  void give_back(ConnectionType* connection) {
    {
      std::lock_guard lock(mutex_);
      idle_.push_back(connection);
    }
    available_.notify_one();
  }

  mutable std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<ConnectionType>> all_;
  std::vector<ConnectionType*> idle_;
};

}  // namespace atrium::storage
