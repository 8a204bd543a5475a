#pragma once
// Renders a parsed template against a merge context (`{"account": {...record...}}`).
// HTML templates escape every output unless its last filter is `raw` or `escape`; text
// templates print values as they are. A field missing from the context (absent, or
// hidden from the reader and so never put there) renders as nothing.
#include <boost/json/object.hpp>
#include <string>

#include "atrium/core/result.hpp"
#include "atrium/workflow/template_syntax.hpp"

namespace atrium::workflow {

enum class TemplateOutput { html, text };

// VALIDATION_FAILED with TEMPLATE_LIMIT past kMaxTemplateLoopIterations or
// kMaxTemplateOutput, TEMPLATE_RENDER when a filter fails; messages name the line.
Result<std::string> render_template(const ParsedTemplate& parsed, const boost::json::object& context,
                                    TemplateOutput output);

}  // namespace atrium::workflow
