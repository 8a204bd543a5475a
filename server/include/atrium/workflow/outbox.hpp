#pragma once
// E-mails to send, queued in the transaction of whatever caused them (a reminder, an
// automation rule, an interim reply). The e-mail module delivers them over SMTP and
// records the outcome; until then they wait with status "queued".
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <string>
#include <vector>

#include "atrium/core/result.hpp"
#include "atrium/core/time.hpp"
#include "atrium/storage/database.hpp"

namespace atrium::workflow {

struct OutgoingEmail {
  std::string to_address;
  std::string to_user_id;  // when the recipient is a user
  std::string subject;
  std::string body_text;
  std::string body_html;   // optional
  std::string entity;      // the record it is about, if any
  std::string record_id;
  std::string source;      // what queued it: "reminder", "automation", …
  // Attachment records it carries, in order (a quotation's PDF as sent).
  std::vector<std::string> attachment_ids;
};

class Outbox {
 public:
  Outbox(storage::Database& database, const Clock& clock) : database_(database), clock_(clock) {}
  // VALIDATION_FAILED naming `to_address` or `subject` when they are missing or malformed.
  Result<std::string> queue(storage::Connection& connection, const OutgoingEmail& email);
  // Newest first, for administrators and tests; `status` empty: every status.
  Result<boost::json::array> list(const std::string& status, int limit);

 private:
  storage::Database& database_;
  const Clock& clock_;
};

}  // namespace atrium::workflow
