#pragma once
// A value bound to or read from SQL. Values are always bound, never formatted into SQL.
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace atrium::storage {

struct Blob {
  std::vector<std::uint8_t> bytes;
  bool operator==(const Blob&) const = default;
};

class Value {
 public:
  Value() = default;
  Value(std::nullptr_t) {}  // NOLINT: implicit so parameter lists read naturally
  Value(int number) : data_(std::int64_t{number}) {}  // NOLINT
  Value(std::int64_t number) : data_(number) {}  // NOLINT
  Value(double number) : data_(number) {}  // NOLINT
  Value(std::string text) : data_(std::move(text)) {}  // NOLINT
  Value(std::string_view text) : data_(std::string(text)) {}  // NOLINT
  Value(const char* text) : data_(std::string(text)) {}  // NOLINT
  Value(Blob blob) : data_(std::move(blob)) {}  // NOLINT

  bool is_null() const { return std::holds_alternative<std::monostate>(data_); }
  bool is_integer() const { return std::holds_alternative<std::int64_t>(data_); }
  bool is_real() const { return std::holds_alternative<double>(data_); }
  bool is_text() const { return std::holds_alternative<std::string>(data_); }
  bool is_blob() const { return std::holds_alternative<Blob>(data_); }

  std::int64_t integer() const { return std::get<std::int64_t>(data_); }
  double real() const { return std::get<double>(data_); }
  const std::string& text() const { return std::get<std::string>(data_); }
  const Blob& blob() const { return std::get<Blob>(data_); }

  // A canonical text form, the same for equal values on both databases: for
  // checksums and logs, never for building SQL.
  std::string to_canonical_text() const;

  bool operator==(const Value&) const = default;

 private:
  std::variant<std::monostate, std::int64_t, double, std::string, Blob> data_;
};

using Params = std::vector<Value>;

}  // namespace atrium::storage
