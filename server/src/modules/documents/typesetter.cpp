#include "typesetter.hpp"

#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>

#include <mutex>
#include <string>

#include "library_leak_exemption.hpp"

namespace atrium::documents {

namespace {

// Noto Sans covers Latin, Greek and Cyrillic itself. Noto Sans Arabic is named because
// fontconfig's own fallback would take DejaVu Sans's Arabic, which ranks higher; CJK is
// left to fontconfig, which picks the Noto Sans CJK face for the text's language.
constexpr const char* kFamilies = "Noto Sans,Noto Sans Arabic";

struct StyleLook {
  double size;  // points
  PangoWeight weight;
  double grey;  // 0 black … 1 white
};

StyleLook look_of(TextStyle style) {
  switch (style) {
    case TextStyle::body: return {9, PANGO_WEIGHT_NORMAL, 0};
    case TextStyle::body_bold: return {9, PANGO_WEIGHT_BOLD, 0};
    case TextStyle::small: return {8, PANGO_WEIGHT_NORMAL, 0};
    case TextStyle::small_grey: return {8, PANGO_WEIGHT_NORMAL, 0.4};
    case TextStyle::details: return {7.5, PANGO_WEIGHT_NORMAL, 0.4};
    case TextStyle::table_header: return {8, PANGO_WEIGHT_BOLD, 0};
    case TextStyle::title: return {18, PANGO_WEIGHT_BOLD, 0};
    case TextStyle::issuer_name: return {15, PANGO_WEIGHT_BOLD, 0};
    case TextStyle::grand_total: return {10, PANGO_WEIGHT_BOLD, 0};
    case TextStyle::footer: return {7, PANGO_WEIGHT_NORMAL, 0.35};
  }
  return {9, PANGO_WEIGHT_NORMAL, 0};
}

// In a long run of letters without spaces pango finds no place to break and falls back
// to trying characters, at a cost that grows with the square of the run: a 4,000-letter
// "word" took 25 ms per layout, 3 ms when broken up. A zero-width space after every so
// many letters gives it places to break at. CJK (and later blocks) break between
// characters anyway and are left alone.
constexpr std::size_t kLongestUnbrokenRun = 30;

std::string with_break_opportunities(const std::string& text) {
  if (text.size() <= kLongestUnbrokenRun) return text;
  std::string broken;
  broken.reserve(text.size() + text.size() / 8);
  std::size_t run = 0;
  const char* end = text.data() + text.size();
  for (const char* at = text.data(); at < end;) {
    const gunichar character = g_utf8_get_char(at);
    const char* next = g_utf8_next_char(at);
    if (g_unichar_isspace(character) || character >= 0x2E80) {
      run = 0;
    } else {
      // Never inside a character's cluster: not before a combining mark or a joiner.
      const bool cluster_continues = g_unichar_ismark(character) || g_unichar_type(character) == G_UNICODE_FORMAT;
      if (run >= kLongestUnbrokenRun && !cluster_continues) {
        broken += "\u200B";
        run = 0;
      }
      ++run;
    }
    broken.append(at, next);
    at = next;
  }
  return broken;
}

struct FontDescriptionDeleter {
  void operator()(PangoFontDescription* font) const { pango_font_description_free(font); }
};

// A pango context on this thread's default font map: per thread since pango 1.32.6,
// which is what makes concurrent renders safe.
PangoContext* context_for(cairo_t* cairo) {
  // Pango loads the fontconfig configuration on a thread of its own, racing with the
  // first fontconfig calls of cairo and of other threads' font maps; loaded here once
  // before any font map exists, there is nothing left to race for.
  static std::once_flag fontconfig_loaded;
  std::call_once(fontconfig_loaded, [] {
    // The configuration stays for the life of the process.
    [[maybe_unused]] const LibraryLeakExemption kept_for_good;
    FcInit();
  });
  return pango_cairo_create_context(cairo);
}

}  // namespace

void Typesetter::LayoutDeleter::operator()(PangoLayout* layout) const {
  g_object_unref(layout);
}

Typesetter::Typesetter(cairo_t* cairo, std::string_view language) : cairo_(cairo), context_(context_for(cairo)) {
  // PDF user space is in points: 72 units per inch, so "Noto Sans 9" is 9 points high.
  pango_cairo_context_set_resolution(context_, 72);
  const std::string language_tag(language);
  // The language picks regional glyph forms (Han in Japanese or Chinese) and fallback order.
  pango_context_set_language(context_, pango_language_from_string(language_tag.c_str()));
}

Typesetter::~Typesetter() {
  g_object_unref(context_);
}

Typesetter::LayoutPtr Typesetter::layout_for(const TextBlock& block) const {
  LayoutPtr layout(pango_layout_new(context_));
  const StyleLook look = look_of(block.style);
  const std::unique_ptr<PangoFontDescription, FontDescriptionDeleter> font(pango_font_description_new());
  pango_font_description_set_family(font.get(), kFamilies);
  pango_font_description_set_weight(font.get(), look.weight);
  pango_font_description_set_size(font.get(), pango_units_from_double(look.size));
  pango_layout_set_font_description(layout.get(), font.get());
  pango_layout_set_width(layout.get(), pango_units_from_double(block.width));
  if (block.wrapping == Wrapping::one_line) {
    pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
    // Line breaks would make paragraphs, each ellipsized on its own line.
    pango_layout_set_single_paragraph_mode(layout.get(), TRUE);
  } else {
    // Words wrap; a "word" wider than the column (a part number, hostile input) breaks
    // between characters rather than running into the next column.
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    // …without adding a hyphen there: in a part number a hyphen changes the number.
    PangoAttrList* attributes = pango_attr_list_new();
    pango_attr_list_insert(attributes, pango_attr_insert_hyphens_new(FALSE));
    pango_layout_set_attributes(layout.get(), attributes);
    pango_attr_list_unref(attributes);
  }
  // Right-to-left paragraphs mirror the alignment: "start" is the right edge for Arabic.
  pango_layout_set_alignment(layout.get(), block.alignment == Alignment::start ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
  const std::string text = block.wrapping == Wrapping::wrap ? with_break_opportunities(block.text) : block.text;
  pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
  return layout;
}

double Typesetter::height(const TextBlock& block) const {
  if (block.text.empty()) return 0;
  const LayoutPtr layout = layout_for(block);
  PangoRectangle logical;
  pango_layout_get_extents(layout.get(), nullptr, &logical);
  return pango_units_to_double(logical.y + logical.height);
}

std::vector<LineExtent> Typesetter::lines(const TextBlock& block) const {
  std::vector<LineExtent> extents;
  if (block.text.empty()) return extents;
  const LayoutPtr layout = layout_for(block);
  PangoLayoutIter* iter = pango_layout_get_iter(layout.get());
  do {
    int top = 0;
    int bottom = 0;
    pango_layout_iter_get_line_yrange(iter, &top, &bottom);
    extents.push_back({pango_units_to_double(top), pango_units_to_double(bottom)});
  } while (pango_layout_iter_next_line(iter));
  pango_layout_iter_free(iter);
  return extents;
}

void Typesetter::draw(const TextBlock& block, double x, double y) const {
  if (block.text.empty()) return;
  const LayoutPtr layout = layout_for(block);
  const double grey = look_of(block.style).grey;
  cairo_set_source_rgb(cairo_, grey, grey, grey);
  cairo_move_to(cairo_, x, y);
  pango_cairo_show_layout(cairo_, layout.get());
}

}  // namespace atrium::documents
