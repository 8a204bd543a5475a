#include "reminder_input.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string_view>

namespace atrium::workflow {

namespace {

constexpr std::array<std::string_view, 12> kFields{"title",       "notes",     "starts_at", "time_zone",
                                                   "rrule",       "entity",    "record_id", "recipient_ids",
                                                   "channels",    "create_task", "version", "id"};
constexpr std::size_t kMaxIdLength = 64;
constexpr std::size_t kMaxChannels = 2;

}  // namespace

Result<ReminderInput> read_reminder_input(const boost::json::value& body, bool creating) {
  if (!body.is_object()) return make_error(ErrorCode::bad_request, "the body must be a JSON object");
  const auto& object = body.as_object();
  Error invalid{ErrorCode::validation_failed, "the reminder is not valid", {}};
  const auto fail = [&](std::string_view field, std::string_view code, std::string message) {
    invalid.fields.push_back({std::string(field), std::string(code), std::move(message)});
  };
  for (const auto& [key, value] : object) {
    if (std::find(kFields.begin(), kFields.end(), std::string_view(key)) == kFields.end()) {
      fail(key, "UNKNOWN_FIELD", "not a field of a reminder");
    }
  }
  ReminderInput input;
  // A text field: absent leaves it alone; null clears an optional one.
  const auto text = [&](std::string_view name, std::size_t max, std::optional<std::string>& into, bool nullable) {
    const auto* value = object.if_contains(name);
    if (!value) return;
    if (value->is_null() && nullable) {
      into = std::string();
      return;
    }
    if (!value->is_string()) {
      fail(name, "FIELD_INVALID", "text");
      return;
    }
    if (value->as_string().size() > max) {
      fail(name, "FIELD_TOO_LONG", fmt::format("at most {} characters", max));
      return;
    }
    into = std::string(value->as_string());
  };
  const auto id_list = [&](std::string_view name, std::size_t max, std::optional<std::vector<std::string>>& into) {
    const auto* value = object.if_contains(name);
    if (!value) return;
    if (!value->is_array() || value->as_array().size() > max) {
      fail(name, "FIELD_INVALID", fmt::format("a list of at most {} names or ids", max));
      return;
    }
    into.emplace();
    for (const auto& item : value->as_array()) {
      if (!item.is_string() || item.as_string().empty() || item.as_string().size() > kMaxIdLength) {
        fail(name, "FIELD_INVALID", "every item is a non-empty text");
        into.reset();
        return;
      }
      const std::string entry(item.as_string());
      if (std::find(into->begin(), into->end(), entry) == into->end()) into->push_back(entry);
    }
  };
  text("title", kMaxTitleLength, input.title, false);
  text("notes", kMaxNotesLength, input.notes, true);
  text("starts_at", 40, input.starts_at, false);
  text("time_zone", 64, input.time_zone, false);
  text("rrule", 500, input.rrule, true);
  text("entity", 100, input.entity, true);
  text("record_id", kMaxIdLength, input.record_id, true);
  id_list("recipient_ids", 50, input.recipient_ids);
  id_list("channels", kMaxChannels, input.channels);
  if (const auto* value = object.if_contains("create_task")) {
    if (value->is_bool()) input.create_task = value->as_bool();
    else fail("create_task", "FIELD_INVALID", "true or false");
  }
  if (const auto* value = object.if_contains("version"); value && !value->is_null()) {
    if (value->is_int64()) input.version = value->as_int64();
    else fail("version", "FIELD_INVALID", "the version you read");
  }
  if (input.title && input.title->find_first_not_of(" \t\r\n") == std::string::npos) {
    fail("title", "FIELD_REQUIRED", "a reminder needs a title");
  }
  if (creating) {
    if (!object.contains("title")) fail("title", "FIELD_REQUIRED", "a reminder needs a title");
    if (!object.contains("starts_at")) fail("starts_at", "FIELD_REQUIRED", "when the reminder is first due");
  }
  if (input.recipient_ids && input.recipient_ids->empty()) {
    fail("recipient_ids", "FIELD_REQUIRED", "at least one recipient");
  }
  if (input.channels) {
    if (input.channels->empty()) fail("channels", "FIELD_REQUIRED", "in_app, email or both");
    for (const auto& channel : *input.channels) {
      if (channel != "in_app" && channel != "email") {
        fail("channels", "CHANNEL_UNKNOWN", fmt::format("'{}' is not a channel: in_app or email", channel));
      }
    }
  }
  if (!invalid.fields.empty()) return invalid;
  return input;
}

}  // namespace atrium::workflow
