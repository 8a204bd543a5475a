// Import templates: a user's named mappings and options per entity, to load in the wizard.
#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include "../records/caller.hpp"
#include "atrium/core/id.hpp"
#include "atrium/core/json_body.hpp"
#include "atrium/dataio/import_routes.hpp"
#include "atrium/dataio/import_settings.hpp"

namespace atrium::dataio {

namespace {

using http::Request;
using http::Response;
using records::Actor;

constexpr std::int64_t kMaxTemplatesPerEntity = 100;

boost::json::object template_json(const storage::Row& row) {
  auto settings = parse_json(row[3].text());
  return {{"id", row[0].text()},
          {"entity", row[1].text()},
          {"name", row[2].text()},
          {"settings", settings && settings->is_object() ? std::move(*settings) : boost::json::object{}},
          {"created_at", row[4].text()},
          {"updated_at", row[5].text()}};
}

}  // namespace

void add_import_template_routes(http::Router& router, records::RecordService& records,
                                const access::Authenticator& authenticator, access::GrantStore& grants) {
  const records::RouteContext context{records, authenticator, grants};

  router.add(http::Method::get, "/api/v1/import-templates", [&records, context](Request& request) {
    return records::as_caller(context, request, [&](const Actor& actor) {
      const auto entity = request.query("entity").value_or("");
      boost::json::array templates;
      auto read = records.database().read([&](storage::Connection& connection) -> Result<void> {
        auto rows = connection.query(
            "SELECT id, entity, name, settings, created_at, updated_at FROM import_templates WHERE user_id = ? AND "
            "(entity = ? OR ? = '') ORDER BY entity, name",
            {actor.user_id, entity, entity});
        if (!rows) return rows.take_error();
        for (const auto& row : rows->rows) templates.push_back(template_json(row));
        return {};
      });
      if (!read) return Response::error(read.error(), request.request_id);
      return Response::json(200, boost::json::serialize(boost::json::object{{"data", std::move(templates)}}));
    });
  });

  router.add(http::Method::post, "/api/v1/import-templates", [&records, context](Request& request) {
    return records::as_caller(context, request, [&](const Actor& actor) {
      if (!request.json.is_object()) {
        return Response::error(make_error(ErrorCode::bad_request, "the body must be a JSON object"),
                               request.request_id);
      }
      const auto& body = request.json.as_object();
      Error invalid{ErrorCode::validation_failed, "the template is not valid", {}};
      const auto* entity = body.if_contains("entity");
      const auto* name = body.if_contains("name");
      const records::EntityLayout* layout =
          entity && entity->is_string() ? records.by_plural(std::string_view(entity->as_string())) : nullptr;
      if (!layout) invalid.fields.push_back({"entity", "UNKNOWN_ENTITY", "the plural of an entity, e.g. accounts"});
      if (!name || !name->is_string() || name->as_string().empty() || name->as_string().size() > 100) {
        invalid.fields.push_back({"name", "FIELD_REQUIRED", "a name of at most 100 characters"});
      }
      for (const auto& [key, value] : body) {
        static constexpr std::string_view kKnown[] = {"entity",     "name",       "mapping",  "date_format",
                                                      "mode",       "key_field",  "duplicates", "currency",
                                                      "decimal_separator"};
        if (std::find(std::begin(kKnown), std::end(kKnown), std::string_view(key)) == std::end(kKnown)) {
          invalid.fields.push_back({std::string(key), "UNKNOWN_FIELD", "not a setting of a template"});
        }
      }
      auto settings = read_import_settings(body);
      if (!settings) {
        for (const auto& field : settings.error().fields) invalid.fields.push_back(field);
      } else if (layout) {
        const auto targets = import_targets(*layout);
        for (const auto& [column, target] : settings->mapping) {
          if (!find_target(targets, target)) {
            invalid.fields.push_back({fmt::format("mapping.{}", column), "UNKNOWN_FIELD",
                                      fmt::format("'{}' is not a field an import can fill", target)});
          }
        }
      }
      if (!invalid.fields.empty()) return Response::error(invalid, request.request_id);
      const std::string id = new_id();
      const std::string now = utc_now_iso8601();
      const std::string template_name(name->as_string());
      auto saved = records.database().transact([&](storage::Connection& connection) -> Result<void> {
        auto existing = connection.query(
            "SELECT COUNT(*), SUM(CASE WHEN name = ? THEN 1 ELSE 0 END) FROM import_templates WHERE user_id = ? AND "
            "entity = ?",
            {template_name, actor.user_id, layout->entity().plural});
        if (!existing) return existing.take_error();
        const auto& counted = existing->rows[0];
        if (!counted[1].is_null() && counted[1].integer() > 0) {
          return Error{ErrorCode::conflict, "a template of this name exists",
                       {{"name", "NAME_TAKEN", "choose another name or delete the other template"}}};
        }
        if (counted[0].integer() >= kMaxTemplatesPerEntity) {
          return Error{ErrorCode::validation_failed, "too many templates",
                       {{"name", "TOO_MANY_TEMPLATES", fmt::format("at most {} per entity", kMaxTemplatesPerEntity)}}};
        }
        auto inserted = connection.execute(
            "INSERT INTO import_templates (id, user_id, entity, name, settings, created_at, updated_at) VALUES (?, ?, "
            "?, ?, ?, ?, ?)",
            {id, actor.user_id, layout->entity().plural, template_name,
             boost::json::serialize(import_settings_json(*settings)), now, now});
        if (!inserted) return inserted.take_error();
        return {};
      });
      if (!saved) return Response::error(saved.error(), request.request_id);
      boost::json::object created{{"id", id},
                                  {"entity", layout->entity().plural},
                                  {"name", template_name},
                                  {"settings", import_settings_json(*settings)},
                                  {"created_at", now},
                                  {"updated_at", now}};
      return Response::json(201, boost::json::serialize(created));
    });
  });

  router.add(http::Method::del, "/api/v1/import-templates/{id}", [&records, context](Request& request) {
    return records::as_caller(context, request, [&](const Actor& actor) {
      auto removed = records.database().transact([&](storage::Connection& connection) -> Result<void> {
        auto changed = connection.execute("DELETE FROM import_templates WHERE id = ? AND user_id = ?",
                                          {std::string(request.path_param("id")), actor.user_id});
        if (!changed) return changed.take_error();
        if (*changed == 0) return make_error(ErrorCode::not_found, "no such import template");
        return {};
      });
      if (!removed) return Response::error(removed.error(), request.request_id);
      Response response;
      response.status = 204;
      return response;
    });
  });
}

}  // namespace atrium::dataio
