#include "document_layout.hpp"

#include <algorithm>
#include <string>
#include <string_view>

#include "document_limits.hpp"
#include "page_geometry.hpp"

namespace atrium::documents {

namespace {

constexpr double kColumnGap = 6;
constexpr double kRowPadding = 3;
constexpr double kDetailsGap = 1;

struct Column {
  double x = 0;
  double width = 0;
  Alignment alignment = Alignment::start;
};

// The lines table's columns, left to right. The tax rate gets a column only when the
// lines have different rates; otherwise the one rate shows in the totals.
struct TableColumns {
  Column position;
  Column description;
  Column quantity;
  Column unit_price;
  Column discount;
  Column net;
  Column tax;
  bool with_tax = false;
};

TableColumns table_columns(bool with_tax) {
  TableColumns columns;
  columns.with_tax = with_tax;
  double right = page::content_right;
  // Numbers from the right edge inwards, so the net amounts end at the margin (or just
  // before the tax rate).
  const auto take_from_right = [&](double width) {
    right -= width;
    Column column{right, width, Alignment::end};
    right -= kColumnGap;
    return column;
  };
  if (with_tax) columns.tax = take_from_right(34);
  columns.net = take_from_right(68);
  columns.discount = take_from_right(36);
  columns.unit_price = take_from_right(64);
  columns.quantity = take_from_right(58);
  columns.position = Column{page::content_left, 26, Alignment::start};
  const double description_left = page::content_left + columns.position.width + kColumnGap;
  // The description takes what the numbers leave; `right` already has the gap before them.
  columns.description = Column{description_left, right - description_left, Alignment::start};
  return columns;
}

bool lines_have_several_tax_rates(const PrintedDocument& document) {
  for (const auto& line : document.lines) {
    if (line.tax_rate != document.lines.front().tax_rate) return true;
  }
  return false;
}

std::string joined(const std::vector<std::string>& parts, std::string_view separator) {
  std::string text;
  for (const auto& part : parts) {
    if (part.empty()) continue;
    if (!text.empty()) text += separator;
    text += part;
  }
  return text;
}

// A block at a fixed place on the first page, cut after the last whole line that ends
// above `max_bottom`. Returns the bottom of what shows.
double place_fixed(LaidOutPage& page, const Typesetter& typesetter, TextBlock block, double x, double y,
                   double max_bottom) {
  double bottom = y;
  bool cut = false;
  for (const auto& line : typesetter.lines(block)) {
    if (y + line.bottom > max_bottom) {
      cut = true;
      break;
    }
    bottom = y + line.bottom;
  }
  if (bottom <= y) return y;
  PlacedText placed{std::move(block), x, y, std::nullopt, std::nullopt};
  if (cut) {
    placed.clip_top = y;
    placed.clip_bottom = bottom;
  }
  page.texts.push_back(std::move(placed));
  return bottom;
}

// The issuer's letterhead at the top right, the return address and the recipient in the
// window, the facts at the right. Returns where the body of the first page begins.
double place_letterhead(LaidOutPage& page, const PrintedDocument& document, const Typesetter& typesetter) {
  const double issuer_left = page::content_right - page::issuer_width;
  double issuer_bottom =
      place_fixed(page, typesetter, {document.issuer.name, TextStyle::issuer_name, page::issuer_width, Alignment::end},
                  issuer_left, page::margin_top, page::issuer_max_bottom);
  std::vector<std::string> issuer_lines = document.issuer.address_lines;
  issuer_lines.push_back(document.issuer.extra);
  issuer_bottom = place_fixed(page, typesetter,
                              {joined(issuer_lines, "\n"), TextStyle::small_grey, page::issuer_width, Alignment::end},
                              issuer_left, issuer_bottom + 2, page::issuer_max_bottom);

  // The return address: one small line above the recipient, as window envelopes expect.
  std::vector<std::string> return_address{document.issuer.name};
  return_address.insert(return_address.end(), document.issuer.address_lines.begin(),
                        document.issuer.address_lines.end());
  const TextBlock return_line{joined(return_address, " · "), TextStyle::footer, page::address_width, Alignment::start,
                              Wrapping::one_line};
  place_fixed(page, typesetter, return_line, page::content_left, page::address_top, page::recipient_top);

  std::vector<std::string> recipient_lines{document.recipient.name};
  recipient_lines.insert(recipient_lines.end(), document.recipient.address_lines.begin(),
                         document.recipient.address_lines.end());
  double recipient_bottom = place_fixed(
      page, typesetter, {joined(recipient_lines, "\n"), TextStyle::body, page::address_width, Alignment::start},
      page::content_left, page::recipient_top, page::address_bottom);
  recipient_bottom =
      place_fixed(page, typesetter, {document.recipient.extra, TextStyle::small, page::address_width, Alignment::start},
                  page::content_left, recipient_bottom + 2, page::address_bottom);

  // The facts start level with the address, or below a letterhead that reaches further.
  double facts_y = std::max(page::address_top, issuer_bottom + 4 * page::millimetre);
  const double value_left = page::facts_left + page::facts_label_width;
  const double value_width = page::content_right - value_left;
  for (const auto& [label, value] : document.facts) {
    const TextBlock label_block{label, TextStyle::small_grey, page::facts_label_width - kColumnGap, Alignment::start};
    const TextBlock value_block{value, TextStyle::small, value_width, Alignment::start};
    const double row_height = std::max(typesetter.height(label_block), typesetter.height(value_block));
    if (facts_y + row_height > page::facts_max_bottom) break;
    place_fixed(page, typesetter, label_block, page::facts_left, facts_y, page::facts_max_bottom);
    place_fixed(page, typesetter, value_block, value_left, facts_y, page::facts_max_bottom);
    facts_y += row_height + 1;
  }
  return std::max({page::address_bottom, recipient_bottom, facts_y}) + 6 * page::millimetre;
}

BlockGroup paragraph(const Typesetter& typesetter, std::string text, TextStyle style) {
  BlockGroup group(typesetter);
  group.add({std::move(text), style, page::content_width, Alignment::start}, page::content_left, 0);
  return group;
}

BlockGroup header_row(const Typesetter& typesetter, const TableColumns& columns, const DocumentLabels& labels) {
  BlockGroup row(typesetter);
  const auto cell = [&](std::string_view text, const Column& column) {
    row.add({std::string(text), TextStyle::table_header, column.width, column.alignment}, column.x, kRowPadding);
  };
  cell(labels.position, columns.position);
  cell(labels.description, columns.description);
  cell(labels.quantity, columns.quantity);
  cell(labels.unit_price, columns.unit_price);
  cell(labels.discount, columns.discount);
  cell(labels.net, columns.net);
  if (columns.with_tax) cell(labels.tax, columns.tax);
  row.pad_bottom(kRowPadding);
  return row;
}

BlockGroup line_row(const Typesetter& typesetter, const TableColumns& columns, const PrintedLine& line) {
  BlockGroup row(typesetter);
  const auto cell = [&](std::string text, const Column& column) {
    return row.add({std::move(text), TextStyle::body, column.width, column.alignment}, column.x, kRowPadding);
  };
  cell(line.position, columns.position);
  const double description_bottom = cell(line.description, columns.description);
  const double details_top = line.description.empty() ? kRowPadding : description_bottom + kDetailsGap;
  row.add({line.details, TextStyle::details, columns.description.width, Alignment::start}, columns.description.x,
          details_top);
  cell(line.unit.empty() ? line.quantity : line.quantity + " " + line.unit, columns.quantity);
  cell(line.unit_price, columns.unit_price);
  cell(line.discount, columns.discount);
  cell(line.net_amount, columns.net);
  if (columns.with_tax) cell(line.tax_rate, columns.tax);
  row.pad_bottom(kRowPadding);
  return row;
}

void place_lines(PageFlow& flow, const PrintedDocument& document, const DocumentLabels& labels,
                 const Typesetter& typesetter) {
  const TableColumns columns = table_columns(lines_have_several_tax_rates(document));
  const BlockGroup header = header_row(typesetter, columns, labels);
  const auto place_header = [header](PageFlow& on) {
    on.place(header, Keeping::together);
    on.rule(page::content_left, page::content_right, 0.8, 0);
  };
  // The header never stands alone at the bottom of a page.
  const double first_row_height =
      document.lines.empty() ? 0 : line_row(typesetter, columns, document.lines[0]).height();
  flow.keep_room_for(header.height() + first_row_height);
  place_header(flow);
  flow.set_running_header(place_header, header.height());
  for (const auto& line : document.lines) {
    if (!flow.within_page_limit()) return;
    flow.place(line_row(typesetter, columns, line), Keeping::together);
    flow.rule(page::content_left, page::content_right, 0.3, 0.75);
  }
  flow.set_running_header({}, 0);
}

// Net total, one row per tax rate, and the grand total, with the amounts under the net
// column; kept on one page when they fit on one.
void place_totals(PageFlow& flow, const PrintedDocument& document, const DocumentLabels& labels,
                  const Typesetter& typesetter) {
  const TableColumns columns = table_columns(lines_have_several_tax_rates(document));
  const double amount_left = columns.net.x;
  const double amount_width = columns.net.width;
  const double label_left = page::content_left + page::content_width / 3;
  const double label_width = amount_left - kColumnGap - label_left;
  const auto row = [&](std::string label, std::string amount, TextStyle style) {
    BlockGroup group(typesetter);
    group.add({std::move(label), style, label_width, Alignment::end}, label_left, kRowPadding);
    group.add({std::move(amount), style, amount_width, Alignment::end}, amount_left, kRowPadding);
    group.pad_bottom(kRowPadding);
    return group;
  };
  std::vector<BlockGroup> rows;
  if (!document.net_total.empty())
    rows.push_back(row(std::string(labels.net_total), document.net_total, TextStyle::body));
  for (const auto& tax : document.taxes) {
    rows.push_back(row(tax_on_label(labels, tax.rate, tax.base), tax.amount, TextStyle::body));
  }
  BlockGroup grand_total =
      row(grand_total_label(labels, document.currency), document.grand_total, TextStyle::grand_total);

  double height = grand_total.height();
  for (const auto& group : rows) height += group.height();
  flow.skip(2 * page::millimetre);
  flow.keep_room_for(height);
  for (const auto& group : rows) flow.place(group, Keeping::together);
  flow.keep_room_for(grand_total.height());
  flow.rule(label_left, page::content_right, 0.8, 0);
  flow.place(grand_total, Keeping::together);
}

// The terms' paragraphs: separated by blank lines (a line of spaces counts as blank).
std::vector<std::string> paragraphs_of(const std::string& text) {
  std::vector<std::string> paragraphs;
  std::string current;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string_view line(text.data() + start, end - start);
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) {
      if (!current.empty()) paragraphs.push_back(std::move(current));
      current.clear();
    } else {
      if (!current.empty()) current += '\n';
      current += line;
    }
    start = end + 1;
  }
  if (!current.empty()) paragraphs.push_back(std::move(current));
  return paragraphs;
}

}  // namespace

