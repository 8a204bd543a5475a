// A quotation (as it stands, or a frozen revision) as the printed document the PDF
// renderer draws: the own company's letterhead, the customer's address, the lines, the
// taxes per rate, the totals and the terms.
#include <fmt/format.h>

#include <map>

#include "atrium/core/currency.hpp"
#include "atrium/core/decimal.hpp"
#include "quotation_parts.hpp"
#include "record_fields.hpp"

namespace atrium::sales::quotations {

namespace {

std::string amount_of(const boost::json::object& record, std::string_view field) {
  const auto* value = record.if_contains(field);
  return value && value->is_object() ? text_of(value->as_object(), "amount") : std::string();
}

// "15.00" → "15": a percentage as people write it.
std::string percent(const std::string& text) {
  auto value = Decimal::parse(text);
  return value ? value->to_string() : text;
}

std::vector<std::string> address_lines(const boost::json::object& account) {
  std::vector<std::string> lines;
  const auto* address = account.if_contains("billing_address");
  if (!address || !address->is_object()) return lines;
  const auto& parts = address->as_object();
  if (auto street = text_of(parts, "street"); !street.empty()) lines.push_back(street);
  const std::string city = fmt::format("{} {}", text_of(parts, "postal_code"), text_of(parts, "city"));
  if (city != " ") lines.push_back(city.front() == ' ' ? city.substr(1) : city);
  if (auto country = text_of(parts, "country"); !country.empty()) lines.push_back(country);
  return lines;
}

documents::PrintedParty party_of(const boost::json::object& account) {
  std::string extra = text_of(account, "email");
  if (auto phone = text_of(account, "phone"); !phone.empty()) extra += (extra.empty() ? "" : " · ") + phone;
  return documents::PrintedParty{text_of(account, "name"), address_lines(account), extra};
}

// The letterhead: the oldest internal account (the own company), else the instance's name.
Result<documents::PrintedParty> issuer(records::RecordService& records, storage::Connection& connection) {
  const auto& accounts = *records.by_name("account");
  auto own =
      connection.query(fmt::format("SELECT id FROM {} WHERE {} = 'internal' AND archived_at IS NULL "
                                   "ORDER BY created_at, id LIMIT 1",
                                   accounts.entity().table, accounts.find_field("type")->columns[0].name));
  if (!own) return own.take_error();
  if (!own->empty()) {
    auto account = records.get_within(connection, accounts, own->rows[0][0].text());
    if (!account) return account.take_error();
    return party_of(*account);
  }
  auto instance = connection.query("SELECT name FROM instance WHERE id = 1");
  if (!instance) return instance.take_error();
  return documents::PrintedParty{instance->empty() ? std::string() : instance->rows[0][0].text(), {}, {}};
}

}  // namespace

Result<documents::PrintedDocument> printed_quotation(records::RecordService& records, storage::Connection& connection,
                                                     const boost::json::object& snapshot) {
  const auto& quotation = snapshot.at("quotation").as_object();
  documents::PrintedDocument document;
  auto letterhead = issuer(records, connection);
  if (!letterhead) return letterhead.take_error();
  document.issuer = std::move(*letterhead);
  document.footer = document.issuer.name;
  for (const auto& line : document.issuer.address_lines) document.footer += " · " + line;

  auto customer = records.get_within(connection, *records.by_name("account"), text_of(quotation, "account_id"));
  if (!customer) return customer.take_error();
  document.recipient = party_of(*customer);
  document.title = "Quotation";
  document.facts.emplace_back("Number", text_of(quotation, "number"));
  document.facts.emplace_back("Revision", text_of(snapshot, "revision"));
  document.facts.emplace_back("Date", text_of(quotation, "quotation_date"));
  for (const auto& [label, field] :
       {std::pair{"Valid until", "valid_until"}, std::pair{"Payment", "payment_terms"},
        std::pair{"Delivery", "delivery_terms"}, std::pair{"Delivery period", "delivery_period"}}) {
    if (auto value = text_of(quotation, field); !value.empty()) document.facts.emplace_back(label, value);
  }
  document.introduction = text_of(quotation, "introduction");
  document.terms = text_of(quotation, "terms");
  document.currency = text_of(quotation, "currency");

  // Tax per rate: the base and the tax of the lines at that rate, summed exactly.
  std::map<std::string, std::pair<Decimal, Decimal>> taxes;
  for (const auto& value : snapshot.at("lines").as_array()) {
    const auto& line = value.as_object();
    documents::PrintedLine printed;
    printed.position = text_of(line, "position");
    printed.description = text_of(line, "description");
    printed.details = text_of(line, "requested_changes");
    printed.quantity = percent(text_of(line, "quantity"));
    printed.unit_price = amount_of(line, "unit_price");
    const std::string discount = percent(text_of(line, "discount_percent"));
    printed.discount = discount == "0" ? "" : discount;
    printed.net_amount = amount_of(line, "net_amount");
    printed.tax_rate = percent(text_of(line, "tax_rate"));
    auto& [base, tax] = taxes[printed.tax_rate];
    base = base.plus(Decimal::parse(printed.net_amount).value_or(Decimal())).value_or(base);
    tax = tax.plus(Decimal::parse(amount_of(line, "tax_amount")).value_or(Decimal())).value_or(tax);
    document.lines.push_back(std::move(printed));
  }
  const int places = minor_unit(document.currency);
  for (const auto& [rate, sums] : taxes) {
    document.taxes.push_back({rate, sums.first.to_string(places), sums.second.to_string(places)});
  }
  document.net_total = amount_of(quotation, "net_total");
  document.grand_total = amount_of(quotation, "total");
  return document;
}

}  // namespace atrium::sales::quotations
