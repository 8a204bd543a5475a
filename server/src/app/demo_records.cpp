#include "demo_records.hpp"

#include <fmt/format.h>

#include <array>
#include <boost/json/value.hpp>

#include "atrium/records/audit_trail.hpp"
#include "atrium/records/entity_layout.hpp"
#include "atrium/records/search_index.hpp"
#include "demo_names.hpp"

namespace atrium::app {

namespace {

constexpr std::int64_t kBatch = 5000;
const std::string kCreatedAt = "2026-01-01T00:00:00.000000Z";

struct Picklist {
  std::string_view name;
  std::vector<std::pair<std::string_view, std::string_view>> values;
};

const std::vector<Picklist>& picklists() {
  static const std::vector<Picklist> lists{
      {"areas",
       {{"north", "North"},
        {"south", "South"},
        {"east", "East"},
        {"west", "West"},
        {"central", "Central"},
        {"export", "Export"}}},
      {"industries",
       {{"chemicals", "Chemicals"},
        {"food", "Food and beverages"},
        {"automotive", "Automotive"},
        {"construction", "Construction"},
        {"pharma", "Pharmaceuticals"},
        {"textiles", "Textiles"},
        {"energy", "Energy"},
        {"retail", "Retail"}}},
      {"segments",
       {{"key", "Key accounts"}, {"growth", "Growth"}, {"standard", "Standard"}, {"public", "Public sector"}}},
      {"sizes",
       {{"small", "Small (< 50)"},
        {"medium", "Medium (50–249)"},
        {"large", "Large (250–999)"},
        {"enterprise", "Enterprise (1000+)"}}},
      {"product_groups",
       {{"pumps", "Pumps"},
        {"valves", "Valves"},
        {"seals", "Seals"},
        {"sensors", "Sensors"},
        {"spares", "Spare parts"},
        {"service", "Service"}}},
      {"account_categories", {{"a", "A: strategic"}, {"b", "B: regular"}, {"c", "C: occasional"}}},
      {"contact_roles",
       {{"buyer", "Buyer"},
        {"engineer", "Engineer"},
        {"accounts_payable", "Accounts payable"},
        {"manager", "Manager"},
        {"quality", "Quality"}}},
      {"sales_types", {{"domestic", "Domestic"}, {"export", "Export"}, {"dealer", "Dealer"}}},
  };
  return lists;
}

constexpr std::array<std::string_view, 20> kNameStems{
    "Nordwind", "Aurora",  "Baltic", "Cedar",    "Delta", "Elbe",  "Fjord",   "Granite", "Harbor", "Iberia",
    "Juniper",  "Kestrel", "Lumen",  "Meridian", "Nova",  "Orion", "Pioneer", "Quarry",  "Rhein",  "Summit"};
constexpr std::array<std::string_view, 12> kNameTrades{"Logistics", "Chemie",  "Foods",  "Motors",  "Bau",   "Pharma",
                                                       "Textil",    "Energie", "Handel", "Systems", "Werke", "Trading"};
constexpr std::array<std::string_view, 7> kLegalForms{"GmbH", "AG", "Ltd", "Inc", "S.A.", "B.V.", "SpA"};
constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kCities{{{"Köln", "DE"},
                                                                                 {"München", "DE"},
                                                                                 {"Hamburg", "DE"},
                                                                                 {"Wien", "AT"},
                                                                                 {"Zürich", "CH"},
                                                                                 {"Lyon", "FR"},
                                                                                 {"Milano", "IT"},
                                                                                 {"Rotterdam", "NL"},
                                                                                 {"Kraków", "PL"},
                                                                                 {"Göteborg", "SE"},
                                                                                 {"Αθήνα", "GR"},
                                                                                 {"Manchester", "GB"}}};
constexpr std::array<std::string_view, 8> kProductKinds{"Centrifugal pump", "Ball valve", "Mechanical seal",
                                                        "Pressure sensor",  "Gate valve", "Dosing pump",
                                                        "O-ring kit",       "Flow meter"};

template <std::size_t N>
std::string_view pick(const std::array<std::string_view, N>& items, std::mt19937_64& random) {
  return items[random() % N];
}

std::string_view pick_key(std::string_view picklist, std::mt19937_64& random) {
  for (const auto& list : picklists()) {
    if (list.name == picklist) return list.values[random() % list.values.size()].first;
  }
  return {};
}

// Inserts rows of one entity through its field types, so demo values obey the same
// rules as typed-in ones, batched for speed.
class Inserter {
 public:
  Inserter(const metadata::EntityDefinition& entity, const metadata::Catalog& catalog, std::vector<std::string> fields)
      : layout_(entity, catalog), fields_(std::move(fields)) {
    std::string columns = "id, owner_id, created_at, created_by_id, updated_at, updated_by_id, version";
    std::string marks = "?, ?, ?, ?, ?, ?, 1";
    for (const auto& name : fields_) {
      for (const auto& column : layout_.find_field(name)->columns) {
        columns += ", " + column.name;
        marks += ", ?";
      }
    }
    // Reruns after an interruption skip what is there.
    sql_ = fmt::format("INSERT INTO {} ({}) VALUES ({}) ON CONFLICT DO NOTHING", entity.table, columns, marks);
  }

