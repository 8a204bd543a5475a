#pragma once
// The words the renderer adds to a document itself: column headers, total rows, page
// numbers. One table row per language, so a translation is one more row.
#include <string>
#include <string_view>

namespace atrium::documents {

struct DocumentLabels {
  std::string_view language;
  std::string_view position;
  std::string_view description;
  std::string_view quantity;
  std::string_view unit_price;
  std::string_view discount;
  std::string_view net;
  std::string_view tax;
  std::string_view net_total;
  std::string_view tax_on;       // {rate}, {base}
  std::string_view grand_total;  // {currency}
  std::string_view page_of;      // {page}, {pages}
};

// The labels of a language ("en", "en-GB" and "EN" all find English); English when the
// language has no row yet.
const DocumentLabels& labels_for(std::string_view language);

// "Tax 19% on 900.00"
std::string tax_on_label(const DocumentLabels& labels, std::string_view rate, std::string_view base);
// "Total EUR"
std::string grand_total_label(const DocumentLabels& labels, std::string_view currency);
// "Page 2 of 5"
std::string page_of_label(const DocumentLabels& labels, int page, int pages);

}  // namespace atrium::documents
