#pragma once
// The building blocks of OpenAPI operations, shared by the files that add paths: error
// answers by status, content and body shapes, the security of signed-in operations.
#include <boost/json/object.hpp>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

namespace atrium::records::openapi {

// An error an operation may answer, as a reference to components.responses.
struct ErrorAnswer {
  std::string_view status;
  std::string_view name;
  std::string_view description;
};
std::span<const ErrorAnswer> error_answers();

boost::json::object component_ref(std::string_view section, std::string_view name);
boost::json::object json_content(boost::json::value schema);
boost::json::object operation(std::string id, std::string summary, std::string_view tag);
// responses[status] for each status, from the shared error answers.
void add_errors(boost::json::object& op, std::initializer_list<std::string_view> statuses);
// Either a cookie session or an API token. Cookie sessions prove unsafe requests with the
// CSRF token, both needed at once; a bearer token needs none.
void set_security(boost::json::object& op, bool unsafe, bool tokens = true);
void set_public(boost::json::object& op);
boost::json::object id_in_path(std::string_view description);
boost::json::object body_of(std::string_view schema);
boost::json::object answer_of(std::string_view description, boost::json::value schema);
boost::json::object no_content(std::string_view description);
// `{"data": [items]}`: the answer of short lists that need no cursor.
boost::json::object data_of(const std::string& item_ref);
boost::json::object record_answer(std::string_view description, const std::string& schema);

}  // namespace atrium::records::openapi
