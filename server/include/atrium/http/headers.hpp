#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace atrium::http {

// Header fields in arrival order; names compare case-insensitively.
class Headers {
 public:
  std::optional<std::string_view> get(std::string_view name) const;
  // Replaces every field of that name.
  void set(std::string_view name, std::string value);
  void add(std::string_view name, std::string value);
  const std::vector<std::pair<std::string, std::string>>& fields() const { return fields_; }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

bool iequals(std::string_view a, std::string_view b);

}  // namespace atrium::http
