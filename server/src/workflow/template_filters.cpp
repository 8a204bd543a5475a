#include "atrium/workflow/template_filters.hpp"

#include <boost/json/string.hpp>
#include <charconv>
#include <fmt/format.h>
#include <functional>
#include <map>

namespace atrium::workflow {

namespace {

using boost::json::value;
using Arguments = std::vector<value>;

Error render_error(std::string_view filter, std::string_view detail) {
  const std::string message = fmt::format("the filter '{}': {}", filter, detail);
  return Error{ErrorCode::validation_failed, message, {{"template", "TEMPLATE_RENDER", message}}};
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::size_t code_points(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return count;
}

// The first `count` code points of the text.
std::string_view first_code_points(std::string_view text, std::size_t count) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (seen == count) return text.substr(0, i);
      ++seen;
    }
  }
  return text;
}

std::optional<std::int64_t> read_integer(const value& input) {
  if (input.is_int64()) return input.as_int64();
  if (input.is_uint64() && input.as_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
    return static_cast<std::int64_t>(input.as_uint64());
  }
  if (input.is_string()) {
    const auto& text = input.as_string();
    std::int64_t number = 0;
    const auto [stop, failure] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (failure == std::errc() && stop == text.data() + text.size()) return number;
  }
  if (input.is_null()) return 0;
  return std::nullopt;
}

std::string upper(std::string text) {
  for (auto& c : text) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return text;
}

std::string lower(std::string text) {
  for (auto& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

// "1234.5" rounded half-up to two places, with thousands separated: "1,234.50".
std::string money_text(const ExactDecimal& decimal) {
  std::string whole = decimal.whole.empty() ? "0" : decimal.whole;
  std::string cents = decimal.fraction.substr(0, std::min<std::size_t>(2, decimal.fraction.size()));
  while (cents.size() < 2) cents.push_back('0');
  if (decimal.fraction.size() > 2 && decimal.fraction[2] >= '5') {
    // Carry through the cents into the whole part.
    std::string digits = whole + cents;
    int position = static_cast<int>(digits.size()) - 1;
    while (position >= 0) {
      if (digits[static_cast<std::size_t>(position)] == '9') {
        digits[static_cast<std::size_t>(position)] = '0';
        --position;
      } else {
        ++digits[static_cast<std::size_t>(position)];
        break;
      }
    }
    if (position < 0) digits.insert(digits.begin(), '1');
    whole = digits.substr(0, digits.size() - 2);
    cents = digits.substr(digits.size() - 2);
  }
  std::string grouped;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) grouped.push_back(',');
    grouped.push_back(whole[i]);
  }
  const bool zero = whole == "0" && cents == "00";
  return fmt::format("{}{}.{}", decimal.negative && !zero ? "-" : "", grouped, cents);
}

Result<value> money(const value& input, const Arguments& arguments) {
  std::string currency;
  value amount = input;
  if (input.is_object()) {
    const auto& object = input.as_object();
    if (const auto* found = object.if_contains("currency"); found && found->is_string()) {
      currency = std::string(found->as_string());
    }
    const auto* found = object.if_contains("amount");
    amount = found ? *found : value(nullptr);
  }
  if (!arguments.empty()) {
    if (!arguments[0].is_string()) return render_error("money", "the currency is a code such as \"EUR\"");
    currency = std::string(arguments[0].as_string());
  }
  if (amount.is_null()) return value(boost::json::string());
  const auto decimal = read_decimal(amount);
  if (!decimal) return render_error("money", "the value is not an amount");
  std::string text = money_text(*decimal);
  if (!currency.empty()) text += " " + currency;
  return value(boost::json::string(text));
}

const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                               "July",    "August",   "September", "October", "November", "December"};
const char* const kWeekdays[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

struct CivilTime {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
};

bool read_digits(std::string_view text, std::size_t at, std::size_t count, int& into) {
  if (at + count > text.size()) return false;
  into = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    into = into * 10 + (text[i] - '0');
  }
  return true;
}

