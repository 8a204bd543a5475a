#pragma once
// The filters of the template language (docs/templates.md): each takes the value on its
// left and its arguments and gives a new value. Money and decimals stay exact: they are
// read from their text, never through binary floating point.
#include <boost/json/value.hpp>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "atrium/core/result.hpp"

namespace atrium::workflow {

struct TemplateFilterShape {
  std::size_t min_arguments = 0;
  std::size_t max_arguments = 0;
};

// The filter's argument counts; nullopt for a filter that does not exist.
std::optional<TemplateFilterShape> template_filter_shape(std::string_view name);
// The names of every filter, for messages and documentation.
const std::vector<std::string>& template_filter_names();

// The filter applied; VALIDATION_FAILED with TEMPLATE_RENDER for an argument of the wrong
// kind or arithmetic that overflows. `raw` and `escape` only mark the value (the renderer
// decides about escaping) and give it back unchanged here, but `escape` escapes it.
Result<boost::json::value> apply_template_filter(std::string_view name, const boost::json::value& input,
                                                 const std::vector<boost::json::value>& arguments);

// How a value is printed: strings as they are, integers in decimal, true/false, null as
// nothing, money ({"amount","currency"}) as "1234.50 EUR", lists joined without a space,
// other objects (an address) as their non-empty values joined by ", ".
std::string template_text(const boost::json::value& value);

// & < > " ' as entities.
std::string escape_html(std::string_view text);

// An exact decimal read from "-12.50", "3" or an integer; nullopt when it is not one.
struct ExactDecimal {
  bool negative = false;
  std::string whole;     // digits, no leading zeros ("" for zero)
  std::string fraction;  // digits, no trailing zeros
};
std::optional<ExactDecimal> read_decimal(const boost::json::value& value);
// -1, 0 or 1.
int compare_decimals(const ExactDecimal& left, const ExactDecimal& right);

}  // namespace atrium::workflow
