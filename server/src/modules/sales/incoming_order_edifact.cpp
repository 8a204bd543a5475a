// EDIFACT ORDERS messages (directory D.96A) read into an incoming order. Only the
// segments an order needs are interpreted; the others (RFF outside parties, TAX, ALC,
// TOD, PAT, LOC …) are read for the syntax and the UNT count and otherwise passed over.
#include <fmt/format.h>

#include "atrium/core/currency.hpp"
#include "atrium/sales/incoming_order.hpp"
#include "incoming_order_edifact_segments.hpp"
#include "incoming_order_values.hpp"

namespace atrium::sales {

namespace {

using namespace order_values;
using edifact::Segment;

// Where the reader stands in the message: party details (CTA, COM, RFF) belong to the
// last NAD; line details to the last LIN; after UNS only totals follow.
enum class Section { header, party, line, summary };
enum class PartyRole { none, buyer, seller, delivery };

// DTM: "20240131" (102), with a time (203, 204) or a period "20240131-20240207" (718).
struct DateRead {
  std::string start;
  std::string end;
};

std::optional<DateRead> read_date(std::string_view value, std::string_view format) {
  const auto iso = [](std::string_view digits) -> std::optional<std::string> {
    if (digits.size() < 8) return std::nullopt;
    for (std::size_t i = 0; i < 8; ++i) {
      if (digits[i] < '0' || digits[i] > '9') return std::nullopt;
    }
    std::string date = fmt::format("{}-{}-{}", digits.substr(0, 4), digits.substr(4, 2), digits.substr(6, 2));
    if (!is_iso_date(date)) return std::nullopt;
    return date;
  };
  const auto all_digits = [](std::string_view text) {
    return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
  };
  if (format == "718") {
    if (value.size() != 17 || value[8] != '-') return std::nullopt;
    auto start = iso(value.substr(0, 8));
    auto end = iso(value.substr(9));
    if (!start || !end || !all_digits(value.substr(9))) return std::nullopt;
    return DateRead{*start, *end};
  }
  const std::size_t length = format == "203" ? 12 : format == "204" ? 14 : 8;
  if (format != "102" && format != "203" && format != "204" && !format.empty()) return std::nullopt;
  if (value.size() != length || !all_digits(value)) return std::nullopt;
  auto date = iso(value);
  if (!date) return std::nullopt;
  return DateRead{*date, *date};
}

// Item numbers by their type (code list 7143) go to the buyer's, the seller's or the
// standard (EAN/GTIN) identification.
void assign_item_number(IncomingOrderLine& line, const std::string& number, std::string_view type) {
  if (number.empty()) return;
  std::string* target = &line.seller_item_id;
  if (type == "EN" || type == "UP" || type == "SRV" || type == "GN") target = &line.standard_item_id;
  if (type == "BP" || type == "IN") target = &line.buyer_item_id;
  if (target->empty()) *target = number;
}

std::string joined(const std::vector<std::string>& parts, std::size_t from, std::size_t to, std::string_view glue) {
  std::string text;
  for (std::size_t i = from; i < to && i < parts.size(); ++i) {
    if (parts[i].empty()) continue;
    if (!text.empty()) text += glue;
    text += parts[i];
  }
  return text;
}

const std::vector<std::string>& element(const Segment& segment, std::size_t position) {
  static const std::vector<std::string> kAbsent;
  return position == 0 || position > segment.elements.size() ? kAbsent : segment.elements[position - 1];
}

class EdifactOrderReader {
 public:
  EdifactOrderReader(const edifact::Interchange& interchange, OrderIssues& issues)
      : segments_(interchange.segments), decimal_mark_(interchange.separators.decimal_mark), issues_(issues) {}

