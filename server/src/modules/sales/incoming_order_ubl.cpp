// UBL Order documents read with pugixml. pugixml never expands an entity other than the
// five predefined ones and never opens a file or a URL, but it would keep a DOCTYPE's
// text; the raw bytes are scanned first so a DTD is refused before anything is parsed,
// and references to undeclared entities are reported instead of passed on as text.
// Elements are matched by namespace URI and local name: prefixes are the sender's choice.
#include <fmt/format.h>

#include <cstdint>
#include <pugixml.hpp>
#include <unordered_map>

#include "atrium/core/currency.hpp"
#include "atrium/sales/incoming_order.hpp"
#include "incoming_order_values.hpp"

namespace atrium::sales {

namespace {

using namespace order_values;

constexpr std::string_view kOrderNamespace = "urn:oasis:names:specification:ubl:schema:xsd:Order-2";
constexpr std::string_view kAggregateNamespace =
    "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
constexpr std::string_view kBasicNamespace = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
constexpr std::string_view kUblNamespacePrefix = "urn:oasis:names:specification:ubl:schema:xsd:";

// UBL documents nest about ten levels; extensions a few more. Deeper files are refused so
// that looking up a prefix through the ancestors stays cheap.
constexpr int kMaxDepth = 100;

enum class Namespace : std::uint8_t { other, order, aggregate, basic };

Namespace namespace_of_uri(std::string_view uri) {
  if (uri == kOrderNamespace) return Namespace::order;
  if (uri == kAggregateNamespace) return Namespace::aggregate;
  if (uri == kBasicNamespace) return Namespace::basic;
  return Namespace::other;
}

std::size_t line_of(std::string_view text, std::size_t offset) {
  std::size_t line = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) line += text[i] == '\n';
  return line;
}

// The five predefined entities, or a character reference to a character XML allows
// (pugixml would write a surrogate or NUL as bytes that are not UTF-8 text).
bool is_allowed_reference(std::string_view name) {
  if (name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos") return true;
  if (name.size() < 2 || name[0] != '#') return false;
  const bool hex = name[1] == 'x';
  const std::string_view digits = name.substr(hex ? 2 : 1);
  if (digits.empty() || digits.size() > 8) return false;
  std::uint32_t code = 0;
  for (const char c : digits) {
    int digit = -1;
    if (c >= '0' && c <= '9') digit = c - '0';
    if (hex && c >= 'a' && c <= 'f') digit = c - 'a' + 10;
    if (hex && c >= 'A' && c <= 'F') digit = c - 'A' + 10;
    if (digit < 0) return false;
    code = code * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
  }
  if (code == 0x9 || code == 0xA || code == 0xD) return true;
  return (code >= 0x20 && code <= 0xD7FF) || (code >= 0xE000 && code <= 0xFFFD) ||
         (code >= 0x10000 && code <= 0x10FFFF);
}

// Looks at the bytes before any parser does: a DOCTYPE anywhere outside comments and
// CDATA refuses the file; entity references other than the predefined ones and control
// characters that XML forbids are reported with their line. Returns false when the file
// must not be parsed at all.
bool scan_markup(std::string_view xml, OrderIssues& issues) {
  std::size_t line = 1;
  const auto skip_to = [&](std::size_t from, std::string_view end) {
    const auto found = xml.find(end, from);
    const auto stop = found == std::string_view::npos ? xml.size() : found + end.size();
    for (std::size_t k = from; k < stop; ++k) line += xml[k] == '\n';
    return stop;
  };
  std::size_t i = 0;
  while (i < xml.size() && !issues.full()) {
    const char c = xml[i];
    if (c == '<' && xml.substr(i, 4) == "<!--") {
      i = skip_to(i, "-->");
      continue;
    }
    if (c == '<' && xml.substr(i, 9) == "<![CDATA[") {
      i = skip_to(i, "]]>");
      continue;
    }
    if (c == '<' && xml.substr(i, 9) == "<!DOCTYPE") {
      issues.add("/", kDtdRefused,
                 fmt::format("line {}: the file declares a DOCTYPE; order files with a DTD or entity "
                             "declarations are refused",
                             line));
      return false;
    }
    if (c == '&') {
      const auto end = xml.find_first_of(";<&\"' \t\r\n", i + 1);
      const bool terminated = end != std::string_view::npos && xml[end] == ';';
      const std::string_view name = terminated ? xml.substr(i + 1, end - i - 1) : std::string_view{};
      if (!terminated) {
        issues.add("/", kNotWellFormed, fmt::format("line {}: a bare '&' (write &amp;)", line));
      } else if (!is_allowed_reference(name)) {
        issues.add("/", kNotWellFormed,
                   fmt::format("line {}: &{}; is not a predefined entity or a character XML allows "
                               "(entities are never expanded)",
                               line, utf8_prefix(name, 40)));
      }
      ++i;
      continue;
    }
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      issues.add("/", kNotWellFormed,
                 fmt::format("line {}: control character 0x{:02X} is not allowed in XML", line, byte));
    }
    line += c == '\n';
    ++i;
  }
  return true;
}

// Each element's namespace, resolved once for the whole tree from the xmlns attributes
// in scope, so lookups afterwards compare a small number.
class NamespaceMap {
 public:
  // False (with issues) when a prefix is unbound or the tree is too deep.
  bool build(const pugi::xml_node& root, OrderIssues& issues) {
    int depth = 0;
    pugi::xml_node node = root;
    while (node) {
      if (node.type() == pugi::node_element) {
        const auto uri = resolve(node);
        if (!uri) {
          issues.add("/", kNotWellFormed,
                     fmt::format("the prefix of element <{}> is not bound to a namespace", quoted(node.name())));
          return false;
        }
        namespaces_[node.internal_object()] = namespace_of_uri(*uri);
        if (node == root) root_uri_ = std::string(*uri);
      }
      // Depth-first without recursion, however deep the file.
      if (node.first_child()) {
        if (++depth > kMaxDepth) {
          issues.add("/", kNotWellFormed, fmt::format("elements are nested more than {} levels deep", kMaxDepth));
          return false;
        }
        node = node.first_child();
        continue;
      }
      while (node && node != root && !node.next_sibling()) {
        node = node.parent();
        --depth;
      }
      if (!node || node == root) break;
      node = node.next_sibling();
    }
    return true;
  }

