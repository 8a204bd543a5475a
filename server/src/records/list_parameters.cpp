#include "atrium/records/list_parameters.hpp"

#include <fmt/format.h>

#include <cstdlib>

namespace atrium::records {

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto comma = text.find(',', start);
    const auto end = comma == std::string::npos ? text.size() : comma;
    if (end > start) items.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return items;
}

Result<ListQuery> list_query_of(const http::Request& request) {
  ListQuery query;
  query.filter = request.query("filter").value_or("");
  query.sort = request.query("sort").value_or("");
  query.cursor = request.query("cursor").value_or("");
  query.fields = split_list(request.query("fields").value_or(""));
  query.count = request.query("count").value_or("") == "true";
  if (auto limit = request.query("limit")) {
    char* end = nullptr;
    const long parsed = std::strtol(limit->c_str(), &end, 10);
    if (limit->empty() || *end != '\0' || parsed < 1 || parsed > static_cast<long>(kMaxPageSize)) {
      return Error{ErrorCode::bad_request, "the limit is not valid",
                   {{"limit", "LIMIT_INVALID", fmt::format("a whole number from 1 to {}", kMaxPageSize)}}};
    }
    query.limit = static_cast<std::size_t>(parsed);
  }
  const auto archived = request.query("archived").value_or("");
  if (archived == "include") {
    query.archived = ArchivedRows::include;
  } else if (archived == "only") {
    query.archived = ArchivedRows::only;
  } else if (!archived.empty()) {
    return Error{ErrorCode::bad_request, "archived is not valid", {{"archived", "FIELD_INVALID", "include or only"}}};
  }
  return query;
}

}  // namespace atrium::records
