#pragma once
// What goes where: the letterhead, address and facts on the first page, the title and
// introduction, the lines table (its header repeated on every page, rows kept whole),
// the totals and the terms, flowed onto as many pages as they need.
#include <vector>

#include "atrium/core/result.hpp"
#include "atrium/documents/printed_document.hpp"
#include "document_labels.hpp"
#include "page_flow.hpp"
#include "typesetter.hpp"

namespace atrium::documents {

// The pages of a document already within its limits (document_limits.hpp), with the
// body ending at `body_bottom`. DOCUMENT_TOO_LARGE beyond DocumentLimits::max_pages.
Result<std::vector<LaidOutPage>> lay_out_document(const PrintedDocument& document, const DocumentLabels& labels,
                                                  const Typesetter& typesetter, double body_bottom);

}  // namespace atrium::documents