  IncomingOrder read() {
    order_.format = IncomingOrderFormat::edifact;
    std::size_t index = 0;
    const Segment* interchange_header = nullptr;
    if (index < segments_.size() && segments_[index].tag == "UNB") {
      interchange_header = &segments_[index];
      ++index;
    } else if (index >= segments_.size() || segments_[index].tag != "UNH") {
      issues_.add(index < segments_.size() ? segments_[index].where() : "file", kEdifactSyntax,
                  "an EDIFACT interchange starts with UNB (or a message with UNH)");
      return std::move(order_);
    }

    std::size_t messages = 0;
    const Segment* interchange_trailer = nullptr;
    while (index < segments_.size() && !issues_.full()) {
      const Segment& segment = segments_[index];
      if (segment.tag == "UNH") {
        ++messages;
        if (messages == 2) {
          issues_.add(segment.where(), kEdifactSeveralMessages,
                      "the interchange holds more than one message; send one order per file");
        }
        index = read_message(index, messages == 1);
        continue;
      }
      if (segment.tag == "UNG" || segment.tag == "UNE") {
        ++index;  // functional groups only bundle messages
        continue;
      }
      if (segment.tag == "UNZ" && interchange_header) {
        interchange_trailer = &segment;
        ++index;
        break;
      }
      issues_.add(segment.where(), kEdifactSyntax,
                  fmt::format("{} outside a message (between UNT and UNH)", segment.tag));
      ++index;
    }
    if (index < segments_.size() && !issues_.full()) {
      issues_.add(segments_[index].where(), kEdifactSyntax, "segments follow the end of the interchange (UNZ)");
    }
    if (messages == 0) {
      issues_.add("file", kMissingField, "the interchange holds no message (UNH)");
    }
    if (interchange_header) check_interchange(*interchange_header, interchange_trailer, messages);
    return std::move(order_);
  }

 private:
  void check_interchange(const Segment& header, const Segment* trailer, std::size_t messages) {
    const auto& syntax = header.value(1, 1);
    if (!syntax.starts_with("UNO")) {
      issues_.add(header.where(), kEdifactSyntax,
                  fmt::format("{} is not a syntax identifier (UNOA … UNOY)", quoted(syntax)));
    }
    if (!trailer) {
      issues_.add("file", kEdifactSyntax, "the interchange has no UNZ at its end: the file is cut off");
      return;
    }
    if (trailer->value(1) != std::to_string(messages)) {
      issues_.add(
          trailer->where(), kEdifactControlMismatch,
          fmt::format("UNZ counts {} messages but the interchange holds {}", quoted(trailer->value(1)), messages));
    }
    if (trailer->value(2) != header.value(5)) {
      issues_.add(trailer->where(), kEdifactControlMismatch,
                  fmt::format("UNZ names the interchange {} but UNB named it {}", quoted(trailer->value(2)),
                              quoted(header.value(5))));
    }
  }

  // Reads from the UNH at `start` to its UNT; returns the index after it. A second
  // message is only walked through, so the interchange's own checks still run.
  std::size_t read_message(std::size_t start, bool first) {
    const Segment& header = segments_[start];
    const auto& type = header.value(2, 1);
    if (first && type != "ORDERS") {
      issues_.add(header.where(), kWrongDocument,
                  fmt::format("the message is {}, not ORDERS (a purchase order)", quoted(type)));
    } else if (first && header.value(2, 2) != "D") {
      issues_.add(header.where(), kWrongDocument,
                  fmt::format("ORDERS version {} is not a UN/EDIFACT directory (D)", quoted(header.value(2, 2))));
    }
    std::size_t index = start + 1;
    for (; index < segments_.size(); ++index) {
      const Segment& segment = segments_[index];
      if (segment.tag == "UNT") break;
      if (segment.tag == "UNH" || segment.tag == "UNZ") {
        issues_.add(segment.where(), kEdifactSyntax,
                    fmt::format("{} before the UNT that ends the message of {}", segment.tag, header.where()));
        return index;
      }
      if (first) read_segment(segment);
      if (issues_.full()) return segments_.size();
    }
    if (index >= segments_.size()) {
      issues_.add(header.where(), kEdifactSyntax, "the message has no UNT at its end: the file is cut off");
      if (first) finish_message(header);
      return index;
    }
    const Segment& trailer = segments_[index];
    // Counted by position in the file, so a segment refused for its syntax still counts.
    const std::size_t counted = trailer.number - header.number + 1;
    if (trailer.value(1) != std::to_string(counted)) {
      issues_.add(
          trailer.where(), kEdifactControlMismatch,
          fmt::format("UNT counts {} segments but the message has {} (UNH to UNT)", quoted(trailer.value(1)), counted));
    }
    if (trailer.value(2) != header.value(1)) {
      issues_.add(trailer.where(), kEdifactControlMismatch,
                  fmt::format("UNT names the message {} but UNH named it {}", quoted(trailer.value(2)),
                              quoted(header.value(1))));
    }
    if (first) finish_message(header);
    return index + 1;
  }

