#pragma once
// Pagination: blocks of text placed one below the other down the page body, onto a new
// page when the next one does not fit. The result is plain data (what goes where on
// which page), so the page count is known before anything is drawn.
#include <functional>
#include <optional>
#include <vector>

#include "typesetter.hpp"

namespace atrium::documents {

// A text block at its place on a page. A block split across pages is placed once per
// page, shifted up, with `clip_top`/`clip_bottom` showing only the lines of that page.
struct PlacedText {
  TextBlock block;
  double x = 0;
  double y = 0;
  std::optional<double> clip_top;
  std::optional<double> clip_bottom;
};

// A horizontal rule.
struct PlacedRule {
  double left = 0;
  double right = 0;
  double y = 0;
  double thickness = 0.4;
  double grey = 0.6;
};

struct LaidOutPage {
  std::vector<PlacedText> texts;
  std::vector<PlacedRule> rules;
};

// Text blocks that move together, such as the cells of a table row, at offsets from
// the group's top. Built with the typesetter, so it knows its height and where it may
// be cut: between lines, never through one.
class BlockGroup {
 public:
  explicit BlockGroup(const Typesetter& typesetter) : typesetter_(typesetter) {}
  // Adds a block at (x, top) relative to the group; empty blocks take no room.
  // Returns the block's bottom.
  double add(TextBlock block, double x, double top);
  // Room below the lowest block, such as a row's bottom padding.
  void pad_bottom(double padding) { padding_bottom_ = padding; }

  double height() const;
  // Where the group may be cut: every line bottom that cuts through no other block's
  // line, and the group's bottom, in increasing order.
  std::vector<double> cut_points() const;

  struct Member {
    TextBlock block;
    double x;
    double top;
    double bottom;
    std::vector<LineExtent> lines;  // relative to the group
  };
  const std::vector<Member>& members() const { return members_; }

 private:
  const Typesetter& typesetter_;
  std::vector<Member> members_;
  double padding_bottom_ = 0;
};

enum class Keeping {
  together,  // onto the next page when it does not fit here (split only if taller than a page)
  flowing,   // cut between lines at the bottom of the page
};

class PageFlow {
 public:
  // The body of every page lies between `top` and `bottom`; the first page's body starts
  // at `first_page_top` (below the letterhead).
  PageFlow(double top, double bottom, double first_page_top, int max_pages);

  double y() const { return y_; }
  double space_left() const { return bottom_ - y_; }
  // The room on a fresh page, below the running header.
  double fresh_page_space() const { return bottom_ - top_ - running_header_height_; }
  // False once the layout would need more pages than allowed; placing then does nothing.
  bool within_page_limit() const { return within_page_limit_; }

  void place(const BlockGroup& group, Keeping keeping);
  // A rule across [left, right] at the current position; takes no room.
  void rule(double left, double right, double thickness, double grey);
  void skip(double height);
  // Starts a new page unless `height` fits here or would not fit on a fresh page either.
  void keep_room_for(double height);
  void new_page();

  // Placed at the top of every new page while set (the table's header row), and
  // `height` tall. Unset with an empty function.
  void set_running_header(std::function<void(PageFlow&)> place_header, double height);

  std::vector<LaidOutPage> take_pages() { return std::move(pages_); }

 private:
  void place_part(const BlockGroup& group, double from, double to);
  LaidOutPage& page() { return pages_.back(); }

  double top_;
  double bottom_;
  double y_;
  int max_pages_;
  bool within_page_limit_ = true;
  std::vector<LaidOutPage> pages_;
  std::function<void(PageFlow&)> running_header_;
  double running_header_height_ = 0;
  bool placing_running_header_ = false;
};

}  // namespace atrium::documents
