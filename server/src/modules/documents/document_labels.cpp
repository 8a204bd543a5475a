#include "document_labels.hpp"

#include <fmt/format.h>

#include <array>
#include <cctype>

namespace atrium::documents {

namespace {

// The first row is the fallback.
constexpr std::array kLabels{
    DocumentLabels{
        .language = "en",
        .position = "Pos.",
        .description = "Description",
        .quantity = "Qty",
        .unit_price = "Unit price",
        .discount = "Disc. %",
        .net = "Net",
        .tax = "Tax %",
        .net_total = "Net total",
        .tax_on = "Tax {rate}% on {base}",
        .grand_total = "Total {currency}",
        .page_of = "Page {page} of {pages}",
    },
};

// The primary subtag, lower case: "en-GB" → "en".
std::string primary_language(std::string_view language) {
  std::string primary;
  for (char c : language) {
    if (c == '-' || c == '_') break;
    primary += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return primary;
}

}  // namespace

const DocumentLabels& labels_for(std::string_view language) {
  const std::string wanted = primary_language(language);
  for (const auto& labels : kLabels) {
    if (labels.language == wanted) return labels;
  }
  return kLabels.front();
}

std::string tax_on_label(const DocumentLabels& labels, std::string_view rate, std::string_view base) {
  return fmt::format(fmt::runtime(labels.tax_on), fmt::arg("rate", rate), fmt::arg("base", base));
}

std::string grand_total_label(const DocumentLabels& labels, std::string_view currency) {
  return fmt::format(fmt::runtime(labels.grand_total), fmt::arg("currency", currency));
}

std::string page_of_label(const DocumentLabels& labels, int page, int pages) {
  return fmt::format(fmt::runtime(labels.page_of), fmt::arg("page", page), fmt::arg("pages", pages));
}

}  // namespace atrium::documents
