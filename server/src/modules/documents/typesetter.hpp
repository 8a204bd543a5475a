#pragma once
// Text through pango: one block of text in one style and width, measured while laying
// out and drawn later. The same block always breaks into the same lines, so a layout
// measured once can be drawn from its description alone, without keeping thousands of
// pango layouts alive between the two passes.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

using cairo_t = struct _cairo;
using PangoContext = struct _PangoContext;
using PangoLayout = struct _PangoLayout;

namespace atrium::documents {

enum class TextStyle {
  body,
  body_bold,
  small,
  small_grey,
  details,
  table_header,
  title,
  issuer_name,
  grand_total,
  footer,
};

enum class Alignment { start, end };

enum class Wrapping {
  wrap,      // onto as many lines as the text needs
  one_line,  // one line, ending in "…" when it is too long
};

struct TextBlock {
  std::string text;
  TextStyle style = TextStyle::body;
  double width = 0;  // points; text wraps within it
  Alignment alignment = Alignment::start;
  Wrapping wrapping = Wrapping::wrap;
};

// A line's vertical extent inside its block, in points from the block's top.
struct LineExtent {
  double top = 0;
  double bottom = 0;
};

// Measures and draws text blocks on one cairo context (the PDF surface's), in points.
// Not shareable between threads: each render has its own.
class Typesetter {
 public:
  Typesetter(cairo_t* cairo, std::string_view language);
  ~Typesetter();
  Typesetter(const Typesetter&) = delete;
  Typesetter& operator=(const Typesetter&) = delete;

  double height(const TextBlock& block) const;
  std::vector<LineExtent> lines(const TextBlock& block) const;
  // Draws the block with its top left corner at (x, y).
  void draw(const TextBlock& block, double x, double y) const;

 private:
  struct LayoutDeleter {
    void operator()(PangoLayout* layout) const;
  };
  using LayoutPtr = std::unique_ptr<PangoLayout, LayoutDeleter>;
  LayoutPtr layout_for(const TextBlock& block) const;

  cairo_t* cairo_;
  PangoContext* context_;
};

}  // namespace atrium::documents
