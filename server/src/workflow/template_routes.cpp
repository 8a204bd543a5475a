#include "atrium/workflow/template_routes.hpp"

#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include "../access/admin_support.hpp"
#include "../records/caller.hpp"
#include "atrium/workflow/template_syntax.hpp"

namespace atrium::workflow {

namespace {

using access::admin::BodyReader;
using http::Request;
using http::Response;
using records::Actor;

Result<void> administrator(const Actor& actor) {
  if (!actor.access || actor.access->unrestricted()) return {};
  return make_error(ErrorCode::forbidden, "templates are changed by administrators");
}

Response json(int status, const boost::json::value& body) {
  return Response::json(status, boost::json::serialize(body));
}

// The template's fields from a body; `base` gives the values a PATCH leaves alone.
Result<MessageTemplate> read_template(const Request& request, MessageTemplate base, bool creating,
                                      bool with_record) {
  if (!request.json.is_object()) return make_error(ErrorCode::bad_request, "the body must be a JSON object");
  BodyReader read(request.json.as_object());
  if (with_record) {
    read.only({"name", "entity", "channel", "subject", "body", "record_id"});
  } else {
    read.only({"name", "entity", "channel", "subject", "body", "version"});
  }
  if (auto name = read.text("name", 200, creating && !with_record)) base.name = *name;
  if (auto entity = read.text("entity", 100, creating)) base.entity = *entity;
  if (auto channel = read.text("channel", 20, creating)) base.channel = *channel;
  if (auto subject = read.text("subject", kMaxTemplateSubject, false)) base.subject = *subject;
  if (auto body = read.text("body", kMaxTemplateSize, false)) base.body = *body;
  if (with_record && base.name.empty()) base.name = "preview";
  if (!read.ok()) return read.error("the template is not valid");
  return base;
}

Result<std::string> record_id_of(const Request& request) {
  if (!request.json.is_object()) return make_error(ErrorCode::bad_request, "the body must be a JSON object");
  BodyReader read(request.json.as_object());
  auto id = read.text("record_id", 100, true);
  if (!read.ok()) return read.error("the preview needs a record");
  return *id;
}

Response preview(MessageTemplates& templates, const MessageTemplate& message, const std::string& record_id,
                 const Actor& actor, const Request& request) {
  auto rendered = templates.render(message, record_id, actor.access);
  if (!rendered) return Response::error(rendered.error(), request.request_id);
  return json(200, boost::json::object{{"subject", rendered->subject},
                                       {"body", rendered->body},
                                       {"channel", message.channel},
                                       {"entity", message.entity},
                                       {"record_id", record_id}});
}

}  // namespace

void add_template_routes(http::Router& router, MessageTemplates& templates, records::RecordService& records,
                         const access::Authenticator& authenticator, access::GrantStore& grants) {
  const records::RouteContext context{records, authenticator, grants};

  router.add(http::Method::get, "/api/v1/templates", [&templates, context](Request& request) {
    return records::as_caller(context, request, [&](const Actor&) {
      std::string entity = request.query("entity").value_or("");
      if (entity.size() > 100) entity.resize(100);
      auto items = templates.list(entity);
      if (!items) return Response::error(items.error(), request.request_id);
      return json(200, boost::json::object{{"data", std::move(*items)}});
    });
  });

  router.add(http::Method::post, "/api/v1/templates", [&templates, context](Request& request) {
    return records::as_caller(context, request, [&](const Actor& actor) {
      if (auto allowed = administrator(actor); !allowed) return Response::error(allowed.error(), request.request_id);
      auto input = read_template(request, MessageTemplate{}, true, false);
      if (!input) return Response::error(input.error(), request.request_id);
      auto created = templates.create(*input, actor.user_id);
      if (!created) return Response::error(created.error(), request.request_id);
      Response response = json(201, message_template_json(*created));
      response.headers.set("Location", "/api/v1/templates/" + created->id);
      return response;
    });
  });

  router.add(http::Method::post, "/api/v1/templates/preview", [&templates, context](Request& request) {
    return records::as_caller(context, request, [&](const Actor& actor) {
      auto input = read_template(request, MessageTemplate{}, true, true);
      if (!input) return Response::error(input.error(), request.request_id);
      if (auto valid = templates.check(*input); !valid) return Response::error(valid.error(), request.request_id);
      auto record_id = record_id_of(request);
      if (!record_id) return Response::error(record_id.error(), request.request_id);
      return preview(templates, *input, *record_id, actor, request);
    });
  });

  router.add(http::Method::get, "/api/v1/templates/{id}", [&templates, context](Request& request) {
    return records::as_caller(context, request, [&](const Actor&) {
      auto found = templates.get(std::string(request.path_param("id")));
      if (!found) return Response::error(found.error(), request.request_id);
      return json(200, message_template_json(*found));
    });
  });

  router.add(http::Method::patch, "/api/v1/templates/{id}", [&templates, context](Request& request) {
    return records::as_caller(context, request, [&](const Actor& actor) {
      if (auto allowed = administrator(actor); !allowed) return Response::error(allowed.error(), request.request_id);
      auto current = templates.get(std::string(request.path_param("id")));
      if (!current) return Response::error(current.error(), request.request_id);
      auto input = read_template(request, *current, false, false);
      if (!input) return Response::error(input.error(), request.request_id);
      std::optional<std::int64_t> version;
      if (const auto* given = request.json.as_object().if_contains("version")) {
        if (!given->is_int64()) {
          return Response::error(Error{ErrorCode::validation_failed, "the template is not valid",
                                       {{"version", "FIELD_INVALID", "the version you read"}}},
                                 request.request_id);
        }
        version = given->as_int64();
      }
      auto updated = templates.update(*input, version);
      if (!updated) return Response::error(updated.error(), request.request_id);
      return json(200, message_template_json(*updated));
    });
  });

  router.add(http::Method::del, "/api/v1/templates/{id}", [&templates, context](Request& request) {
    return records::as_caller(context, request, [&](const Actor& actor) {
      if (auto allowed = administrator(actor); !allowed) return Response::error(allowed.error(), request.request_id);
      if (auto removed = templates.remove(std::string(request.path_param("id"))); !removed) {
        return Response::error(removed.error(), request.request_id);
      }
      Response response;
      response.status = 204;
      return response;
    });
  });

  router.add(http::Method::post, "/api/v1/templates/{id}/preview", [&templates, context](Request& request) {
    return records::as_caller(context, request, [&](const Actor& actor) {
      auto found = templates.get(std::string(request.path_param("id")));
      if (!found) return Response::error(found.error(), request.request_id);
      auto record_id = record_id_of(request);
      if (!record_id) return Response::error(record_id.error(), request.request_id);
      return preview(templates, *found, *record_id, actor, request);
    });
  });
}

}  // namespace atrium::workflow
