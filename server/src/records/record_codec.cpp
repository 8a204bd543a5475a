#include "record_codec.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "atrium/core/json_body.hpp"
#include "atrium/metadata/schema_sync.hpp"

namespace atrium::records {

namespace {

const std::set<std::string, std::less<>> kSystemNames{
    "id", "owner_id", "team_id", "created_at", "created_by_id", "updated_at", "updated_by_id", "archived_at"};

void null_columns(const FieldLayout& field, DecodedInput& decoded) {
  for (const auto& column : field.columns) decoded.assignments.push_back({column.name, storage::Value()});
}

bool all_null(const std::vector<storage::Value>& values) {
  return std::all_of(values.begin(), values.end(), [](const auto& v) { return v.is_null(); });
}

}  // namespace

Result<DecodedInput> decode_input(const EntityLayout& layout, const boost::json::object& input, WriteMode mode,
                                  bool by_system) {
  Error invalid{ErrorCode::validation_failed, fmt::format("the {} is not valid", layout.entity().label), {}};
  DecodedInput decoded;
  decoded.by_system = by_system;
  std::set<const FieldLayout*> given;
  for (const auto& [key, value] : input) {
    const std::string_view name(key);
    if (name == "version") continue;  // a concurrency token, checked by the caller
    if (kSystemNames.contains(name)) {
      invalid.fields.push_back({std::string(name), "FIELD_READ_ONLY", "set by Atrium"});
      continue;
    }
    const FieldLayout* field = layout.find(name);
    if (!field) {
      invalid.fields.push_back(
          {std::string(name), "UNKNOWN_FIELD", fmt::format("{} has no field '{}'", layout.entity().label, name)});
      continue;
    }
    if (field->field->read_only && !by_system) {
      invalid.fields.push_back({std::string(name), "FIELD_READ_ONLY", "set by Atrium"});
      continue;
    }
    given.insert(field);
    decoded.touched.push_back(field);
    if (value.is_null() || (value.is_string() && value.as_string().empty() && field->field->type != "json")) {
      if (field->field->required) {
        invalid.fields.push_back({std::string(name), "FIELD_REQUIRED", "required"});
      } else {
        null_columns(*field, decoded);
      }
      continue;
    }
    auto converted = field->type->from_json(value, *field->field);
    if (auto* problem = std::get_if<metadata::FieldProblem>(&converted)) {
      invalid.fields.push_back({std::string(name), problem->code, problem->message});
      continue;
    }
    const auto& values = std::get<std::vector<storage::Value>>(converted);
    if (field->field->required && all_null(values)) {
      invalid.fields.push_back({std::string(name), "FIELD_REQUIRED", "required"});
      continue;
    }
    for (std::size_t i = 0; i < values.size(); ++i) decoded.assignments.push_back({field->columns[i].name, values[i]});
  }
  if (mode == WriteMode::create) {
    for (const auto& field : layout.fields()) {
      // A read-only field starts at its default (a revision at 1) until the system moves it.
      if (given.contains(&field)) continue;
      if (!field.field->default_value.is_null()) {
        auto converted = field.type->from_json(field.field->default_value, *field.field);
        const auto& values = std::get<std::vector<storage::Value>>(converted);  // checked at start
        for (std::size_t i = 0; i < values.size(); ++i)
          decoded.assignments.push_back({field.columns[i].name, values[i]});
        decoded.touched.push_back(&field);
      } else if (field.field->required &&
                 !(layout.entity().numbering && layout.entity().numbering->field == field.field->name)) {
        // A numbered field may be left out: the series fills it.
        invalid.fields.push_back({field.api_name, "FIELD_REQUIRED", "required"});
      }
    }
  }
  if (!invalid.fields.empty()) return invalid;
  return decoded;
}

Result<void> check_against_database(storage::Connection& connection, const EntityLayout& layout,
                                    const metadata::Catalog& catalog, const DecodedInput& input,
                                    std::string_view own_id) {
  Error invalid{ErrorCode::validation_failed, fmt::format("the {} is not valid", layout.entity().label), {}};
  auto value_of = [&](const std::string& column) -> const storage::Value* {
    for (const auto& assignment : input.assignments) {
      if (assignment.column == column) return &assignment.value;
    }
    return nullptr;
  };
  for (const FieldLayout* field : input.touched) {
    const auto& definition = *field->field;
    const storage::Value* value = value_of(field->columns[0].name);
    if (!value || value->is_null()) continue;
    if (definition.type == "link" || definition.type == "link_multiple") {
      const auto* target = catalog.find(definition.link_entity);
      std::vector<std::string> ids;
      if (definition.type == "link") {
        ids.push_back(value->text());
      } else if (auto parsed = parse_json(value->text()); parsed && parsed->is_array()) {
        for (const auto& id : parsed->as_array()) ids.emplace_back(id.as_string());
      }
      for (const auto& id : ids) {
        auto found =
            connection.query(fmt::format("SELECT 1 FROM {} WHERE id = ? AND archived_at IS NULL", target->table), {id});
        if (!found) return found.take_error();
        if (found->empty()) {
          invalid.fields.push_back(
              {field->api_name, "LINK_NOT_FOUND", fmt::format("no active {} with id {}", target->label, id)});
          break;
        }
      }
    }
    if (definition.type == "parent") {
      const storage::Value* id = value_of(field->columns[1].name);
      const auto* target = catalog.find(value->text());
      if (target && id && !id->is_null()) {
        auto found = connection.query(
            fmt::format("SELECT 1 FROM {} WHERE id = ? AND archived_at IS NULL", target->table), {id->text()});
        if (!found) return found.take_error();
        if (found->empty()) {
          invalid.fields.push_back(
              {field->api_name, "LINK_NOT_FOUND", fmt::format("no active {} with id {}", target->label, id->text())});
        }
      }
    }
    if ((definition.type == "enum" || definition.type == "multi_enum") && !definition.picklist.empty()) {
      std::vector<std::string> keys;
      if (definition.type == "enum") {
        keys.push_back(value->text());
      } else if (auto parsed = parse_json(value->text()); parsed && parsed->is_array()) {
        for (const auto& key : parsed->as_array()) keys.emplace_back(key.as_string());
      }
      for (const auto& key : keys) {
        // Deactivated values stay on the records that have them but are not chosen anew.
        auto found = connection.query("SELECT 1 FROM picklist_values WHERE picklist = ? AND key = ? AND active = 1",
                                      {definition.picklist, key});
        if (!found) return found.take_error();
        if (found->empty()) {
          invalid.fields.push_back({field->api_name, "FIELD_INVALID_ENUM",
                                    fmt::format("'{}' is not in the picklist {}", key, definition.picklist)});
          break;
        }
      }
    }
    if (definition.unique) {
      auto found = connection.query(
          fmt::format("SELECT 1 FROM {} WHERE {} = ? AND id <> ?", layout.entity().table, field->columns[0].name),
          {*value, own_id});
      if (!found) return found.take_error();
      if (!found->empty()) {
        invalid.fields.push_back({field->api_name, "UNIQUE_VIOLATION",
                                  fmt::format("another {} has this {}", layout.entity().label, definition.label)});
      }
    }
  }
  if (!invalid.fields.empty()) return invalid;
  return {};
}

Result<boost::json::object> read_record(storage::Connection& connection, const EntityLayout& layout,
                                        std::string_view id, const std::vector<std::string>& fields) {
  auto rows = connection.query(
      fmt::format("SELECT {} FROM {} WHERE id = ?", layout.select_list(), layout.entity().table), {id});
  if (!rows) return rows.take_error();
  if (rows->empty())
    return make_error(ErrorCode::not_found, fmt::format("no {} with id {}", layout.entity().label, id));
  return encode_row(layout, rows->rows[0], fields);
}

boost::json::object encode_row(const EntityLayout& layout, const storage::Row& row,
                               const std::vector<std::string>& fields) {
  boost::json::object object;
  const auto& standard = metadata::standard_columns();
  auto wanted = [&](std::string_view name) {
    return fields.empty() || name == "id" || name == "version" ||
           std::find(fields.begin(), fields.end(), name) != fields.end();
  };
  for (std::size_t i = 0; i < standard.size(); ++i) {
    if (!wanted(standard[i])) continue;
    const auto& value = row[i];
    if (value.is_null()) {
      object[standard[i]] = nullptr;
    } else if (value.is_integer()) {
      object[standard[i]] = value.integer();
    } else {
      object[standard[i]] = value.text();
    }
  }
  for (const auto& field : layout.fields()) {
    if (!wanted(field.api_name)) continue;
    std::span<const storage::Value> columns(row.data() + field.first, field.columns.size());
    object[field.api_name] = field.type->to_json(columns, *field.field);
  }
  return object;
}

Result<std::optional<std::int64_t>> version_in_body(const boost::json::object& input,
                                                    std::optional<std::int64_t> expected_version) {
  if (const auto* version = input.if_contains("version"); version && !expected_version) {
    if (!version->is_int64()) {
      return Error{ErrorCode::validation_failed,
                   "the version is not valid",
                   {{"version", "FIELD_INVALID_INTEGER", "the version you read, a whole number"}}};
    }
    return std::optional<std::int64_t>{version->as_int64()};
  }
  return expected_version;
}

}  // namespace atrium::records
