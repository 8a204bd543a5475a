#pragma once
// Master data is not deleted on request: a deletion becomes an approval that someone
// other than the requester decides. Approved, the record is deleted (if nothing refers
// to it by then); rejected, it stays. The workflow engine implements this, so who
// decides follows its approval rules; the record routes only ask for the approval.
#include <boost/json/object.hpp>
#include <string_view>

#include "atrium/core/result.hpp"
#include "atrium/records/entity_layout.hpp"
#include "atrium/records/record_service.hpp"

namespace atrium::records {

class DeletionApprovals {
 public:
  virtual ~DeletionApprovals() = default;
  // The pending approval for deleting the record (an existing one is returned again);
  // REFERENCED when other records refer to it.
  virtual Result<boost::json::object> request(const EntityLayout& layout, std::string_view id,
                                              const Actor& actor) = 0;
};

}  // namespace atrium::records
