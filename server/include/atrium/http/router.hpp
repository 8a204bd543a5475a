#pragma once
// Routes by method and path pattern ("/api/v1/accounts/{id}/contacts").
#include <functional>
#include <string>
#include <vector>

#include "atrium/http/request.hpp"
#include "atrium/http/response.hpp"

namespace atrium::http {

using Handler = std::function<Response(Request&)>;

struct Route {
  Method method;
  std::string pattern;
  std::vector<std::string> segments;
  Handler handler;
};

enum class MatchKind { found, wrong_method, none };

struct Match {
  MatchKind kind = MatchKind::none;
  const Route* route = nullptr;
  std::vector<Method> allowed;  // for 405's Allow header
};

class Router {
 public:
  void add(Method method, std::string pattern, Handler handler);
  // Fills request.path_params on a match.
  Match match(Request& request) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace atrium::http
