// The signed-in user's TOTP second factor: state, set-up, enabling with a first code
// (which issues recovery codes), disabling with the password.
#include <boost/json/serialize.hpp>

#include "atrium/access/password_hasher.hpp"
#include "auth_support.hpp"

namespace atrium::access::detail {

namespace {

http::Response no_store(http::Response response) {
  response.headers.set("Cache-Control", "no-store");
  return response;
}

http::Response state(AuthContext& context, http::Request& request, const Principal& principal) {
  bool enabled = false;
  auto read = context.database.read([&](storage::Connection& connection) -> Result<void> {
    auto found = context.totp.enabled(connection, principal.user.id);
    if (!found) return found.take_error();
    enabled = *found;
    return {};
  });
  if (!read) return http::Response::error(read.error(), request.request_id);
  return no_store(http::Response::json(200, boost::json::serialize(boost::json::object{{"enabled", enabled}})));
}

http::Response set_up(AuthContext& context, http::Request& request, const Principal& principal) {
  TotpSetup setup;
  auto done = context.database.transact([&](storage::Connection& connection) -> Result<void> {
    auto created = context.totp.set_up(connection, principal.user.id, principal.user.username);
    if (!created) return created.take_error();
    setup = std::move(*created);
    return {};
  });
  if (!done) return http::Response::error(done.error(), request.request_id);
  return no_store(http::Response::json(
      200, boost::json::serialize(boost::json::object{{"secret", setup.secret}, {"otpauth_uri", setup.uri}})));
}

http::Response enable(AuthContext& context, http::Request& request, const Principal& principal) {
  Error invalid{ErrorCode::validation_failed, "the code is required", {}};
  const std::string code =
      request.json.is_object() ? string_field(request.json.as_object(), "code", invalid) : std::string();
  if (!request.json.is_object()) invalid.fields.push_back({"code", "FIELD_REQUIRED", "required"});
  if (!invalid.fields.empty()) return http::Response::error(invalid, request.request_id);
  std::vector<std::string> codes;
  auto done = context.database.transact([&](storage::Connection& connection) -> Result<void> {
    auto issued = context.totp.enable(connection, principal.user.id, code);
    if (!issued) return issued.take_error();
    codes = std::move(*issued);
    return record_event(context, connection, request, "totp_enabled", principal.user.id, principal.user.username);
  });
  if (!done) return http::Response::error(done.error(), request.request_id);
  boost::json::array list;
  for (const auto& recovery : codes) list.emplace_back(recovery);
  return no_store(
      http::Response::json(200, boost::json::serialize(boost::json::object{{"recovery_codes", std::move(list)}})));
}

http::Response disable(AuthContext& context, http::Request& request, const Principal& principal) {
  Error invalid{ErrorCode::validation_failed, "the password is required", {}};
  const std::string password =
      request.json.is_object() ? string_field(request.json.as_object(), "password", invalid) : std::string();
  if (!request.json.is_object()) invalid.fields.push_back({"password", "FIELD_REQUIRED", "required"});
  if (!invalid.fields.empty()) return http::Response::error(invalid, request.request_id);
  const std::string& username = principal.user.username;
  if (auto refused = throttled(context, request, username)) return std::move(*refused);
  std::string stored_hash;
  auto read = context.database.read([&](storage::Connection& connection) -> Result<void> {
    auto rows = connection.query("SELECT password_hash FROM users WHERE id = ?", {principal.user.id});
    if (!rows) return rows.take_error();
    if (!rows->empty() && !rows->rows[0][0].is_null()) stored_hash = rows->rows[0][0].text();
    return {};
  });
  if (!read) return http::Response::error(read.error(), request.request_id);
  if (!verify_password(password, stored_hash)) {
    auto counted = context.database.transact([&](storage::Connection& connection) -> Result<void> {
      auto locked = context.throttle.record_failure(connection, username, request.remote_address);
      if (!locked) return locked.take_error();
      return record_event(context, connection, request, "totp_disable_failed", principal.user.id, username);
    });
    if (!counted) return http::Response::error(counted.error(), request.request_id);
    return http::Response::error(Error{ErrorCode::wrong_password,
                                       "The password is wrong.",
                                       {{"password", "WRONG_PASSWORD", "not your current password"}}},
                                 request.request_id);
  }
  auto done = context.database.transact([&](storage::Connection& connection) -> Result<void> {
    ATRIUM_TRY(context.totp.disable(connection, principal.user.id));
    return record_event(context, connection, request, "totp_disabled", principal.user.id, username);
  });
  if (!done) return http::Response::error(done.error(), request.request_id);
  http::Response response;
  response.status = 204;
  return response;
}

}  // namespace

void add_totp_routes(http::Router& router, const SharedContext& context) {
  router.add(http::Method::get, "/api/v1/auth/totp", signed_in(context, state));
  router.add(http::Method::post, "/api/v1/auth/totp/setup", signed_in(context, set_up));
  router.add(http::Method::post, "/api/v1/auth/totp/enable", signed_in(context, enable));
  router.add(http::Method::post, "/api/v1/auth/totp/disable", signed_in(context, disable));
}

}  // namespace atrium::access::detail
