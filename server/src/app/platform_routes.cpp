#include "atrium/app/platform_routes.hpp"

#include <boost/json/serialize.hpp>

namespace atrium::app {

void add_platform_routes(http::Router& router, storage::Database& database, http::Metrics& metrics,
                         std::string version) {
  router.add(http::Method::get, "/healthz", [&database](http::Request&) {
    auto checked = database.read([](storage::Connection& connection) -> Result<void> {
      auto rows = connection.query("SELECT 1");
      if (!rows) return rows.take_error();
      return {};
    });
    if (!checked) {
      return http::Response::json(503, boost::json::serialize(boost::json::object{
                                           {"status", "unavailable"}, {"database", checked.error().message}}));
    }
    return http::Response::json(200, R"({"status":"ok","database":"ok"})");
  });

  router.add(http::Method::get, "/metrics", [&metrics](http::Request&) {
    return http::Response::text(200, metrics.render(), "text/plain; version=0.0.4; charset=utf-8");
  });

  // Public facts the login screen shows; also the benchmarks' one-row read.
  router.add(http::Method::get, "/api/v1/instance", [&database, version](http::Request& request) {
    boost::json::object body;
    auto read = database.read([&](storage::Connection& connection) -> Result<void> {
      auto rows = connection.query("SELECT name, created_at FROM instance WHERE id = ?", {1});
      if (!rows) return rows.take_error();
      if (rows->empty()) return make_error(ErrorCode::not_found, "this installation has not been set up");
      body = {{"name", rows->rows[0][0].text()}, {"version", version}, {"created_at", rows->rows[0][1].text()}};
      return {};
    });
    if (!read) return http::Response::error(read.error(), request.request_id);
    return http::Response::json(200, boost::json::serialize(body));
  });
}

}  // namespace atrium::app
