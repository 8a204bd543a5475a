#pragma once
#include <string>
#include <string_view>

namespace atrium {

// The text escaped for use inside a JSON string literal (without the quotes).
std::string json_escape(std::string_view text);

}  // namespace atrium
