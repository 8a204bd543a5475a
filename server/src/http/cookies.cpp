#include "atrium/http/cookies.hpp"

namespace atrium::http {

std::optional<std::string> cookie(const Request& request, std::string_view name) {
  for (const auto& [field, value] : request.headers.fields()) {
    if (!iequals(field, "Cookie")) continue;
    std::string_view rest = value;
    while (!rest.empty()) {
      const auto end = rest.find(';');
      auto pair = rest.substr(0, end);
      while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
      const auto equals = pair.find('=');
      if (equals != std::string_view::npos && pair.substr(0, equals) == name) {
        return std::string(pair.substr(equals + 1));
      }
      if (end == std::string_view::npos) break;
      rest.remove_prefix(end + 1);
    }
  }
  return std::nullopt;
}

}  // namespace atrium::http