// "2027-01-31" or "2027-01-31T09:00:00[.ffffff]Z" (instants are UTC on the wire).
std::optional<CivilTime> read_time(std::string_view text) {
  CivilTime time;
  if (!read_digits(text, 0, 4, time.year) || text.size() < 10 || text[4] != '-' || text[7] != '-' ||
      !read_digits(text, 5, 2, time.month) || !read_digits(text, 8, 2, time.day)) {
    return std::nullopt;
  }
  if (time.month < 1 || time.month > 12 || time.day < 1 || time.day > 31) return std::nullopt;
  if (text.size() > 10) {
    if ((text[10] != 'T' && text[10] != ' ') || text.size() < 16 || !read_digits(text, 11, 2, time.hour) ||
        text[13] != ':' || !read_digits(text, 14, 2, time.minute)) {
      return std::nullopt;
    }
    if (text.size() >= 19 && text[16] == ':' && !read_digits(text, 17, 2, time.second)) return std::nullopt;
    if (time.hour > 23 || time.minute > 59 || time.second > 60) return std::nullopt;
  }
  return time;
}

// 0 = Sunday (Sakamoto's method).
int weekday(int year, int month, int day) {
  static const int offsets[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  if (month < 3) year -= 1;
  return (year + year / 4 - year / 100 + year / 400 + offsets[month - 1] + day) % 7;
}

Result<value> date(const value& input, const Arguments& arguments) {
  if (input.is_null()) return value(boost::json::string());
  if (!input.is_string()) return input;
  const auto time = read_time(input.as_string());
  // What is not a date is shown as it is, as Liquid does.
  if (!time) return input;
  std::string format = "%Y-%m-%d";
  if (!arguments.empty()) {
    if (!arguments[0].is_string()) return render_error("date", "the format is text such as \"%d %B %Y\"");
    format = std::string(arguments[0].as_string());
  }
  std::string out;
  for (std::size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%' || i + 1 == format.size()) {
      out.push_back(format[i]);
      continue;
    }
    const char directive = format[++i];
    switch (directive) {
      case 'Y': out += fmt::format("{:04}", time->year); break;
      case 'y': out += fmt::format("{:02}", time->year % 100); break;
      case 'm': out += fmt::format("{:02}", time->month); break;
      case 'd': out += fmt::format("{:02}", time->day); break;
      case 'e': out += fmt::format("{}", time->day); break;
      case 'H': out += fmt::format("{:02}", time->hour); break;
      case 'I': out += fmt::format("{:02}", time->hour % 12 == 0 ? 12 : time->hour % 12); break;
      case 'M': out += fmt::format("{:02}", time->minute); break;
      case 'S': out += fmt::format("{:02}", time->second); break;
      case 'p': out += time->hour < 12 ? "AM" : "PM"; break;
      case 'B': out += kMonths[time->month - 1]; break;
      case 'b': out += std::string(kMonths[time->month - 1]).substr(0, 3); break;
      case 'A': out += kWeekdays[weekday(time->year, time->month, time->day)]; break;
      case 'a': out += std::string(kWeekdays[weekday(time->year, time->month, time->day)]).substr(0, 3); break;
      case 'F': out += fmt::format("{:04}-{:02}-{:02}", time->year, time->month, time->day); break;
      case 'T': out += fmt::format("{:02}:{:02}:{:02}", time->hour, time->minute, time->second); break;
      case '%': out.push_back('%'); break;
      default:
        out.push_back('%');
        out.push_back(directive);
    }
  }
  return value(boost::json::string(out));
}

Result<value> arithmetic(std::string_view name, const value& input, const Arguments& arguments) {
  const auto left = read_integer(input);
  const auto right = read_integer(arguments[0]);
  if (!left || !right) return render_error(name, "works on whole numbers");
  std::int64_t result = 0;
  const bool overflow = name == "plus" ? __builtin_add_overflow(*left, *right, &result)
                                       : __builtin_sub_overflow(*left, *right, &result);
  if (overflow) return render_error(name, "the result is too large");
  return value(result);
}

