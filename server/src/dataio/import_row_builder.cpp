#include "atrium/dataio/import_row_builder.hpp"

#include <fmt/format.h>

#include "atrium/dataio/import_value_converter.hpp"

namespace atrium::dataio {

ImportRowBuilder::ImportRowBuilder(const records::RecordService& records, const records::EntityLayout& layout,
                                   const ImportSettings& settings, const std::vector<std::string>& header,
                                   storage::Connection& connection)
    : records_(records), layout_(layout), settings_(settings), connection_(connection), targets_(import_targets(layout)) {
  // Targets are looked up once; the settings were checked against this header.
  columns_.reserve(settings.mapping.size());
  for (const auto& [column, target_name] : settings.mapping) {
    const ImportTarget* target = find_target(targets_, target_name);
    for (std::size_t index = 0; index < header.size() && target; ++index) {
      if (header[index] == column) {
        columns_.push_back({index, column, target});
        break;
      }
    }
  }
  for (const auto& column : columns_) {
    if (column.target->name == "currency") currency_column_ = &column;
  }
}

std::string ImportRowBuilder::column_for(std::string_view api_name) const {
  for (const auto& column : columns_) {
    if (column.target->field->api_name == api_name || column.target->name == api_name) return column.name;
  }
  return {};
}

Result<const std::vector<metadata::EnumValue>*> ImportRowBuilder::values_of(const metadata::FieldDefinition& field) {
  if (field.picklist.empty()) return &field.values;
  auto found = picklists_.find(field.picklist);
  if (found != picklists_.end()) return &found->second;
  auto rows = connection_.query("SELECT key, label FROM picklist_values WHERE picklist = ? ORDER BY position",
                                {field.picklist});
  if (!rows) return rows.take_error();
  std::vector<metadata::EnumValue> values;
  for (const auto& row : rows->rows) values.push_back({row[0].text(), row[1].text()});
  return &picklists_.emplace(field.picklist, std::move(values)).first->second;
}

Result<std::string> ImportRowBuilder::link_id(const records::FieldLayout& field, const std::string& text) {
  const std::string cache_key = fmt::format("{}\t{}", field.field->link_entity, text);
  if (auto found = links_.find(cache_key); found != links_.end()) return found->second;
  const records::EntityLayout* target = records_.by_name(field.field->link_entity);
  if (!target) return make_error(ErrorCode::internal_error, "the link's entity is unknown");
  // By code first (the stable business key), then by the title (a name).
  Result<std::string> outcome = Error{ErrorCode::validation_failed,
                                      fmt::format("no {} with the code or name '{}'", target->entity().label, text), {}};
  for (const char* field_name : {"code", target->entity().title_field.c_str()}) {
    const records::FieldLayout* key = target->find_field(field_name);
    if (!key || key->columns.empty()) continue;
    auto rows = connection_.query(
        fmt::format("SELECT id FROM {} WHERE {} = ? LIMIT 2", target->entity().table, key->columns[0].name), {text});
    if (!rows) return rows.take_error();
    if (rows->rows.size() == 1) {
      outcome = rows->rows[0][0].text();
      break;
    }
    if (rows->rows.size() > 1) {
      outcome = Error{ErrorCode::validation_failed,
                      fmt::format("several {} have the {} '{}'", target->entity().label_plural, field_name, text), {}};
      break;
    }
  }
  links_.emplace(cache_key, outcome);
  return outcome;
}

Result<boost::json::object> ImportRowBuilder::build(const std::vector<std::string>& cells) {
  boost::json::object input;
  std::vector<std::string> problems;
  ImportValueOptions options{settings_.date_format, settings_.decimal_separator, settings_.currency};
  if (currency_column_ && currency_column_->index < cells.size() && cells[currency_column_->index].size() == 3) {
    options.currency = cells[currency_column_->index];
  }
  for (const auto& column : columns_) {
    if (column.index >= cells.size() || cells[column.index].empty()) continue;  // empty cells set nothing
    const std::string& text = cells[column.index];
    const ImportTarget& target = *column.target;
    const auto& definition = *target.field->field;
    if (!target.part.empty()) {
      auto& address = input[definition.name];
      if (!address.is_object()) address = boost::json::object{};
      address.as_object()[target.part] = text;
      continue;
    }
    if (definition.type == "link") {
      auto id = link_id(*target.field, text);
      if (!id) {
        if (id.error().code != ErrorCode::validation_failed) return id.take_error();
        problems.push_back(fmt::format("column '{}': {}", column.name, id.error().message));
        continue;
      }
      input[target.field->api_name] = *id;
      continue;
    }
    auto values = values_of(definition);
    if (!values) return values.take_error();
    auto converted = convert_cell(definition, text, options, **values);
    if (!converted) {
      problems.push_back(fmt::format("column '{}': {}", column.name, converted.error().message));
      continue;
    }
    input[target.field->api_name] = std::move(*converted);
  }
  if (!problems.empty()) {
    std::string message;
    for (const auto& problem : problems) message += (message.empty() ? "" : "; ") + problem;
    return Error{ErrorCode::validation_failed, message, {}};
  }
  return input;
}

}  // namespace atrium::dataio
