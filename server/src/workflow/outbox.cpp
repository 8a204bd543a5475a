#include "atrium/workflow/outbox.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "atrium/core/id.hpp"

namespace atrium::workflow {

namespace {

constexpr std::size_t kMaxAddress = 320;
constexpr std::size_t kMaxSubject = 500;
constexpr std::size_t kMaxBody = 1024 * 1024;

bool has_line_break(const std::string& text) { return text.find_first_of("\r\n") != std::string::npos; }

// Enough to refuse what no mail server would take, and header injection: one '@' with
// text on both sides, no spaces or line breaks.
bool plausible_address(const std::string& address) {
  const auto at = address.find('@');
  return !address.empty() && address.size() <= kMaxAddress && at != std::string::npos && at > 0 &&
         at + 1 < address.size() && address.find('@', at + 1) == std::string::npos &&
         std::none_of(address.begin(), address.end(), [](char c) { return c == ' ' || c == '\r' || c == '\n' || c == '\t'; });
}

storage::Value null_if_empty(const std::string& text) { return text.empty() ? storage::Value() : storage::Value(text); }

boost::json::value text_or_null(const storage::Value& value) {
  return value.is_null() ? boost::json::value(nullptr) : boost::json::value(value.text());
}

}  // namespace

Result<std::string> Outbox::queue(storage::Connection& connection, const OutgoingEmail& email) {
  Error invalid{ErrorCode::validation_failed, "the e-mail cannot be queued", {}};
  if (!plausible_address(email.to_address)) {
    invalid.fields.push_back({"to_address", "FIELD_INVALID_EMAIL", "not an e-mail address"});
  }
  if (email.subject.empty() || email.subject.size() > kMaxSubject || has_line_break(email.subject)) {
    invalid.fields.push_back({"subject", "FIELD_INVALID", fmt::format("one line of 1 to {} characters", kMaxSubject)});
  }
  if (email.body_text.size() > kMaxBody || email.body_html.size() > kMaxBody) {
    invalid.fields.push_back({"body", "FIELD_TOO_LONG", "at most 1 MiB"});
  }
  if (!invalid.fields.empty()) return invalid;
  const std::string id = new_id();
  auto inserted = connection.execute(
      "INSERT INTO email_outbox (id, to_address, to_user_id, subject, body_text, body_html, entity, record_id, source, "
      "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {id, email.to_address, null_if_empty(email.to_user_id), email.subject, email.body_text,
       null_if_empty(email.body_html), null_if_empty(email.entity), null_if_empty(email.record_id),
       email.source.empty() ? std::string("system") : email.source, to_iso8601(clock_.now())});
  if (!inserted) return inserted.take_error();
  std::int64_t position = 0;
  for (const auto& attachment_id : email.attachment_ids) {
    ATRIUM_TRY(
        connection.execute("INSERT INTO email_outbox_attachments (email_id, position, attachment_id) VALUES (?, ?, ?)",
                           {id, ++position, attachment_id}));
  }
  return id;
}

Result<boost::json::array> Outbox::list(const std::string& status, int limit) {
  boost::json::array items;
  std::string sql =
      "SELECT id, to_address, to_user_id, subject, body_text, body_html, entity, record_id, source, status, attempts, "
      "last_error, created_at, sent_at FROM email_outbox";
  storage::Params params;
  if (!status.empty()) {
    sql += " WHERE status = ?";
    params.emplace_back(status);
  }
  sql += " ORDER BY created_at DESC, id DESC LIMIT ?";
  params.emplace_back(std::int64_t{limit});
  ATRIUM_TRY(database_.read([&](storage::Connection& connection) {
    return connection.each(sql, params, [&](const storage::Row& row) {
      items.push_back(boost::json::object{{"id", row[0].text()},
                                          {"to_address", row[1].text()},
                                          {"to_user_id", text_or_null(row[2])},
                                          {"subject", row[3].text()},
                                          {"body_text", row[4].text()},
                                          {"body_html", text_or_null(row[5])},
                                          {"entity", text_or_null(row[6])},
                                          {"record_id", text_or_null(row[7])},
                                          {"source", row[8].text()},
                                          {"status", row[9].text()},
                                          {"attempts", row[10].integer()},
                                          {"last_error", text_or_null(row[11])},
                                          {"created_at", row[12].text()},
                                          {"sent_at", text_or_null(row[13])},
                                          {"attachment_ids", boost::json::array()}});
      return true;
    });
  }));
  if (items.empty()) return items;
  // The attachments of the e-mails listed, in one query.
  std::string placeholders;
  storage::Params ids;
  for (const auto& item : items) {
    placeholders += placeholders.empty() ? "?" : ", ?";
    ids.emplace_back(std::string(item.as_object().at("id").as_string()));
  }
  ATRIUM_TRY(database_.read([&](storage::Connection& connection) {
    return connection.each("SELECT email_id, attachment_id FROM email_outbox_attachments WHERE email_id IN (" +
                               placeholders + ") ORDER BY email_id, position",
                           ids, [&](const storage::Row& row) {
                             for (auto& item : items) {
                               auto& email = item.as_object();
                               if (email.at("id").as_string() == row[0].text())
                                 email["attachment_ids"].as_array().push_back(boost::json::value(row[1].text()));
                             }
                             return true;
                           });
  }));
  return items;
}

}  // namespace atrium::workflow
