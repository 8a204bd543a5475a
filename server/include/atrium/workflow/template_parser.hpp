#pragma once
// Builds the tree of a template from its pieces: outputs with filters, if/elsif/else,
// unless, for with a limit. Unknown tags and filters, a filter with the wrong number of
// arguments, unbalanced blocks and nesting past kMaxTemplateNesting are TEMPLATE_SYNTAX
// errors naming line and column.
#include <string_view>
#include <vector>

#include "atrium/core/result.hpp"
#include "atrium/workflow/template_syntax.hpp"

namespace atrium::workflow {

Result<ParsedTemplate> parse_template(std::string_view source);

// Every merge field the template reads, in source order. A field read through a loop
// variable is given by the loop's collection path followed by the rest
// (`{% for c in account.contacts %}{{ c.name }}` reads account.contacts.name), so it
// can be checked against the definitions like any other; `forloop.*` is not a field.
std::vector<MergeFieldUse> merge_field_uses(const ParsedTemplate& parsed);

}  // namespace atrium::workflow