  Namespace of(const pugi::xml_node& node) const {
    const auto found = namespaces_.find(node.internal_object());
    return found == namespaces_.end() ? Namespace::other : found->second;
  }
  const std::string& root_uri() const { return root_uri_; }

 private:
  static std::optional<std::string_view> resolve(const pugi::xml_node& element) {
    const std::string_view name = element.name();
    const auto colon = name.find(':');
    const std::string_view prefix = colon == std::string_view::npos ? std::string_view{} : name.substr(0, colon);
    const std::string attribute = prefix.empty() ? std::string("xmlns") : "xmlns:" + std::string(prefix);
    for (pugi::xml_node scope = element; scope && scope.type() == pugi::node_element; scope = scope.parent()) {
      if (const auto declared = scope.attribute(attribute.c_str())) return std::string_view(declared.value());
    }
    if (prefix.empty()) return std::string_view{};  // no default namespace
    if (prefix == "xml") return std::string_view("http://www.w3.org/XML/1998/namespace");
    return std::nullopt;
  }

  std::unordered_map<pugi::xml_node_struct*, Namespace> namespaces_;
  std::string root_uri_;
};

bool is_capital(char c) {
  return c >= 'A' && c <= 'Z';
}

std::string_view local_name(const pugi::xml_node& node) {
  const std::string_view name = node.name();
  const auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// A step of a path: an element's namespace and local name.
struct Step {
  Namespace ns;
  std::string_view name;
};
constexpr Step cac(std::string_view name) {
  return {Namespace::aggregate, name};
}
constexpr Step cbc(std::string_view name) {
  return {Namespace::basic, name};
}

// An amount as read, for the currency check once the order's currency is known.
struct AmountSeen {
  std::string path;
  std::string currency;
};

class UblOrderReader {
 public:
  UblOrderReader(const NamespaceMap& namespaces, OrderIssues& issues) : namespaces_(namespaces), issues_(issues) {}

  IncomingOrder read(const pugi::xml_node& root) {
    IncomingOrder order;
    order.format = IncomingOrderFormat::ubl;
    const std::string base = "/Order";
    order.document_id = required_text(root, base, {cbc("ID")});
    order.issue_date = date_at(root, base, {cbc("IssueDate")}, Requirement::required);
    for (const auto& note : children(root, cbc("Note"))) {
      if (!order.note.empty()) order.note += '\n';
      order.note += text(note);
    }
    order.currency = text_at(root, {cbc("DocumentCurrencyCode")});
    if (!order.currency.empty() && !is_currency_code(order.currency)) {
      issues_.add(base + "/DocumentCurrencyCode", kInvalidCode,
                  fmt::format("{} is not an ISO 4217 currency code", quoted(order.currency)));
    }

    order.buyer = party(root, base, "BuyerCustomerParty");
    order.seller = party(root, base, "SellerSupplierParty");
    read_delivery(root, base, order.delivery);

    const auto tax_total = child(root, cac("TaxTotal"));
    order.totals.tax_amount = amount(tax_total, base + "/TaxTotal", cbc("TaxAmount"));
    const auto monetary_total = child(root, cac("AnticipatedMonetaryTotal"));
    const std::string totals_path = base + "/AnticipatedMonetaryTotal";
    order.totals.line_extension_amount = amount(monetary_total, totals_path, cbc("LineExtensionAmount"));
    order.totals.payable_amount = amount(monetary_total, totals_path, cbc("PayableAmount"));

    const auto lines = children(root, cac("OrderLine"));
    if (lines.empty()) {
      issues_.add(base + "/OrderLine", kMissingField, "the order has no OrderLine");
    } else if (lines.size() > kMaxOrderLines) {
      issues_.add(
          base + "/OrderLine", kTooManyLines,
          fmt::format("the order has {} lines; at most {} are imported from one file", lines.size(), kMaxOrderLines));
    } else {
      order.lines.reserve(lines.size());
      for (std::size_t i = 0; i < lines.size() && !issues_.full(); ++i) {
        order.lines.push_back(line(lines[i], fmt::format("{}/OrderLine[{}]", base, i + 1)));
      }
    }
    check_currencies(order.currency);
    return order;
  }

 private:
  enum class Requirement { optional, required };

  pugi::xml_node child(const pugi::xml_node& parent, Step step) const {
    if (!parent) return {};
    for (const auto& node : parent.children()) {
      if (node.type() == pugi::node_element && local_name(node) == step.name && namespaces_.of(node) == step.ns) {
        return node;
      }
    }
    return {};
  }

  std::vector<pugi::xml_node> children(const pugi::xml_node& parent, Step step) const {
    std::vector<pugi::xml_node> found;
    if (!parent) return found;
    for (const auto& node : parent.children()) {
      if (node.type() == pugi::node_element && local_name(node) == step.name && namespaces_.of(node) == step.ns) {
        found.push_back(node);
      }
    }
    return found;
  }

  pugi::xml_node descend(pugi::xml_node node, std::initializer_list<Step> steps) const {
    for (const auto& step : steps) node = child(node, step);
    return node;
  }

  static std::string path_of(const std::string& base, std::initializer_list<Step> steps) {
    std::string path = base;
    for (const auto& step : steps) {
      path += '/';
      path += step.name;
    }
    return path;
  }

  // An element's character data (text and CDATA, comments between them skipped), trimmed.
  static std::string text(const pugi::xml_node& node) {
    std::string value;
    for (const auto& part : node.children()) {
      if (part.type() == pugi::node_pcdata || part.type() == pugi::node_cdata) value += part.value();
    }
    return std::string(trimmed(value));
  }

  std::string text_at(const pugi::xml_node& node, std::initializer_list<Step> steps) const {
    const auto found = descend(node, steps);
    return found ? text(found) : std::string();
  }

  std::string required_text(const pugi::xml_node& node, const std::string& base, std::initializer_list<Step> steps) {
    std::string value = text_at(node, steps);
    if (value.empty()) {
      const auto path = path_of(base, steps);
      issues_.add(path, kMissingField, fmt::format("{} is missing or empty", path));
    }
    return value;
  }

  // xsd:date allows a time zone after the date ("2010-01-20Z", "2010-01-20+01:00"); an
  // order's date is the calendar day as written.
  std::string date_at(const pugi::xml_node& node, const std::string& base, std::initializer_list<Step> steps,
                      Requirement requirement) {
    std::string value = requirement == Requirement::required ? required_text(node, base, steps) : text_at(node, steps);
    if (value.empty()) return value;
    const std::string_view zone = std::string_view(value).substr(std::min<std::size_t>(value.size(), 10));
    const bool zone_ok =
        zone.empty() || zone == "Z" || (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':');
    if (!is_iso_date(std::string_view(value).substr(0, 10)) || !zone_ok) {
      issues_.add(path_of(base, steps), kInvalidDate, fmt::format("{} is not a date (yyyy-mm-dd)", quoted(value)));
      return {};
    }
    return value.substr(0, 10);
  }

  std::optional<Decimal> number(const pugi::xml_node& node, const std::string& path) {
    const auto value = text(node);
    auto parsed = parse_order_decimal(value);
    if (!parsed) {
      issues_.add(path, kInvalidNumber,
                  value.empty() ? std::string("the number is empty")
                                : fmt::format("{} is not a decimal number with at most six places", quoted(value)));
    }
    return parsed;
  }

  // An amount element (cbc:…Amount with currencyID) under `parent`, if present.
  std::optional<Decimal> amount(const pugi::xml_node& parent, const std::string& base, Step step) {
    const auto node = child(parent, step);
    if (!node) return std::nullopt;
    const auto path = path_of(base, {step});
    amounts_.push_back({path, std::string(trimmed(node.attribute("currencyID").value()))});
    return number(node, path);
  }

  void check_currencies(std::string& currency) {
    // Without a document currency the amounts name it; they must all agree.
    for (const auto& seen : amounts_) {
      if (seen.currency.empty()) continue;
      if (currency.empty()) {
        if (!is_currency_code(seen.currency)) {
          issues_.add(seen.path, kInvalidCode,
                      fmt::format("currencyID {} is not an ISO 4217 currency code", quoted(seen.currency)));
          continue;
        }
        currency = seen.currency;
      } else if (seen.currency != currency) {
        issues_.add(seen.path, kCurrencyMismatch,
                    fmt::format("the amount is in {} but the order is in {}", quoted(seen.currency), currency));
      }
    }
  }

  OrderAddress address(const pugi::xml_node& node, const std::string& path) {
    OrderAddress value;
    if (!node) return value;
    const auto street = text_at(node, {cbc("StreetName")});
    const auto building = text_at(node, {cbc("BuildingNumber")});
    value.street = street.empty() || building.empty() ? street + building : street + " " + building;
    value.additional_street = text_at(node, {cbc("AdditionalStreetName")});
    for (const auto& address_line : children(node, cac("AddressLine"))) {
      const auto line_text = text_at(address_line, {cbc("Line")});
      if (line_text.empty()) continue;
      if (!value.additional_street.empty()) value.additional_street += ", ";
      value.additional_street += line_text;
    }
    value.city = text_at(node, {cbc("CityName")});
    value.postal_code = text_at(node, {cbc("PostalZone")});
    value.region = text_at(node, {cbc("CountrySubentity")});
    value.country_code = text_at(node, {cac("Country"), cbc("IdentificationCode")});
    if (!value.country_code.empty() &&
        (value.country_code.size() != 2 || !is_capital(value.country_code[0]) || !is_capital(value.country_code[1]))) {
      issues_.add(path + "/Country/IdentificationCode", kInvalidCode,
                  fmt::format("{} is not an ISO 3166-1 alpha-2 country code", quoted(value.country_code)));
    }
    return value;
  }

  OrderParty party(const pugi::xml_node& root, const std::string& base, std::string_view role) {
    OrderParty value;
    const std::string role_path = fmt::format("{}/{}", base, role);
    const auto party_node = descend(root, {cac(role), cac("Party")});
    if (!party_node) {
      issues_.add(role_path + "/Party", kMissingField, fmt::format("{}/Party is missing", role_path));
      return value;
    }
    const std::string path = role_path + "/Party";
    value.endpoint_id = text_at(party_node, {cbc("EndpointID")});
    if (const auto id = descend(party_node, {cac("PartyIdentification"), cbc("ID")})) {
      value.identifier = text(id);
      value.identifier_scheme = trimmed(id.attribute("schemeID").value());
    }
    value.name = text_at(party_node, {cac("PartyName"), cbc("Name")});
    if (value.name.empty()) value.name = text_at(party_node, {cac("PartyLegalEntity"), cbc("RegistrationName")});
    if (value.name.empty()) value.name = text_at(party_node, {cac("PartyTaxScheme"), cbc("RegistrationName")});
    if (value.name.empty() && value.identifier.empty() && value.endpoint_id.empty()) {
      issues_.add(path + "/PartyName/Name", kMissingField,
                  fmt::format("{} has neither a name nor an identification", path));
    }
    value.address = address(child(party_node, cac("PostalAddress")), path + "/PostalAddress");
    value.vat_id = text_at(party_node, {cac("PartyTaxScheme"), cbc("CompanyID")});
    value.company_id = text_at(party_node, {cac("PartyLegalEntity"), cbc("CompanyID")});
    const auto contact = child(party_node, cac("Contact"));
    value.contact.name = text_at(contact, {cbc("Name")});
    value.contact.phone = text_at(contact, {cbc("Telephone")});
    value.contact.email = text_at(contact, {cbc("ElectronicMail")});
    if (value.contact.name.empty()) {
      const auto person = child(party_node, cac("Person"));
      const auto first = text_at(person, {cbc("FirstName")});
      const auto family = text_at(person, {cbc("FamilyName")});
      value.contact.name = first.empty() || family.empty() ? first + family : first + " " + family;
    }
    return value;
  }

  void read_delivery(const pugi::xml_node& root, const std::string& base, OrderDelivery& delivery) {
    // An order may name several deliveries; the first is the order's delivery address.
    const auto node = child(root, cac("Delivery"));
    if (!node) return;
    const std::string path = base + "/Delivery";
    if (const auto located = descend(node, {cac("DeliveryLocation"), cac("Address")})) {
      delivery.address = address(located, path + "/DeliveryLocation/Address");
    } else {
      // UBL 2.0 wrote the address directly (still allowed, deprecated, in 2.1).
      delivery.address = address(child(node, cac("DeliveryAddress")), path + "/DeliveryAddress");
    }
    const auto period = child(node, cac("RequestedDeliveryPeriod"));
    const std::string period_path = path + "/RequestedDeliveryPeriod";
    delivery.requested_start = date_at(period, period_path, {cbc("StartDate")}, Requirement::optional);
    delivery.requested_end = date_at(period, period_path, {cbc("EndDate")}, Requirement::optional);
    delivery.party_name = text_at(node, {cac("DeliveryParty"), cac("PartyName"), cbc("Name")});
  }

  IncomingOrderLine line(const pugi::xml_node& order_line, const std::string& base) {
    IncomingOrderLine value;
    value.note = text_at(order_line, {cbc("Note")});
    const auto item_line = child(order_line, cac("LineItem"));
    const std::string path = base + "/LineItem";
    if (!item_line) {
      issues_.add(path, kMissingField, fmt::format("{} is missing", path));
      return value;
    }
    value.line_id = required_text(item_line, path, {cbc("ID")});

    const auto quantity = child(item_line, cbc("Quantity"));
    const std::string quantity_path = path + "/Quantity";
    if (!quantity) {
      issues_.add(quantity_path, kMissingField, fmt::format("{} is missing", quantity_path));
    } else if (const auto parsed = number(quantity, quantity_path)) {
      if (parsed->is_negative() || parsed->is_zero()) {
        issues_.add(quantity_path, kInvalidNumber,
                    fmt::format("the quantity {} must be more than zero", parsed->to_string()));
      }
      value.quantity = *parsed;
      value.unit_code = trimmed(quantity.attribute("unitCode").value());
    }
    value.line_extension_amount = amount(item_line, path, cbc("LineExtensionAmount"));

    const auto price = child(item_line, cac("Price"));
    value.unit_price = amount(price, path + "/Price", cbc("PriceAmount"));
    if (const auto base_quantity = child(price, cbc("BaseQuantity"))) {
      value.price_base_quantity = number(base_quantity, path + "/Price/BaseQuantity");
      if (value.price_base_quantity && !value.price_base_quantity->is_negative() &&
          value.price_base_quantity->is_zero()) {
        issues_.add(path + "/Price/BaseQuantity", kInvalidNumber, "the price's base quantity must be more than zero");
      }
    }

    const auto item = child(item_line, cac("Item"));
    const std::string item_path = path + "/Item";
    if (!item) {
      issues_.add(item_path, kMissingField, fmt::format("{} is missing", item_path));
      return value;
    }
    value.name = text_at(item, {cbc("Name")});
    for (const auto& description : children(item, cbc("Description"))) {
      if (!value.description.empty()) value.description += '\n';
      value.description += text(description);
    }
    value.buyer_item_id = text_at(item, {cac("BuyersItemIdentification"), cbc("ID")});
    value.seller_item_id = text_at(item, {cac("SellersItemIdentification"), cbc("ID")});
    value.standard_item_id = text_at(item, {cac("StandardItemIdentification"), cbc("ID")});
    if (value.name.empty() && value.description.empty() && value.buyer_item_id.empty() &&
        value.seller_item_id.empty() && value.standard_item_id.empty()) {
      issues_.add(item_path + "/Name", kMissingField,
                  fmt::format("{} has neither a name, a description nor an item identification", item_path));
    }
    return value;
  }

  const NamespaceMap& namespaces_;
  OrderIssues& issues_;
  std::vector<AmountSeen> amounts_;
};

void refuse_wrong_root(const pugi::xml_node& root, const NamespaceMap& namespaces, OrderIssues& issues) {
  const std::string_view name = local_name(root);
  const std::string& uri = namespaces.root_uri();
  const std::string path = fmt::format("/{}", utf8_prefix(name, 60));
  if (uri.starts_with(kUblNamespacePrefix) && (name == "OrderChange" || name == "OrderCancellation")) {
    issues.add(path, kWrongDocument,
               fmt::format("this is a UBL {}, which refers to an earlier order; only new orders (UBL Order) can be "
                           "imported, so apply the {} by hand",
                           name, name == "OrderChange" ? "change" : "cancellation"));
  } else if (uri.starts_with(kUblNamespacePrefix)) {
    issues.add(path, kWrongDocument, fmt::format("this is a UBL {} document, not an Order", quoted(name)));
  } else if (name == "Order") {
    issues.add(path, kWrongDocument,
               fmt::format("the root element Order is in namespace {}, not {}", quoted(uri), kOrderNamespace));
  } else {
    issues.add(path, kWrongDocument,
               fmt::format("the root element is {}, not a UBL Order ({})", quoted(root.name()), kOrderNamespace));
  }
}

}  // namespace

OrderParseResult parse_ubl_order(std::string_view xml) {
  OrderIssues issues;
  if (xml.size() > kMaxOrderFileBytes) {
    issues.add(
        "/", kTooLarge,
        fmt::format("the file has {} bytes; order files may have at most {} bytes", xml.size(), kMaxOrderFileBytes));
    return std::move(issues).refuse();
  }
  if (xml.starts_with("\xFE\xFF") || xml.starts_with("\xFF\xFE")) {
    issues.add("/", kInvalidEncoding, "the file is UTF-16; order files are read as UTF-8");
    return std::move(issues).refuse();
  }
  if (const auto bad = first_invalid_utf8(xml)) {
    issues.add("/", kInvalidEncoding,
               fmt::format("line {}: the file is not valid UTF-8 (byte {})", line_of(xml, *bad), *bad + 1));
    return std::move(issues).refuse();
  }
  if (!scan_markup(xml, issues) || !issues.empty()) return std::move(issues).refuse();

  pugi::xml_document document;
  // parse_doctype keeps a DOCTYPE as a node, so one that the scan missed is still seen;
  // parse_fragment keeps what lies beside the root element, which pugixml otherwise drops
  // without a word, so that text or a second root outside it can be refused.
  const unsigned int options = pugi::parse_default | pugi::parse_doctype | pugi::parse_fragment;
  const auto parsed = document.load_buffer(xml.data(), xml.size(), options, pugi::encoding_utf8);
  if (parsed.status == pugi::status_bad_doctype) {
    issues.add("/", kDtdRefused, "the file contains a DOCTYPE; order files with a DTD are refused");
    return std::move(issues).refuse();
  }
  if (!parsed) {
    const auto offset = static_cast<std::size_t>(std::max<std::ptrdiff_t>(parsed.offset, 0));
    issues.add("/", kNotWellFormed, fmt::format("line {}: {}", line_of(xml, offset), parsed.description()));
    return std::move(issues).refuse();
  }
  pugi::xml_node root;
  for (const auto& node : document.children()) {
    if (node.type() == pugi::node_doctype) {
      issues.add("/", kDtdRefused, "the file declares a DOCTYPE; order files with a DTD are refused");
      return std::move(issues).refuse();
    }
    if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
      issues.add("/", kNotWellFormed, fmt::format("text {} outside the root element", quoted(trimmed(node.value()))));
      return std::move(issues).refuse();
    }
    if (node.type() == pugi::node_element) {
      if (root) {
        issues.add("/", kNotWellFormed, "the file has more than one root element");
        return std::move(issues).refuse();
      }
      root = node;
    }
  }
  if (!root) {
    issues.add("/", kNotWellFormed, "the file has no root element");
    return std::move(issues).refuse();
  }

  NamespaceMap namespaces;
  if (!namespaces.build(root, issues)) return std::move(issues).refuse();
  if (local_name(root) != "Order" || namespaces.of(root) != Namespace::order) {
    refuse_wrong_root(root, namespaces, issues);
    return std::move(issues).refuse();
  }
  UblOrderReader reader(namespaces, issues);
  auto order = reader.read(root);
  return std::move(issues).finish(std::move(order));
}

}  // namespace atrium::sales
