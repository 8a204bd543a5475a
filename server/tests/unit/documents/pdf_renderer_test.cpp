// The PDF renderer, checked the way a reader sees the result: the PDFs are read back
// with poppler-utils (pdffonts, pdftotext, pdfinfo), so a font that is not embedded, a
// script that does not print or a page number that is wrong fails here.
#include "atrium/documents/pdf_renderer.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "support/temp_dir.hpp"

namespace atrium::documents {
namespace {

bool tool_available(const std::string& name) {
  return std::system(("command -v " + name + " >/dev/null 2>&1").c_str()) == 0;
}

#define SKIP_WITHOUT_POPPLER()                                                                                \
  if (!tool_available("pdffonts") || !tool_available("pdftotext") || !tool_available("pdfinfo")) {            \
    GTEST_SKIP() << "poppler-utils (pdffonts, pdftotext, pdfinfo) are not installed: scripts/bootstrap test"; \
  }

// The standard output of a command; the paths passed are the tests' own temporary files.
std::string output_of(const std::string& command) {
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  if (!pipe) return {};
  std::string output;
  char buffer[4096];
  while (std::size_t read = std::fread(buffer, 1, sizeof buffer, pipe.get())) output.append(buffer, read);
  return output;
}

std::string write_file(const testing::TempDir& dir, const std::string& name, const std::string& bytes) {
  const std::string path = dir.file(name);
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

int pdf_page_count(const std::string& path) {
  std::smatch match;
  const std::string info = output_of("pdfinfo '" + path + "'");
  if (!std::regex_search(info, match, std::regex(R"(Pages:\s+(\d+))"))) return -1;
  return std::stoi(match[1]);
}

// pdftotext separates pages with form feeds.
std::vector<std::string> page_texts(const std::string& path) {
  std::vector<std::string> pages;
  std::stringstream text(output_of("pdftotext -layout '" + path + "' -"));
  std::string page;
  while (std::getline(text, page, '\f')) pages.push_back(page);
  if (!pages.empty() && pages.back().find_first_not_of(" \n") == std::string::npos) pages.pop_back();
  return pages;
}

bool is_pdf(const std::string& bytes) {
  const auto end = bytes.find_last_not_of(" \r\n");
  return bytes.rfind("%PDF-", 0) == 0 && end != std::string::npos && end >= 4 && bytes.substr(end - 4, 5) == "%%EOF";
}

PrintedLine line(std::string position, std::string description, std::string net, std::string details = "") {
  return PrintedLine{.position = std::move(position),
                     .description = std::move(description),
                     .details = std::move(details),
                     .quantity = "2",
                     .unit = "pcs",
                     .unit_price = "450.00",
                     .discount = "",
                     .net_amount = std::move(net),
                     .tax_rate = "19"};
}

PrintedDocument quotation() {
  PrintedDocument document;
  document.issuer = {"Atrium Armaturen GmbH",
                     {"Industriestraße 12", "70565 Stuttgart", "Germany"},
                     "VAT DE123456789 · +49 711 000000 · sales@example.com"};
  document.recipient = {"Βαλβίδες Αιγαίου Α.Ε.", {"Λεωφόρος Συγγρού 100", "117 41 Αθήνα", "Greece"}, "VAT EL987654321"};
  document.title = "Quotation";
  document.facts = {
      {"Number", "QUO-2027-00012"}, {"Revision", "2"}, {"Date", "2027-03-01"}, {"Valid until", "2027-03-31"}};
  document.introduction = "Thank you for your enquiry. We are pleased to offer the following valves.";
  document.currency = "EUR";
  document.lines = {
      line("1", "Kugelhahn DN50, Edelstahl", "900.00", "1.4408, PN40, flanged"),
      line("2", "Σφαιρική βαλβίδα", "900.00"),
      line("3", "Шаровой кран", "900.00", "ГОСТ 28343"),
      line("4", "صمام كروي", "900.00"),
      line("5", "球阀 ステンレス 볼 밸브", "900.00"),
  };
  document.net_total = "4,500.00";
  document.taxes = {{"19", "4,500.00", "855.00"}};
  document.grand_total = "5,355.00";
  document.terms = "Delivery ex works Stuttgart.\n\nPayment within 30 days net.";
  document.footer = "Atrium Armaturen GmbH · IBAN DE00 1234 5678 9012 3456 78 · Amtsgericht Stuttgart HRB 000000";
  return document;
}

// One row of `pdffonts` output: the name and whether the font is embedded.
struct FontRow {
  std::string name;
  std::string embedded;
};

// The columns from the right are: object id (two numbers), uni, sub, emb; the type in
// the middle may contain spaces ("CID TrueType").
std::vector<FontRow> fonts_of(const std::string& path) {
  std::vector<FontRow> fonts;
  std::stringstream listing(output_of("pdffonts '" + path + "'"));
  std::string row;
  bool past_header = false;
  while (std::getline(listing, row)) {
    if (row.rfind("---", 0) == 0) {
      past_header = true;
      continue;
    }
    if (!past_header || row.empty()) continue;
    std::vector<std::string> words;
    std::stringstream split(row);
    for (std::string word; split >> word;) words.push_back(word);
    if (words.size() < 7) continue;
    fonts.push_back({words.front(), words[words.size() - 5]});
  }
  return fonts;
}

TEST(PdfRenderer, PrintsLatinGreekCyrillicArabicAndCjkWithEmbeddedFonts) {
  SKIP_WITHOUT_POPPLER();
  auto pdf = render_pdf(quotation());
  ASSERT_TRUE(pdf.ok()) << pdf.error().message;
  testing::TempDir dir;
  const std::string path = write_file(dir, "scripts.pdf", *pdf);

  const std::vector<FontRow> fonts = fonts_of(path);
  std::set<std::string> names;
  for (const auto& font : fonts) {
    EXPECT_EQ(font.embedded, "yes") << font.name << " is not embedded";
    // "ABCDEF+NotoSans-Regular": the subset tag differs per subset, the font does not.
    names.insert(font.name.substr(font.name.find('+') + 1));
  }
  std::string listed;
  for (const auto& name : names) listed += name + " ";
  EXPECT_GE(names.size(), 3u) << listed;
  const auto has_font = [&](const std::string& part) {
    for (const auto& name : names) {
      if (name.find(part) != std::string::npos) return true;
    }
    return false;
  };
  EXPECT_TRUE(has_font("NotoSans-")) << listed;
  EXPECT_TRUE(has_font("Arabic")) << listed;
  EXPECT_TRUE(has_font("CJK")) << listed;

  const std::vector<std::string> pages = page_texts(path);
  ASSERT_EQ(pages.size(), 1u);
  const std::string& text = pages[0];
  for (const char* words : {"Kugelhahn DN50", "Σφαιρική βαλβίδα", "Шаровой кран", "球阀", "ステンレス", "볼 밸브",
                            "Page 1 of 1", "Total EUR", "5,355.00", "Tax 19% on 4,500.00"}) {
    EXPECT_NE(text.find(words), std::string::npos) << words << " missing from:\n" << text;
  }
  // Arabic comes out in visual order, maybe reversed: its letters must be there at least.
  for (const char* letter : {"ص", "م", "ا", "ك", "ر", "و", "ي"}) {
    EXPECT_NE(text.find(letter), std::string::npos) << "Arabic letter " << letter << " missing from:\n" << text;
  }
}

TEST(PdfRenderer, NumbersPagesAndRepeatsTheTableHeaderOnEveryPage) {
  SKIP_WITHOUT_POPPLER();
  PrintedDocument document = quotation();
  document.lines.clear();
  for (int number = 1; number <= 120; ++number) {
    const std::string position = std::to_string(number);
    document.lines.push_back(line(position, "Ball valve DN" + position + ", stainless steel, full bore, lever operated",
                                  "900.00", number % 5 == 0 ? "Item " + position + " detail: PN40, ISO 5211 top" : ""));
  }
  document.grand_total = "98,765.43";
  testing::TempDir dir;
  auto pdf = render_pdf(document);
  ASSERT_TRUE(pdf.ok()) << pdf.error().message;
  const std::string path = write_file(dir, "long.pdf", *pdf);

  const int page_count = pdf_page_count(path);
  ASSERT_GE(page_count, 3);
  const std::vector<std::string> pages = page_texts(path);
  ASSERT_EQ(static_cast<int>(pages.size()), page_count);
  int grand_totals = 0;
  int grand_total_page = 0;
  int last_line_page = 0;
  for (int index = 0; index < page_count; ++index) {
    const std::string& text = pages[index];
    const std::string page_number = "Page " + std::to_string(index + 1) + " of " + std::to_string(page_count);
    EXPECT_NE(text.find(page_number), std::string::npos) << page_number << " missing from:\n" << text;
    EXPECT_NE(text.find("Description"), std::string::npos) << "no table header on page " << index + 1;
    for (auto at = text.find("98,765.43"); at != std::string::npos; at = text.find("98,765.43", at + 1)) {
      ++grand_totals;
      grand_total_page = index + 1;
    }
    if (text.find("Ball valve DN120,") != std::string::npos) last_line_page = index + 1;
  }
  EXPECT_EQ(grand_totals, 1);
  EXPECT_GT(last_line_page, 0);
  EXPECT_GE(grand_total_page, last_line_page);
  EXPECT_EQ(grand_total_page, page_count);
  // Every line prints, whole: no row is lost at a page break.
  std::string all;
  for (const auto& text : pages) all += text;
  for (int number = 1; number <= 120; ++number) {
    const std::string description = "Ball valve DN" + std::to_string(number) + ",";
    EXPECT_NE(all.find(description), std::string::npos) << description;
  }
}

TEST(PdfRenderer, ShowsATaxColumnOnlyWhenTheLinesHaveSeveralRates) {
  SKIP_WITHOUT_POPPLER();
  testing::TempDir dir;
  PrintedDocument document = quotation();
  auto one_rate = render_pdf(document);
  ASSERT_TRUE(one_rate.ok()) << one_rate.error().message;
  EXPECT_EQ(page_texts(write_file(dir, "one.pdf", *one_rate))[0].find("Tax %"), std::string::npos);

  document.lines[1].tax_rate = "7";
  auto two_rates = render_pdf(document);
  ASSERT_TRUE(two_rates.ok()) << two_rates.error().message;
  EXPECT_NE(page_texts(write_file(dir, "two.pdf", *two_rates))[0].find("Tax %"), std::string::npos);
}

TEST(PdfRenderer, CutsARowTallerThanAPageBetweenItsLines) {
  SKIP_WITHOUT_POPPLER();
  PrintedDocument document = quotation();
  std::string long_description = "BEGINOFDESCRIPTION";
  while (long_description.size() < 3900) long_description += " stainless steel ball valve with ISO top flange";
  long_description += " ENDOFDESCRIPTION";
  document.lines.insert(document.lines.begin() + 1, line("1a", long_description, "1.00"));
  auto pdf = render_pdf(document);
  ASSERT_TRUE(pdf.ok()) << pdf.error().message;
  testing::TempDir dir;
  const std::string path = write_file(dir, "tall.pdf", *pdf);
  const std::vector<std::string> pages = page_texts(path);
  ASSERT_GE(pages.size(), 2u);
  std::string all;
  for (const auto& text : pages) all += text;
  EXPECT_NE(all.find("BEGINOFDESCRIPTION"), std::string::npos);
  EXPECT_NE(all.find("ENDOFDESCRIPTION"), std::string::npos);
  EXPECT_NE(all.find("Шаровой кран"), std::string::npos);
}

TEST(PdfRenderer, RefusesMoreThanTwoThousandLines) {
  PrintedDocument document = quotation();
  document.lines.assign(2001, line("1", "Ball valve", "900.00"));
  auto pdf = render_pdf(document);
  ASSERT_FALSE(pdf.ok());
  EXPECT_EQ(pdf.error().code, ErrorCode::validation_failed);
  ASSERT_EQ(pdf.error().fields.size(), 1u);
  EXPECT_EQ(pdf.error().fields[0].field, "lines");
  EXPECT_EQ(pdf.error().fields[0].code, "DOCUMENT_TOO_LARGE");
}

TEST(PdfRenderer, RefusesADocumentThatWouldPrintOnMoreThanFiveHundredPages) {
  PrintedDocument document = quotation();
  // Within every limit, but every line is a hundred empty lines of description and as
  // many of details: three pages a line.
  document.lines.assign(2000, line("1", std::string(4000, '\n'), "900.00", std::string(4000, '\n')));
  auto pdf = render_pdf(document);
  ASSERT_FALSE(pdf.ok());
  ASSERT_EQ(pdf.error().fields.size(), 1u);
  EXPECT_EQ(pdf.error().fields[0].code, "DOCUMENT_TOO_LARGE");
}

TEST(PdfRenderer, ReplacesInvalidUtf8InsteadOfFailing) {
  PrintedDocument document = quotation();
  document.lines[0].description = "Kugelhahn \xC3\x28 \xFF\xFE \xED\xA0\x80 \xC0\xAF Ende \xE2\x82";
  document.recipient.name = std::string("Nul\0byte", 8);
  document.terms = "\x80\x80\x80";
  auto pdf = render_pdf(document);
  ASSERT_TRUE(pdf.ok()) << pdf.error().message;
  EXPECT_TRUE(is_pdf(*pdf));
}

TEST(PdfRenderer, RendersFromFourThreadsAtOnce) {
  SKIP_WITHOUT_POPPLER();
  PrintedDocument document = quotation();
  for (int number = 6; number <= 40; ++number) {
    document.lines.push_back(line(std::to_string(number), "Шаровой кран DN" + std::to_string(number), "900.00"));
  }
  std::vector<Result<std::string>> results(4, Result<std::string>(std::string()));
  {
    std::vector<std::jthread> threads;
    for (auto& result : results) {
      threads.emplace_back([&document, &result] { result = render_pdf(document); });
    }
  }
  testing::TempDir dir;
  std::vector<int> page_counts;
  for (std::size_t index = 0; index < results.size(); ++index) {
    ASSERT_TRUE(results[index].ok()) << results[index].error().message;
    ASSERT_TRUE(is_pdf(*results[index]));
    page_counts.push_back(pdf_page_count(write_file(dir, std::to_string(index) + ".pdf", *results[index])));
  }
  EXPECT_GE(page_counts[0], 2);
  for (int count : page_counts) EXPECT_EQ(count, page_counts[0]);
}

TEST(PdfRenderer, WritesACompletePdfTitledWithTheDocumentsNumber) {
  SKIP_WITHOUT_POPPLER();
  auto pdf = render_pdf(quotation());
  ASSERT_TRUE(pdf.ok()) << pdf.error().message;
  EXPECT_EQ(pdf->rfind("%PDF-", 0), 0u);
  EXPECT_TRUE(is_pdf(*pdf)) << pdf->substr(pdf->size() - std::min<std::size_t>(pdf->size(), 20));
  testing::TempDir dir;
  const std::string info = output_of("pdfinfo '" + write_file(dir, "title.pdf", *pdf) + "'");
  std::smatch title;
  ASSERT_TRUE(std::regex_search(info, title, std::regex(R"(Title:\s+([^\n]*))"))) << info;
  EXPECT_EQ(title[1].str(), "Quotation QUO-2027-00012");
}

}  // namespace
}  // namespace atrium::documents
