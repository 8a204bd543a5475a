#pragma once
// Atrium's own request type: handlers never see the transport library.
#include <boost/json/value.hpp>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "atrium/http/headers.hpp"

namespace atrium::http {

enum class Method { get, head, post, put, patch, del, options, other };

std::string_view method_name(Method method);
Method parse_method(std::string_view text);

struct Request {
  Method method = Method::get;
  std::string target;  // as sent: path and query
  std::string path;    // percent-decoded path
  std::string query_string;
  Headers headers;
  std::string body;
  // On upload paths (ServerOptions::upload_paths) the body is streamed to this file
  // instead of `body`. The transport removes the file after the answer, so a handler
  // that keeps it renames it away first.
  std::string body_file;
  std::uint64_t body_file_size = 0;
  std::string remote_address;
  std::string request_id;
  std::map<std::string, std::string, std::less<>> path_params;  // from the route pattern
  // The body parsed by the dispatcher when it is JSON (null otherwise): every API
  // route rejects malformed JSON the same way before its handler runs.
  boost::json::value json;

  // A decoded query parameter (first occurrence).
  std::optional<std::string> query(std::string_view name) const;
  std::string_view path_param(std::string_view name) const;
};

// Splits a raw target into a decoded path and the query string; nullopt when the
// target is not a valid origin-form path (e.g. bad percent escapes).
struct Target {
  std::string path;
  std::string query_string;
};
std::optional<Target> parse_target(std::string_view target);

}  // namespace atrium::http
