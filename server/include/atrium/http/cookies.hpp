#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "atrium/http/request.hpp"

namespace atrium::http {

// The value of a cookie the client sent, if any.
std::optional<std::string> cookie(const Request& request, std::string_view name);

}  // namespace atrium::http
