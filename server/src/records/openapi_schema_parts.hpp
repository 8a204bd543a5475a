#pragma once
// Small JSON Schema pieces the schema files share.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <string_view>

namespace atrium::records::openapi {

// The actions of rights, in their API names.
boost::json::array action_names();
// {"$ref": "#/components/schemas/<name>"}
boost::json::object schema_ref_object(std::string_view name);
boost::json::object string_property();
boost::json::object date_time();
// An array of strings, described.
boost::json::object strings(std::string_view description);

}  // namespace atrium::records::openapi
