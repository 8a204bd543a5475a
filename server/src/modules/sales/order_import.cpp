// Purchase orders received as files (UBL 2.1 Order, EDIFACT ORDERS) made into orders: the
// file is read whole first, then its buyer is found among the customers the caller sees
// and each line's item among the products (by the seller's item id, the buyer's, or the
// standard id, as product codes). Every problem of the file is reported at once, each at
// its place in the file, and nothing is written unless all of it can be.
#include <fmt/format.h>

#include <boost/json/serialize.hpp>

#include "../../records/caller.hpp"
#include "atrium/core/currency.hpp"
#include "atrium/sales/incoming_order.hpp"
#include "atrium/sales/sales_cycle.hpp"
#include "priced_documents.hpp"
#include "record_fields.hpp"

namespace atrium::sales {

namespace {

using boost::json::object;
using http::Request;
using http::Response;
using records::Actor;

// The first record of `entity` whose `field` equals one of `values` (in that order of
// preference) among those the caller may read; empty when none.
Result<std::string> first_match(records::RecordService& records, std::string_view entity, std::string_view field,
                                std::initializer_list<std::string_view> values, const Actor& actor) {
  for (auto value : values) {
    if (value.empty()) continue;
    records::ListQuery query;
    query.filter = fmt::format("{} eq {}", field, filter_literal(value));
    query.limit = 1;
    query.fields = {"id"};
    query.access = actor.access;
    auto page = records.list(layout_of(records, entity), query);
    if (!page) return page.take_error();
    if (!page->data.empty()) return text_of(page->data[0].as_object(), "id");
  }
  return std::string();
}

std::string line_path(const IncomingOrder& order, std::size_t index) {
  return order.format == IncomingOrderFormat::ubl ? fmt::format("/Order/OrderLine[{}]/LineItem/Item", index + 1)
                                                  : fmt::format("LIN {}", index + 1);
}

object address_of(const OrderAddress& address) {
  object out;
  auto put = [&](const char* part, const std::string& value) {
    if (!value.empty()) out[part] = value.substr(0, 200);
  };
  put("street", address.additional_street.empty() ? address.street : address.street + ", " + address.additional_street);
  put("city", address.city);
  put("postal_code", address.postal_code);
  put("region", address.region);
  put("country", address.country_code);
  return out;
}

Error file_problems(std::vector<FieldError> problems) {
  return Error{ErrorCode::validation_failed, "the order file cannot be imported; nothing was imported",
               std::move(problems)};
}

}  // namespace

void add_order_import_route(http::Router& router, records::RecordService& records,
                            const access::Authenticator& authenticator, access::GrantStore& grants) {
  const records::RouteContext context{records, authenticator, grants};
  router.add(
      http::Method::post, "/api/v1/orders/import",
      [&records, context](Request& request) {
        return records::as_caller(context, request, [&](const Actor& actor) {
          if (request.body.empty()) {
            return Response::error(
                file_problems({{"file", "ORDER_MISSING_FIELD", "the body is the order file (UBL XML or EDIFACT)"}}),
                request.request_id);
          }
          auto parsed = parse_incoming_order(request.body);
          std::vector<FieldError> problems;
          for (const auto& issue : parsed.issues) problems.push_back({issue.path, issue.code, issue.message});
          if (!parsed.order) return Response::error(file_problems(std::move(problems)), request.request_id);
          const IncomingOrder& incoming = *parsed.order;
          const std::string buyer_path =
              incoming.format == IncomingOrderFormat::ubl ? "/Order/BuyerCustomerParty" : "NAD+BY";
          // The customer: by its code (the buyer's id for us), else by name.
          auto account =
              first_match(records, "account", "code",
                          {incoming.buyer.identifier, incoming.buyer.company_id, incoming.buyer.vat_id}, actor);
          if (account && account->empty())
            account = first_match(records, "account", "name", {incoming.buyer.name}, actor);
          if (!account) return Response::error(account.error(), request.request_id);
          if (account->empty()) {
            problems.push_back({buyer_path, "ORDER_UNKNOWN_CUSTOMER",
                                fmt::format("no customer you can see has the code '{}' or the name '{}'",
                                            incoming.buyer.identifier, incoming.buyer.name)});
          }
          std::vector<std::string> products;
          for (std::size_t i = 0; i < incoming.lines.size(); ++i) {
            const auto& line = incoming.lines[i];
            auto product = first_match(records, "product", "code",
                                       {line.seller_item_id, line.buyer_item_id, line.standard_item_id}, actor);
            if (!product) return Response::error(product.error(), request.request_id);
            if (product->empty()) {
              problems.push_back(
                  {line_path(incoming, i), "ORDER_UNKNOWN_PRODUCT",
                   fmt::format("no product has the code '{}' ({})",
                               !line.seller_item_id.empty() ? line.seller_item_id : line.buyer_item_id, line.name)});
            }
            products.push_back(std::move(*product));
          }
          const std::string currency = incoming.currency.empty() ? "EUR" : incoming.currency;
          if (!is_currency_code(currency)) {
            problems.push_back({"currency", "ORDER_INVALID_CODE", fmt::format("'{}' is not a currency", currency)});
          }
          if (!problems.empty()) return Response::error(file_problems(std::move(problems)), request.request_id);

          const auto& orders = layout_of(records, "sales_order");
          Result<object> made = object{};
          auto done = records.database().transact([&](storage::Connection& connection) -> Result<void> {
            // The same purchase order twice is one order.
            if (!incoming.document_id.empty()) {
              auto existing = connection.query(
                  fmt::format("SELECT {} FROM {} WHERE {} = ? AND {} = ? AND {} <> 'cancelled' AND archived_at IS NULL",
                              orders.find_field("number")->columns[0].name, orders.entity().table,
                              orders.find_field("account")->columns[0].name,
                              orders.find_field("customer_reference")->columns[0].name,
                              orders.find_field("status")->columns[0].name),
                  {*account, incoming.document_id});
              if (!existing) return existing.take_error();
              if (!existing->empty()) {
                const std::string message = fmt::format("purchase order {} is order {} already", incoming.document_id,
                                                        existing->rows[0][0].text());
                return Error{ErrorCode::conflict, message, {{"customer_reference", "ORDER_ALREADY_IMPORTED", message}}};
              }
            }
            object header{{"account_id", *account}, {"currency", currency}, {"order_type", "standard"}};
            if (!incoming.document_id.empty()) header["customer_reference"] = incoming.document_id.substr(0, 100);
            if (!incoming.issue_date.empty()) header["order_date"] = incoming.issue_date;
            if (!incoming.note.empty()) header["notes"] = incoming.note.substr(0, 20000);
            if (!incoming.delivery.requested_start.empty()) header["promised_from"] = incoming.delivery.requested_start;
            if (!incoming.delivery.requested_end.empty()) header["promised_until"] = incoming.delivery.requested_end;
            if (auto address = address_of(incoming.delivery.address); !address.empty())
              header["delivery_address"] = address;
            auto order = records.create_within(connection, orders, header, actor);
            if (!order) return order.take_error();
            const std::string id = text_of(*order, "id");
            const int places = minor_unit(currency);
            for (std::size_t i = 0; i < incoming.lines.size(); ++i) {
              const auto& source = incoming.lines[i];
              object line{{"sales_order_id", id},
                          {"product_id", products[i]},
                          {"quantity", source.quantity.to_string()},
                          {"position", static_cast<std::int64_t>(i + 1)}};
              const std::string text = !source.name.empty() ? source.name : source.description;
              if (!text.empty()) line["description"] = text.substr(0, 500);
              if (source.unit_price) {
                // The buyer's price holds: it is what they ordered at (per unit, when
                // the file prices a base quantity of several).
                Decimal unit = *source.unit_price;
                if (source.price_base_quantity && !source.price_base_quantity->is_zero()) {
                  unit = unit.divided_by(*source.price_base_quantity).value_or(unit);
                }
                line["manual_unit_price"] = money_value(unit.rounded(places).to_string(places), currency);
              }
              auto created = records.create_within(connection, layout_of(records, "order_line"), line, actor);
              if (!created) {
                Error error = created.take_error();
                for (auto& field : error.fields) field.field = line_path(incoming, i) + "/" + field.field;
                return error;
              }
            }
            auto marked = records.write_system_within(
                connection, orders, id, object{{"source", std::string(format_name(incoming.format))}}, actor);
            if (!marked) return marked.take_error();
            made = records.get_within(connection, orders, id);
            if (!made) return made.error();
            return {};
          });
          if (!done) return Response::error(done.error(), request.request_id);
          return Response::json(201, boost::json::serialize(*made));
        });
      },
      http::BodyKind::raw);
}

}  // namespace atrium::sales
