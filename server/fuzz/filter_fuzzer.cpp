// libFuzzer target for the filter DSL. Any input must give a tree or a FILTER_INVALID
// error, never a crash; a tree must survive to_text unchanged, and a tree found under
// tight limits must be the one found under the default ones.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "atrium/records/filter.hpp"

namespace {

using atrium::records::FilterLimits;

void check(bool condition) {
  if (!condition) std::abort();
}

void check_error(const atrium::Error& error) {
  check(error.code == atrium::ErrorCode::bad_request);
  check(error.fields.size() == 1 && error.fields[0].field == "filter" && error.fields[0].code == "FILTER_INVALID");
  check(!error.fields[0].message.empty());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  FilterLimits tight;
  tight.max_length = 200;
  tight.max_depth = 4;
  tight.max_terms = 6;
  tight.max_list = 4;

  auto tree = atrium::records::parse_filter(text);
  auto small = atrium::records::parse_filter(text, tight);
  if (!tree.ok()) {
    check_error(tree.error());
    check(!small.ok());  // what fails under the default limits fails under tighter ones
    check_error(small.error());
    return 0;
  }
  if (!small.ok()) {
    check_error(small.error());
  } else {
    check(atrium::records::to_text(**small) == atrium::records::to_text(**tree));
  }

  // The canonical text parses back to a tree with the same canonical text.
  const std::string canonical = atrium::records::to_text(**tree);
  FilterLimits roomy;  // canonical text may be longer than the input ("today+0d" is shorter, "[1,2]" longer)
  roomy.max_length = canonical.size() + 1;
  auto again = atrium::records::parse_filter(canonical, roomy);
  check(again.ok());
  check(atrium::records::to_text(**again) == canonical);
  return 0;
}