using FilterFunction = std::function<Result<value>(const value&, const Arguments&)>;

struct FilterEntry {
  TemplateFilterShape shape;
  FilterFunction apply;
};

value text_value(std::string text) { return value(boost::json::string(text)); }

const std::map<std::string, FilterEntry, std::less<>>& filters() {
  static const std::map<std::string, FilterEntry, std::less<>> table{
      {"money", {{0, 1}, money}},
      {"date", {{0, 1}, date}},
      {"upcase", {{0, 0}, [](const value& input, const Arguments&) -> Result<value> {
                    return text_value(upper(template_text(input)));
                  }}},
      {"downcase", {{0, 0}, [](const value& input, const Arguments&) -> Result<value> {
                      return text_value(lower(template_text(input)));
                    }}},
      {"capitalize", {{0, 0}, [](const value& input, const Arguments&) -> Result<value> {
                        std::string text = lower(template_text(input));
                        if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 32);
                        return text_value(std::move(text));
                      }}},
      {"default", {{1, 1}, [](const value& input, const Arguments& arguments) -> Result<value> {
                     const bool missing = input.is_null() || (input.is_bool() && !input.as_bool()) ||
                                          (input.is_string() && input.as_string().empty());
                     return missing ? arguments[0] : input;
                   }}},
      {"escape", {{0, 0}, [](const value& input, const Arguments&) -> Result<value> {
                    return text_value(escape_html(template_text(input)));
                  }}},
      {"raw", {{0, 0}, [](const value& input, const Arguments&) -> Result<value> { return input; }}},
      {"size", {{0, 0}, [](const value& input, const Arguments&) -> Result<value> {
                  if (input.is_array()) return value(static_cast<std::int64_t>(input.as_array().size()));
                  if (input.is_object()) return value(static_cast<std::int64_t>(input.as_object().size()));
                  if (input.is_string()) return value(static_cast<std::int64_t>(code_points(input.as_string())));
                  return value(std::int64_t{0});
                }}},
      {"truncate", {{1, 2}, [](const value& input, const Arguments& arguments) -> Result<value> {
                      const auto length = read_integer(arguments[0]);
                      if (!length || *length < 0) return render_error("truncate", "the length is a whole number");
                      const std::string ellipsis =
                          arguments.size() > 1 ? template_text(arguments[1]) : std::string("...");
                      const std::string text = template_text(input);
                      const auto limit = static_cast<std::size_t>(*length);
                      if (code_points(text) <= limit) return text_value(text);
                      // As in Liquid, the ellipsis counts towards the length.
                      const std::size_t keep = limit > code_points(ellipsis) ? limit - code_points(ellipsis) : 0;
                      return text_value(std::string(first_code_points(text, keep)) + ellipsis);
                    }}},
      {"strip", {{0, 0}, [](const value& input, const Arguments&) -> Result<value> {
                   const std::string text = template_text(input);
                   std::size_t begin = 0;
                   std::size_t end = text.size();
                   while (begin < end && is_space(text[begin])) ++begin;
                   while (end > begin && is_space(text[end - 1])) --end;
                   return text_value(text.substr(begin, end - begin));
                 }}},
      {"plus", {{1, 1}, [](const value& input, const Arguments& arguments) {
                  return arithmetic("plus", input, arguments);
                }}},
      {"minus", {{1, 1}, [](const value& input, const Arguments& arguments) {
                   return arithmetic("minus", input, arguments);
                 }}},
      {"join", {{0, 1}, [](const value& input, const Arguments& arguments) -> Result<value> {
                  if (!input.is_array()) return text_value(template_text(input));
                  const std::string separator = arguments.empty() ? std::string(" ") : template_text(arguments[0]);
                  std::string out;
                  bool first = true;
                  for (const auto& item : input.as_array()) {
                    if (!first) out += separator;
                    out += template_text(item);
                    first = false;
                  }
                  return text_value(std::move(out));
                }}},
  };
  return table;
}

}  // namespace

