#pragma once
// Result<T>: a value or an Error. std::expected would do, but gcc 12 has it only in C++23.
#include <cassert>
#include <utility>
#include <variant>

#include "atrium/core/error.hpp"

namespace atrium {

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit by design
  Result(Error error) : state_(std::in_place_index<1>, std::move(error)) {}  // NOLINT

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { assert(ok()); return std::get<0>(state_); }
  const T& value() const& { assert(ok()); return std::get<0>(state_); }
  T&& value() && { assert(ok()); return std::get<0>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const { assert(!ok()); return std::get<1>(state_); }
  Error&& take_error() { assert(!ok()); return std::get<1>(std::move(state_)); }

 private:
  std::variant<T, Error> state_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), failed_(true) {}  // NOLINT: implicit by design

  bool ok() const { return !failed_; }
  explicit operator bool() const { return ok(); }
  const Error& error() const { assert(failed_); return error_; }
  Error&& take_error() { assert(failed_); return std::move(error_); }

 private:
  Error error_;
  bool failed_ = false;
};

inline Error make_error(ErrorCode code, std::string message) { return Error{code, std::move(message), {}}; }

}  // namespace atrium

// Returns the error of an expression's Result from the enclosing function.
#define ATRIUM_TRY(expr)                                   \
  do {                                                     \
    auto atrium_try_result_ = (expr);                      \
    if (!atrium_try_result_.ok()) return atrium_try_result_.take_error(); \
  } while (false)
