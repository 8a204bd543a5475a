#include "atrium/dataio/import_settings.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "atrium/dataio/import_value_converter.hpp"

namespace atrium::dataio {

namespace {

constexpr std::size_t kMaxMappedColumns = 1000;

const char* mode_name(ImportMode mode) {
  switch (mode) {
    case ImportMode::create: return "create";
    case ImportMode::update: return "update";
    case ImportMode::upsert: return "upsert";
  }
  return "create";
}

const char* duplicates_name(DuplicateHandling handling) {
  switch (handling) {
    case DuplicateHandling::skip: return "skip";
    case DuplicateHandling::update: return "update";
    case DuplicateHandling::create: return "create";
  }
  return "skip";
}

}  // namespace

Result<ImportSettings> read_import_settings(const boost::json::object& body) {
  ImportSettings settings;
  Error invalid{ErrorCode::validation_failed, "the import settings are not valid", {}};
  const auto text = [&](std::string_view name, std::size_t max) -> std::optional<std::string> {
    const auto* value = body.if_contains(name);
    if (!value || value->is_null()) return std::nullopt;
    if (!value->is_string() || value->as_string().size() > max) {
      invalid.fields.push_back({std::string(name), "FIELD_INVALID", fmt::format("text of at most {} characters", max)});
      return std::nullopt;
    }
    return std::string(value->as_string());
  };
  if (const auto* mapping = body.if_contains("mapping")) {
    if (!mapping->is_object() || mapping->as_object().size() > kMaxMappedColumns) {
      invalid.fields.push_back({"mapping", "FIELD_INVALID", "an object of column name → field name"});
    } else {
      for (const auto& [column, target] : mapping->as_object()) {
        if (target.is_null() || (target.is_string() && target.as_string().empty())) continue;  // not imported
        if (!target.is_string() || target.as_string().size() > 200 || column.size() > 1000) {
          invalid.fields.push_back({fmt::format("mapping.{}", std::string_view(column)), "FIELD_INVALID",
                                    "a field name, or null to leave the column out"});
          continue;
        }
        settings.mapping.emplace_back(std::string(column), std::string(target.as_string()));
      }
    }
  }
  if (auto format = text("date_format", 20)) {
    if (!supported_date_format(*format)) {
      invalid.fields.push_back({"date_format", "DATE_FORMAT_UNSUPPORTED",
                                "one of YYYY-MM-DD, DD.MM.YYYY, MM/DD/YYYY, DD/MM/YYYY, YYYY/MM/DD"});
    } else {
      settings.date_format = *format;
    }
  }
  if (auto separator = text("decimal_separator", 1)) {
    if (*separator != "." && *separator != ",") {
      invalid.fields.push_back({"decimal_separator", "FIELD_INVALID", "\".\" or \",\""});
    } else {
      settings.decimal_separator = separator->front();
    }
  }
  if (auto mode = text("mode", 10)) {
    if (*mode == "create") {
      settings.mode = ImportMode::create;
    } else if (*mode == "update") {
      settings.mode = ImportMode::update;
    } else if (*mode == "upsert") {
      settings.mode = ImportMode::upsert;
    } else {
      invalid.fields.push_back({"mode", "FIELD_INVALID", "create, update or upsert"});
    }
  }
  if (auto duplicates = text("duplicates", 10)) {
    if (*duplicates == "skip") {
      settings.duplicates = DuplicateHandling::skip;
    } else if (*duplicates == "update") {
      settings.duplicates = DuplicateHandling::update;
    } else if (*duplicates == "create") {
      settings.duplicates = DuplicateHandling::create;
    } else {
      invalid.fields.push_back({"duplicates", "FIELD_INVALID", "skip, update or create"});
    }
  }
  if (auto key = text("key_field", 200)) settings.key_field = *key;
  if (auto currency = text("currency", 3)) {
    if (currency->size() != 3 ||
        !std::all_of(currency->begin(), currency->end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
      invalid.fields.push_back({"currency", "FIELD_INVALID_CURRENCY", "an ISO 4217 code such as EUR"});
    } else {
      settings.currency = *currency;
    }
  }
  if (settings.mode != ImportMode::create && settings.key_field.empty()) {
    invalid.fields.push_back({"key_field", "FIELD_REQUIRED", "the field that finds the record to update, e.g. code"});
  }
  if (!invalid.fields.empty()) return invalid;
  return settings;
}

boost::json::object import_settings_json(const ImportSettings& settings) {
  boost::json::object mapping;
  for (const auto& [column, target] : settings.mapping) mapping[column] = target;
  boost::json::object json{{"mapping", std::move(mapping)},
                           {"date_format", settings.date_format},
                           {"decimal_separator", std::string(1, settings.decimal_separator)},
                           {"mode", mode_name(settings.mode)},
                           {"duplicates", duplicates_name(settings.duplicates)},
                           {"currency", settings.currency}};
  json["key_field"] = settings.key_field.empty() ? boost::json::value(nullptr) : boost::json::value(settings.key_field);
  return json;
}

Result<void> check_import_settings(const ImportSettings& settings, const std::vector<ImportTarget>& targets,
                                   const std::vector<std::string>& header) {
  Error invalid{ErrorCode::validation_failed, "the mapping does not fit the file or the entity", {}};
  std::set<std::string> used;
  if (settings.mapping.empty()) {
    invalid.fields.push_back({"mapping", "MAPPING_EMPTY", "map at least one column to a field"});
  }
  for (const auto& [column, target] : settings.mapping) {
    const std::string where = fmt::format("mapping.{}", column);
    if (std::find(header.begin(), header.end(), column) == header.end()) {
      invalid.fields.push_back({where, "COLUMN_NOT_FOUND", fmt::format("the file has no column '{}'", column)});
    }
    if (!find_target(targets, target)) {
      invalid.fields.push_back({where, "UNKNOWN_FIELD", fmt::format("'{}' is not a field an import can fill", target)});
    } else if (!used.insert(target).second) {
      invalid.fields.push_back({where, "FIELD_MAPPED_TWICE", fmt::format("another column fills '{}' already", target)});
    }
  }
  if (!settings.key_field.empty()) {
    const ImportTarget* key = find_target(targets, settings.key_field);
    const auto& type = key && key->part.empty() ? key->field->field->type : std::string();
    const bool plain = type == "text" || type == "email" || type == "phone" || type == "integer" || type == "url";
    if (!key || !key->part.empty() || !plain || !(key->field->field->unique || key->field->field->indexed)) {
      invalid.fields.push_back({"key_field", "KEY_FIELD_INVALID", "a unique or indexed text or number field"});
    } else if (!used.contains(settings.key_field)) {
      invalid.fields.push_back({"key_field", "KEY_FIELD_NOT_MAPPED", "map a column to the key field"});
    }
  }
  if (!invalid.fields.empty()) return invalid;
  return {};
}

}  // namespace atrium::dataio