  void read_segment(const Segment& segment) {
    const std::string& tag = segment.tag;
    if (tag == "BGM") return read_document(segment);
    if (tag == "DTM") return read_date_segment(segment);
    if (tag == "FTX") return read_free_text(segment);
    if (tag == "CUX") return read_currency(segment);
    if (tag == "NAD") return read_party(segment);
    if (tag == "RFF") return read_reference(segment);
    if (tag == "CTA") return read_contact(segment);
    if (tag == "COM") return read_communication(segment);
    if (tag == "LIN") return start_line(segment);
    if (tag == "PIA") return read_product_ids(segment);
    if (tag == "IMD") return read_description(segment);
    if (tag == "QTY") return read_quantity(segment);
    if (tag == "PRI") return read_price(segment);
    if (tag == "MOA") return read_amount(segment);
    if (tag == "UNS") return start_summary(segment);
    if (tag == "CNT") return read_control_total(segment);
  }

  void read_document(const Segment& segment) {
    bgm_seen_ = true;
    const auto& name_code = segment.value(1, 1);
    const auto& function = segment.value(3);
    if (name_code == "230") {
      issues_.add(segment.where(), kWrongDocument,
                  "document name 230 is a purchase order change request; only new orders can be imported");
    }
    if (function == "1" || function == "3") {
      issues_.add(
          segment.where(), kWrongDocument,
          fmt::format("message function {} cancels or deletes an earlier order; only new orders can be imported",
                      function));
    } else if (!function.empty() && function != "9" && function != "7" && function != "31" && function != "43") {
      issues_.add(segment.where(), kWrongDocument,
                  fmt::format("message function {} changes or replaces an earlier order; only original orders (9) can "
                              "be imported",
                              quoted(function)));
    }
    order_.document_id = segment.value(2, 1);
    if (order_.document_id.empty()) {
      issues_.add(segment.where(), kMissingField, "BGM has no document number (element 2): the buyer's order number");
    }
  }

  void read_date_segment(const Segment& segment) {
    if (section_ == Section::line || section_ == Section::summary) return;  // line and summary dates not kept
    const auto& qualifier = segment.value(1, 1);
    if (qualifier != "137" && qualifier != "2" && qualifier != "64" && qualifier != "63") return;
    const auto date = read_date(segment.value(1, 2), segment.value(1, 3));
    if (!date) {
      issues_.add(
          segment.where(), kInvalidDate,
          fmt::format("{} is not a date in format {}", quoted(segment.value(1, 2)),
                      segment.value(1, 3).empty() ? std::string("102 (CCYYMMDD)") : quoted(segment.value(1, 3))));
      if (qualifier == "137") issue_date_seen_ = true;
      return;
    }
    if (qualifier == "137") {
      issue_date_seen_ = true;
      order_.issue_date = date->start;
    } else if (qualifier == "2") {
      order_.delivery.requested_start = date->start;
      order_.delivery.requested_end = date->end;
    } else if (qualifier == "64") {
      order_.delivery.requested_start = date->start;
    } else {
      order_.delivery.requested_end = date->end;
    }
  }

  void read_free_text(const Segment& segment) {
    const std::string text = joined(element(segment, 4), 0, 5, " ");
    if (text.empty()) return;
    std::string& note = section_ == Section::line && !order_.lines.empty() ? order_.lines.back().note : order_.note;
    if (!note.empty()) note += '\n';
    note += text;
  }

  void read_currency(const Segment& segment) {
    const auto& qualifier = segment.value(1, 1);
    if (!order_.currency.empty() || (qualifier != "2" && qualifier != "9" && !qualifier.empty())) return;
    const auto& code = segment.value(1, 2);
    if (!is_currency_code(code)) {
      issues_.add(segment.where(), kInvalidCode, fmt::format("{} is not an ISO 4217 currency code", quoted(code)));
      return;
    }
    order_.currency = code;
  }

  OrderAddress address(const Segment& segment) {
    OrderAddress value;
    const auto& street = element(segment, 5);
    value.street = street.empty() ? std::string() : street[0];
    value.additional_street = joined(street, 1, 4, ", ");
    value.city = segment.value(6);
    value.region = segment.value(7);
    value.postal_code = segment.value(8);
    value.country_code = segment.value(9);
    const auto& country = value.country_code;
    if (!country.empty() &&
        (country.size() != 2 || country[0] < 'A' || country[0] > 'Z' || country[1] < 'A' || country[1] > 'Z')) {
      issues_.add(segment.where(), kInvalidCode,
                  fmt::format("{} is not an ISO 3166-1 alpha-2 country code (element 9)", quoted(country)));
    }
    return value;
  }

