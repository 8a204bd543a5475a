#include "atrium/workflow/message_templates.hpp"

#include <fmt/format.h>

#include "atrium/core/id.hpp"
#include "atrium/workflow/merge_fields.hpp"
#include "atrium/workflow/template_parser.hpp"
#include "atrium/workflow/template_renderer.hpp"

namespace atrium::workflow {

namespace {

constexpr const char* kColumns = "id, name, entity, channel, subject, body, version, created_at, updated_at";
constexpr std::size_t kMaxListed = 1000;

MessageTemplate from_row(const storage::Row& row) {
  return MessageTemplate{row[0].text(), row[1].text(), row[2].text(), row[3].text(),
                         row[4].text(), row[5].text(), row[6].integer()};
}

// The parser's errors name the field "template": here they belong to subject or body.
void add_problems(Error& into, const Error& problem, std::string_view field) {
  for (auto field_error : problem.fields) {
    field_error.field = std::string(field);
    into.fields.push_back(std::move(field_error));
  }
}

Error name_taken() {
  return Error{ErrorCode::validation_failed, "the template is not valid",
               {{"name", "UNIQUE_VIOLATION", "another template has this name"}}};
}

}  // namespace

boost::json::object message_template_json(const MessageTemplate& message) {
  return {{"id", message.id},           {"name", message.name}, {"entity", message.entity},
          {"channel", message.channel}, {"subject", message.subject}, {"body", message.body},
          {"version", message.version}};
}

Result<void> MessageTemplates::check(const MessageTemplate& message) const {
  Error invalid{ErrorCode::validation_failed, "the template is not valid", {}};
  if (message.name.empty()) invalid.fields.push_back({"name", "FIELD_REQUIRED", "required"});
  if (message.name.size() > 200) invalid.fields.push_back({"name", "FIELD_TOO_LONG", "at most 200 characters"});
  if (message.channel != "email" && message.channel != "text") {
    invalid.fields.push_back({"channel", "FIELD_INVALID_ENUM", "email or text"});
  }
  if (message.subject.size() > kMaxTemplateSubject) {
    invalid.fields.push_back({"subject", "FIELD_TOO_LONG", fmt::format("at most {} bytes", kMaxTemplateSubject)});
  }
  const bool known_entity = records_.by_name(message.entity) != nullptr;
  if (!known_entity) {
    invalid.fields.push_back({"entity", message.entity.empty() ? "FIELD_REQUIRED" : "UNKNOWN_ENTITY",
                              "the name of an entity, such as account"});
  }
  const std::pair<std::string_view, const std::string*> parts[] = {{"subject", &message.subject},
                                                                   {"body", &message.body}};
  for (const auto& [field, source] : parts) {
    auto parsed = parse_template(*source);
    if (!parsed) {
      add_problems(invalid, parsed.error(), field);
      continue;
    }
    if (!known_entity) continue;
    for (auto& problem : check_merge_fields(records_, message.entity, merge_field_uses(*parsed), field)) {
      invalid.fields.push_back(std::move(problem));
    }
  }
  if (!invalid.fields.empty()) return invalid;
  return {};
}

Result<boost::json::array> MessageTemplates::list(const std::string& entity) {
  boost::json::array items;
  ATRIUM_TRY(records_.database().read([&](storage::Connection& connection) -> Result<void> {
    std::string sql = fmt::format("SELECT {} FROM message_templates", kColumns);
    storage::Params params;
    if (!entity.empty()) {
      sql += " WHERE entity = ?";
      params.emplace_back(entity);
    }
    return connection.each(sql + fmt::format(" ORDER BY name LIMIT {}", kMaxListed), params,
                           [&](const storage::Row& row) {
                             items.push_back(message_template_json(from_row(row)));
                             return true;
                           });
  }));
  return items;
}

Result<MessageTemplate> MessageTemplates::get(storage::Connection& connection, const std::string& id) {
  auto rows = connection.query(fmt::format("SELECT {} FROM message_templates WHERE id = ?", kColumns), {id});
  if (!rows) return rows.take_error();
  if (rows->empty()) return make_error(ErrorCode::not_found, fmt::format("no template with id {}", id));
  return from_row(rows->rows[0]);
}

Result<MessageTemplate> MessageTemplates::get(const std::string& id) {
  Result<MessageTemplate> found = make_error(ErrorCode::not_found, "no such template");
  ATRIUM_TRY(records_.database().read([&](storage::Connection& connection) -> Result<void> {
    found = get(connection, id);
    return {};
  }));
  return found;
}

Result<MessageTemplate> MessageTemplates::create(const MessageTemplate& message, const std::string& user_id) {
  ATRIUM_TRY(check(message));
  const std::string id = new_id();
  const std::string now = to_iso8601(clock_.now());
  Result<MessageTemplate> created = make_error(ErrorCode::internal_error, "not written");
  ATRIUM_TRY(records_.database().transact([&](storage::Connection& connection) -> Result<void> {
    auto clash = connection.query("SELECT 1 FROM message_templates WHERE name = ?", {message.name});
    if (!clash) return clash.take_error();
    if (!clash->empty()) return name_taken();
    auto inserted = connection.execute(
        "INSERT INTO message_templates (id, name, entity, channel, subject, body, created_by_id, created_at, "
        "updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
        {id, message.name, message.entity, message.channel, message.subject, message.body,
         user_id.empty() ? storage::Value() : storage::Value(user_id), now, now});
    if (!inserted) return inserted.take_error();
    created = get(connection, id);
    if (!created) return created.error();
    return {};
  }));
  return created;
}

Result<MessageTemplate> MessageTemplates::update(const MessageTemplate& message,
                                                 std::optional<std::int64_t> expected_version) {
  ATRIUM_TRY(check(message));
  Result<MessageTemplate> updated = make_error(ErrorCode::internal_error, "not written");
  ATRIUM_TRY(records_.database().transact([&](storage::Connection& connection) -> Result<void> {
    auto current = get(connection, message.id);
    if (!current) return current.error();
    if (expected_version && *expected_version != current->version) {
      return make_error(ErrorCode::version_conflict, "the template changed since you read it");
    }
    auto clash = connection.query("SELECT 1 FROM message_templates WHERE name = ? AND id <> ?",
                                  {message.name, message.id});
    if (!clash) return clash.take_error();
    if (!clash->empty()) return name_taken();
    auto changed = connection.execute(
        "UPDATE message_templates SET name = ?, entity = ?, channel = ?, subject = ?, body = ?, updated_at = ?, "
        "version = version + 1 WHERE id = ?",
        {message.name, message.entity, message.channel, message.subject, message.body,
         to_iso8601(clock_.now()), message.id});
    if (!changed) return changed.take_error();
    updated = get(connection, message.id);
    if (!updated) return updated.error();
    return {};
  }));
  return updated;
}

Result<void> MessageTemplates::remove(const std::string& id) {
  return records_.database().transact([&](storage::Connection& connection) -> Result<void> {
    auto deleted = connection.execute("DELETE FROM message_templates WHERE id = ?", {id});
    if (!deleted) return deleted.take_error();
    if (*deleted == 0) return make_error(ErrorCode::not_found, fmt::format("no template with id {}", id));
    return {};
  });
}

Result<RenderedMessage> MessageTemplates::render(const MessageTemplate& message, std::string_view record_id,
                                                 const records::RecordAccess* access) {
  const records::EntityLayout* layout = records_.by_name(message.entity);
  if (!layout) return make_error(ErrorCode::not_found, fmt::format("no entity '{}'", message.entity));
  auto subject = parse_template(message.subject);
  auto body = parse_template(message.body);
  Error invalid{ErrorCode::validation_failed, "the template is not valid", {}};
  if (!subject) add_problems(invalid, subject.error(), "subject");
  if (!body) add_problems(invalid, body.error(), "body");
  if (!invalid.fields.empty()) return invalid;
  auto uses = merge_field_uses(*subject);
  for (auto& use : merge_field_uses(*body)) uses.push_back(std::move(use));
  auto context = merge_context(records_, *layout, record_id, uses, access);
  if (!context) return context.take_error();
  auto subject_text = render_template(*subject, *context, TemplateOutput::text);
  if (!subject_text) add_problems(invalid, subject_text.error(), "subject");
  auto body_text = render_template(*body, *context,
                                   message.channel == "email" ? TemplateOutput::html : TemplateOutput::text);
  if (!body_text) add_problems(invalid, body_text.error(), "body");
  if (!invalid.fields.empty()) return invalid;
  // A subject is one line, whatever the record's values hold.
  std::string one_line = std::move(*subject_text);
  for (auto& c : one_line) {
    if (c == '\r' || c == '\n') c = ' ';
  }
  return RenderedMessage{std::move(one_line), std::move(*body_text)};
}

}  // namespace atrium::workflow
