#include "atrium/core/json_body.hpp"

#include <boost/json/parse_options.hpp>
#include <boost/json/stream_parser.hpp>
#include <fmt/format.h>


namespace atrium {

namespace {
// Deep nesting is how a small body becomes a stack overflow; no record needs 32 levels.
constexpr std::size_t kMaxDepth = 32;

Error malformed_at(std::string_view text, std::size_t offset, std::string_view reason) {
  std::size_t line = 1;
  std::size_t column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return make_error(ErrorCode::malformed_json,
                    fmt::format("malformed JSON at line {}, column {} (offset {}): {}", line, column, offset, reason));
}
}  // namespace

Result<boost::json::value> parse_json(std::string_view text) {
  boost::json::parse_options options;
  options.max_depth = kMaxDepth;
  boost::json::stream_parser parser({}, options);
  boost::system::error_code ec;
  const std::size_t consumed = parser.write_some(text.data(), text.size(), ec);
  if (ec) return malformed_at(text, consumed, ec.message());
  if (consumed < text.size()) {
    // write_some stops after a complete value; anything but whitespace after it is junk.
    const auto rest = text.substr(consumed);
    const auto junk = rest.find_first_not_of(" \t\r\n");
    if (junk != std::string_view::npos) return malformed_at(text, consumed + junk, "unexpected text after the JSON value");
  }
  parser.finish(ec);
  if (ec) return malformed_at(text, text.size(), ec.message());
  return parser.release();
}

}  // namespace atrium
