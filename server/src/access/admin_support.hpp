#pragma once
// What the access administration routes share: reading a JSON body with every problem
// collected, the answers' shapes, and the administrators-only gate.
#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "atrium/access/authenticator.hpp"
#include "atrium/http/request.hpp"
#include "atrium/http/response.hpp"
#include "atrium/storage/database.hpp"

namespace atrium::access::admin {

using http::Request;
using http::Response;
using boost::json::array;
using boost::json::object;
using boost::json::value;

constexpr std::size_t kMaxListItems = 1000;

// Collects field errors while reading a JSON body, so one answer names every problem.
class BodyReader {
 public:
  explicit BodyReader(const object& body) : body_(body) {}

  bool has(std::string_view name) const { return body_.contains(name); }

  std::optional<std::string> text(std::string_view name, std::size_t max_length, bool required, bool nullable = false) {
    const auto* given = body_.if_contains(name);
    if (!given || (nullable && given->is_null())) {
      if (required) fail(name, "FIELD_REQUIRED", "required");
      return std::nullopt;
    }
    if (!given->is_string()) return fail(name, "FIELD_INVALID", "a string"), std::nullopt;
    std::string result(given->as_string());
    if (required && result.empty()) return fail(name, "FIELD_REQUIRED", "required"), std::nullopt;
    if (result.size() > max_length) {
      return fail(name, "FIELD_TOO_LONG", fmt::format("at most {} characters", max_length)), std::nullopt;
    }
    return result;
  }

  std::optional<bool> boolean(std::string_view name) {
    const auto* given = body_.if_contains(name);
    if (!given) return std::nullopt;
    if (!given->is_bool()) return fail(name, "FIELD_INVALID_BOOLEAN", "true or false"), std::nullopt;
    return given->as_bool();
  }

  // A list of strings, or nullopt when absent.
  std::optional<std::vector<std::string>> strings(std::string_view name) {
    const auto* given = body_.if_contains(name);
    if (!given) return std::nullopt;
    if (!given->is_array() || given->as_array().size() > kMaxListItems) {
      return fail(name, "FIELD_INVALID", fmt::format("a list of at most {} strings", kMaxListItems)), std::nullopt;
    }
    std::vector<std::string> items;
    for (const auto& item : given->as_array()) {
      if (!item.is_string() || item.as_string().empty() || item.as_string().size() > 200) {
        return fail(name, "FIELD_INVALID", "a list of non-empty strings"), std::nullopt;
      }
      items.emplace_back(item.as_string());
    }
    std::sort(items.begin(), items.end());
    items.erase(std::unique(items.begin(), items.end()), items.end());
    return items;
  }

  const value* raw(std::string_view name) const { return body_.if_contains(name); }

  void fail(std::string_view field, std::string code, std::string message) {
    errors_.fields.push_back({std::string(field), std::move(code), std::move(message)});
  }
  void only(std::initializer_list<std::string_view> known) {
    for (const auto& [key, ignored] : body_) {
      if (std::find(known.begin(), known.end(), std::string_view(key)) == known.end()) {
        fail(key, "UNKNOWN_FIELD", "not a field of this resource");
      }
    }
  }
  bool ok() const { return errors_.fields.empty(); }
  Error error(std::string message) const {
    Error error = errors_;
    error.code = ErrorCode::validation_failed;
    error.message = std::move(message);
    return error;
  }

 private:
  const object& body_;
  Error errors_{ErrorCode::validation_failed, "", {}};
};

inline Response json_response(int status, const value& body) { return Response::json(status, boost::json::serialize(body)); }

inline Response data_response(array data) { return json_response(200, object{{"data", std::move(data)}}); }

inline value nullable(const storage::Value& stored) {
  if (stored.is_null()) return nullptr;
  if (stored.is_integer()) return stored.integer();
  return value(stored.text());
}

inline Result<const object*> object_body(const Request& request) {
  if (!request.json.is_object()) return make_error(ErrorCode::bad_request, "the body must be a JSON object");
  return &request.json.as_object();
}

inline Error not_found(std::string_view what, std::string_view id) {
  return make_error(ErrorCode::not_found, fmt::format("no {} with id {}", what, id));
}

// Runs `body` only for administrators.
template <class Body>
Response administrator(const Authenticator& authenticator, Request& request, Body body) {
  auto principal = authenticator.authenticate(request);
  if (!principal) return Response::error(principal.error(), request.request_id);
  if (!principal->user.is_admin) {
    return Response::error(make_error(ErrorCode::forbidden, "only administrators manage users, teams and roles"),
                           request.request_id);
  }
  return body(*principal);
}

inline Result<array> column_json(storage::Connection& connection, const std::string& sql, const storage::Params& params) {
  array values;
  ATRIUM_TRY(connection.each(sql, params, [&](const storage::Row& row) {
    values.emplace_back(row[0].text());
    return true;
  }));
  return values;
}

}  // namespace atrium::access::admin
