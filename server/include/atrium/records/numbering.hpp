#pragma once
// Human numbers for records ("ACC-2026-00042") from an entity's numbering pattern:
// {YYYY}, {YY} and {MM} are the date, a run of # in braces ({#####}) the counter,
// zero-padded to its width.
#include <string>

#include "atrium/core/result.hpp"
#include "atrium/core/time.hpp"
#include "atrium/storage/database.hpp"

namespace atrium::records {

struct NumberPattern {
  std::string prefix;  // the pattern with dates filled in, before the counter
  std::string suffix;  // after the counter
  int width = 5;
};

// Fills in the date parts; INTERNAL_ERROR for a pattern without exactly one counter.
Result<NumberPattern> resolve_number_pattern(std::string_view pattern, TimePoint when);

// The next number of the series `key` (an entity name), inside the caller's transaction.
Result<std::string> next_number(storage::Connection& connection, std::string_view key, std::string_view pattern,
                                TimePoint when);

}  // namespace atrium::records
