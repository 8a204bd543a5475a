#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include "atrium/core/id.hpp"
#include "atrium/workflow/routing_admin_routes.hpp"
#include "atrium/workflow/routing_store.hpp"
#include "routing_admin_support.hpp"

namespace atrium::workflow {

namespace {

using http::Request;
using http::Response;
using namespace routing_admin;

constexpr std::size_t kMaxPaths = 1000;

// The calendar, users and roles a path names exist, and no other path claims its value.
Result<void> check_references(storage::Connection& connection, const RoutingPath& path, const std::string& id) {
  Error invalid{ErrorCode::validation_failed, "the routing path is not valid", {}};
  auto calendar = connection.query("SELECT id FROM business_calendars WHERE id = ?", {path.calendar_id});
  if (!calendar) return calendar.take_error();
  if (calendar->empty()) invalid.fields.push_back({"calendar_id", "CALENDAR_NOT_FOUND", "no such business calendar"});
  for (std::size_t index = 0; index < path.steps.size(); ++index) {
    const auto& step = path.steps[index];
    if (!step.user_id.empty()) {
      auto user = connection.query("SELECT id FROM users WHERE id = ? AND active = 1", {step.user_id});
      if (!user) return user.take_error();
      if (user->empty()) {
        invalid.fields.push_back({fmt::format("steps[{}].user_id", index), "USER_NOT_FOUND", "no such active user"});
      }
    } else {
      auto role = connection.query("SELECT id FROM roles WHERE id = ?", {step.role_id});
      if (!role) return role.take_error();
      if (role->empty()) {
        invalid.fields.push_back({fmt::format("steps[{}].role_id", index), "ROLE_NOT_FOUND", "no such role"});
      }
    }
  }
  auto taken = connection.query("SELECT id, name FROM routing_paths WHERE id <> ? AND (name = ? OR "
                                "(entity = ? AND field = ? AND value = ?))",
                                {id, path.name, path.entity, path.field, path.value});
  if (!taken) return taken.take_error();
  for (const auto& row : taken->rows) {
    if (row[1].text() == path.name) {
      invalid.fields.push_back({"name", "UNIQUE_VIOLATION", "another routing path has this name"});
    } else {
      invalid.fields.push_back({"value", "PATH_EXISTS", fmt::format("the path '{}' routes these records", row[1].text())});
    }
  }
  if (!invalid.fields.empty()) return invalid;
  return {};
}

storage::Value overall_minutes(const RoutingPath& path) {
  return path.overall_sla_minutes ? storage::Value(*path.overall_sla_minutes) : storage::Value();
}

}  // namespace

void add_routing_path_routes(http::Router& router, storage::Database& database, const metadata::Catalog& catalog,
                             const access::Authenticator& authenticator, const Clock& clock) {
  router.add(http::Method::get, "/api/v1/routing-paths", [&database, &authenticator](Request& request) {
    return administrator(authenticator, request, [&] {
      const std::string entity = request.query("entity").value_or("");
      boost::json::array paths;
      auto read = database.read([&](storage::Connection& connection) -> Result<void> {
        std::vector<std::string> ids;
        std::string sql = "SELECT id FROM routing_paths";
        storage::Params params;
        if (!entity.empty()) {
          sql += " WHERE entity = ?";
          params.emplace_back(entity);
        }
        ATRIUM_TRY(connection.each(fmt::format("{} ORDER BY name LIMIT {}", sql, kMaxPaths), params,
                                   [&](const storage::Row& row) {
                                     ids.push_back(row[0].text());
                                     return true;
                                   }));
        for (const auto& id : ids) {
          auto path = routing_path_json(connection, id);
          if (!path) return path.take_error();
          paths.push_back(std::move(*path));
        }
        return {};
      });
      if (!read) return Response::error(read.error(), request.request_id);
      return json_answer(200, boost::json::object{{"data", std::move(paths)}});
    });
  });

  router.add(http::Method::post, "/api/v1/routing-paths", [&database, &catalog, &authenticator, &clock](Request& request) {
    return administrator(authenticator, request, [&] {
      auto body = object_body(request);
      if (!body) return Response::error(body.error(), request.request_id);
      auto path = read_routing_path(**body, catalog);
      if (!path) return Response::error(path.error(), request.request_id);
      const std::string id = new_id();
      const std::string now = to_iso8601(clock.now());
      Result<boost::json::object> created = boost::json::object{};
      auto written = database.transact([&](storage::Connection& connection) -> Result<void> {
        ATRIUM_TRY(check_references(connection, *path, id));
        auto inserted = connection.execute(
            "INSERT INTO routing_paths (id, name, entity, field, value, calendar_id, steps, overall_sla_minutes, "
            "active, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
            {id, path->name, path->entity, path->field, path->value, path->calendar_id, steps_text(path->steps),
             overall_minutes(*path), path->active ? 1 : 0, now, now});
        if (!inserted) return inserted.take_error();
        created = routing_path_json(connection, id);
        if (!created) return created.error();
        return {};
      });
      if (!written) return Response::error(written.error(), request.request_id);
      return json_answer(201, *created);
    });
  });

  router.add(http::Method::get, "/api/v1/routing-paths/{id}", [&database, &authenticator](Request& request) {
    return administrator(authenticator, request, [&] {
      Result<boost::json::object> path = boost::json::object{};
      auto read = database.read([&](storage::Connection& connection) -> Result<void> {
        path = routing_path_json(connection, request.path_param("id"));
        if (!path) return path.error();
        return {};
      });
      if (!read) return Response::error(read.error(), request.request_id);
      return json_answer(200, *path);
    });
  });

  router.add(http::Method::patch, "/api/v1/routing-paths/{id}",
             [&database, &catalog, &authenticator, &clock](Request& request) {
    return administrator(authenticator, request, [&] {
      auto body = object_body(request);
      if (!body) return Response::error(body.error(), request.request_id);
      const std::string id(request.path_param("id"));
      Result<boost::json::object> changed = boost::json::object{};
      auto written = database.transact([&](storage::Connection& connection) -> Result<void> {
        auto stored = routing_path_json(connection, id);
        if (!stored) return stored.take_error();
        ATRIUM_TRY(check_version(**body, stored->at("version").as_int64()));
        // A step read back shows both assignee kinds (one null) and its on_overdue.
        boost::json::object input = merged(*stored, **body);
        if (auto* steps = input.if_contains("steps"); steps && steps->is_array()) {
          for (auto& step : steps->as_array()) {
            if (!step.is_object()) continue;
            for (const char* key : {"user_id", "role_id"}) {
              if (const auto* value = step.as_object().if_contains(key); value && value->is_null()) {
                step.as_object().erase(key);
              }
            }
          }
        }
        auto path = read_routing_path(input, catalog);
        if (!path) return path.take_error();
        ATRIUM_TRY(check_references(connection, *path, id));
        auto updated = connection.execute(
            "UPDATE routing_paths SET name = ?, entity = ?, field = ?, value = ?, calendar_id = ?, steps = ?, "
            "overall_sla_minutes = ?, active = ?, updated_at = ?, version = version + 1 WHERE id = ?",
            {path->name, path->entity, path->field, path->value, path->calendar_id, steps_text(path->steps),
             overall_minutes(*path), path->active ? 1 : 0, to_iso8601(clock.now()), id});
        if (!updated) return updated.take_error();
        changed = routing_path_json(connection, id);
        if (!changed) return changed.error();
        return {};
      });
      if (!written) return Response::error(written.error(), request.request_id);
      return json_answer(200, *changed);
    });
  });

  router.add(http::Method::del, "/api/v1/routing-paths/{id}", [&database, &authenticator](Request& request) {
    return administrator(authenticator, request, [&] {
      const std::string id(request.path_param("id"));
      auto written = database.transact([&](storage::Connection& connection) -> Result<void> {
        // Routed records keep their copy of the steps; only their link to the path goes.
        auto deleted = connection.execute("DELETE FROM routing_paths WHERE id = ?", {id});
        if (!deleted) return deleted.take_error();
        if (*deleted == 0) return make_error(ErrorCode::not_found, fmt::format("no routing path with id {}", id));
        return {};
      });
      if (!written) return Response::error(written.error(), request.request_id);
      Response response;
      response.status = 204;
      return response;
    });
  });
}

}  // namespace atrium::workflow