  Result<void> insert(storage::Connection& connection, const std::string& id, const std::string& owner,
                      const std::vector<boost::json::value>& values) {
    storage::Params params{id, owner, kCreatedAt, owner, kCreatedAt, owner};
    for (std::size_t i = 0; i < fields_.size(); ++i) {
      const auto* field = layout_.find_field(fields_[i]);
      if (values[i].is_null()) {
        params.insert(params.end(), field->columns.size(), storage::Value());
        continue;
      }
      auto converted = field->type->from_json(values[i], *field->field);
      if (auto* problem = std::get_if<metadata::FieldProblem>(&converted)) {
        return make_error(ErrorCode::internal_error, fmt::format("demo {}: {}", fields_[i], problem->message));
      }
      for (auto& value : std::get<std::vector<storage::Value>>(converted)) params.push_back(std::move(value));
    }
    auto done = connection.execute(sql_, params);
    if (!done) return done.take_error();
    if (*done == 0) return {};  // there from an interrupted run, entry included
    // Demo rows enter the audit trail like typed-in ones, so verification holds for them.
    boost::json::object after{{"id", id}};
    std::size_t next = 6;
    for (std::size_t i = 0; i < fields_.size(); ++i) {
      const auto* field = layout_.find_field(fields_[i]);
      std::span<const storage::Value> columns(params.data() + next, field->columns.size());
      after[field->api_name] = field->type->to_json(columns, *field->field);
      next += field->columns.size();
    }
    ATRIUM_TRY(records::append_audit(connection, layout_,
                                     records::AuditEntry{layout_.entity().name, id, "create", owner, kCreatedAt},
                                     nullptr, after));
    return records::index_record(connection, layout_, after, records::IndexMode::new_record);
  }

