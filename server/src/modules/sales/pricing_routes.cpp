#include "atrium/sales/pricing_routes.hpp"

#include <fmt/format.h>

#include <boost/json/serialize.hpp>
#include <map>

#include "../../records/caller.hpp"
#include "atrium/core/currency.hpp"
#include "atrium/core/time.hpp"
#include "atrium/sales/pricing.hpp"
#include "atrium/sales/pricing_facts.hpp"

namespace atrium::sales {

namespace {

using http::Request;
using http::Response;
using records::Actor;

// A quotation has far fewer lines; the bound keeps one request's work small.
constexpr std::size_t kMaxLines = 200;
constexpr std::size_t kMaxIdLength = 100;

struct LineInput {
  std::string product_id;
  Decimal quantity;
  std::optional<Decimal> unit_price;
  std::optional<Decimal> discount;
};

struct QuoteInput {
  std::string account_id;
  std::string date;
  std::string currency;
  std::string price_list_id;
  std::vector<LineInput> lines;
};

// Collects every problem of the body before answering, so a form can mark them all.
class QuoteReader {
 public:
  explicit QuoteReader(const boost::json::object& body) : body_(body) {}

  QuoteInput read() {
    QuoteInput input;
    for (const auto& [key, value] : body_) {
      if (key != "account" && key != "date" && key != "currency" && key != "price_list" && key != "lines") {
        fail(key, "UNKNOWN_FIELD", "not a field of a price request");
      }
    }
    input.account_id = id(body_, "account", "account", true);
    input.price_list_id = id(body_, "price_list", "price_list", false);
    if (const auto* date = body_.if_contains("date"); date && !date->is_null()) {
      if (!date->is_string() || !from_iso8601(fmt::format("{}T00:00:00Z", std::string_view(date->as_string())))) {
        fail("date", "FIELD_INVALID_DATE", "a date as YYYY-MM-DD");
      } else {
        input.date = date->as_string();
      }
    }
    if (const auto* currency = body_.if_contains("currency"); currency && !currency->is_null()) {
      if (!currency->is_string() || !is_currency_code(currency->as_string())) {
        fail("currency", "FIELD_INVALID", "an ISO 4217 code such as EUR");
      } else {
        input.currency = currency->as_string();
      }
    }
    const auto* lines = body_.if_contains("lines");
    if (!lines || !lines->is_array() || lines->as_array().empty()) {
      fail("lines", "FIELD_REQUIRED", "at least one line");
    } else if (lines->as_array().size() > kMaxLines) {
      fail("lines", "FIELD_TOO_LONG", fmt::format("at most {} lines", kMaxLines));
    } else {
      std::size_t index = 0;
      for (const auto& item : lines->as_array()) input.lines.push_back(line(item, index++));
    }
    return input;
  }

  bool ok() const { return problems_.empty(); }
  Error error() const { return Error{ErrorCode::validation_failed, "the price request is not valid", problems_}; }

 private:
  LineInput line(const boost::json::value& item, std::size_t index) {
    const std::string prefix = fmt::format("lines[{}].", index);
    LineInput line;
    if (!item.is_object()) {
      fail(prefix + "product", "FIELD_INVALID", "a line is an object with a product and a quantity");
      return line;
    }
    const auto& object = item.as_object();
    for (const auto& [key, value] : object) {
      if (key != "product" && key != "quantity" && key != "unit_price" && key != "discount") {
        fail(prefix + std::string(key), "UNKNOWN_FIELD", "not a field of a line");
      }
    }
    line.product_id = id(object, "product", prefix + "product", true);
    line.quantity = decimal(object, "quantity", prefix + "quantity").value_or(Decimal());
    if (!object.contains("quantity")) fail(prefix + "quantity", "FIELD_REQUIRED", "required");
    line.unit_price = decimal(object, "unit_price", prefix + "unit_price");
    line.discount = decimal(object, "discount", prefix + "discount");
    return line;
  }

  std::string id(const boost::json::object& object, std::string_view key, const std::string& field, bool required) {
    const auto* value = object.if_contains(key);
    if (!value || value->is_null() || (value->is_string() && value->as_string().empty())) {
      if (required) fail(field, "FIELD_REQUIRED", "required");
      return {};
    }
    if (!value->is_string() || value->as_string().size() > kMaxIdLength) {
      fail(field, "FIELD_INVALID", "a record id");
      return {};
    }
    return std::string(value->as_string());
  }

  // A decimal as a string ("12.5") or a whole number; never a binary float.
  std::optional<Decimal> decimal(const boost::json::object& object, std::string_view key, const std::string& field) {
    const auto* value = object.if_contains(key);
    if (!value || value->is_null() || (value->is_string() && value->as_string().empty())) return std::nullopt;
    std::optional<Decimal> parsed;
    if (value->is_string()) parsed = Decimal::parse(value->as_string());
    if (value->is_int64()) parsed = Decimal::from_integer(value->as_int64());
    if (!parsed) fail(field, "FIELD_INVALID_DECIMAL", "a decimal as a string, e.g. \"12.50\", with at most 6 places");
    return parsed;
  }

  void fail(std::string_view field, std::string code, std::string message) {
    problems_.push_back({std::string(field), std::move(code), std::move(message)});
  }

