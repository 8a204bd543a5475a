#include "atrium/workflow/schedule.hpp"

#include <fmt/format.h>

#include <charconv>
#include <optional>
#include <vector>

namespace atrium::workflow {

namespace {

using std::chrono::seconds;

// Slots at offset + k · period since the epoch.
class IntervalSchedule final : public Schedule {
 public:
  IntervalSchedule(std::string text, seconds period, seconds offset)
      : text_(std::move(text)), period_(period), offset_(offset) {}

  TimePoint next_after(TimePoint time) const override {
    const auto since = std::chrono::duration_cast<std::chrono::microseconds>(time.time_since_epoch()) -
                       std::chrono::duration_cast<std::chrono::microseconds>(offset_);
    const auto period = std::chrono::duration_cast<std::chrono::microseconds>(period_);
    auto slots = since.count() / period.count();
    if (since.count() < 0 && since.count() % period.count() != 0) --slots;  // floor, not toward zero
    return TimePoint(std::chrono::duration_cast<TimePoint::duration>(offset_ + period * (slots + 1)));
  }
  const std::string& text() const override { return text_; }

 private:
  std::string text_;
  seconds period_;
  seconds offset_;
};

std::vector<std::string_view> words_of(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t start = 0;
  while (start < text.size()) {
    while (start < text.size() && text[start] == ' ') ++start;
    std::size_t end = start;
    while (end < text.size() && text[end] != ' ') ++end;
    if (end > start) words.push_back(text.substr(start, end - start));
    start = end;
  }
  return words;
}

std::optional<int> number_of(std::string_view word, int low, int high) {
  int value = 0;
  const auto* end = word.data() + word.size();
  auto [rest, problem] = std::from_chars(word.data(), end, value);
  if (problem != std::errc() || rest != end || value < low || value > high) return std::nullopt;
  return value;
}

std::optional<seconds> unit_of(std::string_view word) {
  if (word.ends_with('s')) word.remove_suffix(1);
  if (word == "second") return seconds(1);
  if (word == "minute") return seconds(60);
  if (word == "hour") return seconds(3600);
  if (word == "day") return seconds(86400);
  return std::nullopt;
}

// "HH:MM" → seconds after midnight.
std::optional<seconds> time_of_day(std::string_view word) {
  if (word.size() != 5 || word[2] != ':') return std::nullopt;
  auto hours = number_of(word.substr(0, 2), 0, 23);
  auto minutes = number_of(word.substr(3, 2), 0, 59);
  if (!hours || !minutes) return std::nullopt;
  return seconds(*hours * 3600 + *minutes * 60);
}

}  // namespace

Result<std::unique_ptr<Schedule>> parse_schedule(std::string_view text) {
  const auto invalid = [&] {
    return make_error(ErrorCode::validation_failed,
                      fmt::format("schedule \"{}\": expected \"every N seconds|minutes|hours|days\", "
                                  "optionally \"at HH:MM\" (UTC) after days",
                                  text));
  };
  auto words = words_of(text);
  if (words.size() < 2 || words[0] != "every") return invalid();
  std::size_t next = 1;
  int count = 1;
  if (auto number = number_of(words[next], 1, 1'000'000)) {
    count = *number;
    ++next;
  }
  if (next >= words.size()) return invalid();
  auto unit = unit_of(words[next++]);
  if (!unit) return invalid();
  seconds offset(0);
  if (next < words.size()) {
    // "at" only after days: an hour's or a minute's slots have no time of day.
    if (*unit != seconds(86400) || words[next] != "at" || next + 2 != words.size()) return invalid();
    auto at = time_of_day(words[next + 1]);
    if (!at) return invalid();
    offset = *at;
  }
  return std::unique_ptr<Schedule>(new IntervalSchedule(std::string(text), *unit * count, offset));
}

}  // namespace atrium::workflow