  void read_party(const Segment& segment) {
    section_ = section_ == Section::header || section_ == Section::party ? Section::party : section_;
    contact_open_ = false;
    const auto& qualifier = segment.value(1);
    party_role_ = qualifier == "BY"                        ? PartyRole::buyer
                  : qualifier == "SU"                      ? PartyRole::seller
                  : qualifier == "DP" || qualifier == "ST" ? PartyRole::delivery
                                                           : PartyRole::none;
    if (section_ != Section::party || party_role_ == PartyRole::none) {
      party_role_ = PartyRole::none;  // parties of a line (SG34) are not kept
      return;
    }
    // The formatted name (C080) first, the unformatted name and address (C058) otherwise.
    std::string name = joined(element(segment, 4), 0, 5, " ");
    if (name.empty()) name = segment.value(3, 1);
    if (party_role_ == PartyRole::delivery) {
      if (delivery_seen_) return;  // the first delivery party is the order's
      delivery_seen_ = true;
      order_.delivery.party_name = name;
      order_.delivery.address = address(segment);
      return;
    }
    OrderParty& party = party_role_ == PartyRole::buyer ? order_.buyer : order_.seller;
    bool& seen = party_role_ == PartyRole::buyer ? buyer_seen_ : seller_seen_;
    if (seen) {
      issues_.add(segment.where(), kEdifactSyntax, fmt::format("a second NAD+{} in one order", qualifier));
      return;
    }
    seen = true;
    party.name = name;
    party.identifier = segment.value(2, 1);
    const auto& agency = segment.value(2, 3);
    party.identifier_scheme = agency == "9" ? std::string("GLN") : agency;
    party.address = address(segment);
    if (party.name.empty() && party.identifier.empty()) {
      issues_.add(
          segment.where(), kMissingField,
          fmt::format("NAD+{} has neither a party identification (element 2) nor a name (element 4)", qualifier));
    }
  }

  OrderParty* current_party() {
    if (section_ != Section::party) return nullptr;
    if (party_role_ == PartyRole::buyer) return &order_.buyer;
    if (party_role_ == PartyRole::seller) return &order_.seller;
    return nullptr;
  }

  void read_reference(const Segment& segment) {
    OrderParty* party = current_party();
    if (!party) return;
    const auto& qualifier = segment.value(1, 1);
    if (qualifier == "VA" && party->vat_id.empty()) party->vat_id = segment.value(1, 2);
    if ((qualifier == "XA" || qualifier == "GN") && party->company_id.empty()) party->company_id = segment.value(1, 2);
  }

  void read_contact(const Segment& segment) {
    contact_open_ = current_party() != nullptr;
    if (!contact_open_) return;
    OrderContact& contact = current_party()->contact;
    if (contact.name.empty()) contact.name = segment.value(2, 2);
  }

  void read_communication(const Segment& segment) {
    if (!contact_open_ || !current_party()) return;
    OrderContact& contact = current_party()->contact;
    // COM repeats per channel: C076 is the number and its kind (3155).
    const auto& number = segment.value(1, 1);
    const auto& channel = segment.value(1, 2);
    if (channel == "TE" && contact.phone.empty()) contact.phone = number;
    if (channel == "EM" && contact.email.empty()) contact.email = number;
  }

  void start_line(const Segment& segment) {
    if (section_ == Section::summary) {
      issues_.add(segment.where(), kEdifactSyntax, "LIN after the summary section (UNS)");
      return;
    }
    finish_line();
    section_ = Section::line;
    contact_open_ = false;
    ++line_count_;
    if (line_count_ > kMaxOrderLines) {
      if (line_count_ == kMaxOrderLines + 1) {
        issues_.add(segment.where(), kTooManyLines,
                    fmt::format("the order has more than {} lines; at most that many are imported from one file",
                                kMaxOrderLines));
      }
      line_open_ = false;
      return;
    }
    line_open_ = true;
    line_segment_ = &segment;
    quantity_seen_ = false;
    IncomingOrderLine line;
    line.line_id = segment.value(1);
    if (line.line_id.empty()) line.line_id = std::to_string(line_count_);
    assign_item_number(line, segment.value(3, 1), segment.value(3, 2));
    order_.lines.push_back(std::move(line));
  }

