// libFuzzer target for the CSV reader. Any input must give records (well-formed or with
// an error each), never a crash; reading in blocks of any size must give the same records
// as reading at once; every record ends after the one before, inside the input; and
// reading again from a record's end gives the records that followed it.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "atrium/dataio/csv_reader.hpp"

namespace {

using atrium::dataio::CsvLimits;
using atrium::dataio::CsvReader;
using atrium::dataio::CsvRecord;

void check(bool condition) {
  if (!condition) std::abort();
}

// A reader over `text` from `offset`, handing out `block` bytes at a time.
CsvReader reader_of(std::string_view text, char separator, std::size_t offset, std::size_t block,
                    const CsvLimits& limits) {
  auto rest = std::make_shared<std::string_view>(text.substr(offset));
  return CsvReader(
      [rest, block](char* buffer, std::size_t capacity) {
        const std::size_t taken = std::min({capacity, block, rest->size()});
        std::copy_n(rest->data(), taken, buffer);
        rest->remove_prefix(taken);
        return taken;
      },
      separator, offset, limits);
}

std::vector<CsvRecord> read_all(CsvReader reader) {
  std::vector<CsvRecord> records;
  CsvRecord record;
  while (reader.next(record) && records.size() < 10'000) records.push_back(record);
  return records;
}

bool same(const CsvRecord& a, const CsvRecord& b) {
  return a.fields == b.fields && a.error == b.error && a.end_offset == b.end_offset;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const char separator = atrium::dataio::detect_csv_format(text).separator;
  check(separator == ',' || separator == ';' || separator == '\t');
  const CsvLimits limits{.max_record_bytes = 256, .max_fields = 16};
  const auto whole = read_all(CsvReader::of_text(text, separator, limits));
  std::uint64_t previous = 0;
  for (const auto& record : whole) {
    check(record.end_offset > previous && record.end_offset <= size);
    check(record.fields.size() <= limits.max_fields);
    for (const auto& field : record.fields) check(field.size() <= limits.max_record_bytes);
    if (record.error.empty()) {
      for (const auto& field : record.fields) check(atrium::dataio::valid_utf8(field));
    }
    previous = record.end_offset;
  }
  // The block size comes from the input, so block boundaries move through every state.
  const std::size_t block = size == 0 ? 1 : 1 + data[0] % 7;
  const auto trickled = read_all(reader_of(text, separator, 0, block, limits));
  check(trickled.size() == whole.size());
  for (std::size_t i = 0; i < whole.size(); ++i) check(same(trickled[i], whole[i]));
  // Resuming after the first record reads what followed it (an import resumes so).
  if (whole.size() >= 2 && whole[0].error.empty()) {
    const auto resumed = read_all(reader_of(text, separator, whole[0].end_offset, 4096, limits));
    check(!resumed.empty() && resumed[0].fields == whole[1].fields);
  }
  return 0;
}
