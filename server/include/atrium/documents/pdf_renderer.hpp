#pragma once
// A printed sales document as an A4 PDF: letterhead and address block on the first page,
// the lines as a table whose header repeats on every page, totals per tax rate, terms,
// and the footer with "Page N of M" on every page. Text is shaped by pango, so every
// script fontconfig has a font for (Latin, Greek, Cyrillic, Arabic, CJK) prints, with
// the fonts' subsets embedded.
//
// Safe to call from several threads at once: each thread lays out text with its own
// pango font map.
#include <string>

#include "atrium/core/result.hpp"
#include "atrium/documents/printed_document.hpp"

namespace atrium::documents {

// The PDF's bytes. VALIDATION_FAILED with DOCUMENT_TOO_LARGE when the document exceeds
// the limits that keep one request from exhausting the server (document_limits.hpp);
// text that is too long is cut and invalid UTF-8 replaced, not refused.
Result<std::string> render_pdf(const PrintedDocument& document);

// Frees the fonts and font caches the renders on this thread loaded; the next render
// here loads them again. They are freed when a thread ends anyway: this is for a thread
// that lives until the process exits (the main thread) in a program checking for leaks.
void release_this_threads_fonts();

}  // namespace atrium::documents
