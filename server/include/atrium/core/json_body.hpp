#pragma once
// Parsing JSON from outside: bounded depth, and an error that names where it broke.
#include <boost/json/value.hpp>
#include <string_view>

#include "atrium/core/result.hpp"

namespace atrium {

// MALFORMED_JSON with "line L, column C" in the message when the text is not JSON.
Result<boost::json::value> parse_json(std::string_view text);

}  // namespace atrium