  IncomingOrderLine* current_line(const Segment& segment) {
    if (section_ != Section::line) {
      issues_.add(segment.where(), kEdifactSyntax,
                  fmt::format("{} outside a line item (no LIN before it)", segment.tag));
      return nullptr;
    }
    return line_open_ ? &order_.lines.back() : nullptr;
  }

  void read_product_ids(const Segment& segment) {
    IncomingOrderLine* line = current_line(segment);
    if (!line) return;
    for (std::size_t position = 2; position <= 6; ++position) {
      assign_item_number(*line, segment.value(position, 1), segment.value(position, 2));
    }
  }

  void read_description(const Segment& segment) {
    IncomingOrderLine* line = current_line(segment);
    if (!line) return;
    const std::string text = joined(element(segment, 3), 3, 5, " ");
    if (text.empty()) return;
    if (line->name.empty()) {
      line->name = text;
    } else {
      if (!line->description.empty()) line->description += '\n';
      line->description += text;
    }
  }

  std::optional<Decimal> number(const Segment& segment, std::size_t position, std::size_t component,
                                std::string_view what) {
    const auto& text = segment.value(position, component);
    auto value = parse_order_decimal(text, decimal_mark_);
    if (!value) {
      issues_.add(segment.where(), kInvalidNumber,
                  text.empty() ? fmt::format("the {} (element {}, component {}) is empty", what, position, component)
                               : fmt::format("the {} {} (element {}, component {}) is not a number with the decimal "
                                             "mark '{}' and at most six places",
                                             what, quoted(text), position, component, decimal_mark_));
    }
    return value;
  }

  void read_quantity(const Segment& segment) {
    if (section_ != Section::line) return;    // quantities outside lines (none in the subset) are ignored
    if (segment.value(1, 1) != "21") return;  // 21: ordered quantity; free goods etc. are not kept
    IncomingOrderLine* line = current_line(segment);
    if (!line) return;
    quantity_seen_ = true;
    const auto quantity = number(segment, 1, 2, "quantity");
    if (!quantity) return;
    if (quantity->is_negative() || quantity->is_zero()) {
      issues_.add(segment.where(), kInvalidNumber,
                  fmt::format("the quantity {} must be more than zero", quantity->to_string()));
    }
    line->quantity = *quantity;
    line->unit_code = segment.value(1, 3);
  }

  void read_price(const Segment& segment) {
    IncomingOrderLine* line = current_line(segment);
    if (!line || segment.value(1, 1) != "AAA") return;  // AAA: net calculation price
    line->unit_price = number(segment, 1, 2, "price");
    if (!segment.value(1, 5).empty()) {
      line->price_base_quantity = number(segment, 1, 5, "price basis");
      if (line->price_base_quantity &&
          (line->price_base_quantity->is_zero() || line->price_base_quantity->is_negative())) {
        issues_.add(segment.where(), kInvalidNumber, "the price basis (element 1, component 5) must be more than zero");
      }
    }
  }

  void read_amount(const Segment& segment) {
    const auto& qualifier = segment.value(1, 1);
    std::optional<Decimal>* target = nullptr;
    if (section_ == Section::line && line_open_ && qualifier == "203") {
      target = &order_.lines.back().line_extension_amount;
    } else if (section_ == Section::summary) {
      if (qualifier == "79") target = &order_.totals.line_extension_amount;
      if (qualifier == "124" || qualifier == "176") target = &order_.totals.tax_amount;
      if (qualifier == "86" || qualifier == "128" || qualifier == "9") target = &order_.totals.payable_amount;
    }
    if (!target) return;
    *target = number(segment, 1, 2, "amount");
    const auto& currency = segment.value(1, 3);
    if (!currency.empty()) amounts_.push_back({segment.where(), currency});
  }

  void start_summary(const Segment& segment) {
    finish_line();
    line_open_ = false;
    if (segment.value(1) != "S") {
      issues_.add(segment.where(), kEdifactSyntax, "UNS separates the lines from the summary: its element 1 is S");
    }
    section_ = Section::summary;
  }

  void read_control_total(const Segment& segment) {
    if (segment.value(1, 1) != "2") return;  // 2: number of line items
    const auto& counted = segment.value(1, 2);
    if (counted != std::to_string(line_count_)) {
      issues_.add(segment.where(), kEdifactControlMismatch,
                  fmt::format("CNT+2 counts {} lines but the message has {} (LIN)", quoted(counted), line_count_));
    }
  }

