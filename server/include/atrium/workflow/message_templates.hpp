#pragma once
// Message templates stored as data (table message_templates): name, the entity whose
// records they merge, channel (email: the body is HTML; text: plain), subject and body.
// Saving checks the syntax and every merge field against the entity's definition;
// rendering reads the record with the reader's access.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "atrium/core/result.hpp"
#include "atrium/core/time.hpp"
#include "atrium/records/record_service.hpp"
#include "atrium/storage/database.hpp"

namespace atrium::workflow {

inline constexpr std::size_t kMaxTemplateSubject = 1000;

struct MessageTemplate {
  std::string id;
  std::string name;
  std::string entity;   // an entity's name: "account"
  std::string channel;  // "email" or "text"
  std::string subject;
  std::string body;
  std::int64_t version = 0;
};

struct RenderedMessage {
  std::string subject;  // plain text
  std::string body;     // HTML for e-mail, plain for text
};

class MessageTemplates {
 public:
  MessageTemplates(records::RecordService& records, const Clock& clock) : records_(records), clock_(clock) {}

  // VALIDATION_FAILED naming every problem: a missing or unknown entity or channel,
  // TEMPLATE_SYNTAX (line and column) and TEMPLATE_UNKNOWN_FIELD (the path, line and
  // column) under "subject" or "body".
  Result<void> check(const MessageTemplate& message) const;

  Result<boost::json::array> list(const std::string& entity);
  // NOT_FOUND when there is none.
  Result<MessageTemplate> get(const std::string& id);
  // In the caller's transaction (rules read their templates while they run).
  Result<MessageTemplate> get(storage::Connection& connection, const std::string& id);
  Result<MessageTemplate> create(const MessageTemplate& message, const std::string& user_id);
  // VERSION_CONFLICT when `expected_version` is given and differs.
  Result<MessageTemplate> update(const MessageTemplate& message, std::optional<std::int64_t> expected_version);
  Result<void> remove(const std::string& id);

  // The template merged with the record `record_id`, read with `access` (null: all):
  // NOT_FOUND when the record is out of scope; hidden fields render as nothing.
  Result<RenderedMessage> render(const MessageTemplate& message, std::string_view record_id,
                                 const records::RecordAccess* access);

  records::RecordService& records() const { return records_; }

 private:
  records::RecordService& records_;
  const Clock& clock_;
};

boost::json::object message_template_json(const MessageTemplate& message);

}  // namespace atrium::workflow
