#include "export_rows.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json/serialize.hpp>
#include <set>

#include "../records/record_access.hpp"

namespace atrium::dataio {

namespace {

using records::FieldLayout;

constexpr std::size_t kMaxColumns = 200;
// Values of multi-value fields in one cell: a semicolon, so a CSV cell needs no quotes.
constexpr std::string_view kListSeparator = "; ";

struct StandardColumn {
  std::string_view name;
  std::string_view label;
  ExportCell::Kind kind;
};

// The standard fields a list may select (record_service.cpp), with their labels.
constexpr StandardColumn kStandardColumns[] = {
    {"id", "ID", ExportCell::Kind::text},
    {"version", "Version", ExportCell::Kind::number},
    {"owner_id", "Owner", ExportCell::Kind::text},
    {"created_at", "Created at", ExportCell::Kind::datetime},
    {"updated_at", "Updated at", ExportCell::Kind::datetime},
    {"archived_at", "Archived at", ExportCell::Kind::datetime},
};

const StandardColumn* standard_column(std::string_view name) {
  for (const auto& column : kStandardColumns) {
    if (column.name == name) return &column;
  }
  return nullptr;
}

std::string plain_text(const boost::json::value& value) {
  if (value.is_null()) return {};
  if (value.is_string()) return std::string(value.as_string());
  if (value.is_int64()) return std::to_string(value.as_int64());
  if (value.is_bool()) return value.as_bool() ? "true" : "false";
  return boost::json::serialize(value);
}

// street, postal code and city, region, country: the address as one line.
std::string address_line(const boost::json::object& address) {
  auto part = [&](std::string_view name) {
    const auto* value = address.if_contains(name);
    return value && value->is_string() ? std::string(value->as_string()) : std::string();
  };
  std::string town = part("postal_code");
  const std::string city = part("city");
  if (!city.empty()) town += (town.empty() ? "" : " ") + city;
  std::string line;
  for (const std::string& piece : {part("street"), town, part("region"), part("country")}) {
    if (!piece.empty()) line += (line.empty() ? "" : ", ") + piece;
  }
  return line;
}

}  // namespace

ExportRows::ExportRows(records::RecordService& records, const records::EntityLayout& layout,
                       std::shared_ptr<const access::UserGrants> grants)
    : records_(records), layout_(layout), grants_(std::move(grants)) {}

ExportRows::~ExportRows() = default;

Result<std::unique_ptr<ExportRows>> ExportRows::open(records::RecordService& records,
                                                     const records::EntityLayout& layout,
                                                     std::shared_ptr<const access::UserGrants> grants,
                                                     ExportRequest request) {
  std::unique_ptr<ExportRows> rows(new ExportRows(records, layout, std::move(grants)));
  if (!rows->grants_->administrator) {
    // The access lives as long as the export, on the thread that writes the file.
    rows->access_ = std::make_unique<records::RecordAccess>(records::access_for(records, rows->grants_));
    // The rows of the list (its read scope, applied by the record service) that are also
    // within the caller's export scope.
    auto condition = rows->access_->condition(layout, access::Action::export_records);
    if (!condition) return condition.take_error();
    if (condition->sql != "1 = 1") {
      rows->query_.scope_sql = condition->sql;
      rows->query_.scope_params = condition->params;
    }
    rows->query_.access = rows->access_.get();
  }
  ATRIUM_TRY(rows->resolve_columns(request));
  ATRIUM_TRY(rows->load_labels());
  rows->query_.filter = std::move(request.filter);
  rows->query_.sort = std::move(request.sort);
  rows->query_.archived = request.archived;
  rows->query_.limit = kPageSize;
  rows->query_.count = request.count;
  auto first = records.list(layout, rows->query_);
  if (!first) return first.take_error();
  rows->query_.count = false;
  rows->total_ = first->total;
  rows->first_page_ = std::move(*first);
  return rows;
}

Result<void> ExportRows::resolve_columns(const ExportRequest& request) {
  const bool chosen = !request.fields.empty();
  std::vector<std::string> names = request.fields;
  if (!chosen) {
    // The definition's list columns, by field name; those hidden from the caller are left
    // out, as the list's own columns would be.
    for (const auto& name : layout_.entity().list_columns) {
      const FieldLayout* field = layout_.find_field(name) ? layout_.find_field(name) : layout_.find(name);
      if (field) names.push_back(field->api_name);
    }
  }
  if (names.size() > kMaxColumns) {
    return Error{ErrorCode::bad_request,
                 "too many fields",
                 {{"fields", "FIELD_INVALID", fmt::format("at most {} fields", kMaxColumns)}}};
  }
  for (const auto& name : names) {
    if (const StandardColumn* standard = standard_column(name)) {
      columns_.push_back({std::string(request.labels ? standard->label : standard->name), nullptr,
                          std::string(standard->name), ExportColumn::Part::whole});
      query_.fields.push_back(name);
      continue;
    }
    const FieldLayout* field = layout_.find(name) ? layout_.find(name) : layout_.find_field(name);
    if (!field) {
      return Error{ErrorCode::bad_request,
                   "the field selection is not valid",
                   {{"fields", "UNKNOWN_FIELD", fmt::format("{} has no field '{}'", layout_.entity().label, name)}}};
    }
    if (access_ && access_->mode(layout_, *field) == access::FieldMode::hidden) {
      if (chosen) ATRIUM_TRY(access_->check_visible(layout_, *field, "fields"));
      continue;
    }
    // Without labels, the field's name: `parent` rather than `parent_id`, since a link's
    // cell holds the linked record's title.
    const std::string header = request.labels ? field->field->label : field->field->name;
    if (field->field->type == "money") {
      columns_.push_back({header, field, {}, ExportColumn::Part::amount});
      columns_.push_back(
          {request.labels ? header + " (currency)" : header + ".currency", field, {}, ExportColumn::Part::currency});
    } else {
      columns_.push_back({header, field, {}, ExportColumn::Part::whole});
    }
    query_.fields.push_back(field->api_name);
  }
  if (columns_.empty()) {
    return Error{ErrorCode::bad_request,
                 "nothing to export",
                 {{"fields", "FIELD_INVALID", "name at least one field the caller may see"}}};
  }
  return {};
}

Result<void> ExportRows::load_labels() {
  for (const auto& column : columns_) {
    if (!column.field) continue;
    const auto& field = *column.field->field;
    if (field.type != "enum" && field.type != "multi_enum") continue;
    auto& labels = labels_[field.id];
    for (const auto& value : field.values) labels.emplace(value.key, value.label);
    if (field.picklist.empty() || !labels.empty()) continue;
    ATRIUM_TRY(records_.database().read([&](storage::Connection& connection) -> Result<void> {
      return connection.each("SELECT key, label FROM picklist_values WHERE picklist = ?", {field.picklist},
                             [&](const storage::Row& row) {
                               labels.emplace(row[0].text(), row[1].text());
                               return true;
                             });
    }));
  }
  return {};
}

std::vector<std::string> ExportRows::headers() const {
  std::vector<std::string> headers;
  headers.reserve(columns_.size());
  for (const auto& column : columns_) headers.push_back(column.header);
  return headers;
}

Result<std::vector<std::vector<ExportCell>>> ExportRows::next_page() {
  std::vector<std::vector<ExportCell>> rows;
  if (finished_) return rows;
  records::ListPage page;
  if (first_page_) {
    page = std::move(*first_page_);
    first_page_.reset();
  } else {
    auto next = records_.list(layout_, query_);
    if (!next) return next.take_error();
    page = std::move(*next);
  }
  if (page.next_cursor) {
    query_.cursor = *page.next_cursor;
  } else {
    finished_ = true;
  }
  ATRIUM_TRY(load_titles(page.data));
  rows.reserve(page.data.size());
  for (const auto& item : page.data) {
    const auto& record = item.as_object();
    std::vector<ExportCell> cells;
    cells.reserve(columns_.size());
    for (const auto& column : columns_) cells.push_back(cell_of(record, column));
    rows.push_back(std::move(cells));
  }
  return rows;
}

Result<void> ExportRows::load_titles(const boost::json::array& page) {
  titles_.clear();
  std::map<std::string, std::set<std::string>, std::less<>> wanted;  // entity → ids
  for (const auto& item : page) {
    const auto& record = item.as_object();
    for (const auto& column : columns_) {
      if (!column.field) continue;
      const auto& field = *column.field->field;
      const auto* value = record.if_contains(column.field->api_name);
      if (!value || value->is_null()) continue;
      if (field.type == "link" && value->is_string()) {
        wanted[field.link_entity].emplace(value->as_string());
      } else if (field.type == "link_multiple" && value->is_array()) {
        for (const auto& id : value->as_array()) {
          if (id.is_string()) wanted[field.link_entity].emplace(id.as_string());
        }
      } else if (field.type == "parent" && value->is_object()) {
        const auto* entity = value->as_object().if_contains("entity");
        const auto* id = value->as_object().if_contains("id");
        if (entity && entity->is_string() && id && id->is_string()) {
          wanted[std::string(entity->as_string())].emplace(id->as_string());
        }
      }
    }
  }
  for (const auto& [entity, ids] : wanted) {
    const records::EntityLayout* target = records_.by_name(entity);
    if (!target) continue;
    const FieldLayout* title = target->find_field(target->entity().title_field);
    if (!title) continue;
    // A title the caller may not read stays an id, as the list shows it.
    std::string where;
    storage::Params params;
    for (const auto& id : ids) {
      where += where.empty() ? "?" : ", ?";
      params.emplace_back(id);
    }
    where = "id IN (" + where + ")";
    if (access_) {
      if (access_->mode(*target, *title) == access::FieldMode::hidden) continue;
      auto condition = access_->condition(*target, access::Action::read);
      if (!condition) continue;
      where += " AND (" + condition->sql + ")";
      params.insert(params.end(), condition->params.begin(), condition->params.end());
    }
    std::string columns;
    for (const auto& column : title->columns) columns += ", " + column.name;
    auto& found = titles_[entity];
    ATRIUM_TRY(records_.database().read([&](storage::Connection& connection) -> Result<void> {
      return connection.each(fmt::format("SELECT id{} FROM {} WHERE {}", columns, target->entity().table, where),
                             params, [&](const storage::Row& row) {
                               std::span<const storage::Value> values(row.data() + 1, row.size() - 1);
                               found.emplace(row[0].text(), plain_text(title->type->to_json(values, *title->field)));
                               return true;
                             });
    }));
  }
  return {};
}

std::string ExportRows::title_of(std::string_view entity, std::string_view id) const {
  if (auto by_entity = titles_.find(entity); by_entity != titles_.end()) {
    if (auto title = by_entity->second.find(id); title != by_entity->second.end() && !title->second.empty()) {
      return title->second;
    }
  }
  return std::string(id);
}

std::string ExportRows::label_of(const metadata::FieldDefinition& field, std::string_view key) const {
  if (auto by_field = labels_.find(field.id); by_field != labels_.end()) {
    if (auto label = by_field->second.find(key); label != by_field->second.end()) return label->second;
  }
  return std::string(key);
}

ExportCell ExportRows::cell_of(const boost::json::object& record, const ExportColumn& column) const {
  if (!column.field) {
    const auto* value = record.if_contains(column.standard);
    if (!value || value->is_null()) return {};
    const StandardColumn* standard = standard_column(column.standard);
    ExportCell cell;
    cell.kind = standard ? standard->kind : ExportCell::Kind::text;
    cell.text = plain_text(*value);
    return cell;
  }
  const auto& field = *column.field->field;
  const auto* value = record.if_contains(column.field->api_name);
  if (!value || value->is_null()) return {};
  const std::string& type = field.type;
  if (type == "money") {
    const auto& money = value->as_object();
    const std::string currency = plain_text(money.at("currency"));
    if (column.part == ExportColumn::Part::currency) return ExportCell::of_text(currency);
    return {ExportCell::Kind::money, plain_text(money.at("amount")), currency, false};
  }
  if (type == "integer" || type == "decimal" || type == "percent") return ExportCell::of_number(plain_text(*value));
  if (type == "boolean" && value->is_bool()) return ExportCell::of_boolean(value->as_bool());
  if (type == "date") return {ExportCell::Kind::date, plain_text(*value), {}, false};
  if (type == "datetime") return {ExportCell::Kind::datetime, plain_text(*value), {}, false};
  if (type == "enum" && value->is_string()) return ExportCell::of_text(label_of(field, value->as_string()));
  if (type == "link" && value->is_string()) return ExportCell::of_text(title_of(field.link_entity, value->as_string()));
  if ((type == "multi_enum" || type == "link_multiple") && value->is_array()) {
    std::string joined;
    for (const auto& element : value->as_array()) {
      const std::string text = plain_text(element);
      if (!joined.empty()) joined += kListSeparator;
      joined += type == "multi_enum" ? label_of(field, text) : title_of(field.link_entity, text);
    }
    return ExportCell::of_text(std::move(joined));
  }
  if (type == "parent" && value->is_object()) {
    const std::string entity = plain_text(value->as_object().at("entity"));
    const std::string id = plain_text(value->as_object().at("id"));
    const records::EntityLayout* target = records_.by_name(entity);
    return ExportCell::of_text(fmt::format("{}: {}", target ? target->entity().label : entity, title_of(entity, id)));
  }
  if (type == "address" && value->is_object()) return ExportCell::of_text(address_line(value->as_object()));
  return ExportCell::of_text(plain_text(*value));
}

}  // namespace atrium::dataio
