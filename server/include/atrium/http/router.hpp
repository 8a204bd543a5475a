#pragma once
// Routes by method and path pattern ("/api/v1/accounts/{id}/contacts").
#include <functional>
#include <string>
#include <vector>

#include "atrium/http/request.hpp"
#include "atrium/http/response.hpp"

namespace atrium::http {

using Handler = std::function<Response(Request&)>;

// What a route's request body is. JSON bodies are parsed (and malformed or non-JSON ones
// refused) before the handler runs; a raw body (a CSV, a vCard, an upload streamed to
// `Request::body_file`) reaches the handler as sent, whatever its content type.
enum class BodyKind { json, raw };

struct Route {
  Method method;
  std::string pattern;
  std::vector<std::string> segments;
  Handler handler;
  BodyKind body = BodyKind::json;
};

enum class MatchKind { found, wrong_method, none };

struct Match {
  MatchKind kind = MatchKind::none;
  const Route* route = nullptr;
  std::vector<Method> allowed;  // for 405's Allow header
};

class Router {
 public:
  void add(Method method, std::string pattern, Handler handler, BodyKind body = BodyKind::json);
  // Fills request.path_params on a match.
  Match match(Request& request) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace atrium::http