 private:
  records::EntityLayout layout_;
  std::vector<std::string> fields_;
  std::string sql_;
};

// Runs `row(n, connection)` for n in [0, count) in transactions of kBatch rows.
template <class Row>
Result<void> batched(storage::Database& database, std::int64_t count, Row row) {
  for (std::int64_t start = 0; start < count; start += kBatch) {
    const std::int64_t end = std::min(count, start + kBatch);
    ATRIUM_TRY(database.transact([&](storage::Connection& connection) -> Result<void> {
      for (std::int64_t n = start; n < end; ++n) ATRIUM_TRY(row(n, connection));
      return {};
    }));
  }
  return {};
}

// The first products get price-list rates; the rest sell at their list price.
constexpr std::size_t kPricedProducts = 50;

struct PricedProduct {
  std::string id;
  std::int64_t list_price;  // whole euros
};

boost::json::object euros(std::int64_t cents) {
  return {{"amount", fmt::format("{}.{:02d}", cents / 100, cents % 100)}, {"currency", "EUR"}};
}

// Price lists per sales type with a quantity break, discount and tax rules: what a sales
// person meets when pricing a line.
Result<std::int64_t> load_demo_pricing(storage::Database& database, const metadata::Catalog& catalog, DemoIds& ids,
                                       const std::string& owner_id, const std::vector<PricedProduct>& products) {
  struct ListOfType {
    std::string_view name;
    std::string_view sales_type;
    std::int64_t percent;           // of the list price
    std::int64_t percent_from_ten;  // from 10 pieces on
  };
  static constexpr std::array<ListOfType, 3> kLists{
      {{"Domestic 2026", "domestic", 95, 90}, {"Export 2026", "export", 85, 80}, {"Dealer net", "dealer", 75, 70}}};
  Inserter lists(*catalog.find("price_list"), catalog, {"name", "sales_type", "currency", "description"});
  Inserter rates(*catalog.find("price_list_rate"), catalog,
                 {"price_list", "product", "min_quantity", "unit_price", "valid_from"});
  Inserter discounts(*catalog.find("discount_rule"), catalog, {"name", "product_group", "percent", "min_quantity"});
  Inserter taxes(*catalog.find("tax_rule"), catalog, {"name", "product_group", "rate"});
  std::int64_t rows = 0;
  ATRIUM_TRY(database.transact([&](storage::Connection& connection) -> Result<void> {
    for (const auto& list : kLists) {
      const std::string list_id = ids.next();
      ATRIUM_TRY(lists.insert(
          connection, list_id, owner_id,
          {boost::json::string(list.name), boost::json::string(list.sales_type), boost::json::string("EUR"),
           boost::json::string(
               fmt::format("{}% of the list price, {}% from ten pieces on.", list.percent, list.percent_from_ten))}));
      ++rows;
      for (const auto& product : products) {
        for (const auto& [from, percent] : {std::pair{0, list.percent}, std::pair{10, list.percent_from_ten}}) {
          ATRIUM_TRY(rates.insert(
              connection, ids.next(), owner_id,
              {boost::json::string(list_id), boost::json::string(product.id), boost::json::string(std::to_string(from)),
               euros(product.list_price * percent), boost::json::string("2026-01-01")}));
          ++rows;
        }
      }
    }
    ATRIUM_TRY(discounts.insert(
        connection, ids.next(), owner_id,
        {boost::json::string("Valves promotion"), boost::json::string("valves"), boost::json::string("5"), nullptr}));
    ATRIUM_TRY(discounts.insert(connection, ids.next(), owner_id,
                                {boost::json::string("Seals by the hundred"), boost::json::string("seals"),
                                 boost::json::string("3"), boost::json::string("100")}));
    ATRIUM_TRY(taxes.insert(connection, ids.next(), owner_id,
                            {boost::json::string("Standard VAT"), nullptr, boost::json::string("19")}));
    ATRIUM_TRY(taxes.insert(
        connection, ids.next(), owner_id,
        {boost::json::string("Reduced VAT on service"), boost::json::string("service"), boost::json::string("7")}));
    rows += 4;
    return {};
  }));
  return rows;
}

struct ChecklistRule {
  const char* order_type;
  const char* category;
  const char* label;
  const char* guards;
};

constexpr ChecklistRule kChecklist[] = {
    {"standard", "documents", "Customer's purchase order filed", "submit"},
    {"standard", "packing", "Goods packed and labelled", "dispatch"},
    {"standard", "documents", "Delivery note printed", "dispatch"},
    {"standard", "shipment", "Carrier booked", "dispatch"},
    {"standard", "shipment", "Proof of delivery received", "close"},
    {"export", "documents", "Export licence checked", "submit"},
    {"export", "documents", "Commercial invoice and packing list", "dispatch"},
    {"export", "documents", "Certificate of origin", "dispatch"},
    {"export", "shipment", "Customs declaration filed", "dispatch"},
    {"export", "shipment", "Proof of export received", "close"},
    {"loaner", "documents", "Loan agreement signed", "submit"},
    {"loaner", "dispatch", "Serial numbers recorded", "dispatch"},
    {"loaner", "dispatch", "Returned unit inspected", "close"},
    {"dealer", "documents", "Dealer agreement in force", "submit"},
    {"dealer", "packing", "Goods packed for the dealer", "dispatch"},
    {"sample", "dispatch", "Sample labelled as free of charge", "dispatch"},
};

// What a shipping department checks before each step of an order, per order type.
Result<std::int64_t> load_demo_checklists(storage::Database& database, const metadata::Catalog& catalog, DemoIds& ids,
                                          const std::string& owner_id) {
  Inserter rules(*catalog.find("order_checklist_rule"), catalog,
                 {"order_type", "category", "label", "guards", "position"});
  std::int64_t rows = 0;
  ATRIUM_TRY(database.transact([&](storage::Connection& connection) -> Result<void> {
    for (const auto& item : kChecklist) {
      ATRIUM_TRY(rules.insert(connection, ids.next(), owner_id,
                              {boost::json::string(item.order_type), boost::json::string(item.category),
                               boost::json::string(item.label), boost::json::string(item.guards), rows + 1}));
      ++rows;
    }
    return {};
  }));
  return rows;
}

}  // namespace

Result<std::int64_t> load_demo_records(storage::Database& database, const metadata::Catalog& catalog,
                                       const DemoSize& size, DemoIds& ids, const std::string& owner_id) {
  std::int64_t rows = 0;
  ATRIUM_TRY(database.transact([&](storage::Connection& connection) -> Result<void> {
    for (const auto& list : picklists()) {
      std::int64_t position = 0;
      for (const auto& [key, label] : list.values) {
        auto done = connection.execute(
            "INSERT INTO picklist_values (picklist, key, label, position, active) VALUES (?, ?, ?, ?, 1) "
            "ON CONFLICT DO NOTHING",
            {list.name, key, label, position++});
        if (!done) return done.take_error();
        ++rows;
      }
    }
    return {};
  }));

  std::mt19937_64 random(7);
  Inserter products(*catalog.find("product"), catalog,
                    {"code", "name", "product_group", "unit", "specifications", "cost", "list_price", "stock"});
  std::vector<PricedProduct> priced_products;
  ATRIUM_TRY(batched(database, size.products, [&](std::int64_t n, storage::Connection& connection) -> Result<void> {
    const auto kind = pick(kProductKinds, random);
    const auto cost = 20 + static_cast<std::int64_t>(random() % 2000);
    ++rows;
    const std::string id = ids.next();
    if (priced_products.size() < kPricedProducts) priced_products.push_back({id, cost * 2});
    return products.insert(connection, id, owner_id,
                           {boost::json::string(fmt::format("P-{:05d}", n + 1)),
                            boost::json::string(fmt::format("{} {}", kind, 10 + n % 90)),
                            boost::json::string(pick_key("product_groups", random)), boost::json::string("pcs"),
                            boost::json::string(fmt::format("{} for {} service, rated {} bar.", kind,
                                                            n % 2 ? "continuous" : "intermittent", 6 + n % 40)),
                            boost::json::object{{"amount", fmt::format("{}.00", cost)}, {"currency", "EUR"}},
                            boost::json::object{{"amount", fmt::format("{}.00", cost * 2)}, {"currency", "EUR"}},
                            boost::json::string(fmt::format("{}.000", random() % 500))});
  }));

  static constexpr std::array<std::string_view, 10> kTypes{"customer", "customer",  "customer", "customer",
                                                           "prospect", "prospect",  "dealer",   "agent",
                                                           "supplier", "competitor"};
  Inserter accounts(*catalog.find("account"), catalog,
                    {"code", "name", "type", "category", "kind", "area", "industry", "segment", "size", "currency",
                     "payment_terms", "credit_limit", "email", "phone", "billing_address", "sales_type"});
  std::vector<std::string> account_ids;
  account_ids.reserve(static_cast<std::size_t>(std::min<std::int64_t>(size.accounts, 2'000'000)));
  ATRIUM_TRY(batched(database, size.accounts, [&](std::int64_t n, storage::Connection& connection) -> Result<void> {
    const std::string id = ids.next();
    account_ids.push_back(id);
    const auto stem = pick(kNameStems, random);
    const auto trade = pick(kNameTrades, random);
    const auto [city, country] = kCities[random() % kCities.size()];
    const std::string code = fmt::format("A-{:06d}", n + 1);
    // In the order the values were always drawn, so the demo stays the same.
    const auto legal_form = pick(kLegalForms, random);
    const auto type = kTypes[random() % kTypes.size()];
    std::string domain = fmt::format("{}-{}.example", stem, trade);
    for (auto& c : domain) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    ++rows;
    return accounts.insert(
        connection, id, owner_id,
        {boost::json::string(code), boost::json::string(fmt::format("{} {} {}", stem, trade, legal_form)),
         boost::json::string(type), boost::json::string(pick_key("account_categories", random)),
         boost::json::string(country == "DE" ? "local" : "international"),
         boost::json::string(pick_key("areas", random)), boost::json::string(pick_key("industries", random)),
         boost::json::string(pick_key("segments", random)), boost::json::string(pick_key("sizes", random)),
         boost::json::string("EUR"), boost::json::string(random() % 2 ? "30 days net" : "14 days 2%, 30 days net"),
         boost::json::object{{"amount", fmt::format("{}000.00", 5 + random() % 500)}, {"currency", "EUR"}},
         boost::json::string(fmt::format("info{}@{}", n + 1, domain)),
         boost::json::string(fmt::format("+49 221 {:07d}", random() % 10'000'000)),
         boost::json::object{{"street", fmt::format("Hauptstraße {}", 1 + random() % 200)},
                             {"city", city},
                             {"postal_code", fmt::format("{:05d}", random() % 100'000)},
                             {"country", country}},
         boost::json::string(type == "dealer"  ? "dealer"
                             : country == "DE" ? "domestic"
                                               : "export")});
  }));

  Inserter contacts(*catalog.find("contact"), catalog,
                    {"first_name", "last_name", "title", "email", "phone", "area", "industry", "product_groups"});
  Inserter places(*catalog.find("account_contact"), catalog, {"account", "contact", "role", "is_primary"});
  ATRIUM_TRY(batched(database, size.contacts, [&](std::int64_t n, storage::Connection& connection) -> Result<void> {
    const std::string id = ids.next();
    const auto first = pick(kDemoFirstNames, random);
    const auto last = pick(kDemoLastNames, random);
    ATRIUM_TRY(contacts.insert(
        connection, id, owner_id,
        {boost::json::string(first), boost::json::string(last),
         boost::json::string(random() % 2 ? "Purchasing manager" : "Plant engineer"),
         boost::json::string(fmt::format("contact{}@example.com", n + 1)),
         boost::json::string(fmt::format("+49 30 {:07d}", random() % 10'000'000)),
         boost::json::string(pick_key("areas", random)), boost::json::string(pick_key("industries", random)),
         boost::json::array{boost::json::string(pick_key("product_groups", random))}}));
    ++rows;
    // Most people work at one account, some at two; every tenth is still unassigned.
    if (account_ids.empty() || n % 10 == 9) return {};
    const int places_count = n % 7 == 0 ? 2 : 1;
    for (int p = 0; p < places_count; ++p) {
      ATRIUM_TRY(
          places.insert(connection, ids.next(), owner_id,
                        {boost::json::string(account_ids[random() % account_ids.size()]), boost::json::string(id),
                         boost::json::string(pick_key("contact_roles", random)), p == 0}));
      ++rows;
    }
    return {};
  }));
  auto pricing = load_demo_pricing(database, catalog, ids, owner_id, priced_products);
  if (!pricing) return pricing.take_error();
  auto checklists = load_demo_checklists(database, catalog, ids, owner_id);
  if (!checklists) return checklists.take_error();
  return rows + *pricing + *checklists;
}

}  // namespace atrium::app
