#pragma once
// Files kept on records (a drawing on an enquiry, the PDF of a quotation as it was sent):
// each an `attachment` record under its parent, its bytes in the file store under the
// record's id. Saving again under the same reference on the same record makes the next
// version and keeps the earlier ones; only the newest is `latest`.
#include <boost/json/object.hpp>
#include <string>
#include <string_view>

#include "atrium/core/result.hpp"
#include "atrium/dataio/file_store.hpp"
#include "atrium/records/record_service.hpp"

namespace atrium::dataio {

struct NewAttachment {
  std::string parent_type;  // an entity name: "quotation"
  std::string parent_id;
  std::string file_name;
  std::string reference;     // empty: the file name
  std::string content_type;  // empty: application/octet-stream
  std::string description;
  bool generated = false;  // made by Atrium (a PDF), not uploaded
};

inline constexpr std::string_view kAttachmentPurpose = "attachments";
inline constexpr std::string_view kUploadPurpose = "uploads";

class Attachments {
 public:
  Attachments(records::RecordService& records, FileStore& files);

  // Inside the caller's transaction, as `actor` (who needs the right to create attachments
  // and to see the parent): the record, then `file` (kept under kUploadPurpose) moved to
  // be its content. Field errors name `parent_id`, `file_name`, `content_type`, `file`.
  Result<boost::json::object> add_within(storage::Connection& connection, const NewAttachment& attachment,
                                         const StoredFile& file, const records::Actor& actor);
  // The same for bytes the server made (a generated PDF).
  Result<boost::json::object> add_bytes_within(storage::Connection& connection, const NewAttachment& attachment,
                                               std::string_view bytes, const records::Actor& actor);
  // The stored content of an attachment the caller has already been allowed to read.
  Result<StoredFile> content(std::string_view id) const;

  FileStore& files() const { return files_; }

 private:
  records::RecordService& records_;
  FileStore& files_;
};

// What a browser may show in a page of ours rather than download: PDFs and common
// images whose first bytes say they are what their type claims.
bool shows_inline(std::string_view content_type, std::string_view first_bytes);

}  // namespace atrium::dataio
