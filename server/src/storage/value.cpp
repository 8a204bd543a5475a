#include "atrium/storage/value.hpp"

#include <fmt/format.h>

namespace atrium::storage {

std::string Value::to_canonical_text() const {
  if (is_null()) return "\\N";
  if (is_integer()) return std::to_string(integer());
  if (is_real()) return fmt::format("{}", real());
  if (is_text()) return text();
  std::string hex = "\\x";
  for (auto byte : blob().bytes) hex += fmt::format("{:02x}", byte);
  return hex;
}

}  // namespace atrium::storage