Result<std::vector<LaidOutPage>> lay_out_document(const PrintedDocument& document, const DocumentLabels& labels,
                                                  const Typesetter& typesetter, double body_bottom) {
  LaidOutPage first_page;
  const double body_top = place_letterhead(first_page, document, typesetter);
  PageFlow flow(page::margin_top, body_bottom, body_top, DocumentLimits::max_pages);

  flow.place(paragraph(typesetter, document.title, TextStyle::title), Keeping::together);
  flow.skip(3 * page::millimetre);
  if (!document.introduction.empty()) {
    flow.place(paragraph(typesetter, document.introduction, TextStyle::body), Keeping::flowing);
    flow.skip(4 * page::millimetre);
  }
  place_lines(flow, document, labels, typesetter);
  place_totals(flow, document, labels, typesetter);
  const std::vector<std::string> terms = paragraphs_of(document.terms);
  if (!terms.empty()) flow.skip(6 * page::millimetre);
  for (const auto& text : terms) {
    const std::string held =
        clean_text(text, DocumentLimits::max_paragraph_bytes, DocumentLimits::max_paragraph_line_breaks);
    flow.place(paragraph(typesetter, held, TextStyle::small), Keeping::flowing);
    flow.skip(2 * page::millimetre);
  }
  if (!flow.within_page_limit()) return too_many_pages();

  std::vector<LaidOutPage> pages = flow.take_pages();
  // The letterhead goes beneath whatever the flow put on the first page.
  pages.front().texts.insert(pages.front().texts.begin(), first_page.texts.begin(), first_page.texts.end());
  return pages;
}

}  // namespace atrium::documents
