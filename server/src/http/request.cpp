#include "atrium/http/request.hpp"

#include <boost/url/parse.hpp>
#include <boost/url/params_view.hpp>


namespace atrium::http {

std::string_view method_name(Method method) {
  switch (method) {
    case Method::get: return "GET";
    case Method::head: return "HEAD";
    case Method::post: return "POST";
    case Method::put: return "PUT";
    case Method::patch: return "PATCH";
    case Method::del: return "DELETE";
    case Method::options: return "OPTIONS";
    case Method::other: return "OTHER";
  }
  return "OTHER";
}

Method parse_method(std::string_view text) {
  if (text == "GET") return Method::get;
  if (text == "HEAD") return Method::head;
  if (text == "POST") return Method::post;
  if (text == "PUT") return Method::put;
  if (text == "PATCH") return Method::patch;
  if (text == "DELETE") return Method::del;
  if (text == "OPTIONS") return Method::options;
  return Method::other;
}

std::optional<Target> parse_target(std::string_view target) {
  auto parsed = boost::urls::parse_origin_form(target);
  if (!parsed) return std::nullopt;
  Target result;
  result.path = std::string(parsed->path());
  result.query_string = std::string(parsed->encoded_query());
  return result;
}

std::optional<std::string> Request::query(std::string_view name) const {
  const std::string origin = "/?" + query_string;
  auto parsed = boost::urls::parse_origin_form(origin);
  if (!parsed) return std::nullopt;
  const auto params = parsed->params();
  auto found = params.find(name);
  if (found == params.end()) return std::nullopt;
  return std::string((*found).value);
}

std::string_view Request::path_param(std::string_view name) const {
  auto found = path_params.find(name);
  return found == path_params.end() ? std::string_view{} : std::string_view(found->second);
}

}  // namespace atrium::http
