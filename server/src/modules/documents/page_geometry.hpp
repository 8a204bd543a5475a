#pragma once
// Where things go on an A4 page, in points (1/72 inch), from the top left corner.
// The address field follows DIN 5008 form B, so the recipient shows in the window of a
// DL or C5/6 window envelope.
namespace atrium::documents::page {

constexpr double millimetre = 72.0 / 25.4;

constexpr double width = 595.276;
constexpr double height = 841.89;

constexpr double margin_left = 20 * millimetre;
constexpr double margin_right = 15 * millimetre;
constexpr double margin_top = 15 * millimetre;
constexpr double content_left = margin_left;
constexpr double content_right = width - margin_right;
constexpr double content_width = content_right - content_left;

// The footer and page number sit on this line; the body ends above the footer.
constexpr double footer_bottom = height - 10 * millimetre;
constexpr double footer_gap = 4 * millimetre;
constexpr double footer_max_height = 30 * millimetre;

// Letterhead: the issuer at the top right, above the facts.
constexpr double issuer_width = 85 * millimetre;
constexpr double issuer_max_bottom = 90 * millimetre;
// The window: a return-address line, then the recipient, 85 × 45 mm from 45 mm down.
constexpr double address_top = 45 * millimetre;
constexpr double address_width = 85 * millimetre;
constexpr double address_bottom = address_top + 45 * millimetre;
constexpr double recipient_top = address_top + 5 * millimetre;
// The facts (number, dates) at the right, level with the address.
constexpr double facts_left = 125 * millimetre;
constexpr double facts_label_width = 28 * millimetre;
constexpr double facts_max_bottom = 140 * millimetre;

}  // namespace atrium::documents::page
