#pragma once
// The limits that keep one hostile or broken document from exhausting the server, and
// the text cleaning pango needs: lists beyond their limit are refused, text beyond its
// limit is cut, invalid UTF-8 is replaced.
#include <cstddef>
#include <string>
#include <string_view>

#include "atrium/core/result.hpp"
#include "atrium/documents/printed_document.hpp"

namespace atrium::documents {

struct DocumentLimits {
  static constexpr std::size_t max_lines = 2000;
  static constexpr std::size_t max_taxes = 100;
  static constexpr std::size_t max_facts = 50;
  static constexpr std::size_t max_address_lines = 20;
  // Descriptions, details, the introduction and each paragraph of the terms.
  static constexpr std::size_t max_paragraph_bytes = 4000;
  static constexpr std::size_t max_terms_bytes = 40000;
  static constexpr std::size_t max_footer_bytes = 2000;
  // Names, numbers, amounts, address lines, facts: one line each.
  static constexpr std::size_t max_short_text_bytes = 500;
  // Line breaks cost a line each whatever the bytes: 4,000 of them would make one row
  // six pages tall and be laid out again for each page.
  static constexpr std::size_t max_paragraph_line_breaks = 100;
  static constexpr std::size_t max_footer_line_breaks = 10;
  // Pango takes seconds over thousands of spaces in a row; they show as blank either way.
  static constexpr std::size_t max_blanks_in_a_row = 8;
  // Checked while laying out: 2,000 lines of a few lines each fill about a hundred pages;
  // far more means text built to be long, and would cost seconds of layout.
  static constexpr int max_pages = 500;
};

// Text pango can lay out safely and quickly: invalid UTF-8 sequences become U+FFFD,
// control characters other than tabs become spaces, and so do the line breaks after the
// first `max_line_breaks`; spaces and tabs beyond `max_blanks_in_a_row` in a row are
// dropped; the result is cut to at most `max_bytes` on a character boundary.
std::string clean_text(std::string_view text, std::size_t max_bytes, std::size_t max_line_breaks);

// The document with every text cleaned and cut; VALIDATION_FAILED with
// DOCUMENT_TOO_LARGE on the list that exceeds its limit (lines, taxes, facts, address lines).
Result<PrintedDocument> within_limits(const PrintedDocument& document);

// The error for a document whose layout exceeds DocumentLimits::max_pages.
Error too_many_pages();

}  // namespace atrium::documents
