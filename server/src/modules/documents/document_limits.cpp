#include "document_limits.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

namespace atrium::documents {

namespace {

constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";

Error too_large(std::string field, std::string message) {
  return Error{ErrorCode::validation_failed, message, {{std::move(field), "DOCUMENT_TOO_LARGE", message}}};
}

// The length of the well-formed UTF-8 sequence at the start of `text` (RFC 3629: no
// overlong forms, no surrogates, nothing above U+10FFFF), or nothing when it is invalid.
std::optional<std::size_t> sequence_length(std::string_view text) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const auto continuation = [&](std::size_t i) { return i < text.size() && (byte(i) & 0xC0) == 0x80; };
  const unsigned char lead = byte(0);
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return continuation(1) ? std::optional<std::size_t>(2) : std::nullopt;
  if (lead >= 0xE0 && lead <= 0xEF) {
    if (!continuation(1) || !continuation(2)) return std::nullopt;
    if (lead == 0xE0 && byte(1) < 0xA0) return std::nullopt;  // overlong
    if (lead == 0xED && byte(1) > 0x9F) return std::nullopt;  // surrogate
    return 3;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    if (!continuation(1) || !continuation(2) || !continuation(3)) return std::nullopt;
    if (lead == 0xF0 && byte(1) < 0x90) return std::nullopt;  // overlong
    if (lead == 0xF4 && byte(1) > 0x8F) return std::nullopt;  // above U+10FFFF
    return 4;
  }
  return std::nullopt;
}

bool is_control(unsigned char c) {
  return (c < 0x20 && c != '\t') || c == 0x7F;
}

std::string clean_short(std::string_view text) {
  return clean_text(text, DocumentLimits::max_short_text_bytes, 0);
}

std::string clean_paragraph(std::string_view text) {
  return clean_text(text, DocumentLimits::max_paragraph_bytes, DocumentLimits::max_paragraph_line_breaks);
}

Result<PrintedParty> party_within_limits(const PrintedParty& party, const std::string& field) {
  if (party.address_lines.size() > DocumentLimits::max_address_lines) {
    return too_large(field + ".address_lines",
                     fmt::format("an address has at most {} lines", DocumentLimits::max_address_lines));
  }
  PrintedParty cleaned;
  cleaned.name = clean_short(party.name);
  for (const auto& line : party.address_lines) cleaned.address_lines.push_back(clean_short(line));
  cleaned.extra = clean_short(party.extra);
  return cleaned;
}

PrintedLine line_within_limits(const PrintedLine& line) {
  return PrintedLine{
      .position = clean_short(line.position),
      .description = clean_paragraph(line.description),
      .details = clean_paragraph(line.details),
      .quantity = clean_short(line.quantity),
      .unit = clean_short(line.unit),
      .unit_price = clean_short(line.unit_price),
      .discount = clean_short(line.discount),
      .net_amount = clean_short(line.net_amount),
      .tax_rate = clean_short(line.tax_rate),
  };
}

}  // namespace

std::string clean_text(std::string_view text, std::size_t max_bytes, std::size_t max_line_breaks) {
  std::string cleaned;
  cleaned.reserve(std::min(text.size(), max_bytes));
  std::size_t line_breaks = 0;
  std::size_t blanks_in_a_row = 0;
  std::size_t at = 0;
  while (at < text.size()) {
    const auto length = sequence_length(text.substr(at));
    at += length.value_or(1);
    std::string_view piece = length ? text.substr(at - *length, *length) : kReplacementCharacter;
    if (piece == "\n" && line_breaks < max_line_breaks) {
      ++line_breaks;
    } else if (length && *length == 1 && is_control(static_cast<unsigned char>(piece[0]))) {
      piece = " ";
    }
    if (piece == " " || piece == "\t") {
      if (blanks_in_a_row == DocumentLimits::max_blanks_in_a_row) continue;
      ++blanks_in_a_row;
    } else {
      blanks_in_a_row = 0;
    }
    // Whole characters only: the cut never leaves half a sequence behind.
    if (cleaned.size() + piece.size() > max_bytes) break;
    cleaned += piece;
  }
  return cleaned;
}

Result<PrintedDocument> within_limits(const PrintedDocument& document) {
  if (document.lines.size() > DocumentLimits::max_lines) {
    return too_large("lines", fmt::format("a document has at most {} lines", DocumentLimits::max_lines));
  }
  if (document.taxes.size() > DocumentLimits::max_taxes) {
    return too_large("taxes", fmt::format("a document has at most {} tax lines", DocumentLimits::max_taxes));
  }
  if (document.facts.size() > DocumentLimits::max_facts) {
    return too_large("facts", fmt::format("a document has at most {} facts", DocumentLimits::max_facts));
  }
  auto issuer = party_within_limits(document.issuer, "issuer");
  if (!issuer) return issuer.take_error();
  auto recipient = party_within_limits(document.recipient, "recipient");
  if (!recipient) return recipient.take_error();

  PrintedDocument cleaned;
  cleaned.issuer = std::move(*issuer);
  cleaned.recipient = std::move(*recipient);
  cleaned.title = clean_short(document.title);
  for (const auto& [label, value] : document.facts) cleaned.facts.emplace_back(clean_short(label), clean_short(value));
  cleaned.introduction = clean_paragraph(document.introduction);
  cleaned.lines.reserve(document.lines.size());
  for (const auto& line : document.lines) cleaned.lines.push_back(line_within_limits(line));
  cleaned.currency = clean_short(document.currency);
  cleaned.net_total = clean_short(document.net_total);
  for (const auto& tax : document.taxes) {
    cleaned.taxes.push_back({clean_short(tax.rate), clean_short(tax.base), clean_short(tax.amount)});
  }
  cleaned.grand_total = clean_short(document.grand_total);
  // Line breaks separate the paragraphs here; each paragraph is held to the paragraph
  // limits when the terms are split for layout.
  cleaned.terms = clean_text(document.terms, DocumentLimits::max_terms_bytes, DocumentLimits::max_terms_bytes);
  cleaned.footer =
      clean_text(document.footer, DocumentLimits::max_footer_bytes, DocumentLimits::max_footer_line_breaks);
  cleaned.language = clean_short(document.language);
  return cleaned;
}

Error too_many_pages() {
  return too_large("lines", fmt::format("the document would print on more than {} pages", DocumentLimits::max_pages));
}

}  // namespace atrium::documents
