#pragma once
// What the access administration needs to know of entities, answered by the record
// service: entity and field names, whether a scope rule compiles, whether a record exists.
#include "atrium/access/access_admin_routes.hpp"
#include "atrium/records/record_service.hpp"

namespace atrium::records {

access::AccessSchema access_schema(const RecordService& records);

}  // namespace atrium::records
