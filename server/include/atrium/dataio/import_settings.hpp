#pragma once
// How an import reads its file and writes its records: the column → field mapping, the
// date format, the decimal separator, the mode (create, update or upsert by a key field)
// and what to do with rows that match an existing record. Saved in templates, too.
#include <boost/json/object.hpp>
#include <string>
#include <utility>
#include <vector>

#include "atrium/core/result.hpp"
#include "atrium/dataio/import_mapping.hpp"

namespace atrium::dataio {

enum class ImportMode { create, update, upsert };
// For rows (in create mode) whose key matches an existing record.
enum class DuplicateHandling { skip, update, create };

struct ImportSettings {
  std::vector<std::pair<std::string, std::string>> mapping;  // column name → target name
  std::string date_format = "YYYY-MM-DD";
  char decimal_separator = '.';
  ImportMode mode = ImportMode::create;
  std::string key_field;  // a target name; required for update and upsert
  DuplicateHandling duplicates = DuplicateHandling::skip;
  std::string currency = "EUR";  // for money without one
};

// The settings in `body` (the import request or a template), every problem named by its
// field. Keys outside the settings are left to the caller.
Result<ImportSettings> read_import_settings(const boost::json::object& body);
boost::json::object import_settings_json(const ImportSettings& settings);

// Whether the settings fit the entity and the file's header: every mapped column is in
// the header, every target is a field the import can fill (at most once), the key field
// is mapped and unique or indexed.
Result<void> check_import_settings(const ImportSettings& settings, const std::vector<ImportTarget>& targets,
                                   const std::vector<std::string>& header);

}  // namespace atrium::dataio
