// Enquiries as they are written: the customer's area, industry and size and the
// contact's e-mail taken over when not given, each line's value (at the price asked, or
// the list price when none was), the enquiry's value over its lines, and lines that
// change only while the enquiry is still open.
#include <fmt/format.h>

#include "atrium/core/currency.hpp"
#include "atrium/core/decimal.hpp"
#include "atrium/sales/sales_cycle.hpp"
#include "priced_documents.hpp"
#include "record_fields.hpp"

namespace atrium::sales {

namespace {

Decimal amount_of(const boost::json::value* money) {
  if (!money || !money->is_object()) return Decimal();
  return Decimal::parse(text_of(money->as_object(), "amount")).value_or(Decimal());
}

Result<boost::json::object> enquiry_values(records::RecordService& records, storage::Connection& connection,
                                           const boost::json::object& enquiry) {
  boost::json::object values;
  if (text_of(enquiry, "enquiry_date").empty()) values["enquiry_date"] = records.today();
  auto account = records.get_within(connection, layout_of(records, "account"), text_of(enquiry, "account_id"));
  if (!account) return account.take_error();
  for (std::string_view field : {"area", "industry", "size"}) {
    if (text_of(enquiry, field).empty() && !text_of(*account, field).empty()) values[field] = text_of(*account, field);
  }
  if (text_of(enquiry, "reply_email").empty()) {
    std::string email;
    if (const auto contact_id = text_of(enquiry, "contact_id"); !contact_id.empty()) {
      auto contact = records.get_within(connection, layout_of(records, "contact"), contact_id);
      if (!contact) return contact.take_error();
      email = text_of(*contact, "email");
    }
    if (email.empty()) email = text_of(*account, "email");
    if (!email.empty()) values["reply_email"] = email;
  }
  const auto& lines = layout_of(records, "enquiry_line");
  auto sums = connection.query(
      fmt::format("SELECT COUNT(*), CAST(COALESCE(SUM({}), 0) AS BIGINT) FROM {} WHERE {} = ? AND archived_at IS NULL",
                  lines.find_field("line_total")->columns[0].name, lines.entity().table,
                  lines.find_field("enquiry")->columns[0].name),
      {text_of(enquiry, "id")});
  if (!sums) return sums.take_error();
  const std::string currency = text_of(enquiry, "currency");
  values["line_count"] = sums->rows[0][0].integer();
  values["total"] = money_value(format_scaled(sums->rows[0][1].integer(), 4, minor_unit(currency)), currency);
  return values;
}

Result<boost::json::object> enquiry_line_values(records::RecordService& records, storage::Connection& connection,
                                                const boost::json::object& line) {
  auto enquiry = records.get_within(connection, layout_of(records, "enquiry"), text_of(line, "enquiry_id"));
  if (!enquiry) return enquiry.take_error();
  auto product = records.get_within(connection, layout_of(records, "product"), text_of(line, "product_id"));
  if (!product) return product.take_error();
  const std::string currency = text_of(*enquiry, "currency");
  boost::json::object values;
  if (text_of(line, "description").empty()) values["description"] = text_of(*product, "name").substr(0, 500);
  // The value of what is asked: at the customer's price when they named one, else at
  // the list price (when it is in the enquiry's currency), less the discount asked.
  const boost::json::value* price = line.if_contains("unit_price");
  if (!price || !price->is_object()) price = product->if_contains("list_price");
  if (price && price->is_object() && text_of(price->as_object(), "currency") == currency) {
    const Decimal quantity = Decimal::parse(text_of(line, "quantity")).value_or(Decimal());
    const Decimal discount = Decimal::parse(text_of(line, "discount")).value_or(Decimal());
    auto gross = amount_of(price).times(quantity);
    auto off = gross ? gross->percent_of(discount) : std::nullopt;
    auto net = off ? gross->minus(*off) : std::nullopt;
    if (!net) {
      const std::string message = "the line's value is too large to compute";
      return Error{ErrorCode::validation_failed, message, {{"quantity", "FIELD_OUT_OF_RANGE", message}}};
    }
    values["line_total"] = money_value(net->rounded(minor_unit(currency)).to_string(minor_unit(currency)), currency);
  } else {
    values["line_total"] = nullptr;
  }
  if (const auto* position = line.if_contains("position"); !position || position->is_null()) {
    const auto& lines = layout_of(records, "enquiry_line");
    auto last = connection.query(fmt::format("SELECT COALESCE(MAX({}), 0) FROM {} WHERE {} = ? AND id <> ?",
                                             lines.find_field("position")->columns[0].name, lines.entity().table,
                                             lines.find_field("enquiry")->columns[0].name),
                                 {text_of(line, "enquiry_id"), text_of(line, "id")});
    if (!last) return last.take_error();
    values["position"] = last->rows[0][0].integer() + 1;
  }
  return values;
}

}  // namespace

void EnquiryLifecycle::attach() {
  records_.add_computer(
      "enquiry", [this](storage::Connection& connection, const records::EntityLayout&,
                        const boost::json::object& enquiry) { return enquiry_values(records_, connection, enquiry); });
  records_.add_computer("enquiry_line", [this](storage::Connection& connection, const records::EntityLayout&,
                                               const boost::json::object& line) {
    return enquiry_line_values(records_, connection, line);
  });
  records_.add_write_observer([this](storage::Connection& connection, const records::RecordWriteEvent& event) {
    if (event.layout.entity().name == "enquiry_line") return on_line_written(connection, event);
    return Result<void>{};
  });
}

Result<void> EnquiryLifecycle::on_line_written(storage::Connection& connection,
                                               const records::RecordWriteEvent& event) {
  const auto& enquiries = layout_of(records_, "enquiry");
  auto enquiry = records_.get_within(connection, enquiries, text_of(event.after, "enquiry_id"));
  if (!enquiry) return enquiry.take_error();
  const std::string status = text_of(*enquiry, "status");
  if (status != "new" && status != "allocated") {
    const std::string message = fmt::format("enquiry {} is {}: its lines no longer change (the quotation does)",
                                            text_of(*enquiry, "number"), status);
    return Error{ErrorCode::conflict, message, {{"enquiry_id", "ENQUIRY_CLOSED", message}}};
  }
  if (event.before && text_of(*event.before, "enquiry_id") != text_of(event.after, "enquiry_id")) {
    const std::string message = "a line stays on its enquiry: add a new line to the other one";
    return Error{ErrorCode::validation_failed, message, {{"enquiry_id", "FIELD_READ_ONLY", message}}};
  }
  // Totals only: once per document when its lines come with it.
  ATRIUM_TRY(records_.recompute_soon_within(connection, enquiries, text_of(*enquiry, "id"), event.actor));
  return {};
}

}  // namespace atrium::sales
