// The sales cycle's own routes: allocating an enquiry, making one document from another,
// a product variant for a customer's changes, and the customer's balance, ageing and
// chain. Every read goes through the record service with the caller's access, so what
// a caller may not see is neither counted nor shown.
#include <fmt/format.h>

#include <algorithm>
#include <boost/json/serialize.hpp>
#include <chrono>
#include <map>
#include <set>

#include "../../records/caller.hpp"
#include "atrium/core/currency.hpp"
#include "atrium/core/decimal.hpp"
#include "atrium/sales/sales_cycle.hpp"
#include "priced_documents.hpp"
#include "record_fields.hpp"
#include "sales_conversions.hpp"
#include "sales_dates.hpp"

namespace atrium::sales {

namespace {

using boost::json::array;
using boost::json::object;
using http::Request;
using http::Response;
using records::Actor;

// The most rows one report reads of one entity: beyond, it says it is incomplete.
constexpr std::size_t kReportRowLimit = 100000;

Response json(int status, const boost::json::value& body) {
  return Response::json(status, boost::json::serialize(body));
}

std::string currency_of(const object& record, std::string_view field) {
  const auto* value = record.if_contains(field);
  return value && value->is_object() ? text_of(value->as_object(), "currency") : std::string();
}

// Every row of a list as the caller may read it, page after page.
Result<std::vector<object>> all_rows(records::RecordService& records, std::string_view entity,
                                     const std::string& filter, const Actor& actor, bool* truncated = nullptr) {
  records::ListQuery query;
  query.filter = filter;
  query.sort = "created_at";
  query.limit = records::kMaxPageSize;
  query.access = actor.access;
  std::vector<object> rows;
  while (true) {
    auto page = records.list(layout_of(records, entity), query);
    if (!page) return page.take_error();
    for (auto& row : page->data) rows.push_back(std::move(row.as_object()));
    if (!page->next_cursor) break;
    if (rows.size() >= kReportRowLimit) {
      if (truncated) *truncated = true;
      break;
    }
    query.cursor = *page->next_cursor;
  }
  return rows;
}

// Runs `convert` in one transaction for a caller who may read the source record.
template <class Convert>
Response convert_from(records::RecordService& records, const Actor& actor, Request& request, std::string_view entity,
                      Convert convert) {
  const std::string id(request.path_param("id"));
  auto visible = records.get(layout_of(records, entity), id, {"id"}, actor.access);
  if (!visible) return Response::error(visible.error(), request.request_id);
  Result<object> made = object{};
  auto done = records.database().transact([&](storage::Connection& connection) -> Result<void> {
    made = convert(connection, id);
    if (!made) return made.error();
    return {};
  });
  if (!done) return Response::error(done.error(), request.request_id);
  return json(201, *made);
}

std::string today_of(const Clock& clock) {
  return to_iso8601(clock.now()).substr(0, 10);
}

constexpr std::string_view kBuckets[] = {"current", "days_1_30", "days_31_60", "days_61_90", "days_over_90"};

std::string_view bucket_of(std::int64_t days_overdue) {
  if (days_overdue <= 0) return kBuckets[0];
  if (days_overdue <= 30) return kBuckets[1];
  if (days_overdue <= 60) return kBuckets[2];
  if (days_overdue <= 90) return kBuckets[3];
  return kBuckets[4];
}

// Sums per currency, each kept exact and printed to the currency's minor unit.
struct CurrencySums {
  std::map<std::string, std::map<std::string, Decimal>> sums;
  void add(const std::string& currency, std::string_view what, Decimal amount) {
    auto& sum = sums[currency][std::string(what)];
    sum = sum.plus(amount).value_or(sum);
  }
  object to_json(std::initializer_list<std::string_view> order) const {
    object out;
    for (const auto& [currency, values] : sums) {
      object row;
      for (auto name : order) {
        auto found = values.find(std::string(name));
        row[name] = (found == values.end() ? Decimal() : found->second).to_string(minor_unit(currency));
      }
      out[currency] = std::move(row);
    }
    return out;
  }
};

// The open invoices of a filter, by currency and ageing bucket.
void age(const std::vector<object>& invoices, const std::string& today, CurrencySums& sums) {
  for (const auto& invoice : invoices) {
    if (text_of(invoice, "kind") != "invoice") continue;
    const Decimal open = money_amount(invoice, "open_amount");
    if (open.is_zero()) continue;
    const std::string currency = currency_of(invoice, "open_amount");
    sums.add(currency, "open", open);
    const auto late = days_between(text_of(invoice, "due_date"), today);
    sums.add(currency, bucket_of(late), open);
    if (late > 0) sums.add(currency, "overdue", open);
  }
}

Result<object> balance_of(records::RecordService& records, const std::string& account_id, const Actor& actor,
                          const std::string& today) {
  const std::string filter =
      fmt::format("account_id eq {} and status in [\"issued\", \"partly_paid\", \"paid\"]", filter_literal(account_id));
  auto invoices = all_rows(records, "invoice", filter, actor);
  if (!invoices) return invoices.take_error();
  auto payments = all_rows(records, "payment", fmt::format("account_id eq {}", filter_literal(account_id)), actor);
  if (!payments) return payments.take_error();
  CurrencySums sums;
  for (const auto& invoice : *invoices) {
    const std::string currency = currency_of(invoice, "total");
    sums.add(currency, text_of(invoice, "kind") == "credit_note" ? "credited" : "invoiced",
             money_amount(invoice, "total"));
  }
  for (const auto& payment : *payments) {
    const std::string currency = currency_of(payment, "amount");
    sums.add(currency, "paid", money_amount(payment, "amount"));
    sums.add(currency, "unallocated", money_amount(payment, "unallocated_amount"));
  }
  age(*invoices, today, sums);
  // What the customer owes: open invoices less money received but not yet allocated.
  for (auto& [currency, values] : sums.sums) {
    values["balance"] = values["open"].minus(values["unallocated"]).value_or(Decimal());
  }
  return object{
      {"account_id", account_id},
      {"as_of", today},
      {"currencies", sums.to_json({"invoiced", "credited", "paid", "unallocated", "open", "overdue", "balance",
                                   "current", "days_1_30", "days_31_60", "days_61_90", "days_over_90"})}};
}

// One step of the chain: what it is, when it happened, and how long after the step
// before it.
object step(std::string kind, const object& record, std::string at, std::string label) {
  return object{
      {"kind", std::move(kind)},   {"id", text_of(record, "id")},         {"number", text_of(record, "number")},
      {"label", std::move(label)}, {"status", text_of(record, "status")}, {"at", std::move(at)}};
}

Result<object> chain_of(records::RecordService& records, const std::string& account_id, const Actor& actor) {
  const std::string of_account = fmt::format("account_id eq {}", filter_literal(account_id));
  auto enquiries = all_rows(records, "enquiry", of_account, actor);
  if (!enquiries) return enquiries.take_error();
  auto quotations = all_rows(records, "quotation", of_account, actor);
  if (!quotations) return quotations.take_error();
  auto orders = all_rows(records, "sales_order", of_account, actor);
  if (!orders) return orders.take_error();
  auto invoices = all_rows(records, "invoice", of_account, actor);
  if (!invoices) return invoices.take_error();
  auto deliveries = all_rows(records, "delivery", of_account, actor);
  if (!deliveries) return deliveries.take_error();
  auto payments = all_rows(records, "payment", of_account, actor);
  if (!payments) return payments.take_error();
  std::map<std::string, const object*> payment_by_id;
  for (const auto& payment : *payments) payment_by_id[text_of(payment, "id")] = &payment;
  // The allocations to the account's invoices, a hundred invoices at a time.
  std::vector<object> allocations;
  for (std::size_t start = 0; start < invoices->size(); start += 100) {
    std::string ids;
    for (std::size_t i = start; i < std::min(start + 100, invoices->size()); ++i) {
      ids += (ids.empty() ? "" : ", ") + filter_literal(text_of((*invoices)[i], "id"));
    }
    auto found = all_rows(records, "payment_allocation", fmt::format("invoice_id in [{}]", ids), actor);
    if (!found) return found.take_error();
    for (auto& allocation : *found) allocations.push_back(std::move(allocation));
  }
  // Frozen quotation revisions: when each version went to the customer.
  std::map<std::string, std::vector<std::pair<std::int64_t, std::string>>> revisions;
  auto read = records.database().read([&](storage::Connection& connection) -> Result<void> {
    for (const auto& quotation : *quotations) {
      auto rows = connection.query(
          "SELECT revision, frozen_at FROM quotation_revisions WHERE quotation_id = ? ORDER BY revision",
          {text_of(quotation, "id")});
      if (!rows) return rows.take_error();
      for (const auto& row : rows->rows)
        revisions[text_of(quotation, "id")].emplace_back(row[0].integer(), row[1].text());
    }
    return {};
  });
  if (!read) return read.take_error();

  // Each chain starts at its earliest document: an enquiry, or a quotation, order or
  // invoice made without one before it.
  struct Chain {
    std::vector<object> steps;
  };
  std::map<std::string, std::size_t> chain_of_record;  // record id → chain index
  std::vector<Chain> chains;
  auto place = [&](const std::string& parent_id, const std::string& own_id) {
    auto found = parent_id.empty() ? chain_of_record.end() : chain_of_record.find(parent_id);
    std::size_t index;
    if (found == chain_of_record.end()) {
      index = chains.size();
      chains.emplace_back();
    } else {
      index = found->second;
    }
    chain_of_record[own_id] = index;
    return index;
  };
  for (const auto& enquiry : *enquiries) {
    auto index = place("", text_of(enquiry, "id"));
    chains[index].steps.push_back(
        step("enquiry", enquiry, text_of(enquiry, "created_at"),
             fmt::format("Enquiry {} ({})", text_of(enquiry, "number"), text_of(enquiry, "channel"))));
  }
  for (const auto& quotation : *quotations) {
    const std::string id = text_of(quotation, "id");
    auto index = place(text_of(quotation, "enquiry_id"), id);
    chains[index].steps.push_back(step("quotation", quotation, text_of(quotation, "created_at"),
                                       fmt::format("Quotation {} drafted", text_of(quotation, "number"))));
    for (const auto& [number, frozen_at] : revisions[id]) {
      auto revision = step("quotation_revision", quotation, frozen_at,
                           fmt::format("Quotation {} revision {} frozen", text_of(quotation, "number"), number));
      revision["revision"] = number;
      chains[index].steps.push_back(std::move(revision));
    }
  }
  for (const auto& order : *orders) {
    const std::string parent =
        !text_of(order, "quotation_id").empty() ? text_of(order, "quotation_id") : text_of(order, "enquiry_id");
    auto index = place(parent, text_of(order, "id"));
    chains[index].steps.push_back(
        step("order", order, text_of(order, "created_at"), fmt::format("Order {}", text_of(order, "number"))));
  }
  for (const auto& delivery : *deliveries) {
    auto index = place(text_of(delivery, "sales_order_id"), text_of(delivery, "id"));
    chains[index].steps.push_back(
        step("delivery", delivery, text_of(delivery, "created_at"),
             fmt::format("Delivery {} ({})", text_of(delivery, "number"), text_of(delivery, "status"))));
  }
  for (const auto& invoice : *invoices) {
    const std::string parent = !text_of(invoice, "credited_invoice_id").empty()
                                   ? text_of(invoice, "credited_invoice_id")
                                   : text_of(invoice, "sales_order_id");
    auto index = place(parent, text_of(invoice, "id"));
    const bool credit = text_of(invoice, "kind") == "credit_note";
    chains[index].steps.push_back(
        step(credit ? "credit_note" : "invoice", invoice, text_of(invoice, "created_at"),
             fmt::format("{} {}", credit ? "Credit note" : "Invoice", text_of(invoice, "number"))));
  }
  auto claims = all_rows(records, "claim", of_account, actor);
  if (!claims) return claims.take_error();
  for (const auto& claim : *claims) {
    auto index = place(text_of(claim, "invoice_id"), text_of(claim, "id"));
    chains[index].steps.push_back(step(
        "claim", claim, text_of(claim, "created_at"),
        fmt::format("Claim {} ({}, {})", text_of(claim, "number"), text_of(claim, "kind"), text_of(claim, "reason"))));
  }
  for (const auto& allocation : allocations) {
    auto chain = chain_of_record.find(text_of(allocation, "invoice_id"));
    auto payment = payment_by_id.find(text_of(allocation, "payment_id"));
    if (chain == chain_of_record.end() || payment == payment_by_id.end()) continue;
    auto paid = step("payment", *payment->second, text_of(allocation, "created_at"),
                     fmt::format("Payment {} of {} {}", text_of(*payment->second, "reference"),
                                 text_of(allocation.at("amount").as_object(), "amount"),
                                 text_of(allocation.at("amount").as_object(), "currency")));
    paid["invoice_id"] = text_of(allocation, "invoice_id");
    chains[chain->second].steps.push_back(std::move(paid));
  }
  array out;
  for (auto& chain : chains) {
    std::stable_sort(chain.steps.begin(), chain.steps.end(),
                     [](const object& a, const object& b) { return text_of(a, "at") < text_of(b, "at"); });
    array steps;
    std::optional<TimePoint> previous;
    std::optional<TimePoint> first;
    for (auto& entry : chain.steps) {
      auto at = from_iso8601(text_of(entry, "at"));
      if (at && previous) {
        entry["seconds_since_previous"] = std::chrono::duration_cast<std::chrono::seconds>(*at - *previous).count();
      } else {
        entry["seconds_since_previous"] = nullptr;
      }
      if (at) previous = at;
      if (at && !first) first = at;
      steps.push_back(std::move(entry));
    }
    object item{{"steps", std::move(steps)}};
    item["seconds_total"] =
        first && previous
            ? boost::json::value(std::chrono::duration_cast<std::chrono::seconds>(*previous - *first).count())
            : boost::json::value(nullptr);
    out.push_back(std::move(item));
  }
  return object{{"account_id", account_id}, {"chains", std::move(out)}};
}

}  // namespace

void add_sales_cycle_routes(http::Router& router, records::RecordService& records,
                            const access::Authenticator& authenticator, access::GrantStore& grants,
                            const Clock& clock) {
  const records::RouteContext context{records, authenticator, grants};

  // Allocation to a sales person (a user) and/or a dealer or agent (an account): the
  // enquiry says who has it, and a task asks them (or the dealer's account owner) to act.
  router.add(http::Method::post, "/api/v1/enquiries/{id}/allocate", [&records, context, &clock](Request& request) {
    return records::as_caller(context, request, [&](const Actor& actor) {
      const auto* body = request.json.if_object();
      const std::string user_id = body ? text_of(*body, "user_id") : std::string();
      const std::string dealer_id = body ? text_of(*body, "dealer_id") : std::string();
      const std::string note = body ? text_of(*body, "note") : std::string();
      if (user_id.empty() && dealer_id.empty()) {
        const std::string message = "a user_id, a dealer_id or both";
        return Response::error(Error{ErrorCode::validation_failed, message, {{"user_id", "FIELD_REQUIRED", message}}},
                               request.request_id);
      }
      if (note.size() > 2000) {
        return Response::error(
            Error{ErrorCode::validation_failed, "the note is too long", {{"note", "FIELD_TOO_LONG", "at most 2000"}}},
            request.request_id);
      }
      const std::string id(request.path_param("id"));
      const auto& enquiries = layout_of(records, "enquiry");
      auto visible = records.get(enquiries, id, {"id"}, actor.access);
      if (!visible) return Response::error(visible.error(), request.request_id);
      Result<object> allocated = object{};
      auto done = records.database().transact([&](storage::Connection& connection) -> Result<void> {
        ATRIUM_TRY(records.ensure_allowed(connection, enquiries, id, actor, access::Action::edit));
        auto enquiry = records.get_within(connection, enquiries, id);
        if (!enquiry) return enquiry.take_error();
        const std::string status = text_of(*enquiry, "status");
        if (status != "new" && status != "allocated") {
          const std::string message = fmt::format("enquiry {} is {}", text_of(*enquiry, "number"), status);
          return Error{ErrorCode::conflict, message, {{"status", "ENQUIRY_CLOSED", message}}};
        }
        object values{{"status", "allocated"}};
        std::vector<std::pair<std::string, std::string>> handlers;  // user id, what they are asked
        if (!user_id.empty()) {
          auto user = connection.query("SELECT name FROM users WHERE id = ? AND active = 1", {user_id});
          if (!user) return user.take_error();
          if (user->empty()) {
            return Error{ErrorCode::validation_failed,
                         "no such active user",
                         {{"user_id", "LINK_NOT_FOUND", "an active user's id"}}};
          }
          values["allocated_user_id"] = user_id;
          values["allocated_to"] = user->rows[0][0].text();
          handlers.emplace_back(user_id, fmt::format("Handle enquiry {}", text_of(*enquiry, "number")));
        }
        if (!dealer_id.empty()) {
          auto dealer = records.get(layout_of(records, "account"), dealer_id, {"id", "name"}, actor.access);
          if (!dealer) {
            return Error{ErrorCode::validation_failed,
                         "no such account",
                         {{"dealer_id", "LINK_NOT_FOUND", "an account you can read"}}};
          }
          auto owner = connection.query(
              fmt::format("SELECT owner_id FROM {} WHERE id = ?", layout_of(records, "account").entity().table),
              {dealer_id});
          if (!owner) return owner.take_error();
          values["dealer_id"] = dealer_id;
          if (user_id.empty()) values["allocated_to"] = text_of(*dealer, "name");
          handlers.emplace_back(
              owner->rows[0][0].text(),
              fmt::format("Pass enquiry {} to {}", text_of(*enquiry, "number"), text_of(*dealer, "name")));
        }
        auto written = records.write_system_within(connection, enquiries, id, values, actor);
        if (!written) return written.take_error();
        // Due by the date the customer wants the quotation, else in two days.
        std::string due = text_of(*enquiry, "quotation_due");
        due = due.empty() ? to_iso8601(clock.now() + std::chrono::hours(48)) : due + "T17:00:00Z";
        for (const auto& [handler, title] : handlers) {
          object task{
              {"title", title},
              {"kind", "task"},
              {"priority", "high"},
              {"due_at", due},
              {"parent", object{{"entity", "enquiry"}, {"id", id}}},
              {"description", note.empty() ? std::string("Prepare the quotation or pass the enquiry on.") : note}};
          // The task is the handler's own, whatever their right to create tasks.
          auto created = records.create_within(connection, layout_of(records, "task"), task, Actor{handler});
          if (!created) return created.take_error();
        }
        allocated = records.get_within(connection, enquiries, id);
        if (!allocated) return allocated.error();
        return {};
      });
      if (!done) return Response::error(done.error(), request.request_id);
      return json(200, *allocated);
    });
  });

  router.add(http::Method::post, "/api/v1/enquiries/{id}/quotation", [&records, context](Request& request) {
    return records::as_caller(context, request, [&](const Actor& actor) {
      return convert_from(records, actor, request, "enquiry",
                          [&](storage::Connection& connection, const std::string& id) {
                            return conversions::quotation_from_enquiry(records, connection, id, actor);
                          });
    });
  });
  router.add(http::Method::post, "/api/v1/enquiries/{id}/order", [&records, context](Request& request) {
    return records::as_caller(context, request, [&](const Actor& actor) {
      return convert_from(records, actor, request, "enquiry",
                          [&](storage::Connection& connection, const std::string& id) {
                            return conversions::order_from_enquiry(records, connection, id, actor);
                          });
    });
  });
  router.add(http::Method::post, "/api/v1/quotations/{id}/order", [&records, context](Request& request) {
    return records::as_caller(context, request, [&](const Actor& actor) {
      return convert_from(records, actor, request, "quotation",
                          [&](storage::Connection& connection, const std::string& id) {
                            return conversions::order_from_quotation(records, connection, id, actor);
                          });
    });
  });
  router.add(http::Method::post, "/api/v1/orders/{id}/invoice", [&records, context](Request& request) {
    return records::as_caller(context, request, [&](const Actor& actor) {
      return convert_from(records, actor, request, "sales_order",
                          [&](storage::Connection& connection, const std::string& id) {
                            return conversions::invoice_from_order(records, connection, id, actor);
                          });
    });
  });
  router.add(http::Method::post, "/api/v1/deliveries/{id}/invoice", [&records, context](Request& request) {
    return records::as_caller(context, request, [&](const Actor& actor) {
      return convert_from(records, actor, request, "delivery",
                          [&](storage::Connection& connection, const std::string& id) {
                            return conversions::invoice_from_delivery(records, connection, id, actor);
                          });
    });
  });
  router.add(http::Method::post, "/api/v1/orders/{id}/delivery", [&records, context](Request& request) {
    return records::as_caller(context, request, [&](const Actor& actor) {
      const auto* body = request.json.if_object();
      const object header = body ? *body : object{};
      array lines;
      if (const auto* given = body ? body->if_contains("lines") : nullptr; given && given->is_array()) {
        lines = given->as_array();
      }
      if (lines.size() > 1000) {
        return Response::error(
            Error{ErrorCode::validation_failed, "too many lines", {{"lines", "FIELD_TOO_LONG", "at most 1000 lines"}}},
            request.request_id);
      }
      return convert_from(records, actor, request, "sales_order",
                          [&](storage::Connection& connection, const std::string& id) {
                            return conversions::delivery_for(records, connection, id, lines, header, actor);
                          });
    });
  });
  router.add(http::Method::post, "/api/v1/claims/{id}/resolve", [&records, context](Request& request) {
    return records::as_caller(context, request, [&](const Actor& actor) {
      const auto* body = request.json.if_object();
      const std::string resolution = body ? text_of(*body, "resolution") : std::string();
      if (resolution.empty()) {
        return Response::error(
            Error{ErrorCode::validation_failed,
                  "how the claim is settled",
                  {{"resolution", "FIELD_REQUIRED", "credit, replacement, reorder, repair or reimbursement"}}},
            request.request_id);
      }
      return convert_from(records, actor, request, "claim",
                          [&](storage::Connection& connection, const std::string& id) {
                            return conversions::resolve_claim(records, connection, id, resolution, actor);
                          });
    });
  });
  router.add(http::Method::post, "/api/v1/invoices/{id}/credit_note", [&records, context](Request& request) {
    return records::as_caller(context, request, [&](const Actor& actor) {
      const auto* body = request.json.if_object();
      array lines;
      if (const auto* given = body ? body->if_contains("lines") : nullptr; given && given->is_array()) {
        lines = given->as_array();
      }
      const std::string reason = body ? text_of(*body, "reason") : std::string();
      if (reason.size() > 2000 || lines.size() > 1000) {
        return Response::error(Error{ErrorCode::validation_failed,
                                     "too long",
                                     {{reason.size() > 2000 ? "reason" : "lines", "FIELD_TOO_LONG",
                                       "a reason of at most 2000 characters, at most 1000 lines"}}},
                               request.request_id);
      }
      return convert_from(records, actor, request, "invoice",
                          [&](storage::Connection& connection, const std::string& id) {
                            return conversions::credit_note_for(records, connection, id, lines, reason, actor);
                          });
    });
  });

  // A variant of the line's product for the customer's requested changes: a new product
  // (variant_of the original) that the quotation made from the enquiry offers instead.
  router.add(http::Method::post, "/api/v1/enquiry_lines/{id}/variant", [&records, context](Request& request) {
    return records::as_caller(context, request, [&](const Actor& actor) {
      const auto* body = request.json.if_object();
      const std::string id(request.path_param("id"));
      const auto& lines = layout_of(records, "enquiry_line");
      auto visible = records.get(lines, id, {"id"}, actor.access);
      if (!visible) return Response::error(visible.error(), request.request_id);
      Result<object> made = object{};
      auto done = records.database().transact([&](storage::Connection& connection) -> Result<void> {
        auto line = records.get_within(connection, lines, id);
        if (!line) return line.take_error();
        if (!text_of(*line, "variant_id").empty()) {
          const std::string message = "the line has its variant already";
          return Error{ErrorCode::conflict, message, {{"variant_id", "ALREADY_CONVERTED", message}}};
        }
        if (text_of(*line, "requested_changes").empty()) {
          const std::string message = "a variant is made for requested specification changes: the line has none";
          return Error{ErrorCode::validation_failed, message, {{"requested_changes", "FIELD_REQUIRED", message}}};
        }
        auto product = records.get_within(connection, layout_of(records, "product"), text_of(*line, "product_id"));
        if (!product) return product.take_error();
        object variant{{"variant_of_id", text_of(*product, "id")}};
        for (std::string_view field : {"product_group", "unit", "list_price", "cost"}) {
          if (const auto* value = product->if_contains(field); value && !value->is_null()) variant[field] = *value;
        }
        variant["code"] = body && !text_of(*body, "code").empty() ? text_of(*body, "code")
                                                                  : text_of(*product, "code") + "-V" + id.substr(0, 6);
        variant["name"] = body && !text_of(*body, "name").empty()
                              ? text_of(*body, "name")
                              : (text_of(*product, "name") + " (variant)").substr(0, 200);
        variant["specifications"] =
            (text_of(*product, "specifications").empty()
                 ? text_of(*line, "requested_changes")
                 : text_of(*product, "specifications") + "\n\nChanges: " + text_of(*line, "requested_changes"))
                .substr(0, 20000);
        made = records.create_within(connection, layout_of(records, "product"), variant, actor);
        if (!made) return made.error();
        auto linked =
            records.write_system_within(connection, lines, id, object{{"variant_id", text_of(*made, "id")}}, actor);
        if (!linked) return linked.take_error();
        return {};
      });
      if (!done) return Response::error(done.error(), request.request_id);
      return json(201, *made);
    });
  });

  router.add(http::Method::get, "/api/v1/accounts/{id}/balance", [&records, context, &clock](Request& request) {
    return records::as_caller(context, request, [&](const Actor& actor) {
      const std::string id(request.path_param("id"));
      auto visible = records.get(layout_of(records, "account"), id, {"id"}, actor.access);
      if (!visible) return Response::error(visible.error(), request.request_id);
      auto balance = balance_of(records, id, actor, today_of(clock));
      if (!balance) return Response::error(balance.error(), request.request_id);
      return json(200, *balance);
    });
  });

  router.add(http::Method::get, "/api/v1/accounts/{id}/chain", [&records, context](Request& request) {
    return records::as_caller(context, request, [&](const Actor& actor) {
      const std::string id(request.path_param("id"));
      auto visible = records.get(layout_of(records, "account"), id, {"id"}, actor.access);
      if (!visible) return Response::error(visible.error(), request.request_id);
      auto chain = chain_of(records, id, actor);
      if (!chain) return Response::error(chain.error(), request.request_id);
      return json(200, *chain);
    });
  });

  // Enquiries by customer, dealer, area or product: how many, and the value asked, over
  // the enquiries the caller sees; `status=pending` (the default) counts the open ones
  // (new and allocated), `all` every one.
  router.add(http::Method::get, "/api/v1/reports/enquiries", [&records, context](Request& request) {
    return records::as_caller(context, request, [&](const Actor& actor) {
      const std::string by(request.query("group_by").value_or("area"));
      const std::string status(request.query("status").value_or("pending"));
      if (by != "customer" && by != "dealer" && by != "area" && by != "product") {
        return Response::error(Error{ErrorCode::bad_request,
                                     "the grouping is not valid",
                                     {{"group_by", "FIELD_INVALID_ENUM", "customer, dealer, area or product"}}},
                               request.request_id);
      }
      if (status != "pending" && status != "all") {
        return Response::error(Error{ErrorCode::bad_request,
                                     "the status is not valid",
                                     {{"status", "FIELD_INVALID_ENUM", "pending or all"}}},
                               request.request_id);
      }
      bool truncated = false;
      auto enquiries = all_rows(records, "enquiry", status == "pending" ? "status in [\"new\", \"allocated\"]" : "",
                                actor, &truncated);
      if (!enquiries) return Response::error(enquiries.error(), request.request_id);
      struct Group {
        std::int64_t enquiries = 0;
        CurrencySums value;
        Decimal quantity;
      };
      std::map<std::string, Group> groups;
      if (by == "product") {
        std::map<std::string, const object*> by_id;
        for (const auto& enquiry : *enquiries) by_id[text_of(enquiry, "id")] = &enquiry;
        auto lines = all_rows(records, "enquiry_line", "", actor, &truncated);
        if (!lines) return Response::error(lines.error(), request.request_id);
        std::map<std::string, std::set<std::string>> counted;
        for (const auto& line : *lines) {
          if (!by_id.contains(text_of(line, "enquiry_id"))) continue;
          auto& group = groups[text_of(line, "product_id")];
          if (counted[text_of(line, "product_id")].insert(text_of(line, "enquiry_id")).second) ++group.enquiries;
          group.quantity = group.quantity.plus(Decimal::parse(text_of(line, "quantity")).value_or(Decimal()))
                               .value_or(group.quantity);
          if (const auto currency = currency_of(line, "line_total"); !currency.empty())
            group.value.add(currency, "value", money_amount(line, "line_total"));
        }
      } else {
        const std::string field = by == "customer" ? "account_id" : by == "dealer" ? "dealer_id" : "area";
        for (const auto& enquiry : *enquiries) {
          auto& group = groups[text_of(enquiry, field)];
          ++group.enquiries;
          if (const auto currency = currency_of(enquiry, "total"); !currency.empty())
            group.value.add(currency, "value", money_amount(enquiry, "total"));
        }
      }
      array rows;
      for (const auto& [key, group] : groups) {
        object row{{"key", key}, {"enquiries", group.enquiries}, {"value", group.value.to_json({"value"})}};
        if (by == "product") row["quantity"] = group.quantity.to_string();
        rows.push_back(std::move(row));
      }
      std::sort(rows.begin(), rows.end(), [](const boost::json::value& a, const boost::json::value& b) {
        return a.at("enquiries").as_int64() > b.at("enquiries").as_int64();
      });
      return json(200,
                  object{{"group_by", by}, {"status", status}, {"data", std::move(rows)}, {"truncated", truncated}});
    });
  });

  // Open invoices by customer and by how late they are, over the invoices the caller sees.
  router.add(http::Method::get, "/api/v1/reports/ageing", [&records, context, &clock](Request& request) {
    return records::as_caller(context, request, [&](const Actor& actor) {
      bool truncated = false;
      auto invoices = all_rows(records, "invoice",
                               "kind eq \"invoice\" and status in [\"issued\", \"partly_paid\"] and open_amount gt 0",
                               actor, &truncated);
      if (!invoices) return Response::error(invoices.error(), request.request_id);
      const std::string today = today_of(clock);
      std::map<std::string, std::vector<object>> by_account;
      for (auto& invoice : *invoices) by_account[text_of(invoice, "account_id")].push_back(std::move(invoice));
      array rows;
      CurrencySums all;
      for (const auto& [account_id, open] : by_account) {
        CurrencySums sums;
        age(open, today, sums);
        age(open, today, all);
        auto account = records.get(layout_of(records, "account"), account_id, {"id", "name"}, actor.access);
        rows.push_back(object{{"account_id", account_id},
                              {"account_name", account ? text_of(*account, "name") : std::string()},
                              {"invoices", open.size()},
                              {"currencies", sums.to_json({"open", "overdue", "current", "days_1_30", "days_31_60",
                                                           "days_61_90", "days_over_90"})}});
      }
      return json(200, object{{"as_of", today},
                              {"data", std::move(rows)},
                              {"totals", all.to_json({"open", "overdue", "current", "days_1_30", "days_31_60",
                                                      "days_61_90", "days_over_90"})},
                              {"truncated", truncated}});
    });
  });
}

}  // namespace atrium::sales
