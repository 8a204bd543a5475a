#pragma once
// A cell's text as the JSON a field of its type takes: dates in the chosen format,
// decimals with `.` or `,`, enums by key or label, multi-enums split on `;` or `,`,
// booleans in words, money with or without its currency. Links and address parts need
// the database or the other cells; the importer does those.
#include <boost/json/value.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "atrium/core/result.hpp"
#include "atrium/metadata/field_definition.hpp"

namespace atrium::dataio {

struct ImportValueOptions {
  std::string date_format = "YYYY-MM-DD";  // also DD.MM.YYYY, MM/DD/YYYY, DD/MM/YYYY, YYYY/MM/DD
  char decimal_separator = '.';
  std::string currency = "EUR";  // for money cells without one
};

bool supported_date_format(std::string_view format);

// The value, or an error whose message says what the cell should look like. `values` are
// the enum's choices (the definition's, or its picklist's).
Result<boost::json::value> convert_cell(const metadata::FieldDefinition& field, std::string_view text,
                                        const ImportValueOptions& options,
                                        const std::vector<metadata::EnumValue>& values);

// "1.234,50" with `,` → "1234.50"; nothing when it is no number.
std::optional<std::string> normalise_decimal(std::string_view text, char decimal_separator);
// "31.12.2026" in DD.MM.YYYY → "2026-12-31"; ISO dates are always understood.
std::optional<std::string> parse_date(std::string_view text, std::string_view format);

}  // namespace atrium::dataio
