#include "atrium/records/picklist_routes.hpp"

#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include <algorithm>

namespace atrium::records {

namespace {

using http::Request;
using http::Response;

bool key_shape(std::string_view key) {
  return !key.empty() && key.size() <= 64 && std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

Result<boost::json::array> values_of(storage::Database& database, std::string_view picklist) {
  boost::json::array values;
  ATRIUM_TRY(database.read([&](storage::Connection& connection) -> Result<void> {
    return connection.each(
        "SELECT key, label, position, active FROM picklist_values WHERE picklist = ? ORDER BY position, key",
        {picklist}, [&](const storage::Row& row) {
          values.push_back({{"key", row[0].text()},
                            {"label", row[1].text()},
                            {"position", row[2].integer()},
                            {"active", row[3].integer() != 0}});
          return true;
        });
  }));
  return values;
}

// Reads label/position/active from a body; `creating` requires key and label.
Result<void> read_value(const boost::json::value& body, bool creating, std::string& key, std::string& label,
                        std::optional<std::int64_t>& position, std::optional<bool>& active) {
  Error invalid{ErrorCode::validation_failed, "the picklist value is not valid", {}};
  if (!body.is_object()) return Error{ErrorCode::bad_request, "the body must be a JSON object", {}};
  for (const auto& [name, value] : body.as_object()) {
    const std::string_view field(name);
    if (field == "key" && creating) {
      if (!value.is_string() || !key_shape(value.as_string())) {
        invalid.fields.push_back({"key", "FIELD_INVALID", "1-64 of a-z 0-9 _ -"});
      } else {
        key = std::string(value.as_string());
      }
    } else if (field == "label") {
      if (!value.is_string() || value.as_string().empty() || value.as_string().size() > 200) {
        invalid.fields.push_back({"label", "FIELD_INVALID", "text of 1 to 200 characters"});
      } else {
        label = std::string(value.as_string());
      }
    } else if (field == "position") {
      if (!value.is_int64()) {
        invalid.fields.push_back({"position", "FIELD_INVALID_INTEGER", "a whole number"});
      } else {
        position = value.as_int64();
      }
    } else if (field == "active") {
      if (!value.is_bool()) {
        invalid.fields.push_back({"active", "FIELD_INVALID_BOOLEAN", "true or false"});
      } else {
        active = value.as_bool();
      }
    } else {
      invalid.fields.push_back({std::string(field), "UNKNOWN_FIELD",
                                creating ? "key, label, position, active" : "label, position, active"});
    }
  }
  if (creating && key.empty() && invalid.fields.empty()) invalid.fields.push_back({"key", "FIELD_REQUIRED", "required"});
  if (creating && label.empty() && invalid.fields.empty()) {
    invalid.fields.push_back({"label", "FIELD_REQUIRED", "required"});
  }
  if (!invalid.fields.empty()) return invalid;
  return {};
}

// Picklists are read by everyone signed in and changed by administrators.
Result<void> administrator(const access::Authenticator& authenticator, const Request& request) {
  auto principal = authenticator.authenticate(request);
  if (!principal) return principal.take_error();
  if (!principal->user.is_admin) return make_error(ErrorCode::forbidden, "picklists are changed by administrators");
  return {};
}

Response picklist_response(int status, storage::Database& database, std::string_view name, const Request& request) {
  auto values = values_of(database, name);
  if (!values) return Response::error(values.error(), request.request_id);
  return Response::json(status, boost::json::serialize(boost::json::object{{"name", name}, {"values", *values}}));
}

}  // namespace

void add_picklist_routes(http::Router& router, storage::Database& database, const access::Authenticator& authenticator) {
  router.add(http::Method::get, "/api/v1/picklists/{name}", [&database, &authenticator](Request& request) {
    auto principal = authenticator.authenticate(request);
    if (!principal) return Response::error(principal.error(), request.request_id);
    return picklist_response(200, database, request.path_param("name"), request);
  });

  router.add(http::Method::post, "/api/v1/picklists/{name}/values", [&database, &authenticator](Request& request) {
    if (auto admin = administrator(authenticator, request); !admin) {
      return Response::error(admin.error(), request.request_id);
    }
    const std::string name(request.path_param("name"));
    if (!key_shape(name)) {
      return Response::error(make_error(ErrorCode::not_found, fmt::format("no picklist '{}'", name)), request.request_id);
    }
    std::string key, label;
    std::optional<std::int64_t> position;
    std::optional<bool> active;
    if (auto valid = read_value(request.json, true, key, label, position, active); !valid) {
      return Response::error(valid.error(), request.request_id);
    }
    auto added = database.transact([&](storage::Connection& connection) -> Result<void> {
      auto existing = connection.query("SELECT 1 FROM picklist_values WHERE picklist = ? AND key = ?", {name, key});
      if (!existing) return existing.take_error();
      if (!existing->empty()) {
        return Error{ErrorCode::validation_failed, "the picklist value is not valid",
                     {{"key", "UNIQUE_VIOLATION", "the picklist has this key already"}}};
      }
      auto inserted = connection.execute(
          "INSERT INTO picklist_values (picklist, key, label, position, active) VALUES (?, ?, ?, "
          "COALESCE(?, (SELECT COALESCE(MAX(position), -1) + 1 FROM picklist_values WHERE picklist = ?)), ?)",
          {name, key, label, position ? storage::Value(*position) : storage::Value(), name, active.value_or(true) ? 1 : 0});
      if (!inserted) return inserted.take_error();
      return {};
    });
    if (!added) return Response::error(added.error(), request.request_id);
    return picklist_response(201, database, name, request);
  });

  router.add(http::Method::patch, "/api/v1/picklists/{name}/values/{key}", [&database, &authenticator](Request& request) {
    if (auto admin = administrator(authenticator, request); !admin) {
      return Response::error(admin.error(), request.request_id);
    }
    const std::string name(request.path_param("name"));
    const std::string key(request.path_param("key"));
    std::string unused_key, label;
    std::optional<std::int64_t> position;
    std::optional<bool> active;
    if (auto valid = read_value(request.json, false, unused_key, label, position, active); !valid) {
      return Response::error(valid.error(), request.request_id);
    }
    auto changed = database.transact([&](storage::Connection& connection) -> Result<void> {
      auto updated = connection.execute(
          "UPDATE picklist_values SET label = COALESCE(?, label), position = COALESCE(?, position), "
          "active = COALESCE(?, active) WHERE picklist = ? AND key = ?",
          {label.empty() ? storage::Value() : storage::Value(label),
           position ? storage::Value(*position) : storage::Value(),
           active ? storage::Value(*active ? 1 : 0) : storage::Value(), name, key});
      if (!updated) return updated.take_error();
      if (*updated == 0) return make_error(ErrorCode::not_found, fmt::format("picklist {} has no key {}", name, key));
      return {};
    });
    if (!changed) return Response::error(changed.error(), request.request_id);
    return picklist_response(200, database, name, request);
  });
}

}  // namespace atrium::records
