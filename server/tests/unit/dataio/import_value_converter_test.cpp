#include "atrium/dataio/import_value_converter.hpp"

#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

namespace atrium::dataio {
namespace {

metadata::FieldDefinition field_of(std::string type) {
  metadata::FieldDefinition field;
  field.name = "value";
  field.type = std::move(type);
  return field;
}

// The converted value as JSON text, or "error: <message>".
std::string convert(std::string type, std::string_view text, ImportValueOptions options = {},
                    const std::vector<metadata::EnumValue>& values = {}) {
  auto converted = convert_cell(field_of(std::move(type)), text, options, values);
  if (!converted) return "error: " + converted.error().message;
  return boost::json::serialize(*converted);
}

TEST(ImportValueConverterTest, DatesInTheChosenFormatAndIso) {
  EXPECT_EQ(convert("date", "2026-12-31"), "\"2026-12-31\"");
  EXPECT_EQ(convert("date", "31.12.2026", {.date_format = "DD.MM.YYYY"}), "\"2026-12-31\"");
  EXPECT_EQ(convert("date", "12/31/2026", {.date_format = "MM/DD/YYYY"}), "\"2026-12-31\"");
  EXPECT_EQ(convert("date", "1/2/2026", {.date_format = "DD/MM/YYYY"}), "\"2026-02-01\"");
  EXPECT_EQ(convert("date", "2026-12-31", {.date_format = "DD.MM.YYYY"}), "\"2026-12-31\"");  // from XLSX
  EXPECT_EQ(convert("date", "31.02.2026", {.date_format = "DD.MM.YYYY"}), "error: a date as DD.MM.YYYY");
  EXPECT_EQ(convert("date", "31.12.26", {.date_format = "DD.MM.YYYY"}), "error: a date as DD.MM.YYYY");
  EXPECT_EQ(convert("datetime", "31.12.2026 14:30", {.date_format = "DD.MM.YYYY"}), "\"2026-12-31T14:30:00Z\"");
  EXPECT_EQ(convert("datetime", "2026-12-31T14:30:05"), "\"2026-12-31T14:30:05Z\"");
  EXPECT_EQ(convert("datetime", "2026-12-31 25:00"), "error: a time as HH:MM or HH:MM:SS");
}

TEST(ImportValueConverterTest, NumbersWithEitherDecimalSeparator) {
  EXPECT_EQ(convert("decimal", "1,234.50"), "\"1234.50\"");
  EXPECT_EQ(convert("decimal", "1.234,50", {.decimal_separator = ','}), "\"1234.50\"");
  EXPECT_EQ(convert("decimal", "-0,5", {.decimal_separator = ','}), "\"-0.5\"");
  EXPECT_EQ(convert("decimal", "1.2.3"), "error: a number with '.' before the decimals");
  EXPECT_EQ(convert("integer", "1 200"), "1200");
  EXPECT_EQ(convert("integer", "12.5"), "error: a whole number");
  EXPECT_EQ(normalise_decimal(".5", '.'), "0.5");
  EXPECT_EQ(normalise_decimal("12.", '.'), std::nullopt);
}

TEST(ImportValueConverterTest, MoneyWithOrWithoutItsCurrency) {
  EXPECT_EQ(convert("money", "1.234,50 CHF", {.decimal_separator = ','}),
            R"({"amount":"1234.50","currency":"CHF"})");
  EXPECT_EQ(convert("money", "USD 99.90"), R"({"amount":"99.90","currency":"USD"})");
  EXPECT_EQ(convert("money", "10", {.currency = "GBP"}), R"({"amount":"10","currency":"GBP"})");
  EXPECT_EQ(convert("money", "ten euros"), "error: an amount, optionally with its currency: 1234.50 EUR");
}

TEST(ImportValueConverterTest, EnumsByKeyOrLabelWithoutCaseOrAccents) {
  const std::vector<metadata::EnumValue> values{{"customer", "Customer"}, {"internal", "Internal division"},
                                                {"koln", "Köln office"}};
  EXPECT_EQ(convert("enum", "customer", {}, values), "\"customer\"");
  EXPECT_EQ(convert("enum", "CUSTOMER", {}, values), "\"customer\"");
  EXPECT_EQ(convert("enum", "internal division", {}, values), "\"internal\"");
  EXPECT_EQ(convert("enum", "KOLN OFFICE", {}, values), "\"koln\"");
  EXPECT_EQ(convert("enum", "nobody", {}, values),
            "error: one of customer, internal, koln (a key or a label)");
  EXPECT_EQ(convert("multi_enum", "Customer; internal,Köln office", {}, values), R"(["customer","internal","koln"])");
  EXPECT_EQ(convert("multi_enum", "customer;x", {}, values), "error: 'x' is not one of customer, internal, koln");
}

TEST(ImportValueConverterTest, BooleansInWords) {
  for (const char* yes : {"yes", "TRUE", "1", "Ja", "x"}) EXPECT_EQ(convert("boolean", yes), "true") << yes;
  for (const char* no : {"no", "False", "0", "nein"}) EXPECT_EQ(convert("boolean", no), "false") << no;
  EXPECT_EQ(convert("boolean", "maybe"), "error: yes/no, true/false or 1/0");
}

TEST(ImportValueConverterTest, TextIsTrimmedAndLeftToTheField) {
  EXPECT_EQ(convert("text", "  Acme  "), "\"Acme\"");
  EXPECT_EQ(convert("email", "a@example.com"), "\"a@example.com\"");
}

}  // namespace
}  // namespace atrium::dataio
