#include "atrium/documents/pdf_renderer.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <memory>
#include <new>

#include "document_labels.hpp"
#include "document_layout.hpp"
#include "document_limits.hpp"
#include "library_leak_exemption.hpp"
#include "page_flow.hpp"
#include "page_footer.hpp"
#include "page_geometry.hpp"
#include "typesetter.hpp"

namespace atrium::documents {

namespace {

struct SurfaceDeleter {
  void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
struct ContextDeleter {
  void operator()(cairo_t* cairo) const { cairo_destroy(cairo); }
};

// cairo's write callback: the PDF grows in memory. No exception may cross into C.
cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  try {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
  } catch (const std::bad_alloc&) {
    return CAIRO_STATUS_NO_MEMORY;
  }
}

Error cairo_failure(cairo_status_t status) {
  return make_error(ErrorCode::internal_error,
                    std::string("the PDF could not be written: ") + cairo_status_to_string(status));
}

void draw_text(cairo_t* cairo, const Typesetter& typesetter, const PlacedText& text) {
  if (text.clip_top && text.clip_bottom) {
    cairo_save(cairo);
    // The full page width: glyphs may overhang their column a little; only lines of other
    // pages must stay hidden.
    cairo_rectangle(cairo, 0, *text.clip_top, page::width, *text.clip_bottom - *text.clip_top);
    cairo_clip(cairo);
    typesetter.draw(text.block, text.x, text.y);
    cairo_restore(cairo);
    return;
  }
  typesetter.draw(text.block, text.x, text.y);
}

void draw_page(cairo_t* cairo, const Typesetter& typesetter, const LaidOutPage& page,
               const std::vector<PlacedText>& footer) {
  for (const auto& rule : page.rules) {
    cairo_set_source_rgb(cairo, rule.grey, rule.grey, rule.grey);
    cairo_set_line_width(cairo, rule.thickness);
    cairo_move_to(cairo, rule.left, rule.y);
    cairo_line_to(cairo, rule.right, rule.y);
    cairo_stroke(cairo);
  }
  for (const auto& text : page.texts) draw_text(cairo, typesetter, text);
  for (const auto& text : footer) draw_text(cairo, typesetter, text);
}

// "Quotation QUO-2027-00012": the title and the first fact, the document's number.
std::string pdf_title(const PrintedDocument& document) {
  std::string title = document.title;
  if (!document.facts.empty() && !document.facts.front().second.empty()) {
    if (!title.empty()) title += ' ';
    title += document.facts.front().second;
  }
  return title;
}

}  // namespace

void release_this_threads_fonts() {
  pango_cairo_font_map_set_default(nullptr);
}

Result<std::string> render_pdf(const PrintedDocument& untrusted) {
  // A thread that rendered frees its fonts when it ends (the server's workers at
  // shutdown), so what it loaded is not left behind for a leak check at exit.
  struct FontsReleasedAtThreadExit {
    ~FontsReleasedAtThreadExit() { release_this_threads_fonts(); }
  };
  thread_local FontsReleasedAtThreadExit release_at_exit;
  static_cast<void>(release_at_exit);
  auto bounded = within_limits(untrusted);
  if (!bounded) return bounded.take_error();
  const PrintedDocument& document = *bounded;
  const DocumentLabels& labels = labels_for(document.language);

  std::string pdf;
  const std::unique_ptr<cairo_surface_t, SurfaceDeleter> surface(
      cairo_pdf_surface_create_for_stream(append_to_string, &pdf, page::width, page::height));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    return cairo_failure(cairo_surface_status(surface.get()));
  }
  const std::string title = pdf_title(document);
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, title.c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Atrium");

  {
    const std::unique_ptr<cairo_t, ContextDeleter> cairo(cairo_create(surface.get()));
    const Typesetter typesetter(cairo.get(), document.language);
    const PageFooter footer(typesetter, document.footer, labels);
    // Laid out completely before the first stroke: "Page 1 of N" needs N.
    auto pages = lay_out_document(document, labels, typesetter, footer.top() - page::footer_gap);
    if (!pages) return pages.take_error();
    const int page_count = static_cast<int>(pages->size());
    for (int index = 0; index < page_count; ++index) {
      draw_page(cairo.get(), typesetter, (*pages)[index], footer.for_page(index + 1, page_count));
      cairo_show_page(cairo.get());
    }
    if (cairo_status(cairo.get()) != CAIRO_STATUS_SUCCESS) return cairo_failure(cairo_status(cairo.get()));
  }
  {
    // Finishing writes the fonts, the cross-reference table and the trailer. cairo 1.16
    // loses 768 bytes per CFF font (Noto Sans CJK) here, every time.
    [[maybe_unused]] const LibraryLeakExemption cairo_1_16_cff_subset_leak;
    cairo_surface_finish(surface.get());
  }
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    return cairo_failure(cairo_surface_status(surface.get()));
  }
  return pdf;
}

}  // namespace atrium::documents
