#include "atrium/dataio/csv_reader.hpp"

#include <fmt/format.h>

#include <array>
#include <cstdio>
#include <memory>

namespace atrium::dataio {

namespace {

constexpr std::size_t kBlockSize = 256 * 1024;
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// The separator's count on each of the first lines, outside quotes.
std::vector<int> counts_per_line(std::string_view head, char separator) {
  std::vector<int> counts(1, 0);
  bool quoted = false;
  for (std::size_t i = 0; i < head.size() && counts.size() <= 20; ++i) {
    const char c = head[i];
    if (c == '"') {
      quoted = !quoted;
    } else if (!quoted && c == separator) {
      ++counts.back();
    } else if (!quoted && c == '\n') {
      counts.push_back(0);
    }
  }
  // The last line may be cut off by the end of the block: only whole lines count.
  if (counts.size() > 1) counts.pop_back();
  return counts;
}

}  // namespace

CsvFormat detect_csv_format(std::string_view head) {
  CsvFormat format;
  if (head.starts_with(kByteOrderMark)) {
    format.byte_order_mark = true;
    head.remove_prefix(kByteOrderMark.size());
  } else if (head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF")) {
    format.byte_order_mark = true;
    format.encoding = "UTF-16";
    return format;
  }
  // Score: the lowest count over the lines (a separator every line has), then the
  // header's count; ties keep the earlier candidate, so `,` wins over nothing.
  int best_minimum = 0;
  int best_header = 0;
  for (const char candidate : {',', ';', '\t'}) {
    const auto counts = counts_per_line(head, candidate);
    int minimum = counts.empty() ? 0 : counts.front();
    for (const int count : counts) minimum = std::min(minimum, count);
    const int header = counts.empty() ? 0 : counts.front();
    if (minimum > best_minimum || (minimum == best_minimum && header > best_header)) {
      best_minimum = minimum;
      best_header = header;
      format.separator = candidate;
    }
  }
  return format;
}

bool valid_utf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  std::size_t i = 0;
  while (i < size) {
    const unsigned char lead = bytes[i];
    if (lead < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    std::uint32_t code = 0;
    if ((lead & 0xE0) == 0xC0) {
      length = 2;
      code = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
      length = 3;
      code = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
      length = 4;
      code = lead & 0x07;
    } else {
      return false;
    }
    if (i + length > size) return false;
    for (std::size_t k = 1; k < length; ++k) {
      if ((bytes[i + k] & 0xC0) != 0x80) return false;
      code = (code << 6) | (bytes[i + k] & 0x3F);
    }
    static constexpr std::array<std::uint32_t, 5> kSmallest{0, 0, 0x80, 0x800, 0x10000};
    if (code < kSmallest[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return false;
    i += length;
  }
  return true;
}

CsvReader::CsvReader(Source source, char separator, std::uint64_t start_offset, CsvLimits limits)
    : source_(std::move(source)),
      separator_(separator),
      limits_(limits),
      buffer_offset_(start_offset),
      check_bom_(start_offset == 0) {}

Result<CsvReader> CsvReader::open(const std::filesystem::path& path, char separator, std::uint64_t offset,
                                  CsvLimits limits) {
  std::shared_ptr<std::FILE> file(std::fopen(path.c_str(), "rb"), [](std::FILE* f) {
    if (f) std::fclose(f);
  });
  if (!file) return make_error(ErrorCode::not_found, "the uploaded file is gone");
  if (offset > 0 && fseeko(file.get(), static_cast<off_t>(offset), SEEK_SET) != 0) {
    return make_error(ErrorCode::internal_error, "cannot seek in the uploaded file");
  }
  return CsvReader([file](char* buffer, std::size_t capacity) { return std::fread(buffer, 1, capacity, file.get()); },
                   separator, offset, limits);
}

CsvReader CsvReader::of_text(std::string_view text, char separator, CsvLimits limits) {
  auto rest = std::make_shared<std::string_view>(text);
  return CsvReader(
      [rest](char* buffer, std::size_t capacity) {
        const std::size_t taken = std::min(capacity, rest->size());
        std::copy_n(rest->data(), taken, buffer);
        rest->remove_prefix(taken);
        return taken;
      },
      separator, 0, limits);
}

bool CsvReader::fill() {
  if (at_end_) return false;
  buffer_offset_ += position_;
  buffer_.erase(0, position_);
  position_ = 0;
  const std::size_t before = buffer_.size();
  // Until the byte-order mark is decided, read on: a source may hand out single bytes.
  do {
    const std::size_t kept = buffer_.size();
    buffer_.resize(kept + kBlockSize);
    const std::size_t read = source_(buffer_.data() + kept, kBlockSize);
    buffer_.resize(kept + read);
    if (read == 0) at_end_ = true;
  } while (check_bom_ && !at_end_ && buffer_.size() < kByteOrderMark.size());
  if (check_bom_) {
    check_bom_ = false;
    if (std::string_view(buffer_).starts_with(kByteOrderMark)) position_ = kByteOrderMark.size();
  }
  return buffer_.size() > before;
}

bool CsvReader::next(CsvRecord& record) {
  enum class State { field_start, unquoted, quoted, after_quote };
  record.fields.clear();
  record.error.clear();
  std::string field;
  std::size_t record_bytes = 0;
  bool too_long = false;
  bool any_content = false;
  State state = State::field_start;
  const auto peek = [&]() -> int {
    while (position_ >= buffer_.size()) {
      if (!fill()) return -1;
    }
    return static_cast<unsigned char>(buffer_[position_]);
  };
  const auto set_error = [&](std::string message) {
    if (record.error.empty()) record.error = std::move(message);
  };
  const auto append = [&](char c) {
    if (++record_bytes > limits_.max_record_bytes) {
      if (!too_long) set_error(fmt::format("the row is longer than {} bytes", limits_.max_record_bytes));
      too_long = true;
      return;
    }
    field.push_back(c);
  };
  const auto end_field = [&] {
    if (record.fields.size() < limits_.max_fields) {
      record.fields.push_back(std::move(field));
    } else if (record.fields.size() == limits_.max_fields) {
      set_error(fmt::format("the row has more than {} columns", limits_.max_fields));
    }
    field.clear();
  };
  // Skips the LF of a CRLF; `c` was the byte just taken.
  const auto end_line = [&](int c) {
    ++line_;
    if (c == '\r' && peek() == '\n') ++position_;
  };

  while (true) {
    // Blank lines between records are no records.
    if (state == State::field_start && record.fields.empty() && !any_content) record.line = line_;
    const int c = peek();
    if (c < 0) {
      if (!any_content && record.fields.empty()) return false;
      if (state == State::quoted) set_error("a quoted value is not closed");
      end_field();
      break;
    }
    ++position_;
    const char byte = static_cast<char>(c);
    if (state == State::quoted) {
      if (byte == '"') {
        state = State::after_quote;
      } else {
        if (byte == '\n') ++line_;
        append(byte);
      }
      continue;
    }
    if (state == State::after_quote) {
      if (byte == '"') {
        append('"');
        state = State::quoted;
        continue;
      }
      if (byte != separator_ && byte != '\n' && byte != '\r') {
        set_error("text after a closing quote");
        append(byte);
        state = State::unquoted;
        continue;
      }
    }
    if (byte == separator_) {
      any_content = true;
      end_field();
      state = State::field_start;
    } else if (byte == '\n' || byte == '\r') {
      end_line(c);
      if (!any_content && record.fields.empty() && state == State::field_start) continue;  // a blank line
      end_field();
      break;
    } else if (byte == '"' && state == State::field_start) {
      any_content = true;
      state = State::quoted;
    } else {
      // A quote inside an unquoted value is kept as it is (lenient, as spreadsheets write).
      any_content = true;
      append(byte);
      state = State::unquoted;
    }
  }
  record.end_offset = buffer_offset_ + position_;
  if (record.error.empty()) {
    for (std::size_t i = 0; i < record.fields.size(); ++i) {
      if (!valid_utf8(record.fields[i])) {
        set_error(fmt::format("column {} is not valid UTF-8", i + 1));
        break;
      }
    }
  }
  return true;
}

}  // namespace atrium::dataio
