#include "reminder_rows.hpp"

#include <boost/json/array.hpp>

namespace atrium::workflow {

std::vector<std::string> split_channels(const std::string& text) {
  std::vector<std::string> channels;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = text.find(',', start);
    const std::size_t end = comma == std::string::npos ? text.size() : comma;
    if (end > start) channels.push_back(text.substr(start, end - start));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return channels;
}

std::string join_channels(const std::vector<std::string>& channels) {
  std::string text;
  for (const auto& channel : channels) {
    if (!text.empty()) text += ',';
    text += channel;
  }
  return text;
}

Result<Recurrence> recurrence_of(const storage::Row& row) {
  auto start = parse_local_date_time(row[kStartsAt].text());
  if (!start) return make_error(ErrorCode::internal_error, "a stored reminder has an unreadable start");
  return Recurrence::make(*start, row[kTimeZone].text(), row[kRule].text());
}

boost::json::object reminder_json(const storage::Row& row) {
  boost::json::array channels;
  for (const auto& channel : split_channels(row[kChannels].text())) channels.emplace_back(channel);
  const auto nullable = [](const storage::Value& value) -> boost::json::value {
    if (value.is_null()) return nullptr;
    return boost::json::value(value.text());
  };
  return {{"id", row[kId].text()},
          {"title", row[kTitle].text()},
          {"notes", row[kNotes].text()},
          {"starts_at", row[kStartsAt].text()},
          {"time_zone", row[kTimeZone].text()},
          {"rrule", row[kRule].text()},
          {"entity", nullable(row[kEntity])},
          {"record_id", nullable(row[kRecordId])},
          {"channels", std::move(channels)},
          {"create_task", row[kCreateTask].integer() != 0},
          {"status", row[kStatus].text()},
          {"next_at", nullable(row[kNextAt])},
          {"fired_count", row[kFiredCount].integer()},
          {"last_fired_at", nullable(row[kLastFiredAt])},
          {"created_by_id", row[kCreatedBy].text()},
          {"created_at", row[kCreatedAt].text()},
          {"updated_at", row[kUpdatedAt].text()},
          {"version", row[kVersion].integer()}};
}

}  // namespace atrium::workflow
