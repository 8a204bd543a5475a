#include "atrium/access/people_routes.hpp"

#include <boost/json/serialize.hpp>

namespace atrium::access {

namespace {

constexpr std::size_t kMaxQuery = 100;
constexpr int kMaxPeople = 50;

// LIKE's own wildcards in what the user typed match themselves.
std::string like_pattern(std::string_view typed) {
  std::string out = "%";
  for (char c : typed) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out + "%";
}

}  // namespace

void add_people_routes(http::Router& router, storage::Database& database, const Authenticator& authenticator) {
  router.add(http::Method::get, "/api/v1/people", [&database, &authenticator](http::Request& request) {
    auto principal = authenticator.authenticate(request);
    if (!principal) return http::Response::error(principal.error(), request.request_id);
    const std::string typed = request.query("q").value_or("");
    if (typed.size() > kMaxQuery) {
      return http::Response::error(
          Error{ErrorCode::bad_request, "the search is too long", {{"q", "FIELD_TOO_LONG", "at most 100 characters"}}},
          request.request_id);
    }
    boost::json::array people;
    auto read = database.read([&](storage::Connection& connection) {
      return connection.each(
          "SELECT id, name, username FROM users WHERE active = 1 AND kind = 'staff' AND (LOWER(name) LIKE ? ESCAPE '\\' OR username "
          "LIKE ? ESCAPE '\\') ORDER BY name, id LIMIT ?",
          {like_pattern(typed), like_pattern(typed), kMaxPeople}, [&](const storage::Row& row) {
            people.push_back(
                boost::json::object{{"id", row[0].text()}, {"name", row[1].text()}, {"username", row[2].text()}});
            return true;
          });
    });
    if (!read) return http::Response::error(read.error(), request.request_id);
    return http::Response::json(200, boost::json::serialize(boost::json::object{{"data", std::move(people)}}));
  });
}

}  // namespace atrium::access
