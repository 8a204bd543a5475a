#include "atrium/http/router.hpp"

#include <stdexcept>

namespace atrium::http {

namespace {
std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> segments;
  std::size_t start = 1;  // paths start with '/'
  while (start <= path.size()) {
    const auto end = path.find('/', start);
    const auto stop = end == std::string_view::npos ? path.size() : end;
    segments.emplace_back(path.substr(start, stop - start));
    start = stop + 1;
  }
  return segments;
}

bool is_parameter(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

bool segments_match(const Route& route, const std::vector<std::string>& segments) {
  if (route.segments.size() != segments.size()) return false;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    if (is_parameter(route.segments[i])) {
      if (segments[i].empty()) return false;
    } else if (route.segments[i] != segments[i]) {
      return false;
    }
  }
  return true;
}
}  // namespace

void Router::add(Method method, std::string pattern, Handler handler, BodyKind body) {
  if (pattern.empty() || pattern.front() != '/') throw std::invalid_argument("route pattern must start with /");
  Route route{method, pattern, split_path(pattern), std::move(handler), body};
  routes_.push_back(std::move(route));
}

Match Router::match(Request& request) const {
  const auto segments = split_path(request.path);
  Match result;
  for (const auto& route : routes_) {
    if (!segments_match(route, segments)) continue;
    const bool head_as_get = request.method == Method::head && route.method == Method::get;
    if (route.method == request.method || head_as_get) {
      result.kind = MatchKind::found;
      result.route = &route;
      for (std::size_t i = 0; i < segments.size(); ++i) {
        if (is_parameter(route.segments[i])) {
          request.path_params[route.segments[i].substr(1, route.segments[i].size() - 2)] = segments[i];
        }
      }
      return result;
    }
    result.kind = MatchKind::wrong_method;
    result.allowed.push_back(route.method);
  }
  return result;
}

}  // namespace atrium::http
