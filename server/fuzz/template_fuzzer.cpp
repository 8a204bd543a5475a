// libFuzzer target for message templates. Any input must parse or give a TEMPLATE_*
// error naming a line and column, never a crash; what parses must render against a
// context with lists, links and money in both output modes within the output bound,
// and its merge fields must all be listed.
#include <boost/json/parse.hpp>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "atrium/workflow/template_parser.hpp"
#include "atrium/workflow/template_renderer.hpp"

namespace {

using namespace atrium::workflow;

// Names the broken promise on stderr before stopping, so a finding says what went wrong.
void check(bool condition, const char* promise) {
  if (condition) return;
  std::fprintf(stderr, "broken: %s\n", promise);
  std::abort();
}

const boost::json::object& context() {
  static const boost::json::object value = boost::json::parse(R"({
    "account": {"name": "A & <B>", "type": "customer", "employees": 12, "email": null,
                "credit_limit": {"amount": "1234.565", "currency": "EUR"}, "created_at": "2027-01-31T09:05:07Z",
                "parent": {"name": "P", "parent": {"name": "Q"}}, "tags": ["a", "b", "c", "d"]},
    "lines": [{"product": {"name": "x"}, "quantity": 2}, {"product": {"name": "y"}, "quantity": "3.5"}],
    "list": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]
  })")
                                               .as_object();
  return value;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view source(reinterpret_cast<const char*>(data), size);
  auto parsed = parse_template(source);
  if (!parsed.ok()) {
    const auto& error = parsed.error();
    check(error.fields.size() == 1, "a parse error names one field");
    check(error.fields[0].code.rfind("TEMPLATE_", 0) == 0, "a parse error has a TEMPLATE_ code");
    if (error.fields[0].code == "TEMPLATE_SYNTAX") {
      check(error.message.rfind("line ", 0) == 0, "a syntax error starts with its line");
    }
    return 0;
  }
  for (const auto& use : merge_field_uses(*parsed))
    check(!use.path.empty() && use.position.line >= 1, "a merge field has a path and a line");
  for (const auto output : {TemplateOutput::html, TemplateOutput::text}) {
    auto rendered = render_template(*parsed, context(), output);
    if (rendered.ok()) {
      check(rendered->size() <= kMaxTemplateOutput, "output stays within its bound");
    } else {
      check(rendered.error().fields.size() == 1, "a render error names one field");
      check(rendered.error().fields[0].code.rfind("TEMPLATE_", 0) == 0, "a render error has a TEMPLATE_ code");
    }
  }
  return 0;
}
