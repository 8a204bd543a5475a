#include "atrium/dataio/vcard_contact_mapping.hpp"

#include <algorithm>

namespace atrium::dataio {

namespace {

using records::EntityLayout;

std::string trimmed(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  const auto first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return std::string(text.substr(first, text.find_last_not_of(kSpace) - first + 1));
}

std::string part(const VCardProperty& property, std::size_t index) {
  return index < property.parts.size() ? trimmed(property.parts[index]) : std::string();
}

std::string text_of(const boost::json::object& record, std::string_view field) {
  const auto* value = record.if_contains(field);
  return value && value->is_string() ? std::string(value->as_string()) : std::string();
}

// Sets a field the layout has, when the value is not empty and the field not yet set.
bool assign(const EntityLayout& layout, boost::json::object& values, std::string_view field, boost::json::value value) {
  if (!layout.find(field) || values.contains(field)) return false;
  if (value.is_string() && value.as_string().empty()) return false;
  values[field] = std::move(value);
  return true;
}

bool assign(const EntityLayout& layout, boost::json::object& values, std::string_view field, const std::string& text) {
  return assign(layout, values, field, boost::json::value(boost::json::string(text)));
}

// "1985-04-12", "19850412" or "1985-04-12T…" → "1985-04-12"; partial dates are dropped.
std::string date_of(std::string_view text) {
  std::string digits;
  for (char c : text.substr(0, text.find('T'))) {
    if (c >= '0' && c <= '9') digits += c;
    else if (c != '-') return {};
  }
  if (digits.size() != 8 || text.starts_with("--")) return {};
  return digits.substr(0, 4) + "-" + digits.substr(4, 2) + "-" + digits.substr(6, 2);
}

VCardProperty property(std::string name, std::vector<std::string> parts,
                       std::vector<std::pair<std::string, std::string>> parameters = {}) {
  return VCardProperty{"", std::move(name), std::move(parameters), std::move(parts)};
}

}  // namespace

boost::json::object contact_values_from_vcard(const EntityLayout& layout, const VCard& card) {
  boost::json::object values;
  if (const auto* name = card.first("N")) {
    std::string given = part(*name, 1);
    if (const std::string additional = part(*name, 2); !additional.empty()) {
      given += given.empty() ? additional : " " + additional;
    }
    assign(layout, values, "last_name", part(*name, 0));
    assign(layout, values, "first_name", given);
  }
  // FN alone: the last word is the family name ("Anna Maria Schmidt").
  if (const auto* formatted = card.first("FN"); formatted && !values.contains("last_name")) {
    const std::string full = trimmed(formatted->value());
    const auto space = full.find_last_of(' ');
    if (space == std::string::npos) {
      assign(layout, values, "last_name", full);
    } else {
      assign(layout, values, "last_name", trimmed(full.substr(space + 1)));
      assign(layout, values, "first_name", trimmed(full.substr(0, space)));
    }
  }
  // The preferred address first (PREF=1 in 4.0, TYPE=pref in 3.0), then in order.
  auto emails = card.all("EMAIL");
  std::stable_partition(emails.begin(), emails.end(), [](const VCardProperty* email) {
    return email->has_type("pref") ||
           std::any_of(email->parameters.begin(), email->parameters.end(),
                       [](const auto& parameter) { return parameter.first == "PREF" && parameter.second == "1"; });
  });
  for (const auto* email : emails) {
    if (!assign(layout, values, "email", trimmed(email->value()))) {
      assign(layout, values, "email_other", trimmed(email->value()));
    }
  }
  for (const auto* phone : card.all("TEL")) {
    std::string number = trimmed(phone->value());
    if (number.starts_with("tel:")) number.erase(0, 4);  // 4.0's VALUE=uri form
    const bool mobile = phone->has_type("cell");
    if (!assign(layout, values, mobile ? "mobile" : "phone", number)) {
      assign(layout, values, mobile ? "phone" : "mobile", number);
    }
  }
  if (const auto* title = card.first("TITLE")) assign(layout, values, "title", trimmed(title->value()));
  if (const auto* note = card.first("NOTE")) assign(layout, values, "comments", note->value());
  if (const auto* birthday = card.first("BDAY")) assign(layout, values, "birthday", date_of(birthday->value()));
  if (const auto* address = card.first("ADR")) {
    // Parts: post office box; extended address; street; locality; region; postal code; country.
    boost::json::object fields;
    std::string street = part(*address, 2);
    if (const std::string extended = part(*address, 1); !extended.empty()) {
      street += street.empty() ? extended : "\n" + extended;
    }
    if (!street.empty()) fields["street"] = street;
    if (auto city = part(*address, 3); !city.empty()) fields["city"] = city;
    if (auto region = part(*address, 4); !region.empty()) fields["region"] = region;
    if (auto code = part(*address, 5); !code.empty()) fields["postal_code"] = code;
    // The field holds ISO 3166 codes; a country written out in words is left out.
    if (auto country = part(*address, 6); country.size() == 2 && std::isalpha(static_cast<unsigned char>(country[0])) &&
                                          std::isalpha(static_cast<unsigned char>(country[1]))) {
      for (auto& c : country) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      fields["country"] = country;
    }
    if (!fields.empty()) assign(layout, values, "address", boost::json::value(std::move(fields)));
  }
  return values;
}

VCard vcard_from_contact(const EntityLayout& layout, const boost::json::object& record) {
  VCard card;
  card.version = "4.0";
  const std::string first = text_of(record, "first_name");
  const std::string last = text_of(record, "last_name");
  std::string full = first;
  if (!last.empty()) full += full.empty() ? last : " " + last;
  card.properties.push_back(property("FN", {full}));
  card.properties.push_back(property("N", {last, first, "", "", ""}));
  if (const auto id = text_of(record, "id"); !id.empty()) {
    card.properties.push_back(property("UID", {"urn:atrium:" + layout.entity().name + ":" + id}));
  }
  if (auto title = text_of(record, "title"); !title.empty()) card.properties.push_back(property("TITLE", {title}));
  if (auto email = text_of(record, "email"); !email.empty()) {
    card.properties.push_back(property("EMAIL", {email}, {{"PREF", "1"}}));
  }
  if (auto email = text_of(record, "email_other"); !email.empty()) card.properties.push_back(property("EMAIL", {email}));
  if (auto phone = text_of(record, "phone"); !phone.empty()) {
    card.properties.push_back(property("TEL", {phone}, {{"TYPE", "voice"}}));
  }
  if (auto mobile = text_of(record, "mobile"); !mobile.empty()) {
    card.properties.push_back(property("TEL", {mobile}, {{"TYPE", "cell"}}));
  }
  if (const auto* address = record.if_contains("address"); address && address->is_object()) {
    const auto& fields = address->as_object();
    card.properties.push_back(property("ADR", {"", "", text_of(fields, "street"), text_of(fields, "city"),
                                               text_of(fields, "region"), text_of(fields, "postal_code"),
                                               text_of(fields, "country")}));
  }
  if (auto birthday = text_of(record, "birthday"); birthday.size() == 10) {
    card.properties.push_back(property("BDAY", {birthday.substr(0, 4) + birthday.substr(5, 2) + birthday.substr(8, 2)}));
  }
  if (auto note = text_of(record, "comments"); !note.empty()) card.properties.push_back(property("NOTE", {note}));
  return card;
}

}  // namespace atrium::dataio
