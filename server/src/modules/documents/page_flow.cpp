#include "page_flow.hpp"

#include <algorithm>

namespace atrium::documents {

namespace {

// Positions come from pango units (1/1024 pt) through doubles: compare with a margin.
constexpr double kEpsilon = 0.01;

// Whether `y` lies strictly inside one of the lines (sorted, relative to the group).
bool cuts_through_a_line(const std::vector<LineExtent>& lines, double y) {
  auto line = std::partition_point(lines.begin(), lines.end(),
                                   [&](const LineExtent& extent) { return extent.bottom <= y + kEpsilon; });
  return line != lines.end() && line->top < y - kEpsilon;
}

}  // namespace

double BlockGroup::add(TextBlock block, double x, double top) {
  std::vector<LineExtent> lines = typesetter_.lines(block);
  if (lines.empty()) return top;
  for (auto& line : lines) {
    line.top += top;
    line.bottom += top;
  }
  const double bottom = lines.back().bottom;
  members_.push_back(Member{std::move(block), x, top, bottom, std::move(lines)});
  return bottom;
}

double BlockGroup::height() const {
  double bottom = 0;
  for (const auto& member : members_) bottom = std::max(bottom, member.bottom);
  return bottom + padding_bottom_;
}

std::vector<double> BlockGroup::cut_points() const {
  std::vector<double> cuts;
  for (const auto& member : members_) {
    for (const auto& line : member.lines) {
      const bool clean = std::none_of(members_.begin(), members_.end(), [&](const Member& other) {
        return cuts_through_a_line(other.lines, line.bottom);
      });
      if (clean) cuts.push_back(line.bottom);
    }
  }
  cuts.push_back(height());
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end(), [](double a, double b) { return b - a < kEpsilon; }), cuts.end());
  return cuts;
}

PageFlow::PageFlow(double top, double bottom, double first_page_top, int max_pages)
    : top_(top), bottom_(bottom), y_(first_page_top), max_pages_(max_pages), pages_(1) {}

void PageFlow::place(const BlockGroup& group, Keeping keeping) {
  if (!within_page_limit_) return;
  const double height = group.height();
  if (height <= space_left() + kEpsilon) {
    place_part(group, 0, height);
    return;
  }
  if (keeping == Keeping::together && height <= fresh_page_space() + kEpsilon) {
    new_page();
    if (within_page_limit_) place_part(group, 0, height);
    return;
  }
  // Taller than the room left (flowing) or than any page (together): cut between lines.
  const std::vector<double> cuts = group.cut_points();
  double from = 0;
  while (from < height - kEpsilon && within_page_limit_) {
    const double limit = from + space_left();
    auto beyond = std::upper_bound(cuts.begin(), cuts.end(), limit + kEpsilon);
    double to = 0;
    if (beyond != cuts.begin() && *std::prev(beyond) > from + kEpsilon) {
      to = *std::prev(beyond);
    } else if (space_left() >= fresh_page_space() - kEpsilon) {
      // Not one line fits on an empty page: cut through it rather than loop forever.
      to = std::min(height, limit);
    } else {
      new_page();
      continue;
    }
    place_part(group, from, to);
    from = to;
    if (from < height - kEpsilon) new_page();
  }
}

void PageFlow::place_part(const BlockGroup& group, double from, double to) {
  const double shift = y_ - from;
  for (const auto& member : group.members()) {
    if (member.bottom <= from + kEpsilon || member.top >= to - kEpsilon) continue;
    PlacedText placed{member.block, member.x, member.top + shift, std::nullopt, std::nullopt};
    if (member.top < from - kEpsilon || member.bottom > to + kEpsilon) {
      placed.clip_top = y_;
      placed.clip_bottom = y_ + (to - from);
    }
    page().texts.push_back(std::move(placed));
  }
  y_ += to - from;
}

void PageFlow::rule(double left, double right, double thickness, double grey) {
  if (!within_page_limit_) return;
  page().rules.push_back(PlacedRule{left, right, y_, thickness, grey});
}

void PageFlow::skip(double height) {
  y_ = std::min(y_ + height, bottom_);
}

void PageFlow::keep_room_for(double height) {
  if (height > space_left() + kEpsilon && height <= fresh_page_space() + kEpsilon) new_page();
}

void PageFlow::new_page() {
  if (!within_page_limit_) return;
  if (static_cast<int>(pages_.size()) >= max_pages_) {
    within_page_limit_ = false;
    return;
  }
  pages_.emplace_back();
  y_ = top_;
  if (running_header_ && !placing_running_header_) {
    placing_running_header_ = true;
    running_header_(*this);
    placing_running_header_ = false;
  }
}

void PageFlow::set_running_header(std::function<void(PageFlow&)> place_header, double height) {
  running_header_ = std::move(place_header);
  running_header_height_ = running_header_ ? height : 0;
}

}  // namespace atrium::documents
