#pragma once
// The OpenAPI paths of reminders: /api/v1/reminders, one reminder, and the recipient
// picker.
#include <boost/json/object.hpp>

namespace atrium::records::openapi {

void add_reminder_paths(boost::json::object& paths);

}  // namespace atrium::records::openapi
