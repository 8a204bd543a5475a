#include "page_footer.hpp"

#include <algorithm>

#include "page_geometry.hpp"

namespace atrium::documents {

namespace {

// Room at the right of the footer text for "Page 999 of 1000".
constexpr double kPageNumberWidth = 30 * page::millimetre;

}  // namespace

PageFooter::PageFooter(const Typesetter& typesetter, const std::string& footer, const DocumentLabels& labels)
    : typesetter_(typesetter), labels_(labels) {
  TextBlock block{footer, TextStyle::footer, page::content_width - kPageNumberWidth - 4 * page::millimetre,
                  Alignment::start};
  // A footer taller than its band shows its first lines only: the body keeps its room.
  double height = 0;
  for (const auto& line : typesetter.lines(block)) {
    if (line.bottom > page::footer_max_height) break;
    height = line.bottom;
  }
  const double page_number_height = typesetter.height({"0", TextStyle::footer, kPageNumberWidth, Alignment::end});
  top_ = page::footer_bottom - std::max(height, page_number_height);
  const double footer_top = page::footer_bottom - height;
  footer_ = PlacedText{std::move(block), page::content_left, footer_top, footer_top, page::footer_bottom};
}

std::vector<PlacedText> PageFooter::for_page(int page, int pages) const {
  std::vector<PlacedText> texts;
  if (!footer_.block.text.empty()) texts.push_back(footer_);
  TextBlock page_number{page_of_label(labels_, page, pages), TextStyle::footer, kPageNumberWidth, Alignment::end};
  const double y = page::footer_bottom - typesetter_.height(page_number);
  texts.push_back(PlacedText{std::move(page_number), page::content_right - kPageNumberWidth, y, {}, {}});
  return texts;
}

}  // namespace atrium::documents
