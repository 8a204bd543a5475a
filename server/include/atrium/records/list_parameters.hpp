#pragma once
// The query parameters that every list-shaped answer reads the same way (the list, related
// lists, exports): filter, sort, cursor, limit, fields, count and archived.
#include <string>
#include <vector>

#include "atrium/core/result.hpp"
#include "atrium/http/request.hpp"
#include "atrium/records/record_service.hpp"

namespace atrium::records {

// "code,,name" → {"code", "name"}.
std::vector<std::string> split_list(const std::string& text);
// BAD_REQUEST naming `limit` or `archived` when either is not valid.
Result<ListQuery> list_query_of(const http::Request& request);

}  // namespace atrium::records
