// Dates ("2026-11-22", no time zone) and instants (ISO 8601, stored in UTC with
// microseconds so text order is time order).
#include <fmt/format.h>

#include <chrono>
#include <charconv>

#include "support.hpp"

namespace atrium::metadata::field_types {

namespace {

using records::FilterOperator;
using namespace std::chrono;

bool read_number(std::string_view text, std::size_t at, std::size_t width, int& out) {
  if (at + width > text.size()) return false;
  for (std::size_t i = at; i < at + width; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  std::from_chars(text.data() + at, text.data() + at + width, out);
  return true;
}

std::optional<year_month_day> parse_date(std::string_view text) {
  int y = 0, m = 0, d = 0;
  if (text.size() < 10 || text[4] != '-' || text[7] != '-' || !read_number(text, 0, 4, y) ||
      !read_number(text, 5, 2, m) || !read_number(text, 8, 2, d)) {
    return std::nullopt;
  }
  year_month_day date{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (!date.ok()) return std::nullopt;
  return date;
}

std::string format_date(year_month_day date) {
  return fmt::format("{:04d}-{:02d}-{:02d}", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                     static_cast<unsigned>(date.day()));
}

// "2026-11-22T14:05:00Z", "…T14:05:00.5+01:00", "…T14:05Z" → UTC text with microseconds.
std::optional<std::string> normalise_instant(std::string_view text) {
  auto date = parse_date(text);
  int hour = 0, minute = 0, second = 0;
  if (!date || text.size() < 16 || (text[10] != 'T' && text[10] != ' ') || !read_number(text, 11, 2, hour) ||
      text[13] != ':' || !read_number(text, 14, 2, minute)) {
    return std::nullopt;
  }
  std::size_t at = 16;
  if (at < text.size() && text[at] == ':') {
    if (!read_number(text, at + 1, 2, second)) return std::nullopt;
    at += 3;
  }
  long long micros = 0;
  if (at < text.size() && text[at] == '.') {
    int digits = 0;
    for (++at; at < text.size() && text[at] >= '0' && text[at] <= '9'; ++at, ++digits) {
      if (digits < 6) micros = micros * 10 + (text[at] - '0');
    }
    if (digits == 0) return std::nullopt;
    for (; digits < 6; ++digits) micros *= 10;
  }
  int offset_minutes = 0;
  if (at < text.size() && (text[at] == 'Z' || text[at] == 'z')) {
    ++at;
  } else if (at < text.size() && (text[at] == '+' || text[at] == '-')) {
    int oh = 0, om = 0;
    if (!read_number(text, at + 1, 2, oh) || at + 3 >= text.size() || text[at + 3] != ':' ||
        !read_number(text, at + 4, 2, om) || oh > 23 || om > 59) {
      return std::nullopt;
    }
    offset_minutes = (text[at] == '+' ? 1 : -1) * (oh * 60 + om);
    at += 6;
  } else {
    return std::nullopt;  // an instant without a zone is ambiguous
  }
  if (at != text.size() || hour > 23 || minute > 59 || second > 60) return std::nullopt;
  const auto instant = sys_days(*date) + hours(hour) + minutes(minute - offset_minutes) + seconds(std::min(second, 59)) +
                       microseconds(micros);
  const auto day_start = floor<days>(instant);
  const hh_mm_ss time{duration_cast<microseconds>(instant - day_start)};
  return fmt::format("{}T{:02d}:{:02d}:{:02d}.{:06d}Z", format_date(year_month_day{day_start}), time.hours().count(),
                     time.minutes().count(), time.seconds().count(), time.subseconds().count());
}

bool ordered_operator(FilterOperator op) { return op != FilterOperator::contains && op != FilterOperator::starts; }

class DateType final : public ScalarType {
 public:
  std::string_view name() const override { return "date"; }
  Columns from_json(const boost::json::value& input, const FieldDefinition&) const override {
    auto date = input.is_string() && input.as_string().size() == 10 ? parse_date(input.as_string()) : std::nullopt;
    if (!date) return problem("FIELD_INVALID_DATE", "a date as YYYY-MM-DD");
    return std::vector<storage::Value>{format_date(*date)};
  }
  bool supports(FilterOperator op) const override { return ordered_operator(op); }
  Operand filter_operand(const records::FilterValue& value, const FieldDefinition&) const override {
    auto date = value.kind == records::FilterValue::Kind::string && value.text.size() == 10 ? parse_date(value.text)
                                                                                            : std::nullopt;
    if (!date) return problem("FILTER_TYPE_MISMATCH", "a date as \"YYYY-MM-DD\" or today±Nd");
    return storage::Value(format_date(*date));
  }
};

class DateTimeType final : public ScalarType {
 public:
  std::string_view name() const override { return "datetime"; }
  Columns from_json(const boost::json::value& input, const FieldDefinition&) const override {
    auto instant = input.is_string() ? normalise_instant(input.as_string()) : std::nullopt;
    if (!instant) return problem("FIELD_INVALID_DATETIME", "an ISO 8601 instant with a zone, e.g. 2026-11-22T14:05:00Z");
    return std::vector<storage::Value>{*instant};
  }
  bool supports(FilterOperator op) const override { return ordered_operator(op); }
  Operand filter_operand(const records::FilterValue& value, const FieldDefinition&) const override {
    if (value.kind != records::FilterValue::Kind::string) return problem("FILTER_TYPE_MISMATCH", "an instant");
    // A bare date compares as the start of that day in UTC.
    if (value.text.size() == 10) {
      if (auto date = parse_date(value.text)) return storage::Value(format_date(*date) + "T00:00:00.000000Z");
    }
    auto instant = normalise_instant(value.text);
    if (!instant) return problem("FILTER_TYPE_MISMATCH", "an ISO 8601 instant with a zone");
    return storage::Value(*instant);
  }
};

}  // namespace

void add_time_types(FieldTypeRegistry& registry) {
  registry.add(std::make_unique<DateType>());
  registry.add(std::make_unique<DateTimeType>());
}

}  // namespace atrium::metadata::field_types