std::optional<TemplateFilterShape> template_filter_shape(std::string_view name) {
  const auto found = filters().find(name);
  if (found == filters().end()) return std::nullopt;
  return found->second.shape;
}

const std::vector<std::string>& template_filter_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> all;
    for (const auto& [name, entry] : filters()) all.push_back(name);
    return all;
  }();
  return names;
}

Result<value> apply_template_filter(std::string_view name, const value& input, const Arguments& arguments) {
  const auto found = filters().find(name);
  if (found == filters().end()) return render_error(name, "no such filter");
  return found->second.apply(input, arguments);
}

std::string template_text(const value& input) {
  switch (input.kind()) {
    case boost::json::kind::null: return {};
    case boost::json::kind::bool_: return input.as_bool() ? "true" : "false";
    case boost::json::kind::int64: return std::to_string(input.as_int64());
    case boost::json::kind::uint64: return std::to_string(input.as_uint64());
    case boost::json::kind::double_: return fmt::format("{}", input.as_double());
    case boost::json::kind::string: return std::string(input.as_string());
    case boost::json::kind::array: {
      std::string out;
      for (const auto& item : input.as_array()) out += template_text(item);
      return out;
    }
    case boost::json::kind::object: {
      const auto& object = input.as_object();
      const auto* amount = object.if_contains("amount");
      const auto* currency = object.if_contains("currency");
      if (amount && currency) return fmt::format("{} {}", template_text(*amount), template_text(*currency));
      std::string out;
      for (const auto& [key, item] : object) {
        if (item.is_object() || item.is_array()) continue;
        const std::string text = template_text(item);
        if (text.empty()) continue;
        if (!out.empty()) out += ", ";
        out += text;
      }
      return out;
    }
  }
  return {};
}

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::optional<ExactDecimal> read_decimal(const value& input) {
  std::string text;
  if (input.is_int64()) {
    text = std::to_string(input.as_int64());
  } else if (input.is_uint64()) {
    text = std::to_string(input.as_uint64());
  } else if (input.is_string()) {
    text = std::string(input.as_string());
  } else {
    return std::nullopt;
  }
  ExactDecimal decimal;
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) decimal.negative = text[i++] == '-';
  const std::size_t whole_start = i;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
  std::string whole = text.substr(whole_start, i - whole_start);
  std::string fraction;
  if (i < text.size() && text[i] == '.') {
    const std::size_t fraction_start = ++i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    fraction = text.substr(fraction_start, i - fraction_start);
    if (fraction.empty()) return std::nullopt;
  }
  if (i != text.size() || (whole.empty() && fraction.empty())) return std::nullopt;
  const auto first_digit = whole.find_first_not_of('0');
  decimal.whole = first_digit == std::string::npos ? std::string() : whole.substr(first_digit);
  const auto last_digit = fraction.find_last_not_of('0');
  decimal.fraction = last_digit == std::string::npos ? std::string() : fraction.substr(0, last_digit + 1);
  if (decimal.whole.empty() && decimal.fraction.empty()) decimal.negative = false;
  return decimal;
}

int compare_decimals(const ExactDecimal& left, const ExactDecimal& right) {
  if (left.negative != right.negative) return left.negative ? -1 : 1;
  const int sign = left.negative ? -1 : 1;
  if (left.whole.size() != right.whole.size()) return left.whole.size() < right.whole.size() ? -sign : sign;
  if (const int whole = left.whole.compare(right.whole); whole != 0) return whole < 0 ? -sign : sign;
  if (const int fraction = left.fraction.compare(right.fraction); fraction != 0) return fraction < 0 ? -sign : sign;
  return 0;
}

}  // namespace atrium::workflow
