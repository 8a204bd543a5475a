#pragma once
// The references a merge moves: every link, link list and parent field of every entity
// in the catalog that can point at the merged entity, found from the definitions (so an
// entity added later is covered without a change here). Each move is one row's field,
// remembered with its value before, so an undo can put it back exactly.
#include <boost/json/array.hpp>
#include <string>
#include <vector>

#include "atrium/core/result.hpp"
#include "atrium/records/entity_layout.hpp"
#include "atrium/records/record_service.hpp"
#include "atrium/storage/database.hpp"

namespace atrium::dataio {

struct ReferenceChange {
  std::string user_id;
  std::string at;      // ISO 8601
  std::string action;  // the audit entry's action: "merge" or "unmerge"
};

// Points every reference to one of `merged_ids` at `survivor_id`; rows of the merge
// itself (a survivor whose parent was a merged record) are left alone. Returns the moves:
// [{"entity","id","field","before","after"}], `before`/`after` being the stored values.
Result<boost::json::array> move_references(storage::Connection& connection, records::RecordService& records,
                                           const records::EntityLayout& target, const std::string& survivor_id,
                                           const std::vector<std::string>& merged_ids,
                                           const ReferenceChange& change);

// Puts back the moves of `moved` whose field still holds the value the merge gave it; a
// reference changed since stays as it is now. Returns how many were restored.
Result<std::size_t> restore_references(storage::Connection& connection, records::RecordService& records,
                                       const boost::json::array& moved, const ReferenceChange& change);

}  // namespace atrium::dataio
