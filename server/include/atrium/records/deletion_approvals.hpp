#pragma once
// Master data is not deleted on request: a deletion becomes an approval that another
// administrator decides. Approved, the record is deleted (if nothing refers to it by
// then); rejected, it stays.
#include <boost/json/object.hpp>

#include "atrium/core/time.hpp"
#include "atrium/records/record_service.hpp"

namespace atrium::records {

class DeletionApprovals {
 public:
  DeletionApprovals(storage::Database& database, RecordService& records, const Clock& clock)
      : database_(database), records_(records), clock_(clock) {}

  // The pending approval for deleting the record (an existing one is returned again);
  // REFERENCED when other records refer to it.
  Result<boost::json::object> request(const EntityLayout& layout, std::string_view id, const Actor& actor);
  Result<boost::json::object> decide(std::string_view approval_id, bool approve, const std::string& remarks,
                                     const Actor& actor);
  Result<boost::json::object> get(std::string_view approval_id);
  Result<boost::json::array> list(std::string_view status);

 private:
  storage::Database& database_;
  RecordService& records_;
  const Clock& clock_;
};

}  // namespace atrium::records
