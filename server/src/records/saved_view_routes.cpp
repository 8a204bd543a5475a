#include "atrium/records/saved_view_routes.hpp"

#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include "atrium/core/id.hpp"
#include "atrium/core/json_body.hpp"
#include "atrium/core/time.hpp"
#include "caller.hpp"

namespace atrium::records {

namespace {

using http::Request;
using http::Response;

constexpr std::size_t kMaxViewsPerEntity = 100;
constexpr const char* kColumns = "id, entity, name, filter, sort, columns, is_default, created_at, updated_at, version";

boost::json::object view_json(const storage::Row& row) {
  auto columns = parse_json(row[5].text());
  return {{"id", row[0].text()},
          {"entity", row[1].text()},
          {"name", row[2].text()},
          {"filter", row[3].text()},
          {"sort", row[4].text()},
          {"columns", columns && columns->is_array() ? std::move(*columns) : boost::json::value(boost::json::array{})},
          {"is_default", row[6].integer() != 0},
          {"created_at", row[7].text()},
          {"updated_at", row[8].text()},
          {"version", row[9].integer()}};
}

Result<boost::json::object> read_view(storage::Connection& connection, std::string_view id, const std::string& user_id) {
  auto rows = connection.query(fmt::format("SELECT {} FROM saved_views WHERE id = ? AND user_id = ?", kColumns),
                               {std::string(id), user_id});
  if (!rows) return rows.take_error();
  // Another user's view reads as absent.
  if (rows->empty()) return make_error(ErrorCode::not_found, fmt::format("no saved view with id {}", id));
  return view_json(rows->rows[0]);
}

struct ViewInput {
  std::optional<std::string> entity, name, filter, sort;
  std::optional<std::vector<std::string>> columns;
  std::optional<bool> is_default;
};

Result<ViewInput> read_input(const Request& request, bool creating) {
  if (!request.json.is_object()) return make_error(ErrorCode::bad_request, "the body must be a JSON object");
  Error invalid{ErrorCode::validation_failed, "the view is not valid", {}};
  ViewInput input;
  const auto text = [&](std::string_view name, std::size_t max, std::optional<std::string>& into) {
    const auto* value = request.json.as_object().if_contains(name);
    if (!value) return;
    if (!value->is_string() || value->as_string().size() > max) {
      invalid.fields.push_back({std::string(name), "FIELD_INVALID", fmt::format("text of at most {} characters", max)});
      return;
    }
    into = std::string(value->as_string());
  };
  for (const auto& [key, value] : request.json.as_object()) {
    const std::string_view name(key);
    if (name != "entity" && name != "name" && name != "filter" && name != "sort" && name != "columns" &&
        name != "is_default" && name != "version") {
      invalid.fields.push_back({std::string(name), "UNKNOWN_FIELD", "not a field of a view"});
    }
  }
  if (creating) text("entity", 100, input.entity);
  text("name", 100, input.name);
  text("filter", 4096, input.filter);
  text("sort", 200, input.sort);
  if (const auto* columns = request.json.as_object().if_contains("columns")) {
    if (!columns->is_array() || columns->as_array().size() > 100) {
      invalid.fields.push_back({"columns", "FIELD_INVALID", "a list of at most 100 field names"});
    } else {
      input.columns.emplace();
      for (const auto& column : columns->as_array()) {
        if (!column.is_string()) {
          invalid.fields.push_back({"columns", "FIELD_INVALID", "a list of field names"});
          break;
        }
        input.columns->emplace_back(column.as_string());
      }
    }
  }
  if (const auto* is_default = request.json.as_object().if_contains("is_default")) {
    if (!is_default->is_bool()) {
      invalid.fields.push_back({"is_default", "FIELD_INVALID_BOOLEAN", "true or false"});
    } else {
      input.is_default = is_default->as_bool();
    }
  }
  if (creating && !input.entity) invalid.fields.push_back({"entity", "FIELD_REQUIRED", "the plural, e.g. accounts"});
  if (creating && (!input.name || input.name->empty())) invalid.fields.push_back({"name", "FIELD_REQUIRED", "required"});
  if (input.name && input.name->empty()) invalid.fields.push_back({"name", "FIELD_REQUIRED", "required"});
  if (!invalid.fields.empty()) return invalid;
  return input;
}

// A view is valid when its list is: the caller's rights on the entity and its fields,
// the filter, the sort and the columns, checked by running the list for one row.
Result<void> check_as_list(RecordService& records, const EntityLayout& layout, const std::string& filter,
                           const std::string& sort, const std::vector<std::string>& columns, const Actor& actor) {
  ListQuery query;
  query.filter = filter;
  query.sort = sort;
  query.fields = columns;
  query.limit = 1;
  query.access = actor.access;
  auto page = records.list(layout, query);
  if (page) return {};
  Error error = page.error();
  for (auto& field : error.fields) {
    if (field.field == "fields") field.field = "columns";
  }
  return error;
}

Result<void> write_default(storage::Connection& connection, const std::string& user_id, const std::string& entity,
                           const std::string& id) {
  auto cleared = connection.execute(
      "UPDATE saved_views SET is_default = 0 WHERE user_id = ? AND entity = ? AND id <> ? AND is_default = 1",
      {user_id, entity, id});
  if (!cleared) return cleared.take_error();
  return {};
}

std::string columns_text(const std::vector<std::string>& columns) {
  boost::json::array items;
  for (const auto& column : columns) items.emplace_back(column);
  return boost::json::serialize(items);
}

Error name_taken() {
  return Error{ErrorCode::validation_failed, "the view is not valid",
               {{"name", "UNIQUE_VIOLATION", "you have a view of this name for the entity"}}};
}

}  // namespace

void add_saved_view_routes(http::Router& router, RecordService& records, const access::Authenticator& authenticator,
                           access::GrantStore& grants) {
  const RouteContext context{records, authenticator, grants};

  router.add(http::Method::get, "/api/v1/views", [&records, context](Request& request) {
    return as_caller(context, request, [&](const Actor& actor) {
      const auto entity = request.query("entity").value_or("");
      if (!entity.empty() && !records.by_plural(entity)) {
        return Response::error(Error{ErrorCode::bad_request, "the entity is not valid",
                                     {{"entity", "UNKNOWN_ENTITY", fmt::format("no entity '{}'", entity)}}},
                               request.request_id);
      }
      boost::json::array views;
      auto read = records.database().read([&](storage::Connection& connection) -> Result<void> {
        std::string sql = fmt::format("SELECT {} FROM saved_views WHERE user_id = ?", kColumns);
        storage::Params params{actor.user_id};
        if (!entity.empty()) {
          sql += " AND entity = ?";
          params.emplace_back(entity);
        }
        return connection.each(sql + " ORDER BY entity, name LIMIT 1000", params, [&](const storage::Row& row) {
          views.push_back(view_json(row));
          return true;
        });
      });
      if (!read) return Response::error(read.error(), request.request_id);
      return Response::json(200, boost::json::serialize(boost::json::object{{"data", std::move(views)}}));
    });
  });

  router.add(http::Method::post, "/api/v1/views", [&records, context](Request& request) {
    return as_caller(context, request, [&](const Actor& actor) {
      auto input = read_input(request, true);
      if (!input) return Response::error(input.error(), request.request_id);
      const EntityLayout* layout = records.by_plural(*input->entity);
      if (!layout) {
        return Response::error(Error{ErrorCode::validation_failed, "the view is not valid",
                                     {{"entity", "UNKNOWN_ENTITY", fmt::format("no entity '{}'", *input->entity)}}},
                               request.request_id);
      }
      const std::string filter = input->filter.value_or("");
      const std::string sort = input->sort.value_or("");
      const auto columns = input->columns.value_or(std::vector<std::string>{});
      if (auto valid = check_as_list(records, *layout, filter, sort, columns, actor); !valid) {
        return Response::error(valid.error(), request.request_id);
      }
      const std::string id = new_id();
      Result<boost::json::object> created = boost::json::object{};
      auto written = records.database().transact([&](storage::Connection& connection) -> Result<void> {
        auto count = connection.query("SELECT COUNT(*), SUM(CASE WHEN name = ? THEN 1 ELSE 0 END) FROM saved_views "
                                      "WHERE user_id = ? AND entity = ?",
                                      {*input->name, actor.user_id, *input->entity});
        if (!count) return count.take_error();
        if (count->rows[0][0].integer() >= static_cast<std::int64_t>(kMaxViewsPerEntity)) {
          return Error{ErrorCode::validation_failed, "too many views",
                       {{"entity", "TOO_MANY_VIEWS", fmt::format("at most {} views per entity", kMaxViewsPerEntity)}}};
        }
        if (!count->rows[0][1].is_null() && count->rows[0][1].integer() > 0) return name_taken();
        const std::string now = utc_now_iso8601();
        auto inserted = connection.execute(
            "INSERT INTO saved_views (id, user_id, entity, name, filter, sort, columns, is_default, created_at, "
            "updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
            {id, actor.user_id, *input->entity, *input->name, filter, sort, columns_text(columns),
             input->is_default.value_or(false) ? 1 : 0, now, now});
        if (!inserted) return inserted.take_error();
        if (input->is_default.value_or(false)) ATRIUM_TRY(write_default(connection, actor.user_id, *input->entity, id));
        created = read_view(connection, id, actor.user_id);
        if (!created) return created.error();
        return {};
      });
      if (!written) return Response::error(written.error(), request.request_id);
      Response response = Response::json(201, boost::json::serialize(*created));
      response.headers.set("Location", "/api/v1/views/" + id);
      return response;
    });
  });

  router.add(http::Method::patch, "/api/v1/views/{id}", [&records, context](Request& request) {
    return as_caller(context, request, [&](const Actor& actor) {
      auto input = read_input(request, false);
      if (!input) return Response::error(input.error(), request.request_id);
      const std::string id(request.path_param("id"));
      Result<boost::json::object> current = boost::json::object{};
      auto read = records.database().read([&](storage::Connection& connection) -> Result<void> {
        current = read_view(connection, id, actor.user_id);
        return {};
      });
      if (!read) return Response::error(read.error(), request.request_id);
      if (!current) return Response::error(current.error(), request.request_id);
      if (const auto* version = request.json.as_object().if_contains("version");
          version && (!version->is_int64() || version->as_int64() != current->at("version").as_int64())) {
        return Response::error(make_error(ErrorCode::version_conflict, "the view changed since you read it"),
                               request.request_id);
      }
      const std::string entity(current->at("entity").as_string());
      const std::string filter = input->filter.value_or(std::string(current->at("filter").as_string()));
      const std::string sort = input->sort.value_or(std::string(current->at("sort").as_string()));
      std::vector<std::string> columns;
      if (input->columns) {
        columns = *input->columns;
      } else {
        for (const auto& column : current->at("columns").as_array()) columns.emplace_back(column.as_string());
      }
      const EntityLayout* layout = records.by_plural(entity);
      if (!layout) return Response::error(make_error(ErrorCode::not_found, "the view's entity is gone"), request.request_id);
      if (auto valid = check_as_list(records, *layout, filter, sort, columns, actor); !valid) {
        return Response::error(valid.error(), request.request_id);
      }
      Result<boost::json::object> updated = boost::json::object{};
      auto written = records.database().transact([&](storage::Connection& connection) -> Result<void> {
        const std::string name = input->name.value_or(std::string(current->at("name").as_string()));
        auto clash = connection.query("SELECT 1 FROM saved_views WHERE user_id = ? AND entity = ? AND name = ? AND id <> ?",
                                      {actor.user_id, entity, name, id});
        if (!clash) return clash.take_error();
        if (!clash->empty()) return name_taken();
        const bool is_default = input->is_default.value_or(current->at("is_default").as_bool());
        auto changed = connection.execute(
            "UPDATE saved_views SET name = ?, filter = ?, sort = ?, columns = ?, is_default = ?, updated_at = ?, "
            "version = version + 1 WHERE id = ? AND user_id = ?",
            {name, filter, sort, columns_text(columns), is_default ? 1 : 0, utc_now_iso8601(), id, actor.user_id});
        if (!changed) return changed.take_error();
        if (is_default) ATRIUM_TRY(write_default(connection, actor.user_id, entity, id));
        updated = read_view(connection, id, actor.user_id);
        if (!updated) return updated.error();
        return {};
      });
      if (!written) return Response::error(written.error(), request.request_id);
      return Response::json(200, boost::json::serialize(*updated));
    });
  });

  router.add(http::Method::del, "/api/v1/views/{id}", [&records, context](Request& request) {
    return as_caller(context, request, [&](const Actor& actor) {
      auto written = records.database().transact([&](storage::Connection& connection) -> Result<void> {
        auto deleted = connection.execute("DELETE FROM saved_views WHERE id = ? AND user_id = ?",
                                          {std::string(request.path_param("id")), actor.user_id});
        if (!deleted) return deleted.take_error();
        if (*deleted == 0) return make_error(ErrorCode::not_found, "no such saved view");
        return {};
      });
      if (!written) return Response::error(written.error(), request.request_id);
      Response response;
      response.status = 204;
      return response;
    });
  });
}

}  // namespace atrium::records
