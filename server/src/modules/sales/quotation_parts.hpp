#pragma once
// The parts of quotations inside the sales module: freezing and comparing revisions,
// printing (their lines are priced as every sales document's: priced_documents.hpp).
#include <boost/json/object.hpp>
#include <string>
#include <string_view>

#include "atrium/core/result.hpp"
#include "atrium/documents/printed_document.hpp"
#include "atrium/records/record_service.hpp"

namespace atrium::sales::quotations {

// The quotation with its lines as they stand: what a revision freezes.
Result<boost::json::object> snapshot(records::RecordService& records, storage::Connection& connection,
                                     std::string_view quotation_id);
// Freezes the quotation's current revision (once: a second call changes nothing).
Result<void> freeze_revision(records::RecordService& records, storage::Connection& connection,
                             std::string_view quotation_id, const std::string& user_id, const std::string& now);
// The frozen revision `number`'s snapshot; NOT_FOUND when there is none.
Result<boost::json::object> frozen_revision(storage::Connection& connection, std::string_view quotation_id,
                                            std::int64_t number);
// The frozen revisions, oldest first, without their lines.
Result<boost::json::array> revision_list(storage::Connection& connection, std::string_view quotation_id);
// What changed from one snapshot to another: header fields, and lines added, removed and
// changed (matched by their id, which a line keeps across revisions).
boost::json::object diff(const boost::json::object& from, const boost::json::object& to);

// A snapshot (as `snapshot` or a frozen revision holds it) as a printed document.
Result<documents::PrintedDocument> printed_quotation(records::RecordService& records, storage::Connection& connection,
                                                     const boost::json::object& snapshot);

}  // namespace atrium::sales::quotations
