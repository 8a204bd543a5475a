#pragma once
// "Why may this user (not) see this record?": per action, each right of each role with
// whether its scope takes the record in, the parent's verdict for a child entity, and
// the user's field rights on the entity. For administrators and for users about
// themselves (GET /api/v1/{entity}/{id}/access).
#include <boost/json/object.hpp>

#include "atrium/storage/database.hpp"
#include "record_access.hpp"

namespace atrium::records {

class RecordService;

Result<boost::json::object> explain_access(storage::Database& database, const RecordService& records,
                                           const EntityLayout& layout, std::string_view id,
                                           const RecordAccess& subject);

}  // namespace atrium::records
