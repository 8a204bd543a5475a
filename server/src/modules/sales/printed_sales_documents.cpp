#include "printed_sales_documents.hpp"

#include <fmt/format.h>

#include <map>

#include "atrium/core/currency.hpp"
#include "atrium/core/decimal.hpp"
#include "priced_documents.hpp"
#include "record_fields.hpp"

namespace atrium::sales {

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

Result<documents::PrintedDocument> printed_sales_document(records::RecordService& records,
                                                          storage::Connection& connection,
                                                          const boost::json::object& header,
                                                          const boost::json::array& lines, std::string title) {
  documents::PrintedDocument document;
  auto letterhead = issuer(records, connection);
  if (!letterhead) return letterhead.take_error();
  document.issuer = std::move(*letterhead);
  document.footer = document.issuer.name;
  for (const auto& line : document.issuer.address_lines) document.footer += " · " + line;

  auto customer = records.get_within(connection, *records.by_name("account"), text_of(header, "account_id"));
  if (!customer) return customer.take_error();
  document.recipient = party_of(*customer);
  document.title = std::move(title);
  document.currency = text_of(header, "currency");

  // Tax per rate: the base and the tax of the lines at that rate, summed exactly.
  std::map<std::string, std::pair<Decimal, Decimal>> taxes;
  for (const auto& value : lines) {
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
  document.net_total = amount_of(header, "net_total");
  document.grand_total = amount_of(header, "total");
  return document;
}

Result<documents::PrintedDocument> printed_invoice(records::RecordService& records, storage::Connection& connection,
                                                   std::string_view invoice_id) {
  auto invoice = records.get_within(connection, layout_of(records, "invoice"), invoice_id);
  if (!invoice) return invoice.take_error();
  auto stored_lines = document_lines(records, connection, kInvoiceDocument, invoice_id);
  if (!stored_lines) return stored_lines.take_error();
  boost::json::array lines;
  for (auto& line : *stored_lines) lines.emplace_back(std::move(line));
  // Freight, insurance and customs are lines of their own, taxed at the charges' rate, so
  // the taxes per rate and the totals printed add up as the invoice's do.
  const std::string currency = text_of(*invoice, "currency");
  const int places = minor_unit(currency);
  const Decimal rate = Decimal::parse(text_of(*invoice, "charges_tax_rate")).value_or(Decimal());
  // The invoice taxes the charges' sum at once (one rounding): the last charge printed
  // takes what the earlier ones' rounded taxes leave of it.
  Decimal charges;
  std::vector<std::pair<const char*, Decimal>> printed_charges;
  for (const auto& [label, field] :
       {std::pair{"Freight", "freight"}, std::pair{"Insurance", "insurance"}, std::pair{"Customs", "customs"}}) {
    const Decimal amount = money_amount(*invoice, field);
    if (amount.is_zero()) continue;
    charges = charges.plus(amount).value_or(charges);
    printed_charges.emplace_back(label, amount);
  }
  Decimal tax_left = charges.percent_of(rate).value_or(Decimal()).rounded(places);
  for (std::size_t i = 0; i < printed_charges.size(); ++i) {
    const auto& [label, amount] = printed_charges[i];
    const Decimal tax =
        i + 1 == printed_charges.size() ? tax_left : amount.percent_of(rate).value_or(Decimal()).rounded(places);
    tax_left = tax_left.minus(tax).value_or(tax_left);
    const auto money = money_value(amount.to_string(places), currency);
    lines.emplace_back(boost::json::object{{"description", label},
                                           {"quantity", "1"},
                                           {"unit_price", money},
                                           {"net_amount", money},
                                           {"tax_rate", rate.to_string()},
                                           {"tax_amount", money_value(tax.to_string(places), currency)}});
  }
  const bool credit_note = text_of(*invoice, "kind") == "credit_note";
  auto document = printed_sales_document(records, connection, *invoice, lines, credit_note ? "Credit note" : "Invoice");
  if (!document) return document.take_error();
  document->facts.emplace_back("Number", text_of(*invoice, "number"));
  document->facts.emplace_back("Date", text_of(*invoice, "invoice_date"));
  for (const auto& [label, field] : {std::pair{"Due", "due_date"}, std::pair{"Payment", "payment_terms"},
                                     std::pair{"Your reference", "customer_reference"}}) {
    if (auto value = text_of(*invoice, field); !value.empty()) document->facts.emplace_back(label, value);
  }
  document->terms = text_of(*invoice, "notes");
  return document;
}

}  // namespace atrium::sales