  const boost::json::object& body_;
  std::vector<FieldError> problems_;
};

Error link_not_found(std::string field, std::string_view what) {
  std::string message = fmt::format("no {} with this id that you can see", what);
  return Error{ErrorCode::validation_failed, message, {{std::move(field), "LINK_NOT_FOUND", message}}};
}

// The line's own errors name their field inside the line.
Error within_line(Error error, std::size_t index) {
  for (auto& field : error.fields) field.field = fmt::format("lines[{}].{}", index, field.field);
  return error;
}

boost::json::object priced_json(const PricedLine& line, const std::string& product_id,
                                const std::string& product_name) {
  const int places = minor_unit(line.currency);
  boost::json::array explanation;
  for (const auto& step : line.explanation) {
    explanation.push_back(boost::json::object{{"kind", step.kind},
                                              {"source", step.source},
                                              {"source_id", step.source_id},
                                              {"approval_id", step.approval_id},
                                              {"text", step.text}});
  }
  return boost::json::object{{"product", product_id},
                             {"product_name", product_name},
                             {"quantity", line.quantity.to_string()},
                             {"unit_price", line.unit_price.to_string(places)},
                             {"discount_percent", line.discount_percent.to_string()},
                             {"gross_amount", line.gross_amount.to_string(places)},
                             {"discount_amount", line.discount_amount.to_string(places)},
                             {"net_amount", line.net_amount.to_string(places)},
                             {"tax_rate", line.tax_rate.to_string()},
                             {"tax_amount", line.tax_amount.to_string(places)},
                             {"total", line.total.to_string(places)},
                             {"price_source", line.price_source},
                             {"explanation", std::move(explanation)}};
}

Result<boost::json::object> quote(records::RecordService& records, const QuoteInput& input, const Actor& actor) {
  const records::EntityLayout* accounts = records.by_name("account");
  const records::EntityLayout* products = records.by_name("product");
  if (!accounts || !products) return make_error(ErrorCode::internal_error, "accounts and products are not defined");
  auto account = records.get(*accounts, input.account_id, {}, actor.access);
  if (!account) {
    if (account.error().code == ErrorCode::not_found) return link_not_found("account", "customer");
    return account.take_error();
  }
  PriceRequest request;
  request.date = input.date.empty() ? records.today() : input.date;
  request.currency = input.currency;
  if (request.currency.empty()) {
    const auto* currency = account->if_contains("currency");
    request.currency = currency && currency->is_string() ? std::string(currency->as_string()) : "EUR";
  }
  request.price_list_id = input.price_list_id;

  PricingFactsReader reader(records);
  std::map<std::string, std::pair<PricingFacts, std::string>> facts_by_product;  // facts, product name
  boost::json::array lines;
  std::vector<FieldError> problems;  // of every line, not just the first that has one
  Decimal net, tax, total;
  for (std::size_t index = 0; index < input.lines.size(); ++index) {
    const LineInput& line = input.lines[index];
    auto known = facts_by_product.find(line.product_id);
    if (known == facts_by_product.end()) {
      auto product = records.get(*products, line.product_id, {}, actor.access);
      if (!product) {
        if (product.error().code != ErrorCode::not_found) return product.take_error();
        auto missing = link_not_found(fmt::format("lines[{}].product", index), "product");
        problems.insert(problems.end(), missing.fields.begin(), missing.fields.end());
        continue;
      }
      Result<PricingFacts> facts = PricingFacts{};
      ATRIUM_TRY(records.database().read([&](storage::Connection& connection) -> Result<void> {
        facts = reader.read(connection, *account, *product);
        if (!facts) return facts.error();
        return {};
      }));
      const auto* name = product->if_contains("name");
      known = facts_by_product
                  .emplace(line.product_id, std::pair{std::move(*facts),
                                                      name && name->is_string() ? std::string(name->as_string()) : ""})
                  .first;
    }
    request.quantity = line.quantity;
    request.manual_unit_price = line.unit_price;
    request.manual_discount = line.discount;
    auto priced = price_line(known->second.first, request);
    if (!priced) {
      if (priced.error().code != ErrorCode::validation_failed) return priced.take_error();
      auto named = within_line(priced.take_error(), index);
      problems.insert(problems.end(), named.fields.begin(), named.fields.end());
      continue;
    }
    auto sum_net = net.plus(priced->net_amount);
    auto sum_tax = tax.plus(priced->tax_amount);
    auto sum_total = total.plus(priced->total);
    if (!sum_net || !sum_tax || !sum_total) {
      return Error{ErrorCode::validation_failed,
                   "the totals leave the range Atrium can hold",
                   {{"lines", "AMOUNT_OUT_OF_RANGE", "the totals are too large"}}};
    }
    net = *sum_net;
    tax = *sum_tax;
    total = *sum_total;
    lines.push_back(priced_json(*priced, line.product_id, known->second.second));
  }
  if (!problems.empty()) {
    return Error{ErrorCode::validation_failed, "some lines cannot be priced", std::move(problems)};
  }
  const int places = minor_unit(request.currency);
  return boost::json::object{{"account", input.account_id},
                             {"date", request.date},
                             {"currency", request.currency},
                             {"lines", std::move(lines)},
                             {"totals", boost::json::object{{"net_amount", net.to_string(places)},
                                                            {"tax_amount", tax.to_string(places)},
                                                            {"total", total.to_string(places)}}}};
}

}  // namespace

void add_pricing_routes(http::Router& router, records::RecordService& records,
                        const access::Authenticator& authenticator, access::GrantStore& grants) {
  const records::RouteContext context{records, authenticator, grants};
  router.add(http::Method::post, "/api/v1/pricing/quote", [&records, context](Request& request) {
    return records::as_caller(context, request, [&](const Actor& actor) {
      if (!request.json.is_object()) {
        return Response::error(make_error(ErrorCode::bad_request, "the body must be a JSON object"),
                               request.request_id);
      }
      QuoteReader reader(request.json.as_object());
      const QuoteInput input = reader.read();
      if (!reader.ok()) return Response::error(reader.error(), request.request_id);
      auto priced = quote(records, input, actor);
      if (!priced) return Response::error(priced.error(), request.request_id);
      return Response::json(200, boost::json::serialize(*priced));
    });
  });
}

}  // namespace atrium::sales
