#pragma once
// A sales document (quotation, order confirmation, invoice) as it is printed: plain text,
// independent of the records it comes from. Whoever prints a record maps it onto this
// model first, so the renderer knows nothing about entities, access or storage.
//
// Every amount, quantity and rate arrives already formatted as the reader should see it
// ("1,071.00", "12.5"): the renderer never parses or rounds them.
#include <string>
#include <utility>
#include <vector>

namespace atrium::documents {

struct PrintedParty {
  std::string name;
  std::vector<std::string> address_lines;
  std::string extra;  // tax id, phone, e-mail line
};

struct PrintedLine {
  std::string position;
  std::string description;
  std::string details;  // a second, smaller line: specification, remarks
  std::string quantity;
  std::string unit;
  std::string unit_price;
  std::string discount;  // a percentage without the sign ("5"); empty when none
  std::string net_amount;
  std::string tax_rate;  // a percentage without the sign ("19")
};

struct PrintedTaxLine {
  std::string rate;  // a percentage without the sign ("19")
  std::string base;
  std::string amount;
};

struct PrintedDocument {
  PrintedParty issuer;     // the own company's letterhead
  PrintedParty recipient;  // the customer's address block
  std::string title;       // "Quotation"
  // ("Number", "QUO-2027-00012"), ("Revision", "2"), ("Date", "2027-03-01"), ("Valid until", …).
  // The first fact is the document's identity: the PDF's title is `title` followed by its value.
  std::vector<std::pair<std::string, std::string>> facts;
  std::string introduction;  // a paragraph before the lines
  std::vector<PrintedLine> lines;
  std::string currency;
  std::string net_total;
  std::vector<PrintedTaxLine> taxes;
  std::string grand_total;
  std::string terms;            // terms and conditions: paragraphs separated by blank lines
  std::string footer;           // bank details, registration: small, on every page
  std::string language = "en";  // of the labels the renderer adds ("Description", "Page 1 of 3")
};

}  // namespace atrium::documents
