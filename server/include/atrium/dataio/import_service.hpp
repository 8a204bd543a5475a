#pragma once
// Imports as background work: an import is a row in `imports` and a chain of batch jobs
// in the durable queue. Each job saves up to kImportBatchRows rows through the record
// service (validation, rights, scopes, audit, search index) in the job's transaction,
// stores the failed rows, counts, and enqueues the next batch in that same transaction,
// so a crash resumes at the batch that did not commit and no batch runs twice.
//
// A row is saved whole or not at all: each row runs in a savepoint that a failure rolls
// back, and the failure goes to the error report; the batch's other rows are saved. A dry
// run takes the same path and rolls every batch back, keeping only its counts and errors.
#include <boost/json/object.hpp>
#include <cstdint>
#include <string>

#include "atrium/access/grants.hpp"
#include "atrium/core/result.hpp"
#include "atrium/core/time.hpp"
#include "atrium/dataio/file_store.hpp"
#include "atrium/records/record_service.hpp"
#include "atrium/workflow/job_context.hpp"

namespace atrium::workflow {
class JobQueue;
class JobRegistry;
}  // namespace atrium::workflow

namespace atrium::dataio {

class DuplicateFinder;

inline constexpr std::size_t kImportBatchRows = 1000;
inline constexpr const char* kImportFilePurpose = "imports";
inline constexpr const char* kImportBatchJob = "import.batch";

class ImportService {
 public:
  ImportService(records::RecordService& records, access::GrantStore& grants, FileStore& files,
                workflow::JobQueue& queue, const Clock& clock, const DuplicateFinder* duplicates = nullptr);

  // The batch job's handler.
  void register_jobs(workflow::JobRegistry& registry);

  // Records an uploaded file (already in the store) as the caller's, with what it holds.
  Result<boost::json::object> add_file(const records::Actor& actor, const StoredFile& file, std::string name);
  // What the file holds: format, separator, sheets, header, the first rows, and for an
  // entity the targets and the suggested mapping (by name, label or address-book preset).
  Result<boost::json::object> describe_file(const std::string& user_id, std::string_view file_id,
                                            const records::EntityLayout* layout, std::string_view sheet);
  // Checks the request, prepares the file, and queues the first batch: 202 material.
  Result<boost::json::object> start(const records::Actor& actor, const boost::json::object& body);
  Result<boost::json::object> get(const std::string& user_id, std::string_view id);
  Result<boost::json::array> list(const std::string& user_id, std::size_t limit);
  Result<boost::json::object> cancel(const std::string& user_id, std::string_view id);
  // The failed rows as CSV: the file's header plus `error`, then each row with its error.
  Result<std::string> error_report(const std::string& user_id, std::string_view id);

  Result<void> run_batch(workflow::JobContext& context);

 private:
  records::RecordService& records_;
  access::GrantStore& grants_;
  FileStore& files_;
  workflow::JobQueue& queue_;
  const Clock& clock_;
  const DuplicateFinder* duplicates_;
};

}  // namespace atrium::dataio
