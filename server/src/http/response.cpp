#include "atrium/http/response.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

namespace atrium::http {

Response Response::json(int status, std::string body) {
  Response response;
  response.status = status;
  response.headers.set("Content-Type", "application/json");
  response.body = std::move(body);
  return response;
}

Response Response::text(int status, std::string body, std::string content_type) {
  Response response;
  response.status = status;
  response.headers.set("Content-Type", std::move(content_type));
  response.body = std::move(body);
  return response;
}

std::string error_body(const Error& error, std::string_view request_id) {
  boost::json::array fields;
  for (const auto& field : error.fields) {
    fields.push_back({{"field", field.field}, {"code", field.code}, {"message", field.message}});
  }
  boost::json::object inner{{"code", error_code_name(error.code)},
                            {"message", error.message},
                            {"fields", std::move(fields)},
                            {"request_id", request_id}};
  return boost::json::serialize(boost::json::object{{"error", std::move(inner)}});
}

Response Response::error(const Error& error, std::string_view request_id) {
  return json(http_status_of(error.code), error_body(error, request_id));
}

}  // namespace atrium::http
