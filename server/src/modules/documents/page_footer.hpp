#pragma once
// What every page carries at its bottom: the footer text (bank details, registration)
// and "Page N of M". Measured before the layout, because the body ends above it.
#include <string>
#include <vector>

#include "document_labels.hpp"
#include "page_flow.hpp"
#include "typesetter.hpp"

namespace atrium::documents {

class PageFooter {
 public:
  PageFooter(const Typesetter& typesetter, const std::string& footer, const DocumentLabels& labels);

  // Where the footer begins; the page body must end above it.
  double top() const { return top_; }
  std::vector<PlacedText> for_page(int page, int pages) const;

 private:
  const Typesetter& typesetter_;
  const DocumentLabels& labels_;
  PlacedText footer_;
  double top_;
};

}  // namespace atrium::documents
