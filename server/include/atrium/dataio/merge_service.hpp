#pragma once
// Merging records that are one party: the survivor takes the chosen values (through the
// record service, so validation, rights and the audit trail hold), every reference to
// the merged records moves to the survivor, the merged records are archived; all in one
// transaction, recorded in `merges` with what an undo needs. An administrator may undo a
// merge within 30 days, unless the survivor changed since.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "atrium/core/result.hpp"
#include "atrium/core/time.hpp"
#include "atrium/records/record_service.hpp"

namespace atrium::dataio {

struct MergeRequest {
  std::string survivor_id;
  std::vector<std::string> merged_ids;
  // API field name → the id of the record (survivor or merged) whose value wins; fields
  // not named keep the survivor's value.
  std::map<std::string, std::string> values;
};

inline constexpr std::size_t kMaxMergedRecords = 10;
inline constexpr auto kMergeUndoWindow = std::chrono::hours(24 * 30);

class MergeService {
 public:
  MergeService(records::RecordService& records, const Clock& clock);

  // The request of `POST /{plural}/merge`, checked for shape (VALIDATION_FAILED naming
  // the field at fault).
  static Result<MergeRequest> parse(const records::EntityLayout& layout, const boost::json::value& body);

  // {"merge": <the merge>, "survivor": <the survivor's record>}.
  Result<boost::json::object> merge(const records::EntityLayout& layout, const MergeRequest& request,
                                    const records::Actor& actor);
  // The merge after its undo. Administrators only.
  Result<boost::json::object> undo(std::string_view merge_id, const records::Actor& actor);
  // Newest first; `entity` empty: all. Administrators only.
  Result<boost::json::array> list(std::string_view entity, std::size_t limit, const records::Actor& actor) const;
  Result<boost::json::object> get(std::string_view merge_id, const records::Actor& actor) const;

 private:
  records::RecordService& records_;
  const Clock& clock_;
};

}  // namespace atrium::dataio