  void finish_line() {
    if (!line_open_) return;
    const IncomingOrderLine& line = order_.lines.back();
    if (!quantity_seen_) {
      issues_.add(line_segment_->where(), kMissingField,
                  fmt::format("line {} has no ordered quantity (QTY+21)", quoted(line.line_id)));
    }
    if (line.name.empty() && line.description.empty() && line.buyer_item_id.empty() && line.seller_item_id.empty() &&
        line.standard_item_id.empty()) {
      issues_.add(
          line_segment_->where(), kMissingField,
          fmt::format("line {} has neither an item number (LIN, PIA) nor a description (IMD)", quoted(line.line_id)));
    }
    line_open_ = false;
  }

  void finish_message(const Segment& header) {
    finish_line();
    const std::string where = header.where();
    if (!bgm_seen_) issues_.add(where, kMissingField, "the message has no BGM (the buyer's order number)");
    if (!issue_date_seen_) issues_.add(where, kMissingField, "the message has no DTM+137 (the order's date)");
    if (!buyer_seen_) issues_.add(where, kMissingField, "the message has no NAD+BY (the buyer)");
    if (line_count_ == 0) issues_.add(where, kMissingField, "the message has no line item (LIN)");
    for (const auto& seen : amounts_) {
      if (order_.currency.empty()) {
        if (!is_currency_code(seen.currency)) {
          issues_.add(seen.where, kInvalidCode,
                      fmt::format("{} is not an ISO 4217 currency code", quoted(seen.currency)));
          continue;
        }
        order_.currency = seen.currency;
      } else if (seen.currency != order_.currency) {
        issues_.add(seen.where, kCurrencyMismatch,
                    fmt::format("the amount is in {} but the order is in {}", quoted(seen.currency), order_.currency));
      }
    }
  }

  struct AmountSeen {
    std::string where;
    std::string currency;
  };

  const std::vector<Segment>& segments_;
  const char decimal_mark_;
  OrderIssues& issues_;
  IncomingOrder order_;
  Section section_ = Section::header;
  PartyRole party_role_ = PartyRole::none;
  const Segment* line_segment_ = nullptr;
  bool contact_open_ = false;
  bool line_open_ = false;
  bool quantity_seen_ = false;
  bool bgm_seen_ = false;
  bool issue_date_seen_ = false;
  bool buyer_seen_ = false;
  bool seller_seen_ = false;
  bool delivery_seen_ = false;
  std::size_t line_count_ = 0;
  std::vector<AmountSeen> amounts_;
};

// Syntax levels whose text is ISO 8859-1 or a subset of it (UNOA and UNOB are ASCII, but
// senders put Latin-1 letters in them all the same).
bool is_latin1_syntax(std::string_view syntax) {
  return syntax == "UNOA" || syntax == "UNOB" || syntax == "UNOC";
}

}  // namespace

OrderParseResult parse_edifact_orders(std::string_view text) {
  OrderIssues issues;
  if (text.size() > kMaxOrderFileBytes) {
    issues.add(
        "file", kTooLarge,
        fmt::format("the file has {} bytes; order files may have at most {} bytes", text.size(), kMaxOrderFileBytes));
    return std::move(issues).refuse();
  }
  std::string converted;
  if (const auto bad = first_invalid_utf8(text)) {
    // Not UTF-8: the interchange header says which character set it is in.
    OrderIssues ignored;
    const auto probe = edifact::split_segments(text, ignored);
    const bool latin1 = !probe.segments.empty() && probe.segments.front().tag == "UNB" &&
                        is_latin1_syntax(probe.segments.front().value(1, 1));
    if (!latin1) {
      issues.add("file", kInvalidEncoding,
                 fmt::format("byte {} is not UTF-8 and the interchange does not declare ISO 8859-1 (UNOC)", *bad + 1));
      return std::move(issues).refuse();
    }
    converted = edifact::latin1_to_utf8(text);
    text = converted;
  }
  const auto interchange = edifact::split_segments(text, issues);
  if (interchange.segments.empty()) {
    if (issues.empty()) issues.add("file", kEdifactSyntax, "the file holds no EDIFACT segment");
    return std::move(issues).refuse();
  }
  EdifactOrderReader reader(interchange, issues);
  auto order = reader.read();
  return std::move(issues).finish(std::move(order));
}

}  // namespace atrium::sales
